import { KafkaSecurityError } from '@redcrowd/runtime';
import { createKafkaClient, parseBrokerList } from './kafka-client';

describe('createKafkaClient', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it("takes its security settings from the process's environment when given none", () => {
    process.env.KAFKA_SASL_MECHANISM = 'scram-sha-512';
    expect(() => createKafkaClient({ brokers: ['kafka:9092'], clientId: 'redcrowd-test' })).toThrow(
      KafkaSecurityError,
    );
  });

  it('uses the security it is given instead of the environment', () => {
    process.env.KAFKA_SASL_MECHANISM = 'scram-sha-512';
    expect(() =>
      createKafkaClient({ brokers: ['kafka:9092'], clientId: 'redcrowd-test', security: {} }),
    ).not.toThrow();
  });
});

describe("createKafkaClient's log lines", () => {
  it("names kafkajs's protocol correlationId kafkaRequestId, so ours stays unambiguous", () => {
    const heard: Array<[string, string, object]> = [];
    const kafka = createKafkaClient({
      brokers: ['kafka:9092'],
      clientId: 'redcrowd-test',
      security: {},
      log: (level, message, extra) => heard.push([level, message, extra]),
    });
    kafka.logger().warn('Response Metadata', { correlationId: 7, broker: 'kafka:9092' });
    kafka.logger().error('Connection error', { broker: 'kafka:9092' });
    expect(heard).toEqual([
      [
        'warn',
        'kafkajs: Response Metadata',
        expect.objectContaining({ kafkaRequestId: 7, broker: 'kafka:9092' }),
      ],
      [
        'error',
        'kafkajs: Connection error',
        expect.not.objectContaining({ kafkaRequestId: expect.anything() }),
      ],
    ]);
    expect(heard[0]![2]).not.toHaveProperty('correlationId');
  });
});

describe('parseBrokerList', () => {
  it('splits a comma-separated list and drops blanks', () => {
    expect(parseBrokerList(' a:9092, ,b:9092,')).toEqual(['a:9092', 'b:9092']);
  });
});
