import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import type { SASLOptions } from 'kafkajs';
import {
  KafkaSecurityError,
  kafkaSecuritySettingsOf,
  planKafkaSecurity,
  type KafkaSecuritySetting,
  type KafkaSecuritySettings,
  type KafkaSettingProblem,
} from '@redcrowd/runtime';

/** The kafkajs options that carry the security settings; empty for plaintext without authentication. */
export interface KafkaSecurity {
  sasl?: SASLOptions;
  ssl?: ConnectionOptions;
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----/;
const PEM_PRIVATE_KEY = /-----BEGIN [A-Z ]*PRIVATE KEY-----/;

/**
 * Turns the settings (see @redcrowd/runtime's kafka-security-settings) into kafkajs's `sasl`
 * and `ssl` options, reading the files they name. Throws a KafkaSecurityError that names
 * every bad setting, so a wrong path fails at start rather than at the first TLS handshake.
 */
export function kafkaSecurity(
  settings: KafkaSecuritySettings,
  readFile: (path: string) => Buffer = (path) => readFileSync(path),
): KafkaSecurity {
  const plan = planKafkaSecurity(settings);
  const problems: KafkaSettingProblem[] = [];
  const read = (setting: KafkaSecuritySetting, path: string, pem?: RegExp): string => {
    try {
      const text = readFile(path).toString('utf8');
      if (pem && !pem.test(text)) problems.push({ setting, message: `${path} holds no ${pem.source} block` });
      return text;
    } catch (error) {
      problems.push({ setting, message: `${path} cannot be read (${(error as Error).message})` });
      return '';
    }
  };

  const security: KafkaSecurity = {};
  if (plan.tls) {
    const { caFile, client, rejectUnauthorized } = plan.tls;
    security.ssl = {
      rejectUnauthorized,
      ...(caFile === undefined ? {} : { ca: [read('KAFKA_TLS_CA_FILE', caFile, PEM_CERTIFICATE)] }),
      ...(client === undefined
        ? {}
        : {
            cert: read('KAFKA_TLS_CERT_FILE', client.certFile, PEM_CERTIFICATE),
            key: read('KAFKA_TLS_KEY_FILE', client.keyFile, PEM_PRIVATE_KEY),
          }),
    };
  }
  if (plan.sasl) {
    const { mechanism, username, password } = plan.sasl;
    security.sasl = {
      mechanism,
      username,
      password:
        'value' in password
          ? password.value
          : // Secret files usually end with a newline that is no part of the password.
            read('KAFKA_SASL_PASSWORD_FILE', password.file).replace(/\r?\n$/, ''),
    };
  }
  if (problems.length > 0) throw new KafkaSecurityError(problems);
  return security;
}

/** kafkaSecurity of the KAFKA_SASL_* and KAFKA_TLS* variables of an environment. */
export function kafkaSecurityFromEnv(env: NodeJS.ProcessEnv = process.env): KafkaSecurity {
  return kafkaSecurity(kafkaSecuritySettingsOf(env));
}
