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

describe('parseBrokerList', () => {
  it('splits a comma-separated list and drops blanks', () => {
    expect(parseBrokerList(' a:9092, ,b:9092,')).toEqual(['a:9092', 'b:9092']);
  });
});
