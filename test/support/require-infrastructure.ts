import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { registerTestKey } from './test-key';

const HOW_TO_START =
  'Run the suites with `npm test`, which provisions Kafka and Postgres itself, or start them with `npm run infra:up` and export the KAFKA_BROKERS and DATABASE_URL it prints.';

/**
 * Integration and e2e suites need a real broker and a real database. When either is
 * missing they fail here, loudly and once, instead of being skipped.
 */
export default async function requireInfrastructure(): Promise<void> {
  const brokers = process.env.KAFKA_BROKERS;
  if (!brokers) throw new Error(`KAFKA_BROKERS and DATABASE_URL must be set. ${HOW_TO_START}`);
  const admin = new Kafka({
    clientId: 'redcrowd-test-check',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
    retry: { retries: 2 },
  }).admin();
  try {
    await admin.connect();
    await admin.describeCluster();
  } catch (error) {
    throw new Error(`Kafka is not reachable at ${brokers} (${String(error)}). ${HOW_TO_START}`, {
      cause: error,
    });
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
  await requirePostgres();
}

/**
 * The services tier needs only the database: use cases run without Kafka or HTTP. The tests'
 * signing key is registered in it, so the apps accept the tokens the tests sign.
 */
export async function requirePostgres(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error(`DATABASE_URL must be set. ${HOW_TO_START}`);
  const client = new Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    await client.end().catch(() => undefined);
    throw new Error(`PostgreSQL is not reachable at ${databaseUrl} (${String(error)}). ${HOW_TO_START}`, {
      cause: error,
    });
  }
  try {
    await registerTestKey(client);
  } catch (error) {
    throw new Error(
      `The database at ${databaseUrl} is not migrated (${String(error)}). Run \`npm run migrate\` with DATABASE_URL set, or \`npm test\`.`,
      { cause: error },
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}
