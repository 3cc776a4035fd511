import { eventually } from '@test/support/answers';
import { startFaultHarness, type FaultHarness } from './support/fault-harness';
import { castAlliances, sendInBatches, validLists } from './support/load';

/**
 * Intake killed with SIGKILL while lists flow in, then restarted: every list is answered
 * exactly once (an answer re-sent after the crash keeps its eventId), stored once, matched.
 */
describe('fault: intake SIGKILLed mid-batch', () => {
  let harness: FaultHarness;
  const lists = 300;

  beforeAll(async () => {
    harness = await startFaultHarness('intake-kill');
  }, 120_000);

  afterAll(() => harness?.stop(), 60_000);

  it('answers every list once and loses no proposal across a kill -9 of intake', async () => {
    const { intake, kafka, db } = harness;
    const cast = await castAlliances(db, harness.alliancePrefix, 5);
    const submissions = validLists(cast, lists);
    const sending = sendInBatches(kafka, submissions);

    await eventually(
      () => kafka.accepted.length >= 40,
      () => `nothing accepted before the kill:\n${intake.tail()}`,
    );
    await intake.stop('SIGKILL');
    const answeredBeforeKill = kafka.accepted.length;
    await intake.start('listening');
    await sending;

    const counts = await harness.settle((c) => c.sent === lists, 90_000);
    harness.finish(counts);
    // The kill really cut the stream: lists were still unanswered when intake died.
    expect(answeredBeforeKill).toBeLessThan(lists);
    expect(counts).toMatchObject({ sent: lists, accepted: lists, rejected: 0, deadLetters: 0 });
    expect(counts.demandItems).toBe(submissions.filter((s) => s.kind === 'demand').length);
  });
});
