// The libraries' TypeORM entities and contract classes use decorator metadata.
import 'reflect-metadata';
import { topicNames } from '@redcrowd/contracts';
import { ensureTopics } from '@redcrowd/kafka';
import { runMigrations } from '@redcrowd/persistence';
import { APPS } from './apps';
import { ensureKafka, localKafkaIsRunning, stopLocalKafka } from './infra/kafka';
import {
  embeddedPostgresIsRunning,
  ensureDatabase,
  ensurePostgres,
  stopEmbeddedPostgres,
} from './infra/postgres';
import { runMain } from './infra/processes';
import { Supervisor } from './supervisor';

// `npm start`: provision Kafka and Postgres (or use KAFKA_BROKERS / DATABASE_URL), migrate,
// create topics, run every app under one supervisor, and stop it all cleanly on Ctrl-C.
const env: NodeJS.ProcessEnv = { ...process.env };
const topicPrefix = env.KAFKA_TOPIC_PREFIX ?? 'redcrowd.';
const weMayStart = {
  kafka: !env.KAFKA_BROKERS && !localKafkaIsRunning(),
  postgres: !env.DATABASE_URL && !embeddedPostgresIsRunning(),
};

async function main(): Promise<number> {
  const kafka = await ensureKafka(env);
  const postgres = await ensurePostgres(env);
  await ensureDatabase(postgres.url);
  const migrations = await runMigrations(postgres.url);
  const created = await ensureTopics(kafka.brokers, topicPrefix);
  console.log(`Kafka: ${kafka.brokers.join(',')}${kafka.startedHere ? ' (started locally)' : ''}`);
  console.log(
    `PostgreSQL: ${redact(postgres.url)} (${postgres.source}); migrations applied now: ${migrations.length}`,
  );
  if (created.length > 0) console.log(`Created topics: ${created.join(', ')}`);

  let finished: (code: number) => void = () => undefined;
  const done = new Promise<number>((resolve) => (finished = resolve));
  const appEnv = {
    ...env,
    KAFKA_BROKERS: kafka.brokers.join(','),
    DATABASE_URL: postgres.url,
    KAFKA_TOPIC_PREFIX: topicPrefix,
  };
  const supervisor = new Supervisor(appEnv, (reason) => {
    console.error(`Stopping: ${reason}`);
    void shutdown(supervisor).then(() => finished(1));
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.log(`\n${signal}: stopping redcrowd...`);
      void shutdown(supervisor).then(() => finished(0));
    });
  }

  for (const app of APPS) await supervisor.start(app);
  const topics = topicNames(topicPrefix);
  console.log('\nredcrowd is running.');
  for (const app of APPS) {
    const port = env[app.httpPortVariable] ?? String(app.defaultHttpPort);
    console.log(`  ${app.name} HTTP API: http://127.0.0.1:${port}  (${app.endpoints.join(', ')})`);
  }
  console.log(`  Publish lists to ${topics.resourceListSubmitted} and ${topics.demandListSubmitted};`);
  console.log(`  answers arrive on ${topics.listAccepted} and ${topics.listRejected}.`);
  console.log('  Press Ctrl-C to stop.\n');
  return done;
}

let shuttingDown: Promise<void> | undefined;
function shutdown(supervisor: Supervisor): Promise<void> {
  shuttingDown ??= (async () => {
    await supervisor.stopAll();
    if (env.REDCROWD_KEEP_INFRA === '1') return;
    if (weMayStart.kafka && (await stopLocalKafka())) console.log('Stopped the local Kafka broker.');
    if (weMayStart.postgres && (await stopEmbeddedPostgres()))
      console.log('Stopped the embedded PostgreSQL.');
  })();
  return shuttingDown;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}

runMain(main);
