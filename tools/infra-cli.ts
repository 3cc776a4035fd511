// The libraries' TypeORM entities and contract classes use decorator metadata.
import 'reflect-metadata';
import { ensureTopics } from '@redcrowd/kafka';
import { runMigrations } from '@redcrowd/persistence';
import { InfraError } from './infra/errors';
import { ensureKafka, stopLocalKafka } from './infra/kafka';
import { securedKafkaEnv } from './infra/kafka-secured';
import { ensureDatabase, ensurePostgres, stopEmbeddedPostgres } from './infra/postgres';
import { runMain } from './infra/processes';

// `node dist/tools/infra-cli.js up|down|migrate|topics`: local Kafka and Postgres for
// development; `migrate` and `topics` are also the deployment's one-shot setup steps.
// Progress goes to stderr so that stdout of `up` is only KEY=value lines to export.
const USAGE = 'Usage: node dist/tools/infra-cli.js up|down|migrate|topics';

async function main(command: string | undefined): Promise<number> {
  const commands = new Map<string | undefined, () => Promise<unknown>>([
    ['up', up],
    ['down', down],
    ['migrate', migrate],
    ['topics', topics],
  ]);
  const run = commands.get(command);
  if (!run) throw new InfraError(USAGE);
  await run();
  return 0;
}

async function up(): Promise<void> {
  const kafka = await ensureKafka(process.env);
  await ensureTopics(kafka.brokers, process.env.KAFKA_TOPIC_PREFIX ?? 'redcrowd.');
  const databaseUrl = await migrate();
  console.log(`KAFKA_BROKERS=${kafka.brokers.join(',')}`);
  console.log(`DATABASE_URL=${databaseUrl}`);
  // The SASL_SSL listener, for trying a service as against a secured cluster (README, "Secured Kafka").
  for (const [name, value] of Object.entries(securedKafkaEnv(kafka.secured))) console.log(`${name}=${value}`);
}

/** Creates the missing topics on KAFKA_BROKERS (or the local broker). */
async function topics(): Promise<void> {
  const kafka = await ensureKafka(process.env);
  const created = await ensureTopics(kafka.brokers, process.env.KAFKA_TOPIC_PREFIX ?? 'redcrowd.');
  console.error(created.length > 0 ? `Created topics: ${created.join(', ')}` : 'All topics exist.');
}

async function down(): Promise<void> {
  const kafkaStopped = await stopLocalKafka();
  const postgresStopped = await stopEmbeddedPostgres();
  console.error(kafkaStopped ? 'Stopped the local Kafka.' : 'No local Kafka was running.');
  console.error(postgresStopped ? 'Stopped the embedded PostgreSQL.' : 'No embedded PostgreSQL was running.');
}

/** Ensures server and database exist, applies pending migrations, and returns the database URL. */
async function migrate(): Promise<string> {
  const postgres = await ensurePostgres(process.env);
  console.error(`PostgreSQL: ${postgres.source}${postgres.startedHere ? ' (started now)' : ''}.`);
  await ensureDatabase(postgres.url);
  const applied = await runMigrations(postgres.url);
  console.error(
    applied.length > 0 ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date.',
  );
  return postgres.url;
}

runMain(() => main(process.argv[2]));
