import { eventually } from '@test/support/answers';
import { startFaultHarness, type FaultHarness } from './support/fault-harness';
import { castAlliances, sendInBatches, validLists } from './support/load';

/**
 * The matcher killed with SIGKILL while rounds run (lists still flowing), then restarted:
 * Kafka redelivers what it had not committed, and every demand ends in exactly one project,
 * announced once.
 */
describe('fault: matcher SIGKILLed mid-round', () => {
  let harness: FaultHarness;
  const lists = 300;

  beforeAll(async () => {
    harness = await startFaultHarness('matcher-kill');
  }, 120_000);

  afterAll(() => harness?.stop(), 60_000);

  it('neither loses nor duplicates a proposal across a kill -9 of the matcher', async () => {
    const { matcher, kafka, db, observer } = harness;
    const cast = await castAlliances(db, harness.alliancePrefix, 5);
    const submissions = validLists(cast, lists);
    const sending = sendInBatches(kafka, submissions);
    const proposed = () => observer.on(harness.topics.projectsProposed).length;

    await eventually(
      () => proposed() >= 20,
      () => `no proposals before the kill:\n${matcher.tail()}`,
    );
    await matcher.stop('SIGKILL');
    const proposedBeforeKill = proposed();
    await matcher.start('listening');
    await sending;

    const demands = submissions.filter((submission) => submission.kind === 'demand').length;
    const counts = await harness.settle((c) => c.sent === lists && c.projectsLive === demands, 90_000);
    harness.finish(counts);
    // The kill cut the matcher's work short: most proposals came after the restart.
    expect(proposedBeforeKill).toBeLessThan(demands);
    expect(counts).toMatchObject({ accepted: lists, demandItems: demands, projectsLive: demands });
  });
});
