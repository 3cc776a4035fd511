import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { connectDatabase } from '@test/support/database';
import { startMatcherHarness, type MatcherHarness } from '@test/support/intake-harness';
import { brokenInvariants, countInvariants, reportCounts, type FaultCounts } from './invariants';
import { TopicRecorder } from './topic-recorder';

/** A real intake and matcher on topics of their own, with the ledger reading every topic. */
export interface FaultHarness extends MatcherHarness {
  scenario: string;
  /** Prefix of every alliance the scenario creates (see castAlliances). */
  alliancePrefix: string;
  recorder: TopicRecorder;
  /** The counts now. */
  count(): Promise<FaultCounts>;
  /**
   * Polls the counts until every list is answered, no demand lacks its project and `done`
   * holds, and the counts stay the same over two polls (no late duplicate on the way). On
   * timeout it returns the last counts: the scenario's assertions then show what is missing.
   */
  settle(done?: (counts: FaultCounts) => boolean, timeoutMs?: number): Promise<FaultCounts>;
  /** Replaces `db` with a new connection (after a database restart ended the old one). */
  reconnectDatabase(): Promise<void>;
  /** Reports the counts (one line, and test-results/faults/<scenario>.json) and asserts the invariants. */
  finish(counts: FaultCounts): void;
}

/** The matcher settings of every scenario: quick rounds and outbox, as in the integration suites. */
const MATCHER_ENV = { MATCHER_DEBOUNCE_MS: '100', DB_POOL_SIZE: '10' };

export async function startFaultHarness(
  scenario: string,
  matcherEnv: Record<string, string> = {},
): Promise<FaultHarness> {
  const harness = await startMatcherHarness({ ...MATCHER_ENV, ...matcherEnv }, ['projectsProposed']);
  const recorder = new TopicRecorder(harness.topics);
  try {
    await recorder.start();
  } catch (error) {
    await recorder.stop();
    await harness.stop();
    throw error;
  }
  const scope = {
    scenario,
    alliancePrefix: `fault-${scenario}-${randomUUID().slice(0, 6)}-`,
    pointsPerProject: Number(matcherEnv.MATCHER_POINTS_PER_PROJECT ?? 10),
  };
  // A database restart ends the connection with an 'error' event, which must not bring jest down.
  const quiet = (client: Client) => client.on('error', () => undefined);
  quiet(harness.db);
  const fault: FaultHarness = {
    ...harness,
    scenario,
    alliancePrefix: scope.alliancePrefix,
    recorder,
    count: () => countInvariants(recorder, fault.db, scope),
    async reconnectDatabase() {
      const previous = fault.db;
      fault.db = quiet(await connectDatabase());
      if (previous !== harness.db) await previous.end().catch(() => undefined);
    },
    async settle(done = () => true, timeoutMs = 60_000) {
      const deadline = Date.now() + timeoutMs;
      let previous = '';
      for (;;) {
        const counts = await fault.count();
        const settled = counts.unanswered === 0 && counts.proposalsLost === 0 && done(counts);
        if (settled && JSON.stringify(counts) === previous) return counts;
        if (Date.now() > deadline) return counts;
        previous = settled ? JSON.stringify(counts) : '';
        await new Promise((resolve) => setTimeout(resolve, 1500));
      }
    },
    finish(counts) {
      reportCounts(counts);
      expect(brokenInvariants(counts)).toEqual([]);
    },
    async stop() {
      await recorder.stop();
      // The first connection is the base harness's to end; a dead one fails to, harmlessly.
      await harness.stop().catch(() => undefined);
      if (fault.db !== harness.db) await fault.db.end().catch(() => undefined);
    },
  };
  return fault;
}
