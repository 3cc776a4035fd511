import { eventually } from '@test/support/answers';
import { DatabaseServer } from './support/database-server';
import { startFaultHarness, type FaultHarness } from './support/fault-harness';
import { castAlliances, sendInBatches, validLists } from './support/load';

const OUTAGE_MS = 30_000;

/**
 * The real PostgreSQL server stopped for 30 s while lists keep coming, then started: intake
 * and the matcher hold their batches (Kafka is the buffer) and answer and match every list
 * once it is back. Before issue 14, a 20 s stop answered a fifth to a third of valid lists
 * internal-error and dead-lettered them.
 */
describe('fault: PostgreSQL stopped for 30 s', () => {
  let harness: FaultHarness;
  let server: DatabaseServer;
  const lists = 300;

  beforeAll(async () => {
    server = await DatabaseServer.ofTheSuites();
    harness = await startFaultHarness('database-stop');
  }, 120_000);

  afterAll(async () => {
    await server?.ensureRunning();
    await harness?.stop();
  }, 120_000);

  it('holds every batch through the outage, then answers and matches every list once', async () => {
    const { intake, matcher, kafka } = harness;
    const cast = await castAlliances(harness.db, harness.alliancePrefix, 5);
    const submissions = validLists(cast, lists);
    // Spread over about 40 s, so lists arrive before, during and after the outage.
    const sending = sendInBatches(kafka, submissions, { batchSize: 10, pauseMs: 1_300 });

    await eventually(
      () => kafka.accepted.length >= 30,
      () => `nothing accepted before the outage:\n${intake.tail()}`,
    );
    const answeredAtStop = kafka.accepted.length;
    await server.stop();
    await new Promise((resolve) => setTimeout(resolve, OUTAGE_MS));
    const answeredDuringOutage = kafka.accepted.length + kafka.rejected.length - answeredAtStop;
    await server.start();
    await harness.reconnectDatabase();
    await sending;

    const demands = submissions.filter((submission) => submission.kind === 'demand').length;
    const counts = await harness.settle((c) => c.sent === lists && c.projectsLive === demands, 120_000);
    harness.finish(counts);
    expect(counts).toMatchObject({ accepted: lists, rejected: 0, deadLetters: 0, projectsLive: demands });
    // Nothing could be answered while the database was down (an answer is written with its
    // list); intake held its batches instead of rejecting them.
    expect(answeredDuringOutage).toBeLessThanOrEqual(10);
    expect(intake.output.some((line) => line.includes('holding the batch until it is back'))).toBe(true);
    expect(matcher.output.some((line) => line.includes('matching round failed'))).toBe(false);
  });
});
