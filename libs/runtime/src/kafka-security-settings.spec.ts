import { loadConfig, ConfigError } from './load-config';
import { kafkaSecurityProblems, planKafkaSecurity, KafkaSecurityError } from './kafka-security-settings';
import { ServiceConfig } from './service-config';

const BASE_ENV = { KAFKA_BROKERS: 'kafka:9092', DATABASE_URL: 'postgres://redcrowd@postgres/redcrowd' };
const SCRAM = {
  KAFKA_SASL_MECHANISM: 'scram-sha-512',
  KAFKA_SASL_USERNAME: 'intake',
  KAFKA_SASL_PASSWORD: 's3cret',
};

describe('kafkaSecurityProblems', () => {
  it('accepts no settings at all: plaintext without authentication', () => {
    expect(kafkaSecurityProblems({})).toEqual([]);
    expect(planKafkaSecurity({})).toEqual({});
  });

  it('accepts SCRAM over TLS with a private CA', () => {
    expect(kafkaSecurityProblems({ ...SCRAM, KAFKA_TLS: 'true', KAFKA_TLS_CA_FILE: '/ca.pem' })).toEqual([]);
  });

  it('names the missing username and password of a mechanism', () => {
    expect(kafkaSecurityProblems({ KAFKA_SASL_MECHANISM: 'scram-sha-512' })).toEqual([
      { setting: 'KAFKA_SASL_USERNAME', message: 'is required when KAFKA_SASL_MECHANISM is set' },
      {
        setting: 'KAFKA_SASL_PASSWORD',
        message:
          'KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE is required when KAFKA_SASL_MECHANISM is set',
      },
    ]);
  });

  it('refuses an unknown mechanism, listing the known ones', () => {
    expect(kafkaSecurityProblems({ ...SCRAM, KAFKA_SASL_MECHANISM: 'gssapi' })).toEqual([
      {
        setting: 'KAFKA_SASL_MECHANISM',
        message: 'must be one of scram-sha-512, scram-sha-256, plain, not "gssapi"',
      },
    ]);
  });

  it("accepts a mechanism spelled in capitals, as Kafka's own documents do", () => {
    expect(planKafkaSecurity({ ...SCRAM, KAFKA_SASL_MECHANISM: 'SCRAM-SHA-256' }).sasl?.mechanism).toBe(
      'scram-sha-256',
    );
  });

  it('refuses credentials without a mechanism, which would connect unauthenticated', () => {
    expect(kafkaSecurityProblems({ KAFKA_SASL_USERNAME: 'intake', KAFKA_SASL_PASSWORD: 'x' })).toEqual([
      { setting: 'KAFKA_SASL_USERNAME', message: 'is set, but KAFKA_SASL_MECHANISM is not' },
      { setting: 'KAFKA_SASL_PASSWORD', message: 'is set, but KAFKA_SASL_MECHANISM is not' },
    ]);
  });

  it('refuses a password given both inline and as a file', () => {
    expect(kafkaSecurityProblems({ ...SCRAM, KAFKA_SASL_PASSWORD_FILE: '/run/secrets/kafka' })).toEqual([
      {
        setting: 'KAFKA_SASL_PASSWORD_FILE',
        message: 'set KAFKA_SASL_PASSWORD or KAFKA_SASL_PASSWORD_FILE, not both',
      },
    ]);
  });

  it('refuses TLS files while TLS is off, since they would be ignored', () => {
    expect(kafkaSecurityProblems({ KAFKA_TLS: 'false', KAFKA_TLS_CA_FILE: '/ca.pem' })).toEqual([
      { setting: 'KAFKA_TLS_CA_FILE', message: 'is set, but KAFKA_TLS is not true' },
    ]);
  });

  it('refuses booleans other than true or false', () => {
    expect(kafkaSecurityProblems({ KAFKA_TLS: 'yes' })).toEqual([
      { setting: 'KAFKA_TLS', message: 'must be true or false, not "yes"' },
    ]);
  });

  it('refuses a client certificate without its key', () => {
    expect(kafkaSecurityProblems({ KAFKA_TLS: 'true', KAFKA_TLS_CERT_FILE: '/client.pem' })).toEqual([
      {
        setting: 'KAFKA_TLS_KEY_FILE',
        message: 'a client certificate needs both KAFKA_TLS_CERT_FILE and KAFKA_TLS_KEY_FILE',
      },
    ]);
  });

  it('treats empty variables as unset', () => {
    expect(planKafkaSecurity({ KAFKA_SASL_MECHANISM: '', KAFKA_TLS: ' ' })).toEqual({});
  });
});

describe('planKafkaSecurity', () => {
  it('plans SCRAM with a password file over TLS that checks the broker by a private CA', () => {
    const { KAFKA_SASL_PASSWORD: _inline, ...withoutPassword } = SCRAM;
    expect(
      planKafkaSecurity({
        ...withoutPassword,
        KAFKA_SASL_PASSWORD_FILE: '/run/secrets/kafka',
        KAFKA_TLS: 'TRUE',
        KAFKA_TLS_CA_FILE: '/ca.pem',
      }),
    ).toEqual({
      sasl: { mechanism: 'scram-sha-512', username: 'intake', password: { file: '/run/secrets/kafka' } },
      tls: { caFile: '/ca.pem', rejectUnauthorized: true },
    });
  });

  it('keeps rejectUnauthorized false only when asked, with a client certificate', () => {
    expect(
      planKafkaSecurity({
        KAFKA_TLS: 'true',
        KAFKA_TLS_REJECT_UNAUTHORIZED: 'false',
        KAFKA_TLS_CERT_FILE: '/c.pem',
        KAFKA_TLS_KEY_FILE: '/k.pem',
      }),
    ).toEqual({
      tls: { rejectUnauthorized: false, client: { certFile: '/c.pem', keyFile: '/k.pem' } },
    });
  });

  it('throws one error that names every bad setting', () => {
    const attempt = () => planKafkaSecurity({ KAFKA_SASL_MECHANISM: 'plain', KAFKA_TLS: 'on' });
    expect(attempt).toThrow(KafkaSecurityError);
    expect(attempt).toThrow(
      /KAFKA_SASL_USERNAME: is required[\s\S]*KAFKA_SASL_PASSWORD: [\s\S]*KAFKA_TLS: must be true or false/,
    );
  });
});

describe('ServiceConfig Kafka security', () => {
  it('boots with SCRAM over TLS', () => {
    const config = loadConfig(ServiceConfig, {
      ...BASE_ENV,
      ...SCRAM,
      KAFKA_TLS: 'true',
      KAFKA_TLS_CA_FILE: '/ca.pem',
    });
    expect(config).toMatchObject({ ...SCRAM, KAFKA_TLS: 'true', KAFKA_TLS_CA_FILE: '/ca.pem' });
  });

  it('boots without any of them', () => {
    expect(loadConfig(ServiceConfig, BASE_ENV).KAFKA_SASL_MECHANISM).toBeUndefined();
  });

  it('refuses to boot with a mechanism but no username, naming the variable', () => {
    expect(() =>
      loadConfig(ServiceConfig, {
        ...BASE_ENV,
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_PASSWORD: 'x',
      }),
    ).toThrow(
      new ConfigError(
        'invalid configuration:\n  KAFKA_SASL_USERNAME: is required when KAFKA_SASL_MECHANISM is set',
      ),
    );
  });

  it('refuses to boot with a CA file while TLS is off', () => {
    expect(() => loadConfig(ServiceConfig, { ...BASE_ENV, KAFKA_TLS_CA_FILE: '/ca.pem' })).toThrow(
      'KAFKA_TLS_CA_FILE: is set, but KAFKA_TLS is not true',
    );
  });
});
