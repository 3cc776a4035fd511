import { eventually } from '@test/support/answers';
import type { AppProcess } from '@test/support/intake-process';
import { startFaultHarness, type FaultHarness } from './support/fault-harness';
import { castAlliances, sendInBatches, validLists } from './support/load';

/** Its shutdown hooks ran to the end (Nest then re-raises the signal, so the exit code says nothing). */
function stoppedCleanly(app: AppProcess): boolean {
  return app.output.some((line) => line.includes(`"${app.app} stopped"`));
}

/**
 * Intake, then the matcher, stopped politely (SIGTERM, as a deployment does) while lists
 * flow, and started again: each finishes or hands back its batch, exits cleanly, and nothing
 * is lost or answered twice.
 */
describe('fault: SIGTERM under load', () => {
  let harness: FaultHarness;
  const lists = 300;

  beforeAll(async () => {
    harness = await startFaultHarness('sigterm-under-load');
  }, 120_000);

  afterAll(() => harness?.stop(), 60_000);

  it('stops intake and the matcher cleanly mid-stream and loses and duplicates nothing', async () => {
    const { intake, matcher, kafka, db, observer } = harness;
    const cast = await castAlliances(db, harness.alliancePrefix, 5);
    const submissions = validLists(cast, lists);
    const sending = sendInBatches(kafka, submissions, { pauseMs: 80 });

    await eventually(
      () => kafka.accepted.length >= 40,
      () => `nothing accepted before the SIGTERM:\n${intake.tail()}`,
    );
    await intake.stop('SIGTERM');
    const intakeStopped = stoppedCleanly(intake);
    const answeredAtStop = kafka.accepted.length;
    await intake.start('listening');

    const proposedNow = observer.on(harness.topics.projectsProposed).length;
    await eventually(
      () => observer.on(harness.topics.projectsProposed).length > proposedNow,
      () => `no proposal after intake's restart:\n${matcher.tail()}`,
    );
    await matcher.stop('SIGTERM');
    const matcherStopped = stoppedCleanly(matcher);
    await matcher.start('listening');
    await sending;

    const demands = submissions.filter((submission) => submission.kind === 'demand').length;
    const counts = await harness.settle((c) => c.sent === lists && c.projectsLive === demands, 90_000);
    harness.finish(counts);
    expect({ intakeStopped, matcherStopped }).toEqual({ intakeStopped: true, matcherStopped: true });
    expect(answeredAtStop).toBeLessThan(lists);
    expect(counts).toMatchObject({ accepted: lists, rejected: 0, deadLetters: 0, projectsLive: demands });
  });
});
