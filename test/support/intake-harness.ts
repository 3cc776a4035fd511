import type { Client } from 'pg';
import type { TopicId } from '@redcrowd/contracts';
import { EventObserver, KafkaSubmitter } from './answers';
import { connectDatabase } from './database';
import { IntakeProcess, MatcherProcess, freePort } from './intake-process';
import { isolatedTopics } from './topics';

/** What a suite needs to drive intake: the process, a Kafka client, and the database. */
export interface IntakeHarness {
  intake: IntakeProcess;
  kafka: KafkaSubmitter;
  db: Client;
  prefix: string;
  topics: Record<TopicId, string>;
  stop(): Promise<void>;
}

/** Starts a real intake on topics of its own, plus an observing Kafka client and a db connection. */
export async function startIntakeHarness(extraEnv: Record<string, string> = {}): Promise<IntakeHarness> {
  const { prefix, topics } = await isolatedTopics();
  const intake = await IntakeProcess.create(prefix, extraEnv);
  const kafka = new KafkaSubmitter(topics);
  // A failed start leaves nothing running: a live child or client would keep jest from exiting.
  const db = await startedOrStopped(
    async () => {
      await intake.start();
      await kafka.start();
      return connectDatabase();
    },
    async () => {
      await kafka.stop().catch(() => undefined);
      await intake.stop();
    },
  );
  return {
    intake,
    kafka,
    db,
    prefix,
    topics,
    async stop() {
      await kafka.stop();
      await intake.stop();
      await db.end();
    },
  };
}

/** An intake harness plus a real matcher on the same topics, and an observer of some topics. */
export interface MatcherHarness extends IntakeHarness {
  matcher: MatcherProcess;
  observer: EventObserver;
}

/**
 * `dashboard: true` wires the two as `npm start` does for browsers: the dashboard (served by
 * the matcher) learns intake's URL, and intake lets the dashboard's origin post lists.
 */
export async function startMatcherHarness(
  matcherEnv: Record<string, string>,
  observed: TopicId[],
  options: { dashboard?: boolean; matcherPort?: number } = {},
): Promise<MatcherHarness> {
  const matcherPort = options.matcherPort ?? (await freePort());
  const base = await startIntakeHarness(
    options.dashboard ? { INTAKE_CORS_ORIGINS: `http://127.0.0.1:${matcherPort}` } : {},
  );
  const matcher = await MatcherProcess.create(
    base.prefix,
    { ...(options.dashboard ? { MATCHER_INTAKE_PUBLIC_URL: base.intake.url } : {}), ...matcherEnv },
    undefined,
    matcherPort,
  );
  const observer = new EventObserver(observed.map((id) => base.topics[id]));
  await startedOrStopped(
    async () => {
      await matcher.start();
      await observer.start();
    },
    async () => {
      await observer.stop().catch(() => undefined);
      await matcher.stop();
      await base.stop();
    },
  );
  return {
    ...base,
    matcher,
    observer,
    async stop() {
      await observer.stop();
      await matcher.stop();
      await base.stop();
    },
  };
}

/** Runs `start`; when it fails, runs `cleanUp` (whose own failure is secondary) and rethrows. */
async function startedOrStopped<T>(start: () => Promise<T>, cleanUp: () => Promise<void>): Promise<T> {
  try {
    return await start();
  } catch (error) {
    await cleanUp().catch(() => undefined);
    throw error;
  }
}
