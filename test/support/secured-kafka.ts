import { Kafka, logLevel } from 'kafkajs';
import { createKafkaClient, kafkaSecurity } from '@redcrowd/kafka';
import type { KafkaSecuritySettings } from '@redcrowd/runtime';

/** The local broker's SASL_SSL listener, as `npm test` and `npm run infra:up` name it (KAFKA_SECURED_*). */
export interface SecuredKafka {
  brokers: string[];
  /** The KAFKA_SASL_* and KAFKA_TLS* settings of a service that uses it. */
  settings: KafkaSecuritySettings;
}

const HOW_TO_GET_IT =
  '`npm test` and `npm run infra:up` set them for the local broker. A local broker started by older ' +
  'code has no secured listener: restart it with `npm run infra:down && npm run infra:up`. Against ' +
  'your own cluster (KAFKA_BROKERS), export KAFKA_SECURED_BROKERS, KAFKA_SECURED_USERNAME, ' +
  'KAFKA_SECURED_PASSWORD and KAFKA_SECURED_CA_FILE for its SASL_SSL listener yourself.';

/** The secured listener of the environment; fails loudly (never skips) when there is none. */
export function securedKafka(env: NodeJS.ProcessEnv = process.env): SecuredKafka {
  const names = [
    'KAFKA_SECURED_BROKERS',
    'KAFKA_SECURED_USERNAME',
    'KAFKA_SECURED_PASSWORD',
    'KAFKA_SECURED_CA_FILE',
  ];
  const missing = names.filter((name) => !env[name]);
  if (missing.length > 0) throw new Error(`${missing.join(', ')} unset. ${HOW_TO_GET_IT}`);
  return {
    brokers: (env.KAFKA_SECURED_BROKERS ?? '').split(','),
    settings: {
      KAFKA_SASL_MECHANISM: env.KAFKA_SECURED_MECHANISM ?? 'scram-sha-512',
      KAFKA_SASL_USERNAME: env.KAFKA_SECURED_USERNAME,
      KAFKA_SASL_PASSWORD: env.KAFKA_SECURED_PASSWORD,
      KAFKA_TLS: 'true',
      KAFKA_TLS_CA_FILE: env.KAFKA_SECURED_CA_FILE,
    },
  };
}

/**
 * Connects an admin client with exactly these settings, without retries, and says what the
 * broker answered: `connected`, or the error that refused it.
 */
export async function trySignIn(brokers: string[], settings: KafkaSecuritySettings): Promise<string> {
  const admin = new Kafka({
    clientId: 'redcrowd-test-sign-in',
    brokers,
    ...kafkaSecurity(settings),
    logLevel: logLevel.NOTHING,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
    return 'connected';
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/** A unit's Kafka client on the secured listener, built as every redcrowd client is. */
export function securedClient(secured: SecuredKafka): Kafka {
  return createKafkaClient({
    brokers: secured.brokers,
    clientId: 'redcrowd-test-secured',
    security: kafkaSecurity(secured.settings),
  });
}
