import { restartLocalKafka } from '../../tools/infra/kafka';
import { brokers } from '@test/support/topics';
import { startFaultHarness, type FaultHarness } from './support/fault-harness';
import { castAlliances, sendInBatches, validLists } from './support/load';

/**
 * The Kafka broker stopped and started again while lists flow: producers (the test's, and
 * the relays of intake and the matcher) retry, consumers rejoin, offsets committed before
 * the restart hold, and every list is answered and matched once.
 */
describe('fault: the broker restarted mid-stream', () => {
  let harness: FaultHarness;
  const lists = 300;

  beforeAll(async () => {
    harness = await startFaultHarness('broker-restart');
  }, 120_000);

  afterAll(() => harness?.stop(), 120_000);

  it('answers every list once and loses no proposal across a broker restart', async () => {
    const { kafka } = harness;
    const cast = await castAlliances(harness.db, harness.alliancePrefix, 5);
    const submissions = validLists(cast, lists);
    const firstHalf = submissions.slice(0, lists / 2);
    const secondHalf = submissions.slice(lists / 2);
    // The first half goes out at once; the broker stops while intake still works through it.
    await sendInBatches(kafka, firstHalf, { pauseMs: 20 });
    const answeredAtRestart = kafka.accepted.length;
    await restartLocalKafka(brokers());
    // Lists sent after the restart, through the same producer: it reconnects by itself.
    await sendInBatches(kafka, secondHalf, { pauseMs: 60 });

    const demands = submissions.filter((submission) => submission.kind === 'demand').length;
    const counts = await harness.settle((c) => c.sent === lists && c.projectsLive === demands, 150_000);
    harness.finish(counts);
    expect(answeredAtRestart).toBeLessThan(firstHalf.length);
    expect(counts).toMatchObject({ accepted: lists, rejected: 0, deadLetters: 0, projectsLive: demands });
  });
});
