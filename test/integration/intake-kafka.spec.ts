import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { LIMITS } from '@redcrowd/contracts';
import {
  ALLIANCE_ID,
  demandItem,
  demandList,
  manyResourceItems,
  resourceItem,
  resourceList,
} from '@test/fixtures/lists';
import { eventually, type KafkaSubmitter } from '@test/support/answers';
import { startIntakeHarness, type IntakeHarness } from '@test/support/intake-harness';
import type { IntakeProcess } from '@test/support/intake-process';
import { enroll } from '@test/support/roster';

/** Intake against a real Kafka broker and a real Postgres, driven as a unit's client would. */
describe('intake over Kafka', () => {
  let harness: IntakeHarness;
  let intake: IntakeProcess;
  let kafka: KafkaSubmitter;
  let db: Client;
  const run = randomUUID().slice(0, 8);
  const unitId = `unit-${run}`;
  const communityId = `community-${run}`;

  beforeAll(async () => {
    harness = await startIntakeHarness();
    ({ intake, kafka, db } = harness);
    await enroll(
      db,
      ALLIANCE_ID,
      { id: unitId, name: '空空导弹研究院' },
      { kind: 'community', id: communityId, name: '014中心社区' },
    );
  }, 120_000);

  afterAll(() => harness?.stop(), 60_000);

  const resource = (listId: string, overrides: Record<string, unknown> = {}) =>
    JSON.stringify(resourceList({ listId, unit: { id: unitId, name: '空空导弹研究院' }, ...overrides }));

  async function answerOf(listId: string) {
    return eventually(
      () => {
        const { accepted, rejected } = kafka.answersFor(listId);
        return accepted.length + rejected.length > 0 ? { accepted, rejected } : undefined;
      },
      () => `no answer for ${listId}; intake log:\n${intake.tail()}`,
    );
  }

  it('stores a valid resource list with its items and answers lists.accepted.v1', async () => {
    const listId = `rl-valid-${run}`;
    await kafka.submit('resource', resource(listId), unitId);
    const { accepted, rejected } = await answerOf(listId);
    expect(rejected).toEqual([]);
    expect(accepted).toEqual([
      expect.objectContaining({
        listKind: 'resource',
        listId,
        revision: 1,
        allianceId: ALLIANCE_ID,
        submitter: { kind: 'unit', id: unitId, name: '空空导弹研究院' },
        outcome: 'stored',
        itemCount: 1,
        source: expect.objectContaining({ channel: 'kafka', partition: expect.any(Number) }),
      }),
    ]);
    const { rows } = await db.query(
      `SELECT i.item_id, i.category, i.title, i.quantity, i.quantity_unit, i.lat, i.lng, i.address,
              i.service_radius_km, i.available_from, i.available_to, i.tags, i.status
       FROM resource_items i JOIN lists l ON l.id = i.list_pk
       WHERE l.list_id = $1 AND l.submitter_id = $2`,
      [listId, unitId],
    );
    expect(rows).toEqual([
      {
        item_id: 'venue-office-700sqm',
        category: 'venue',
        title: '近700平方米办公用房',
        quantity: 30,
        quantity_unit: 'sqm-days',
        lat: 34.6841,
        lng: 112.4367,
        address: '西工区邙岭路街道014中心社区',
        service_radius_km: 3,
        available_from: new Date('2026-12-01T00:00:00Z'),
        available_to: new Date('2026-12-31T10:00:00Z'),
        tags: ['党群服务', '场地'],
        status: 'open',
      },
    ]);
  });

  it('stores a demand list from a community', async () => {
    const listId = `dl-valid-${run}`;
    const list = demandList({
      listId,
      submitter: { kind: 'community', id: communityId, name: '014中心社区' },
      items: [
        demandItem(),
        demandItem({
          itemId: 'tutoring',
          category: 'education',
          unit: 'sessions',
          urgency: 'routine',
          beneficiaries: undefined,
        }),
      ],
    });
    await kafka.submit('demand', JSON.stringify(list), communityId);
    const { accepted } = await answerOf(listId);
    expect(accepted[0]).toMatchObject({ listKind: 'demand', itemCount: 2, outcome: 'stored' });
    const { rows } = await db.query(
      `SELECT i.item_id, i.urgency, i.beneficiaries FROM demand_items i JOIN lists l ON l.id = i.list_pk
       WHERE l.list_id = $1 ORDER BY i.item_id`,
      [listId],
    );
    expect(rows).toEqual([
      { item_id: 'elderly-meals-52', urgency: 'urgent', beneficiaries: 40 },
      { item_id: 'tutoring', urgency: 'routine', beneficiaries: null },
    ]);
  });

  it('stores SQL-looking text verbatim', async () => {
    const listId = `rl-sql-${run}`;
    const title = "Robert'); DROP TABLE lists; -- 学生";
    await kafka.submit(
      'resource',
      resource(listId, { items: [resourceItem({ title, description: '$1 \\x00 %s' })] }),
      unitId,
    );
    const { accepted } = await answerOf(listId);
    expect(accepted).toHaveLength(1);
    const { rows } = await db.query(
      `SELECT i.title, i.description FROM resource_items i JOIN lists l ON l.id = i.list_pk WHERE l.list_id = $1`,
      [listId],
    );
    expect(rows).toEqual([{ title, description: '$1 \\x00 %s' }]);
  });

  it('stores a list of 5,000 items in one go', async () => {
    const listId = `rl-5000-${run}`;
    await kafka.submit(
      'resource',
      resource(listId, { items: manyResourceItems(LIMITS.maxItemsPerList) }),
      unitId,
    );
    const { accepted } = await answerOf(listId);
    expect(accepted[0]?.itemCount).toBe(LIMITS.maxItemsPerList);
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM resource_items i JOIN lists l ON l.id = i.list_pk WHERE l.list_id = $1`,
      [listId],
    );
    expect(rows[0].n).toBe(LIMITS.maxItemsPerList);
  });

  // Each case: a message a real submitter might send, and the problem intake must name.
  // `list(overrides)` builds a list from this case's own unit, so answers can be told apart.
  type ListBuilder = (overrides?: Record<string, unknown>) => string;
  const badInputs: Array<[string, (list: ListBuilder) => string | null, string, string]> = [
    ['a non-JSON message (a CSV export)', () => 'itemId,title\nv1,送餐', '', 'invalid-json'],
    ['an empty message', () => '', '', 'empty-message'],
    ['a tombstone (null value)', () => null, '', 'empty-message'],
    ['a JSON array instead of a list', () => '[1,2]', '', 'not-an-object'],
    [
      'a quantity given as text',
      (list) => list({ items: [resourceItem({ quantity: '30' })] }),
      'items[0].quantity',
      'wrong-type',
    ],
    [
      'a zero quantity',
      (list) => list({ items: [resourceItem({ quantity: 0 })] }),
      'items[0].quantity',
      'out-of-range',
    ],
    [
      'a negative quantity',
      (list) => list({ items: [resourceItem({ quantity: -5 })] }),
      'items[0].quantity',
      'out-of-range',
    ],
    [
      'an unknown category',
      (list) => list({ items: [resourceItem({ category: 'rocketry' })] }),
      'items[0].category',
      'unknown-category',
    ],
    ['an unknown field', (list) => list({ priority: 'high' }), 'priority', 'unknown-field'],
    [
      'a missing location',
      (list) => list({ items: [resourceItem({ location: undefined })] }),
      'items[0].location',
      'required',
    ],
    [
      'a latitude out of range',
      (list) => list({ items: [resourceItem({ location: { lat: 134.6, lng: 112.4 } })] }),
      'items[0].location.lat',
      'out-of-range',
    ],
    [
      'a longitude out of range',
      (list) => list({ items: [resourceItem({ location: { lat: 34.6, lng: 212.4 } })] }),
      'items[0].location.lng',
      'out-of-range',
    ],
    [
      'a window ending before it starts',
      (list) =>
        list({
          items: [resourceItem({ available: { from: '2026-12-31T00:00:00Z', to: '2026-12-01T00:00:00Z' } })],
        }),
      'items[0].available.to',
      'window-order',
    ],
    [
      'duplicate itemIds in one list',
      (list) => list({ items: [resourceItem(), resourceItem()] }),
      'items[1].itemId',
      'duplicate-item-id',
    ],
    [
      '5,001 items',
      (list) => list({ items: manyResourceItems(LIMITS.maxItemsPerList + 1) }),
      'items',
      'too-many-items',
    ],
    [
      'an over-long title',
      (list) => list({ items: [resourceItem({ title: '长'.repeat(201) })] }),
      'items[0].title',
      'too-long',
    ],
    [
      'a __proto__ key',
      (list) => list().replace('{', '{"__proto__":{"isAdmin":true},'),
      '__proto__',
      'forbidden-key',
    ],
    [
      'a date-time without an offset',
      (list) => list({ submittedAt: '2026/11/21 09:00' }),
      'submittedAt',
      'invalid-datetime',
    ],
    ['a message keyed by another unit', (list) => list(), 'unit.id', 'key-mismatch'],
    ['a missing unit', (list) => list({ unit: undefined }), 'unit', 'required'],
    ['no items', (list) => list({ items: [] }), 'items', 'too-few-items'],
    [
      'an infinite service radius',
      (list) => list().replace('"serviceRadiusKm":3', '"serviceRadiusKm":1e999'),
      'items[0].serviceRadiusKm',
      'wrong-type',
    ],
    [
      'an unknown quantity unit',
      (list) => list({ items: [resourceItem({ unit: '万元' })] }),
      'items[0].unit',
      'invalid-value',
    ],
  ];

  it.each(badInputs)('rejects %s with the specific problem', async (name, build, path, code) => {
    const caseUnit = `unit-${randomUUID().slice(0, 8)}`;
    const listId = `bad-${caseUnit}`;
    const list: ListBuilder = (overrides = {}) =>
      JSON.stringify(resourceList({ listId, unit: { id: caseUnit, name: '河南科技大学' }, ...overrides }));
    const key = code === 'key-mismatch' ? `${caseUnit}-other` : caseUnit;
    await kafka.submit('resource', build(list), key);
    const rejection = await eventually(
      () => kafka.rejected.find((event) => event.key === caseUnit),
      () => `no rejection for "${name}"; intake log:\n${intake.tail()}`,
    );
    expect(rejection.value.problems).toContainEqual(
      expect.objectContaining({ path, code, message: expect.any(String) }),
    );
    expect(rejection.value.source).toMatchObject({ channel: 'kafka' });
    expect(kafka.accepted.filter((event) => event.value.listId === listId)).toEqual([]);
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM intake_rejections WHERE message_key = $1`,
      [key],
    );
    expect(rows[0].n).toBe(1);
    const stored = await db.query(`SELECT count(*)::int AS n FROM lists WHERE list_id = $1`, [listId]);
    expect(stored.rows[0].n).toBe(0);
  });

  it('names the submitter and listId in a rejection when they are readable', async () => {
    const listId = `rl-named-${run}`;
    await kafka.submit('resource', resource(listId, { items: [resourceItem({ quantity: 0 })] }), unitId);
    const { rejected } = await answerOf(listId);
    expect(rejected[0]).toMatchObject({
      listId,
      submitter: { kind: 'unit', id: unitId },
      problems: [
        {
          path: 'items[0].quantity',
          code: 'out-of-range',
          message: 'items[0].quantity must be greater than 0',
        },
      ],
    });
  });
});
