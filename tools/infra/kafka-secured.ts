import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { kafkaSecurity } from '@redcrowd/kafka';
import type { KafkaSecuritySettings } from '@redcrowd/runtime';
import { InfraError } from './errors';
import { ensureBrokerCertificates, type BrokerCertificates } from './kafka-tls';
import { errorMessage, retryUntil } from './processes';

// The local broker's second listener: SASL_SSL with SCRAM-SHA-512, one user, a private CA.
// PLAINTEXT stays the listener of the rest of the suite; this one lets a test (and a developer)
// run a service exactly as against a secured cluster.

export const SECURED_MECHANISM = 'scram-sha-512';
const SECURED_USERNAME = 'redcrowd';
const LISTENER = 'SASL_SSL';

export interface SecuredListener {
  port: number;
  username: string;
  password: string;
  certificates: BrokerCertificates;
}

/** What a client needs to use the secured listener; tools/test.ts hands it to jest. */
export interface SecuredKafkaEndpoint {
  brokers: string[];
  mechanism: typeof SECURED_MECHANISM;
  username: string;
  password: string;
  caFile: string;
}

/** Certificates and the user's password under `dir`, made on the first call and kept after. */
export async function prepareSecuredListener(dir: string, port: number): Promise<SecuredListener> {
  mkdirSync(dir, { recursive: true });
  const certificates = await ensureBrokerCertificates(path.join(dir, 'tls'));
  const passwordFile = path.join(dir, 'scram-password');
  if (!existsSync(passwordFile)) {
    writeFileSync(passwordFile, `${randomBytes(18).toString('base64url')}\n`, { mode: 0o600 });
  }
  const password = readFileSync(passwordFile, 'utf8').trim();
  return { port, username: SECURED_USERNAME, password, certificates };
}

/** The listener's part of server.properties (the listeners list itself is the caller's). */
export function securedListenerProperties(listener: SecuredListener): Record<string, string> {
  const prefix = `listener.name.${LISTENER.toLowerCase()}`;
  return {
    [`${prefix}.sasl.enabled.mechanisms`]: 'SCRAM-SHA-512',
    [`${prefix}.scram-sha-512.sasl.jaas.config`]:
      'org.apache.kafka.common.security.scram.ScramLoginModule required;',
    [`${prefix}.ssl.keystore.type`]: 'PKCS12',
    [`${prefix}.ssl.keystore.location`]: listener.certificates.keystoreFile,
    [`${prefix}.ssl.keystore.password`]: listener.certificates.keystorePassword,
  };
}

export const securedListenerName = LISTENER;

/** StorageTool's arguments that create the user when storage is first formatted. */
export function scramUserAtFormat(listener: SecuredListener): string[] {
  return ['--add-scram', `SCRAM-SHA-512=[name=${listener.username},password=${listener.password}]`];
}

/** ConfigCommand's arguments that create (or reset) the user on a running broker. */
export function scramUserOnRunningBroker(listener: SecuredListener, bootstrap: string): string[] {
  return [
    ...[
      '--bootstrap-server',
      bootstrap,
      '--alter',
      '--entity-type',
      'users',
      '--entity-name',
      listener.username,
    ],
    ...['--add-config', `SCRAM-SHA-512=[password=${listener.password}]`],
  ];
}

export function securedEndpoint(listener: SecuredListener, host: string): SecuredKafkaEndpoint {
  return {
    brokers: [`${host}:${listener.port}`],
    mechanism: SECURED_MECHANISM,
    username: listener.username,
    password: listener.password,
    caFile: listener.certificates.caFile,
  };
}

/** The KAFKA_SASL_* / KAFKA_TLS* settings a service needs to use the endpoint. */
export function securedClientSettings(endpoint: SecuredKafkaEndpoint): KafkaSecuritySettings {
  return {
    KAFKA_SASL_MECHANISM: endpoint.mechanism,
    KAFKA_SASL_USERNAME: endpoint.username,
    KAFKA_SASL_PASSWORD: endpoint.password,
    KAFKA_TLS: 'true',
    KAFKA_TLS_CA_FILE: endpoint.caFile,
  };
}

/**
 * The variables that name the secured listener to the test suite and to a developer (the
 * KAFKA_SECURED_* of `npm run infra:up`); none without one.
 */
export function securedKafkaEnv(endpoint: SecuredKafkaEndpoint | undefined): Record<string, string> {
  if (!endpoint) return {};
  return {
    KAFKA_SECURED_BROKERS: endpoint.brokers.join(','),
    KAFKA_SECURED_MECHANISM: endpoint.mechanism,
    KAFKA_SECURED_USERNAME: endpoint.username,
    KAFKA_SECURED_PASSWORD: endpoint.password,
    KAFKA_SECURED_CA_FILE: endpoint.caFile,
  };
}

/**
 * Waits until the user can sign in over the secured listener. A data directory formatted by
 * older code has no such user: `addUser` creates it, once, on the first refused sign-in.
 */
export async function waitUntilSecuredServing(
  endpoint: SecuredKafkaEndpoint,
  options: { timeoutMs: number; addUser?: () => Promise<void> },
): Promise<void> {
  let userAdded = false;
  try {
    await retryUntil(
      async () => {
        try {
          await signIn(endpoint);
        } catch (error) {
          if (options.addUser && !userAdded && isRefusedSignIn(error)) {
            userAdded = true;
            await options.addUser();
          }
          throw error;
        }
      },
      { timeoutMs: options.timeoutMs },
    );
  } catch (error) {
    throw new InfraError(
      `The local Kafka's secured listener ${endpoint.brokers.join(',')} (SASL_SSL, SCRAM-SHA-512, user ` +
        `${endpoint.username}) refused the sign-in: ${errorMessage(error)}. ` +
        'Restart the local Kafka with "npm run infra:down && npm run infra:up".',
    );
  }
}

async function signIn(endpoint: SecuredKafkaEndpoint): Promise<void> {
  const admin = new Kafka({
    clientId: 'redcrowd-infra',
    brokers: endpoint.brokers,
    ...kafkaSecurity(securedClientSettings(endpoint)),
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3000,
    retry: { retries: 0 },
  }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

function isRefusedSignIn(error: unknown): boolean {
  return error instanceof Error && error.name === 'KafkaJSSASLAuthenticationError';
}
