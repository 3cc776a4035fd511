// The libraries' TypeORM entities and contract classes use decorator metadata.
import 'reflect-metadata';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { constants } from 'node:os';
import path from 'node:path';
import { ensureTopics } from '@redcrowd/kafka';
import { runMigrations } from '@redcrowd/persistence';
import { ensureChromium } from './infra/chromium';
import { ensureChineseFonts } from './infra/fonts';
import { ensureKafka, localKafkaIsRunning, stopLocalKafka } from './infra/kafka';
import { securedKafkaEnv } from './infra/kafka-secured';
import {
  embeddedPostgresIsRunning,
  ensureDatabase,
  ensurePostgres,
  stopEmbeddedPostgres,
} from './infra/postgres';
import { repoRoot, runMain } from './infra/processes';

// What `npm test` runs after the build: provision Kafka and Postgres, migrate, create
// topics, run jest against them, then stop whatever this run started.
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_NAME: process.env.DATABASE_NAME ?? 'redcrowd_test',
};
const topicPrefix = env.KAFKA_TOPIC_PREFIX ?? 'redcrowd.';

// Decided before provisioning, so an interrupt halfway through still knows what is ours:
// a broker or server that already ran (say from `npm run infra:up`) is left alone.
const weMayStart = {
  kafka: !env.KAFKA_BROKERS && !localKafkaIsRunning(),
  postgres: !env.DATABASE_URL && !embeddedPostgresIsRunning(),
};
let jest: ChildProcess | undefined;
let stopping: Promise<void> | undefined;

function stopWhatWeStarted(): Promise<void> {
  stopping ??= (async () => {
    if (env.REDCROWD_KEEP_INFRA === '1') {
      console.error(
        'REDCROWD_KEEP_INFRA=1: leaving Kafka and PostgreSQL running; stop them with "npm run infra:down".',
      );
      return;
    }
    if (weMayStart.kafka && (await stopLocalKafka()))
      console.error('Stopped the Kafka this test run started.');
    if (weMayStart.postgres && (await stopEmbeddedPostgres()))
      console.error('Stopped the embedded PostgreSQL this test run started.');
  })();
  return stopping;
}

async function main(jestArgs: string[]): Promise<number> {
  try {
    const kafka = await ensureKafka(env);
    const postgres = await ensurePostgres(env);
    await ensureDatabase(postgres.url);
    await runMigrations(postgres.url);
    await ensureTopics(kafka.brokers, topicPrefix);
    const chromium = ensureChromium((line) => console.error(line));
    // Without a CJK font the browser tests' screenshots show boxes for every Chinese character.
    ensureChineseFonts((line) => console.error(line));
    console.error(
      `Testing against Kafka ${kafka.brokers.join(',')}, PostgreSQL (${postgres.source}) and Chromium ${chromium}.`,
    );
    return await runJest(jestArgs, {
      ...env,
      CHROMIUM_PATH: chromium,
      KAFKA_BROKERS: kafka.brokers.join(','),
      DATABASE_URL: postgres.url,
      KAFKA_TOPIC_PREFIX: topicPrefix,
      // For test/integration/kafka-secured.spec.ts; unset when the broker has no such listener.
      ...securedKafkaEnv(kafka.secured),
    });
  } finally {
    await stopWhatWeStarted();
  }
}

const RESULTS_FILE = path.join(repoRoot, 'test-results', 'jest-results.json');

function runJest(args: string[], jestEnv: NodeJS.ProcessEnv): Promise<number> {
  const jestBin = path.join(repoRoot, 'node_modules', 'jest', 'bin', 'jest.js');
  rmSync(RESULTS_FILE, { force: true });
  mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
  return new Promise((resolve, reject) => {
    jest = spawn(
      process.execPath,
      [jestBin, '--runInBand', '--json', `--outputFile=${RESULTS_FILE}`, ...args],
      {
        cwd: repoRoot,
        env: jestEnv,
        stdio: 'inherit',
      },
    );
    jest.on('error', reject);
    jest.on('exit', (code, signal) => {
      jest = undefined;
      printSummary();
      resolve(code ?? 128 + (signal ? constants.signals[signal] : 0));
    });
  });
}

/** One plain closing line, the same whatever runner CI knows: "jest: N passed, N failed, N skipped". */
function printSummary(): void {
  if (!existsSync(RESULTS_FILE)) return;
  const results = JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
  };
  console.log(
    `jest: ${results.numPassedTests} passed, ${results.numFailedTests} failed, ${results.numPendingTests} skipped`,
  );
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (jest) {
      // Let jest finish its own shutdown; main then stops the infrastructure and exits.
      jest.kill(signal);
      return;
    }
    console.error(`\nInterrupted (${signal}); stopping what this run started...`);
    void stopWhatWeStarted().finally(() => process.exit(128 + constants.signals[signal]));
  });
}

runMain(() => main(process.argv.slice(2)));
