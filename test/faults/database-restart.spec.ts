import { eventually } from '@test/support/answers';
import { openLiveStream } from '@test/support/live-stream';
import { coordinatorOf } from '@test/support/tokens';
import { DatabaseServer } from './support/database-server';
import { startFaultHarness, type FaultHarness } from './support/fault-harness';
import { castAlliances, sendInBatches, validLists } from './support/load';

/**
 * The real PostgreSQL server restarted while intake stores a stream of lists and the matcher
 * runs their rounds: both retry or hold their batches, so no valid list is rejected, none is
 * lost, and an open live stream hears the next change after the restart.
 */
describe('fault: PostgreSQL restarted mid-batch', () => {
  let harness: FaultHarness;
  let server: DatabaseServer;
  const lists = 300;

  beforeAll(async () => {
    server = await DatabaseServer.ofTheSuites();
    harness = await startFaultHarness('database-restart');
  }, 120_000);

  afterAll(async () => {
    await server?.ensureRunning();
    await harness?.stop();
  }, 120_000);

  it('rejects no valid list and loses no proposal when Postgres restarts mid-stream', async () => {
    const { intake, matcher, kafka } = harness;
    const cast = await castAlliances(harness.db, harness.alliancePrefix, 5);
    const submissions = validLists(cast, lists);
    const stream = await openLiveStream(matcher.url, coordinatorOf(cast[0]!.allianceId));
    const sending = sendInBatches(kafka, submissions, { pauseMs: 60 });

    await eventually(
      () => kafka.accepted.length >= 40,
      () => `nothing accepted before the restart:\n${intake.tail()}`,
    );
    const answeredAtRestart = kafka.accepted.length;
    await server.restart();
    await harness.reconnectDatabase();
    await sending;

    const demands = submissions.filter((submission) => submission.kind === 'demand').length;
    const counts = await harness.settle((c) => c.sent === lists && c.projectsLive === demands, 120_000);
    harness.finish(counts);
    expect(answeredAtRestart).toBeLessThan(lists);
    expect(counts).toMatchObject({ accepted: lists, rejected: 0, deadLetters: 0, projectsLive: demands });

    // The live stream of the first alliance lost its connection with the restart, said so,
    // listened again, and heard the changes of the lists sent after it.
    await eventually(
      () => stream.events.some((event) => event.event === 'resumed'),
      () => `the live stream never resumed: ${JSON.stringify(stream.events.map((e) => e.event))}`,
    );
    const resumedAt = stream.events.findIndex((event) => event.event === 'resumed');
    expect(stream.events.slice(resumedAt).some((event) => event.event === 'changed')).toBe(true);
    stream.close();
  });
});
