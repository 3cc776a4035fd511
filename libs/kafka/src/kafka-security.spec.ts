import { KafkaSecurityError } from '@redcrowd/runtime';
import { kafkaSecurity, kafkaSecurityFromEnv } from './kafka-security';

const CA_PEM = '-----BEGIN CERTIFICATE-----\nMIIB...\n-----END CERTIFICATE-----\n';
const KEY_PEM = '-----BEGIN PRIVATE KEY-----\nMIIE...\n-----END PRIVATE KEY-----\n';

/** Files by path, as the settings name them; any other path does not exist. */
function files(contents: Record<string, string>): (path: string) => Buffer {
  return (path) => {
    const text = contents[path];
    if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
    return Buffer.from(text);
  };
}

describe('kafkaSecurity', () => {
  it('gives no sasl and no ssl option without settings, so kafkajs connects in plaintext', () => {
    expect(kafkaSecurity({})).toEqual({});
  });

  it('maps SCRAM-SHA-512 over TLS with a private CA to kafkajs options', () => {
    const security = kafkaSecurity(
      {
        KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
        KAFKA_SASL_USERNAME: 'intake',
        KAFKA_SASL_PASSWORD: 's3cret',
        KAFKA_TLS: 'true',
        KAFKA_TLS_CA_FILE: '/etc/kafka/ca.pem',
      },
      files({ '/etc/kafka/ca.pem': CA_PEM }),
    );
    expect(security).toEqual({
      sasl: { mechanism: 'scram-sha-512', username: 'intake', password: 's3cret' },
      ssl: { rejectUnauthorized: true, ca: [CA_PEM] },
    });
  });

  it("reads the password from a secret file, without the file's final newline", () => {
    const security = kafkaSecurity(
      {
        KAFKA_SASL_MECHANISM: 'plain',
        KAFKA_SASL_USERNAME: 'matcher',
        KAFKA_SASL_PASSWORD_FILE: '/run/secrets/kafka-password',
      },
      files({ '/run/secrets/kafka-password': 'pa ss\n' }),
    );
    expect(security).toEqual({ sasl: { mechanism: 'plain', username: 'matcher', password: 'pa ss' } });
  });

  it('passes a client certificate and key, and rejectUnauthorized=false when asked', () => {
    const security = kafkaSecurity(
      {
        KAFKA_TLS: 'true',
        KAFKA_TLS_CERT_FILE: '/c.pem',
        KAFKA_TLS_KEY_FILE: '/k.pem',
        KAFKA_TLS_REJECT_UNAUTHORIZED: 'false',
      },
      files({ '/c.pem': CA_PEM, '/k.pem': KEY_PEM }),
    );
    expect(security).toEqual({ ssl: { rejectUnauthorized: false, cert: CA_PEM, key: KEY_PEM } });
  });

  it('names every file that cannot be read or is no PEM, in one error', () => {
    const attempt = () =>
      kafkaSecurity(
        {
          KAFKA_SASL_MECHANISM: 'scram-sha-256',
          KAFKA_SASL_USERNAME: 'intake',
          KAFKA_SASL_PASSWORD_FILE: '/missing',
          KAFKA_TLS: 'true',
          KAFKA_TLS_CA_FILE: '/ca.p12',
        },
        files({ '/ca.p12': 'binary keystore' }),
      );
    expect(attempt).toThrow(KafkaSecurityError);
    expect(attempt).toThrow(
      "invalid Kafka security settings:\n  KAFKA_TLS_CA_FILE: /ca.p12 holds no -----BEGIN CERTIFICATE----- block\n  KAFKA_SASL_PASSWORD_FILE: /missing cannot be read (ENOENT: no such file or directory, open '/missing')",
    );
  });

  it('refuses inconsistent settings before reading any file', () => {
    const readFile = jest.fn(files({}));
    expect(() =>
      kafkaSecurity({ KAFKA_SASL_MECHANISM: 'scram-sha-512', KAFKA_TLS_CA_FILE: '/ca.pem' }, readFile),
    ).toThrow(/KAFKA_SASL_USERNAME: is required when KAFKA_SASL_MECHANISM is set/);
    expect(readFile).not.toHaveBeenCalled();
  });
});

describe('kafkaSecurityFromEnv', () => {
  it('reads only the KAFKA_SASL_* and KAFKA_TLS* variables of the environment', () => {
    expect(
      kafkaSecurityFromEnv({
        KAFKA_BROKERS: 'kafka:9092',
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: 'intake',
        KAFKA_SASL_PASSWORD: 's3cret',
        KAFKA_TLS: 'true',
      }),
    ).toEqual({
      sasl: { mechanism: 'scram-sha-512', username: 'intake', password: 's3cret' },
      ssl: { rejectUnauthorized: true },
    });
  });
});
