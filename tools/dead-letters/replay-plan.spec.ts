import { planReplay, readDeadLetter, type DeadLetter, type DeadLetterRecord } from './replay-plan';

const TOPIC = 'redcrowd.resource-lists.submitted.v1';

function record(offset: number, letter: Record<string, unknown> | string): DeadLetterRecord {
  return {
    partition: 0,
    offset: String(offset),
    value: Buffer.from(typeof letter === 'string' ? letter : JSON.stringify(letter)),
  };
}

function deadLetter(id: string, originOffset: string, failedAt: string): Record<string, unknown> {
  return {
    eventId: id,
    rejectionEventId: `rejection-of-${id}`,
    originTopic: TOPIC,
    originPartition: 2,
    originOffset,
    originKey: 'unit-henan-keji',
    valueBase64: Buffer.from(`{"listId":"rl-${id}"}`).toString('base64'),
    attempts: 3,
    error: 'lock timeout (55P03)',
    failedAt,
  };
}

const letters: DeadLetter[] = [
  record(0, deadLetter('dl-a', '10', '2026-12-06T01:00:00.000Z')),
  record(1, deadLetter('dl-b', '11', '2026-12-06T02:00:00.000Z')),
  record(2, deadLetter('dl-c', '12', '2026-12-06T03:00:00.000Z')),
].map(readDeadLetter);

const ids = (dead: { id: string }[]): string[] => dead.map((letter) => letter.id);

describe('reading a dead letter', () => {
  it('recovers the original message: topic, partition, offset, key and bytes', () => {
    expect(readDeadLetter(record(0, deadLetter('dl-a', '10', '2026-12-06T01:00:00.000Z')))).toEqual({
      readable: true,
      id: 'dl-a',
      failedAt: '2026-12-06T01:00:00.000Z',
      origin: { topic: TOPIC, partition: 2, offset: '10' },
      key: 'unit-henan-keji',
      value: Buffer.from('{"listId":"rl-dl-a"}'),
      headers: {},
      error: 'lock timeout (55P03)',
    });
  });

  it('sends the original headers again, with the correlation id intake gave the message', () => {
    const letter = {
      ...deadLetter('dl-a', '10', '2026-12-06T01:00:00Z'),
      originHeaders: { traceparent: '00-abc-def-01' },
      correlationId: 'given-by-intake',
    };
    expect(readDeadLetter(record(0, letter))).toMatchObject({
      readable: true,
      headers: { traceparent: '00-abc-def-01', 'correlation-id': 'given-by-intake' },
    });
  });

  it('calls a record with headers that are not strings unreadable', () => {
    const letter = { ...deadLetter('dl-a', '10', '2026-12-06T01:00:00Z'), originHeaders: { n: 1 } };
    expect(readDeadLetter(record(0, letter))).toMatchObject({ readable: false });
  });

  it('keeps a message without key or bytes as such', () => {
    const {
      originKey: _key,
      valueBase64: _value,
      ...bare
    } = deadLetter('dl-a', '10', '2026-12-06T01:00:00Z');
    expect(readDeadLetter(record(0, bare))).toMatchObject({ readable: true, key: null, value: null });
  });

  it('names a dead letter written before dead letters had ids by its own position', () => {
    const { eventId: _id, ...old } = deadLetter('dl-a', '10', '2026-12-06T01:00:00Z');
    expect(readDeadLetter({ ...record(0, old), partition: 0, offset: '7' })).toMatchObject({
      readable: true,
      id: 'dead-letter/0/7',
    });
  });

  it.each([
    ['not JSON', 'oops'],
    ['not an object', '42'],
    ['origin, key, bytes, headers or failedAt missing or malformed', { eventId: 'x', originTopic: TOPIC }],
  ])('calls a record unreadable (%s)', (reason, letter) => {
    expect(readDeadLetter(record(4, letter as never))).toMatchObject({ readable: false, reason });
  });
});

describe('planning a replay', () => {
  it('replays every dead letter with --all', () => {
    const plan = planReplay(letters, { by: 'all' }, new Map());
    expect(ids(plan.replay)).toEqual(['dl-a', 'dl-b', 'dl-c']);
    expect(plan).toMatchObject({ skipped: [], missingIds: [], notSelected: 0 });
  });

  it('selects by failure time, both ends included', () => {
    const plan = planReplay(
      letters,
      { by: 'time', from: new Date('2026-12-06T02:00:00Z'), to: new Date('2026-12-06T03:00:00Z') },
      new Map(),
    );
    expect(ids(plan.replay)).toEqual(['dl-b', 'dl-c']);
    expect(plan.notSelected).toBe(1);
    expect(
      ids(planReplay(letters, { by: 'time', to: new Date('2026-12-06T01:59:59Z') }, new Map()).replay),
    ).toEqual(['dl-a']);
  });

  it('selects by id and names the ids it did not find', () => {
    const plan = planReplay(letters, { by: 'id', ids: ['dl-c', 'dl-missing'] }, new Map());
    expect(ids(plan.replay)).toEqual(['dl-c']);
    expect(plan).toMatchObject({ missingIds: ['dl-missing'], notSelected: 2 });
  });

  it('skips a message already replayed, saying from which dead letter', () => {
    const plan = planReplay(letters, { by: 'all' }, new Map([[`${TOPIC}/2/11`, 'dl-b']]));
    expect(ids(plan.replay)).toEqual(['dl-a', 'dl-c']);
    expect(plan.skipped).toEqual([
      {
        id: 'dl-b',
        reason: 'already-replayed',
        detail: `${TOPIC}/2/11 was replayed before (from dead letter dl-b)`,
      },
    ]);
  });

  it('replays a message dead-lettered twice (after a redelivery) once', () => {
    const twice = [
      ...letters,
      readDeadLetter(record(3, deadLetter('dl-a-again', '10', '2026-12-06T04:00:00Z'))),
    ];
    const plan = planReplay(twice, { by: 'all' }, new Map());
    expect(ids(plan.replay)).toEqual(['dl-a', 'dl-b', 'dl-c']);
    expect(plan.skipped).toEqual([
      {
        id: 'dl-a-again',
        reason: 'same-message',
        detail: `${TOPIC}/2/10 is replayed once, from dead letter dl-a`,
      },
    ]);
  });

  it('reports unreadable dead letters instead of dropping them silently', () => {
    const withGarbage = [...letters, readDeadLetter(record(3, 'oops'))];
    expect(planReplay(withGarbage, { by: 'all' }, new Map()).skipped).toEqual([
      { id: 'dead-letter/0/3', reason: 'unreadable', detail: 'not JSON' },
    ]);
    expect(planReplay(withGarbage, { by: 'id', ids: ['dl-a'] }, new Map()).skipped).toEqual([]);
  });
});
