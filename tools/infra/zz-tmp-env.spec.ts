test('passes', () => { expect(process.env.KAFKA_BROKERS).toBeTruthy(); });
