import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import {
  ALLIANCE_ID,
  COMMUNITY_014,
  MISSILE_ACADEMY,
  demandItem,
  demandList,
  resourceItem,
  resourceList,
} from '@test/fixtures/lists';
import { eventually, type KafkaSubmitter } from '@test/support/answers';
import { startIntakeHarness, type IntakeHarness } from '@test/support/intake-harness';
import type { IntakeProcess } from '@test/support/intake-process';
import { enroll } from '@test/support/roster';
import { ADMIN, authHeaders } from '@test/support/tokens';

/** HTTP submission: the same validation and the same events as Kafka, over real services. */
describe('intake over HTTP', () => {
  let harness: IntakeHarness;
  let intake: IntakeProcess;
  let kafka: KafkaSubmitter;
  let db: Client;
  const unitId = `unit-${randomUUID().slice(0, 8)}`;

  beforeAll(async () => {
    harness = await startIntakeHarness();
    ({ intake, kafka, db } = harness);
    await enroll(db, ALLIANCE_ID, { id: unitId, name: '洛阳师范学院' }, COMMUNITY_014);
  }, 120_000);

  afterAll(() => harness?.stop(), 60_000);

  const post = async (path: string, body: string | Buffer) =>
    fetch(`${intake.url}${path}`, { method: 'POST', body, headers: await authHeaders(ADMIN) });

  it('stores a resource list, answers 201 with the accepted event and publishes it', async () => {
    const listId = `rl-http-${randomUUID().slice(0, 8)}`;
    const response = await post(
      '/resource-lists',
      JSON.stringify(resourceList({ listId, unit: { id: unitId, name: '洛阳师范学院' } })),
    );
    expect(response.status).toBe(201);
    const body = (await response.json()) as any;
    expect(body).toMatchObject({
      listKind: 'resource',
      listId,
      outcome: 'stored',
      source: { channel: 'http' },
    });
    const published = await eventually(
      () => kafka.accepted.find((event) => event.value.listId === listId),
      () => `no accepted event for ${listId}`,
    );
    expect(published.value.eventId).toBe(body.eventId);
    expect(published.key).toBe(ALLIANCE_ID);
  });

  it('answers a resend of the same revision with 200 and outcome unchanged', async () => {
    const listId = `dl-http-${randomUUID().slice(0, 8)}`;
    const list = JSON.stringify(demandList({ listId, items: [demandItem()] }));
    expect((await post('/demand-lists', list)).status).toBe(201);
    const again = await post('/demand-lists', list);
    expect(again.status).toBe(200);
    expect((await again.json()) as object).toMatchObject({ outcome: 'unchanged' });
  });

  it('answers invalid lists with 400, the same problems as Kafka, and a rejected event', async () => {
    const listId = `rl-http-bad-${randomUUID().slice(0, 8)}`;
    const bad = resourceList({
      listId,
      unit: { id: unitId, name: '洛阳师范学院' },
      items: [resourceItem({ quantity: -1, location: { lat: 95, lng: 112 } })],
    });
    const response = await post('/resource-lists', JSON.stringify(bad));
    expect(response.status).toBe(400);
    const body = (await response.json()) as any;
    expect(body.error).toMatchObject({
      code: 'invalid-list',
      message: expect.stringContaining('2 problems'),
    });
    // The event's problems, with words for people beside each in the answer.
    const withoutWords = body.error.problems.map(
      ({ words: _words, ...problem }: { words: unknown }) => problem,
    );
    expect(body.rejection).toMatchObject({ listKind: 'resource', listId, problems: withoutWords });
    expect(body.error.problems[0].words).toEqual({
      zh: expect.stringContaining('第 1 项'),
      en: expect.stringContaining('item 1'),
    });
    expect(body.error.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'items[0].quantity', code: 'out-of-range' }),
        expect.objectContaining({ path: 'items[0].location.lat', code: 'out-of-range' }),
      ]),
    );
    const published = await eventually(
      () => kafka.rejected.find((event) => event.value.listId === listId),
      () => `no rejected event for ${listId}`,
    );
    expect(published.value).toEqual(body.rejection);
  });

  it.each([
    ['an empty body', '', 'empty-message'],
    ['a form-encoded body', 'listId=1&items=2', 'invalid-json'],
    ['a body over 1 MiB', 'x'.repeat(1024 * 1024 + 10), 'message-too-large'],
  ])('answers %s with 400 and the problem', async (_name, body, code) => {
    const response = await post('/demand-lists', body);
    expect(response.status).toBe(400);
    const answer = (await response.json()) as any;
    expect(answer.error.code).toBe('invalid-list');
    expect(answer.error.problems[0].code).toBe(code);
  });

  it('refuses a body far beyond the limit without reading it all', async () => {
    const response = await post('/resource-lists', Buffer.alloc(5 * 1024 * 1024, 0x20));
    expect(response.status).toBe(413);
    const answer = (await response.json()) as any;
    expect(answer.error.code).toBe('payload-too-large');
    expect(answer.error.problems[0].code).toBe('message-too-large');
  });

  it('accepts a category the alliance added to its taxonomy', async () => {
    const allianceId = `alliance-${randomUUID().slice(0, 8)}`;
    await enroll(db, allianceId, MISSILE_ACADEMY);
    const list = (listId: string) =>
      JSON.stringify(
        resourceList({ listId, allianceId, items: [resourceItem({ category: 'red-property' })] }),
      );
    expect((await post('/resource-lists', list(`rl-ext-1-${allianceId}`))).status).toBe(400);
    await db.query(
      `INSERT INTO alliance_categories (alliance_id, category, parent_category, label) VALUES ($1, 'red-property', 'repairs', '红色物业')`,
      [allianceId],
    );
    expect((await post('/resource-lists', list(`rl-ext-2-${allianceId}`))).status).toBe(201);
  });
});
