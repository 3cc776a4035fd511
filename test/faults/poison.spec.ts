import { demandItem, demandList } from '@test/fixtures/lists';
import { startFaultHarness, type FaultHarness } from './support/fault-harness';
import { castAlliances, sendInBatches, validLists, type Submission } from './support/load';

/** A poison message of each kind, and the problem code its rejection must carry. */
const POISONS: Array<{ kind: string; code: string; submission: (key: string) => Submission }> = [
  { kind: 'not-json', code: 'invalid-json', submission: (key) => demand(key, '{"listId": "dl-broken", ') },
  { kind: 'array', code: 'not-an-object', submission: (key) => demand(key, '[1, 2, 3]') },
  { kind: 'wrong-shape', code: 'required', submission: (key) => demand(key, '{"listId": "dl-shapeless"}') },
  { kind: 'empty', code: 'empty-message', submission: (key) => demand(key, null) },
  {
    kind: 'oversize',
    code: 'message-too-large',
    // Over intake's 1 MiB, under the submission topics' 2 MiB: it reaches intake.
    submission: (key) => demand(key, JSON.stringify({ listId: 'dl-huge', padding: 'x'.repeat(1_100_000) })),
  },
  {
    kind: 'bad-utf8',
    code: 'invalid-json',
    submission: (key) =>
      demand(key, Buffer.concat([Buffer.from([0xff, 0xfe, 0xc3, 0x28]), Buffer.from('{}')])),
  },
  {
    // A well-formed list from someone on no alliance's roster (an alliance nobody set up).
    kind: 'unknown-alliance',
    code: 'not-a-member',
    submission: (key) => demand(key, JSON.stringify(someonesList(key, `unknown-${key}`))),
  },
  {
    // A list whose message key names someone else than its submitter.
    kind: 'key-mismatch',
    code: 'key-mismatch',
    submission: (key) => demand(key, JSON.stringify(someonesList('community-somebody-else', 'alliance-x'))),
  },
];

function demand(key: string, value: string | Buffer | null): Submission {
  return { kind: 'demand', key, value };
}

function someonesList(submitterId: string, allianceId: string): Record<string, unknown> {
  return demandList({
    listId: 'dl-poison',
    allianceId,
    submitter: { kind: 'community', id: submitterId, name: '无名社区' },
    items: [demandItem({ window: { from: '2027-03-01T11:00:00+08:00', to: '2027-03-07T13:00:00+08:00' } })],
  });
}

/**
 * Poison messages (not JSON, wrong shape, empty, oversize, bad UTF-8, an unknown alliance, a
 * key naming someone else) interleaved with good lists: each poison message is rejected with
 * its reason, every good list is answered and matched, and the ledger adds up.
 */
describe('fault: poison messages among good ones', () => {
  let harness: FaultHarness;
  const good = 240;
  const poisonRounds = 3;

  beforeAll(async () => {
    harness = await startFaultHarness('poison');
  }, 120_000);

  afterAll(() => harness?.stop(), 60_000);

  it('rejects each poison message with its reason and answers and matches every good list', async () => {
    const { kafka, db, recorder } = harness;
    const cast = await castAlliances(db, harness.alliancePrefix, 4);
    const valid = validLists(cast, good);
    const poisons = Array.from({ length: poisonRounds }, (_, round) =>
      POISONS.map((poison) => poison.submission(`poison-${poison.kind}-${round}`)),
    ).flat();
    // One poison message after every few good ones, so each batch intake reads mixes both.
    const every = Math.floor(good / poisons.length);
    const mixed = valid.flatMap((submission, index) =>
      index % every === every - 1 && poisons[Math.floor(index / every)]
        ? [submission, poisons[Math.floor(index / every)]!]
        : [submission],
    );
    expect(mixed).toHaveLength(good + poisons.length);
    await sendInBatches(kafka, mixed, { pauseMs: 20 });

    const demands = valid.filter((submission) => submission.kind === 'demand').length;
    const counts = await harness.settle((c) => c.sent === mixed.length && c.projectsLive === demands, 60_000);
    harness.finish(counts);
    expect(counts).toMatchObject({ accepted: good, rejected: poisons.length, projectsLive: demands });

    // Each poison message, found in the topic by its key, has exactly one answer: a rejection with its code.
    const answers = [...recorder.on('listAccepted'), ...recorder.on('listRejected')];
    const verdicts = recorder
      .on('demandListSubmitted')
      .filter((message) => message.key?.startsWith('poison-'))
      .map((message) => {
        const mine = answers.filter(
          (answer) =>
            answer.value.source.topic === message.topic &&
            answer.value.source.partition === message.partition &&
            answer.value.source.offset === message.offset,
        );
        const codes = mine.flatMap((answer) =>
          (answer.value.problems ?? []).map((problem: { code: string }) => problem.code),
        );
        const kind = POISONS.find((poison) => message.key!.startsWith(`poison-${poison.kind}-`))!;
        return { key: message.key, answers: mine.length, hasItsCode: codes.includes(kind.code) };
      });
    expect(verdicts).toHaveLength(poisons.length);
    expect(verdicts.filter((verdict) => verdict.answers !== 1 || !verdict.hasItsCode)).toEqual([]);
  });
});
