import { parseList, MAX_REPORTED_PROBLEMS } from './parse-list';
import { Taxonomy } from '../taxonomy';
import { LIMITS } from '../limits';
import { demandItem, demandList, manyResourceItems, resourceItem, resourceList } from '@test/fixtures/lists';

const json = (value: unknown): string => JSON.stringify(value);

function problemsOf(kind: 'resource' | 'demand', raw: string | Buffer | null, key?: string) {
  const result = parseList(kind, raw, { messageKey: key, taxonomyFor: () => new Taxonomy() });
  if (result.ok) throw new Error('expected a rejection, got an accepted list');
  return result.problems;
}

describe('parseList accepts', () => {
  it('a resource list from a member unit and defaults its revision to 1', () => {
    const { revision: _omitted, ...withoutRevision } = resourceList();
    const result = parseList('resource', json(withoutRevision), { taxonomyFor: () => new Taxonomy() });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.list.revision).toBe(1);
    expect(result.list.submitter).toEqual({
      kind: 'unit',
      id: 'unit-kongkong-daodan',
      name: '空空导弹研究院',
    });
  });

  it('a demand list from a community, keyed by the community id', () => {
    const result = parseList('demand', json(demandList()), { messageKey: 'community-014' });
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.list.submitter.kind).toBe('community');
  });

  it('a demand list posted by a unit (联盟单位互领清单)', () => {
    const list = demandList({ submitter: { kind: 'unit', id: 'unit-henan-univ', name: '河南科技大学' } });
    expect(parseList('demand', json(list)).ok).toBe(true);
  });

  it('exactly the maximum number of items', () => {
    const list = resourceList({ items: manyResourceItems(LIMITS.maxItemsPerList) });
    expect(parseList('resource', json(list)).ok).toBe(true);
  });

  it('a category an alliance added to its taxonomy', () => {
    const list = resourceList({ items: [resourceItem({ category: 'red-property' })] });
    const result = parseList('resource', json(list), { taxonomyFor: () => new Taxonomy(['red-property']) });
    expect(result.ok).toBe(true);
  });

  it('SQL-looking text unchanged', () => {
    const title = "'); DROP TABLE lists; --";
    const list = resourceList({ items: [resourceItem({ title })] });
    const result = parseList('resource', json(list));
    expect(result.ok && result.list.payload.items[0]?.title).toBe(title);
  });
});

describe('parseList rejects a whole message that', () => {
  it.each([
    ['is empty', '', 'empty-message'],
    ['is only whitespace', '  \n ', 'empty-message'],
    ['is not JSON', 'name,quantity\n送餐,40', 'invalid-json'],
    ['is a JSON array', '[]', 'not-an-object'],
    ['is JSON null', 'null', 'not-an-object'],
    ['is a JSON string', '"list"', 'not-an-object'],
  ])('%s', (_name, raw, code) => {
    expect(problemsOf('resource', raw)).toEqual([expect.objectContaining({ path: '', code })]);
  });

  it('is larger than 1 MiB', () => {
    const raw = Buffer.alloc(LIMITS.maxMessageBytes + 1, 'x');
    expect(problemsOf('resource', raw)[0]?.code).toBe('message-too-large');
  });

  it('has a null body', () => {
    expect(problemsOf('demand', null)[0]?.code).toBe('empty-message');
  });
});

type Case = [name: string, list: Record<string, unknown>, path: string, code: string];

const resourceCases: Case[] = [
  ['has an unknown top-level field', resourceList({ owner: 'x' }), 'owner', 'unknown-field'],
  [
    'has an unknown item field',
    resourceList({ items: [resourceItem({ color: 'red' })] }),
    'items[0].color',
    'unknown-field',
  ],
  ['lacks a listId', resourceList({ listId: undefined }), 'listId', 'required'],
  ['has a numeric listId', resourceList({ listId: 42 }), 'listId', 'wrong-type'],
  ['has a listId with spaces', resourceList({ listId: 'my list' }), 'listId', 'invalid-value'],
  [
    'has a too long listId',
    resourceList({ listId: 'a'.repeat(LIMITS.maxIdLength + 1) }),
    'listId',
    'too-long',
  ],
  ['has revision 0', resourceList({ revision: 0 }), 'revision', 'out-of-range'],
  ['has a fractional revision', resourceList({ revision: 1.5 }), 'revision', 'wrong-type'],
  ['lacks the allianceId', resourceList({ allianceId: undefined }), 'allianceId', 'required'],
  ['lacks the unit', resourceList({ unit: undefined }), 'unit', 'required'],
  ['has a unit that is a string', resourceList({ unit: '空空导弹研究院' }), 'unit', 'wrong-type'],
  ['has a unit without a name', resourceList({ unit: { id: 'u1' } }), 'unit.name', 'required'],
  ['has an empty unit name', resourceList({ unit: { id: 'u1', name: '' } }), 'unit.name', 'required'],
  [
    'has submittedAt without an offset',
    resourceList({ submittedAt: '2026-11-21 09:00' }),
    'submittedAt',
    'invalid-datetime',
  ],
  [
    'has an impossible submittedAt',
    resourceList({ submittedAt: '2026-13-45T09:00:00Z' }),
    'submittedAt',
    'invalid-datetime',
  ],
  ['has no items', resourceList({ items: [] }), 'items', 'too-few-items'],
  ['has items that are an object', resourceList({ items: { a: 1 } }), 'items', 'wrong-type'],
  [
    'has more than 5,000 items',
    resourceList({ items: manyResourceItems(LIMITS.maxItemsPerList + 1) }),
    'items',
    'too-many-items',
  ],
  [
    'has an item without itemId',
    resourceList({ items: [resourceItem({ itemId: undefined })] }),
    'items[0].itemId',
    'required',
  ],
  [
    'has duplicate itemIds',
    resourceList({ items: [resourceItem(), resourceItem()] }),
    'items[1].itemId',
    'duplicate-item-id',
  ],
  [
    'has an unknown category',
    resourceList({ items: [resourceItem({ category: 'rocketry' })] }),
    'items[0].category',
    'unknown-category',
  ],
  [
    'has a category in Chinese',
    resourceList({ items: [resourceItem({ category: '养老' })] }),
    'items[0].category',
    'invalid-value',
  ],
  [
    'has an empty title',
    resourceList({ items: [resourceItem({ title: '' })] }),
    'items[0].title',
    'required',
  ],
  [
    'has an over-long title',
    resourceList({ items: [resourceItem({ title: '长'.repeat(LIMITS.maxTitleLength + 1) })] }),
    'items[0].title',
    'too-long',
  ],
  [
    'has an over-long description',
    resourceList({ items: [resourceItem({ description: 'x'.repeat(LIMITS.maxDescriptionLength + 1) })] }),
    'items[0].description',
    'too-long',
  ],
  [
    'has a zero quantity',
    resourceList({ items: [resourceItem({ quantity: 0 })] }),
    'items[0].quantity',
    'out-of-range',
  ],
  [
    'has a negative quantity',
    resourceList({ items: [resourceItem({ quantity: -3 })] }),
    'items[0].quantity',
    'out-of-range',
  ],
  [
    'has a fractional quantity',
    resourceList({ items: [resourceItem({ quantity: 2.5 })] }),
    'items[0].quantity',
    'wrong-type',
  ],
  [
    'has a quantity given as text',
    resourceList({ items: [resourceItem({ quantity: '30' })] }),
    'items[0].quantity',
    'wrong-type',
  ],
  [
    'has an unknown quantity unit',
    resourceList({ items: [resourceItem({ unit: 'boxes' })] }),
    'items[0].unit',
    'invalid-value',
  ],
  [
    'has no location',
    resourceList({ items: [resourceItem({ location: undefined })] }),
    'items[0].location',
    'required',
  ],
  [
    'has a latitude above 90',
    resourceList({ items: [resourceItem({ location: { lat: 91, lng: 112.4 } })] }),
    'items[0].location.lat',
    'out-of-range',
  ],
  [
    'has a longitude below -180',
    resourceList({ items: [resourceItem({ location: { lat: 34.6, lng: -181 } })] }),
    'items[0].location.lng',
    'out-of-range',
  ],
  [
    'has a latitude given as text',
    resourceList({ items: [resourceItem({ location: { lat: '34.6', lng: 112.4 } })] }),
    'items[0].location.lat',
    'wrong-type',
  ],
  [
    'has an over-long address',
    resourceList({
      items: [
        resourceItem({
          location: { lat: 34.6, lng: 112.4, address: 'x'.repeat(LIMITS.maxAddressLength + 1) },
        }),
      ],
    }),
    'items[0].location.address',
    'too-long',
  ],
  [
    'has a negative service radius',
    resourceList({ items: [resourceItem({ serviceRadiusKm: -1 })] }),
    'items[0].serviceRadiusKm',
    'out-of-range',
  ],
  [
    'has no availability',
    resourceList({ items: [resourceItem({ available: undefined })] }),
    'items[0].available',
    'required',
  ],
  [
    'has availability ending before it starts',
    resourceList({
      items: [resourceItem({ available: { from: '2026-12-02T00:00:00Z', to: '2026-12-01T00:00:00Z' } })],
    }),
    'items[0].available.to',
    'window-order',
  ],
  [
    'has availability that ends when it starts',
    resourceList({
      items: [resourceItem({ available: { from: '2026-12-02T00:00:00Z', to: '2026-12-02T00:00:00Z' } })],
    }),
    'items[0].available.to',
    'window-order',
  ],
  [
    'has tags that are not text',
    resourceList({ items: [resourceItem({ tags: [1, 2] })] }),
    'items[0].tags',
    'wrong-type',
  ],
  [
    'has too many tags',
    resourceList({ items: [resourceItem({ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) })] }),
    'items[0].tags',
    'too-many-items',
  ],
  [
    'has an over-long tag',
    resourceList({ items: [resourceItem({ tags: ['x'.repeat(51)] })] }),
    'items[0].tags',
    'too-long',
  ],
  ['has null for a required field', resourceList({ allianceId: null }), 'allianceId', 'wrong-type'],
];

describe('parseList rejects a resource list that', () => {
  it.each(resourceCases)('%s', (_name, list, path, code) => {
    expect(problemsOf('resource', json(list))).toContainEqual(expect.objectContaining({ path, code }));
  });
});

const demandCases: Case[] = [
  ['lacks the submitter', demandList({ submitter: undefined }), 'submitter', 'required'],
  [
    'has a submitter of an unknown kind',
    demandList({ submitter: { kind: 'resident', id: 'r1', name: '王琳' } }),
    'submitter.kind',
    'invalid-value',
  ],
  [
    'has an item without urgency',
    demandList({ items: [demandItem({ urgency: undefined })] }),
    'items[0].urgency',
    'required',
  ],
  [
    'has an unknown urgency',
    demandList({ items: [demandItem({ urgency: 'asap' })] }),
    'items[0].urgency',
    'invalid-value',
  ],
  [
    'has a window ending before it starts',
    demandList({
      items: [demandItem({ window: { from: '2026-12-07T00:00:00+08:00', to: '2026-12-01T00:00:00+08:00' } })],
    }),
    'items[0].window.to',
    'window-order',
  ],
  [
    'has zero beneficiaries',
    demandList({ items: [demandItem({ beneficiaries: 0 })] }),
    'items[0].beneficiaries',
    'out-of-range',
  ],
  [
    'has a resource field on a demand item',
    demandList({ items: [demandItem({ serviceRadiusKm: 3 })] }),
    'items[0].serviceRadiusKm',
    'unknown-field',
  ],
];

describe('parseList rejects a demand list that', () => {
  it.each(demandCases)('%s', (_name, list, path, code) => {
    expect(problemsOf('demand', json(list))).toContainEqual(expect.objectContaining({ path, code }));
  });

  it('is keyed by somebody other than its submitter', () => {
    expect(problemsOf('demand', json(demandList()), 'community-015')).toContainEqual(
      expect.objectContaining({ path: 'submitter.id', code: 'key-mismatch' }),
    );
  });
});

describe('parseList guards against hostile input', () => {
  it('refuses a __proto__ key without touching any prototype', () => {
    const raw = '{"listId":"x","__proto__":{"polluted":true},"items":[{"constructor":{"prototype":{}}}]}';
    const problems = problemsOf('resource', raw);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: '__proto__', code: 'forbidden-key' }),
        expect.objectContaining({ path: 'items[0].constructor', code: 'forbidden-key' }),
      ]),
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses numbers that overflow to infinity', () => {
    const raw = json(resourceList()).replace('"serviceRadiusKm":3', '"serviceRadiusKm":1e400');
    expect(problemsOf('resource', raw)).toContainEqual(
      expect.objectContaining({ path: 'items[0].serviceRadiusKm', code: 'wrong-type' }),
    );
  });

  it('caps the number of problems reported', () => {
    const items = manyResourceItems(300).map((item) => ({ ...item, quantity: 0 }));
    const problems = problemsOf('resource', json(resourceList({ items })));
    expect(problems).toHaveLength(MAX_REPORTED_PROBLEMS + 1);
    expect(problems.at(-1)?.code).toBe('too-many-problems');
  });

  it('refuses deeply nested JSON without overflowing the stack', () => {
    const raw = '{"listId":' + '['.repeat(100000) + ']'.repeat(100000) + '}';
    expect(problemsOf('resource', raw)).toEqual([expect.objectContaining({ code: 'too-deep' })]);
  });

  it('keeps the listId and submitter of an invalid list for the rejection', () => {
    const result = parseList('resource', json(resourceList({ items: [] })));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.hints).toMatchObject({
        listId: 'rl-2026-11',
        submitter: { kind: 'unit', id: 'unit-kongkong-daodan' },
      });
    }
  });
});
