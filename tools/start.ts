// The libraries' TypeORM entities and contract classes use decorator metadata.
import 'reflect-metadata';
import { topicNames } from '@redcrowd/contracts';
import { ensureTopics } from '@redcrowd/kafka';
import { runMigrations } from '@redcrowd/persistence';
import { APPS } from './apps';
import { enrollDemoMembers } from './demo/demo-roster';
import { prepareDemoAccounts } from './demo/demo-accounts';
import { seedDemoAlliance } from './demo/seed-demo';
import { authSettingsFor, openTokenKeys } from './infra/dev-auth';
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
  // The demo's members are on the roster before any app runs, so their lists are accepted.
  if (env.REDCROWD_DEMO !== '0') await enrollDemoMembers(postgres.url);
  const created = await ensureTopics(kafka.brokers, topicPrefix);
  console.log(`Kafka: ${kafka.brokers.join(',')}${kafka.startedHere ? ' (started locally)' : ''}`);
  console.log(
    `PostgreSQL: ${redact(postgres.url)} (${postgres.source}); migrations applied now: ${migrations.length}`,
  );
  if (created.length > 0) console.log(`Created topics: ${created.join(', ')}`);

  let finished: (code: number) => void = () => undefined;
  const done = new Promise<number>((resolve) => (finished = resolve));
  const auth = authSettingsFor(env);
  console.log(
    `Sign-in tokens: EdDSA, issuer ${auth.issuer}, audience ${auth.audience} (keys in the database, at /.well-known/jwks.json)`,
  );
  const urlOf = (name: string) => {
    const app = APPS.find((candidate) => candidate.name === name)!;
    return `http://127.0.0.1:${env[app.httpPortVariable] ?? String(app.defaultHttpPort)}`;
  };
  const appEnv = {
    ...env,
    KAFKA_BROKERS: kafka.brokers.join(','),
    DATABASE_URL: postgres.url,
    KAFKA_TOPIC_PREFIX: topicPrefix,
    AUTH_ISSUER: auth.issuer,
    AUTH_AUDIENCE: auth.audience,
    // The dashboard (served by the matcher) posts demand lists to intake from the browser.
    MATCHER_INTAKE_PUBLIC_URL: env.MATCHER_INTAKE_PUBLIC_URL ?? urlOf('intake'),
    INTAKE_CORS_ORIGINS: env.INTAKE_CORS_ORIGINS ?? urlOf('matcher'),
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
  if (env.REDCROWD_DEMO !== '0') await presentDemo(postgres.url, auth, urlOf);
  console.log('  Press Ctrl-C to stop.\n');
  return done;
}

/**
 * Loads the demo alliance's lists as each member would send them, then prints login links
 * and the demo accounts' sign-in names and fresh passwords.
 */
async function presentDemo(
  databaseUrl: string,
  auth: ReturnType<typeof authSettingsFor>,
  urlOf: (app: string) => string,
): Promise<void> {
  const tokens = await openTokenKeys(databaseUrl, auth);
  try {
    const logins = await seedDemoAlliance({
      intakeUrl: urlOf('intake'),
      dashboardUrl: `${urlOf('matcher')}/dashboard/`,
      sign: (who, ttlSeconds) => tokens.keys.sign(who, { ttlSeconds }),
      warn: (message) => console.error(`  Demo: ${message}`),
    });
    const accounts = await prepareDemoAccounts(tokens.work);
    console.log(
      '\n  Demo alliance 西工区邙岭路街道 is loaded (REDCROWD_DEMO=0 skips it). Dashboard login links, valid 12 h:',
    );
    for (const login of logins) console.log(`  - ${login.label}:\n    ${login.url}`);
    console.log(`\n  Or sign in at ${urlOf('matcher')}/dashboard/ (passwords are new at every start):`);
    for (const account of accounts)
      console.log(`  - ${account.label}: ${account.login} / ${account.password}`);
  } finally {
    await tokens.close();
  }
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
