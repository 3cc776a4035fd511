import { parseList, MAX_REPORTED_PROBLEMS, type ParseOptions } from './parse-list';
import type { Problem } from './problem';
import { Taxonomy } from '../taxonomy';
import { LIMITS } from '../limits';
import {
  ALLIANCE_ID,
  COMMUNITY_014,
  demandItem,
  demandList,
  manyResourceItems,
  MISSILE_ACADEMY,
  resourceItem,
  resourceList,
} from '@test/fixtures/lists';

const json = (value: unknown): string => JSON.stringify(value);

const defaultTaxonomy: ParseOptions = { taxonomyFor: () => new Taxonomy() };

function rejectionOf(kind: 'resource' | 'demand', raw: string | Buffer | null, options: ParseOptions = {}) {
  const result = parseList(kind, raw, options);
  if (result.ok) throw new Error('expected a rejection, got an accepted list');
  return result;
}

function problemsOf(kind: 'resource' | 'demand', raw: string | Buffer | null, key?: string): Problem[] {
  return rejectionOf(kind, raw, { ...defaultTaxonomy, messageKey: key }).problems;
}

function acceptedOf(kind: 'resource' | 'demand', raw: string, options: ParseOptions = defaultTaxonomy) {
  const result = parseList(kind, raw, options);
  if (!result.ok) throw new Error(`expected an accepted list, got ${json(result.problems)}`);
  return result.list;
}

const TAXONOMY_LIST =
  'business-support, childcare, culture-sports, education, elderly-care, employment, environment, ' +
  'funds, goods, health, legal, repairs, safety, venue, volunteering';

describe('parseList accepts', () => {
  it('a resource list from a member unit and defaults its revision to 1', () => {
    const { revision: _omitted, ...withoutRevision } = resourceList();
    const list = acceptedOf('resource', json(withoutRevision));
    expect(list).toMatchObject({
      kind: 'resource',
      listId: 'rl-2026-11',
      revision: 1,
      allianceId: ALLIANCE_ID,
      submitter: { kind: 'unit', id: 'unit-kongkong-daodan', name: '空空导弹研究院' },
    });
    // The payload carries the default too, so whoever stores it sees the same revision.
    expect(list.payload.revision).toBe(1);
    expect(list.payload.items).toHaveLength(1);
  });

  it('a resource list with its own revision, keyed by the unit', () => {
    const list = acceptedOf('resource', json(resourceList({ revision: 3 })), {
      messageKey: MISSILE_ACADEMY.id,
    });
    expect([list.revision, list.payload.revision]).toEqual([3, 3]);
  });

  it('a demand list from a community, keyed by the community id', () => {
    const list = acceptedOf('demand', json(demandList()), { messageKey: 'community-014' });
    expect(list).toMatchObject({
      kind: 'demand',
      listId: 'dl-2026-11',
      revision: 1,
      allianceId: ALLIANCE_ID,
      submitter: { kind: 'community', id: 'community-014', name: '014中心社区' },
    });
  });

  it('a demand list posted by a unit (联盟单位互领清单)', () => {
    const list = demandList({ submitter: { kind: 'unit', id: 'unit-henan-univ', name: '河南科技大学' } });
    expect(acceptedOf('demand', json(list)).submitter).toEqual({
      kind: 'unit',
      id: 'unit-henan-univ',
      name: '河南科技大学',
    });
  });

  it('a list over HTTP, where there is no message key', () => {
    expect(parseList('demand', json(demandList()), { messageKey: null }).ok).toBe(true);
    expect(parseList('demand', Buffer.from(json(demandList()))).ok).toBe(true);
  });

  it('exactly the maximum number of items', () => {
    const list = resourceList({ items: manyResourceItems(LIMITS.maxItemsPerList) });
    expect(acceptedOf('resource', json(list)).payload.items).toHaveLength(5000);
  });

  it('a category an alliance added to its taxonomy, asking for the taxonomy of the list’s alliance', () => {
    const askedFor: string[] = [];
    const list = resourceList({ items: [resourceItem({ category: 'red-property' })] });
    const result = parseList('resource', json(list), {
      taxonomyFor: (allianceId) => {
        askedFor.push(allianceId);
        return new Taxonomy(['red-property']);
      },
    });
    expect(result.ok).toBe(true);
    expect(askedFor).toEqual([ALLIANCE_ID]);
  });

  it('any well-formed category when no taxonomy is given', () => {
    const list = resourceList({ items: [resourceItem({ category: 'rocketry' })] });
    expect(parseList('resource', json(list)).ok).toBe(true);
  });

  it('SQL-looking text unchanged', () => {
    const title = "'); DROP TABLE lists; --";
    const list = resourceList({ items: [resourceItem({ title })] });
    expect(acceptedOf('resource', json(list)).payload.items[0]?.title).toBe(title);
  });

  it('the same item id in two different lists, and a window ending one second after it starts', () => {
    const items = [
      resourceItem({ available: { from: '2026-12-01T08:00:00Z', to: '2026-12-01T08:00:01Z' } }),
      resourceItem({ itemId: 'volunteers-20' }),
    ];
    expect(parseList('resource', json(resourceList({ items }))).ok).toBe(true);
  });
});

describe('parseList rejects a whole message that', () => {
  it.each([
    ['is empty', '', 'empty-message', 'the message is empty'],
    ['is only whitespace', '  \n ', 'empty-message', 'the message is empty'],
    ['is a JSON array', '[]', 'not-an-object', 'a list must be a JSON object, got an array'],
    ['is JSON null', 'null', 'not-an-object', 'a list must be a JSON object, got null'],
    ['is a JSON string', '"list"', 'not-an-object', 'a list must be a JSON object, got string'],
  ])('%s', (_name, raw, code, message) => {
    expect(problemsOf('resource', raw)).toEqual([{ path: '', code, message }]);
  });

  it('is not JSON', () => {
    expect(problemsOf('resource', 'name,quantity\n送餐,40')).toEqual([
      { path: '', code: 'invalid-json', message: expect.stringMatching(/^not valid JSON: \S/) },
    ]);
  });

  it('is larger than 1 MiB, and says to split the list', () => {
    const raw = Buffer.alloc(LIMITS.maxMessageBytes + 1, 'x');
    expect(problemsOf('resource', raw)).toEqual([
      {
        path: '',
        code: 'message-too-large',
        message:
          'the message is 1048577 bytes; a list may be at most 1048576 bytes (split it into several lists)',
      },
    ]);
  });

  it('has a null body', () => {
    expect(problemsOf('demand', null)).toEqual([
      { path: '', code: 'empty-message', message: 'the message is empty' },
    ]);
  });
});

type Case = [name: string, list: Record<string, unknown>, path: string, code: string, message: string];

const DATETIME_MESSAGE = 'must be an ISO 8601 date-time with a UTC offset, e.g. 2026-11-21T09:00:00+08:00';

const resourceCases: Case[] = [
  [
    'has an unknown top-level field',
    resourceList({ owner: 'x' }),
    'owner',
    'unknown-field',
    'owner is not a known field',
  ],
  [
    'has an unknown top-level field set to null',
    resourceList({ owner: null }),
    'owner',
    'unknown-field',
    'owner is not a known field',
  ],
  [
    'has an unknown item field',
    resourceList({ items: [resourceItem({ color: 'red' })] }),
    'items[0].color',
    'unknown-field',
    'items[0].color is not a known field',
  ],
  ['lacks a listId', resourceList({ listId: undefined }), 'listId', 'required', 'listId is required'],
  ['has a numeric listId', resourceList({ listId: 42 }), 'listId', 'wrong-type', 'listId must be a string'],
  [
    'has a listId with spaces',
    resourceList({ listId: 'my list' }),
    'listId',
    'invalid-value',
    'listId must start with a letter or digit and contain only letters, digits and . _ : - /',
  ],
  [
    'has a too long listId',
    resourceList({ listId: 'a'.repeat(LIMITS.maxIdLength + 1) }),
    'listId',
    'too-long',
    'listId must be shorter than or equal to 128 characters',
  ],
  [
    'has revision 0',
    resourceList({ revision: 0 }),
    'revision',
    'out-of-range',
    'revision must not be less than 1',
  ],
  [
    'has a fractional revision',
    resourceList({ revision: 1.5 }),
    'revision',
    'wrong-type',
    'revision must be an integer number',
  ],
  [
    'has a revision given as text',
    resourceList({ revision: '2' }),
    'revision',
    'wrong-type',
    'revision must be an integer number',
  ],
  [
    'lacks the allianceId',
    resourceList({ allianceId: undefined }),
    'allianceId',
    'required',
    'allianceId is required',
  ],
  [
    'has a null allianceId',
    resourceList({ allianceId: null }),
    'allianceId',
    'wrong-type',
    'allianceId must not be null',
  ],
  ['lacks the unit', resourceList({ unit: undefined }), 'unit', 'required', 'unit is required'],
  ['has a null unit', resourceList({ unit: null }), 'unit', 'wrong-type', 'unit must not be null'],
  [
    'has a unit that is a string',
    resourceList({ unit: '空空导弹研究院' }),
    'unit',
    'wrong-type',
    'unit must be an object',
  ],
  [
    'has a unit that is an array',
    resourceList({ unit: [{ ...MISSILE_ACADEMY }] }),
    'unit',
    'wrong-type',
    'unit must be an object',
  ],
  [
    'has a unit without a name',
    resourceList({ unit: { id: 'u1' } }),
    'unit.name',
    'required',
    'unit.name is required',
  ],
  [
    'has an empty unit name',
    resourceList({ unit: { id: 'u1', name: '' } }),
    'unit.name',
    'required',
    'unit.name should not be empty',
  ],
  [
    'has a unit name of only spaces',
    resourceList({ unit: { id: 'u1', name: '  \u3000 ' } }),
    'unit.name',
    'required',
    'unit.name must not be blank (only spaces)',
  ],
  [
    'has an item titled with only spaces',
    resourceList({ items: [resourceItem({ title: '   ' })] }),
    'items[0].title',
    'required',
    'items[0].title must not be blank (only spaces)',
  ],
  [
    'has submittedAt without an offset',
    resourceList({ submittedAt: '2026-11-21 09:00' }),
    'submittedAt',
    'invalid-datetime',
    `submittedAt ${DATETIME_MESSAGE}`,
  ],
  [
    'has an impossible submittedAt',
    resourceList({ submittedAt: '2026-13-45T09:00:00Z' }),
    'submittedAt',
    'invalid-datetime',
    `submittedAt ${DATETIME_MESSAGE}`,
  ],
  [
    'has submittedAt as a number',
    resourceList({ submittedAt: 1795000000 }),
    'submittedAt',
    'invalid-datetime',
    `submittedAt ${DATETIME_MESSAGE}`,
  ],
  [
    'has no items',
    resourceList({ items: [] }),
    'items',
    'too-few-items',
    'items must contain at least 1 elements',
  ],
  [
    'has items that are an object',
    resourceList({ items: { a: 1 } }),
    'items',
    'wrong-type',
    'items must be an array',
  ],
  [
    'has an item that is an array',
    resourceList({ items: [[]] }),
    'items',
    'wrong-type',
    'items: each value in items must be an object',
  ],
  [
    'has a null item',
    resourceList({ items: [null] }),
    'items',
    'wrong-type',
    'items: each value in items must be an object',
  ],
  [
    'has more than 5,000 items',
    resourceList({ items: manyResourceItems(LIMITS.maxItemsPerList + 1) }),
    'items',
    'too-many-items',
    'items must contain no more than 5000 elements',
  ],
  [
    'has an item without itemId',
    resourceList({ items: [resourceItem({ itemId: undefined })] }),
    'items[0].itemId',
    'required',
    'items[0].itemId is required',
  ],
  [
    'has a category in Chinese',
    resourceList({ items: [resourceItem({ category: '养老' })] }),
    'items[0].category',
    'invalid-value',
    'items[0].category must be a lowercase category code such as elderly-care',
  ],
  [
    'has an empty title',
    resourceList({ items: [resourceItem({ title: '' })] }),
    'items[0].title',
    'required',
    'items[0].title should not be empty',
  ],
  [
    'has an over-long title',
    resourceList({ items: [resourceItem({ title: '长'.repeat(LIMITS.maxTitleLength + 1) })] }),
    'items[0].title',
    'too-long',
    'items[0].title must be shorter than or equal to 200 characters',
  ],
  [
    'has an over-long description',
    resourceList({ items: [resourceItem({ description: 'x'.repeat(LIMITS.maxDescriptionLength + 1) })] }),
    'items[0].description',
    'too-long',
    'items[0].description must be shorter than or equal to 4000 characters',
  ],
  [
    'has a zero quantity',
    resourceList({ items: [resourceItem({ quantity: 0 })] }),
    'items[0].quantity',
    'out-of-range',
    'items[0].quantity must be greater than 0',
  ],
  [
    'has a negative quantity',
    resourceList({ items: [resourceItem({ quantity: -3 })] }),
    'items[0].quantity',
    'out-of-range',
    'items[0].quantity must be greater than 0',
  ],
  [
    'has a fractional quantity',
    resourceList({ items: [resourceItem({ quantity: 2.5 })] }),
    'items[0].quantity',
    'wrong-type',
    'items[0].quantity must be a whole number; use a finer unit for fractions',
  ],
  [
    // Only the type is reported: "30" is not also "greater than 1000000000" or "not greater than 0".
    'has a quantity given as text',
    resourceList({ items: [resourceItem({ quantity: '30' })] }),
    'items[0].quantity',
    'wrong-type',
    'items[0].quantity must be a whole number; use a finer unit for fractions',
  ],
  [
    'has an unknown quantity unit',
    resourceList({ items: [resourceItem({ unit: 'boxes' })] }),
    'items[0].unit',
    'invalid-value',
    'items[0].unit must be one of: person-hours, sessions, people, items, yuan, sqm-days, meals, visits, hours, days, seats, kg',
  ],
  [
    'has no location',
    resourceList({ items: [resourceItem({ location: undefined })] }),
    'items[0].location',
    'required',
    'items[0].location is required',
  ],
  [
    'has a location that is an empty array',
    resourceList({ items: [resourceItem({ location: [] })] }),
    'items[0].location',
    'wrong-type',
    'items[0].location must be an object',
  ],
  [
    'has a location given as an address only',
    resourceList({ items: [resourceItem({ location: '邙岭路社区' })] }),
    'items[0].location',
    'wrong-type',
    'items[0].location must be an object',
  ],
  [
    'has a latitude above 90',
    resourceList({ items: [resourceItem({ location: { lat: 91, lng: 112.4 } })] }),
    'items[0].location.lat',
    'out-of-range',
    'items[0].location.lat must be a latitude string or number',
  ],
  [
    'has a longitude below -180',
    resourceList({ items: [resourceItem({ location: { lat: 34.6, lng: -181 } })] }),
    'items[0].location.lng',
    'out-of-range',
    'items[0].location.lng must be a longitude string or number',
  ],
  [
    'has a latitude given as text',
    resourceList({ items: [resourceItem({ location: { lat: '34.6', lng: 112.4 } })] }),
    'items[0].location.lat',
    'wrong-type',
    'items[0].location.lat must be a number conforming to the specified constraints',
  ],
  [
    'has a null longitude',
    resourceList({ items: [resourceItem({ location: { lat: 34.6, lng: null } })] }),
    'items[0].location.lng',
    'wrong-type',
    'items[0].location.lng must not be null',
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
    'items[0].location.address must be shorter than or equal to 500 characters',
  ],
  [
    'has a negative service radius',
    resourceList({ items: [resourceItem({ serviceRadiusKm: -1 })] }),
    'items[0].serviceRadiusKm',
    'out-of-range',
    'items[0].serviceRadiusKm must not be less than 0',
  ],
  [
    'has a service radius beyond half the earth',
    resourceList({ items: [resourceItem({ serviceRadiusKm: LIMITS.maxServiceRadiusKm + 1 })] }),
    'items[0].serviceRadiusKm',
    'out-of-range',
    'items[0].serviceRadiusKm must not be greater than 20000',
  ],
  [
    'has no availability',
    resourceList({ items: [resourceItem({ available: undefined })] }),
    'items[0].available',
    'required',
    'items[0].available is required',
  ],
  [
    'has availability that is an array',
    resourceList({ items: [resourceItem({ available: ['2026-12-01T08:00Z', '2026-12-31T18:00Z'] })] }),
    'items[0].available',
    'wrong-type',
    'items[0].available must be an object',
  ],
  [
    'has availability without an end',
    resourceList({ items: [resourceItem({ available: { from: '2026-12-01T08:00Z' } })] }),
    'items[0].available.to',
    'required',
    'items[0].available.to is required',
  ],
  [
    'has tags that are not text',
    resourceList({ items: [resourceItem({ tags: [1, 2] })] }),
    'items[0].tags',
    'wrong-type',
    'items[0].tags: each value in tags must be a string',
  ],
  [
    'has tags given as one string',
    resourceList({ items: [resourceItem({ tags: '党群服务' })] }),
    'items[0].tags',
    'wrong-type',
    'items[0].tags must be an array',
  ],
  [
    'has too many tags',
    resourceList({ items: [resourceItem({ tags: Array.from({ length: 21 }, (_, i) => `t${i}`) })] }),
    'items[0].tags',
    'too-many-items',
    'items[0].tags must contain no more than 20 elements',
  ],
  [
    'has an over-long tag',
    resourceList({ items: [resourceItem({ tags: ['x'.repeat(51)] })] }),
    'items[0].tags',
    'too-long',
    'items[0].tags: each value in tags must be shorter than or equal to 50 characters',
  ],
];

describe('parseList rejects, with exactly one problem, a resource list that', () => {
  it.each(resourceCases)('%s', (_name, list, path, code, message) => {
    expect(problemsOf('resource', json(list))).toEqual([{ path, code, message }]);
  });
});

const demandCases: Case[] = [
  [
    'lacks the submitter',
    demandList({ submitter: undefined }),
    'submitter',
    'required',
    'submitter is required',
  ],
  [
    'has a submitter that is an empty array',
    demandList({ submitter: [] }),
    'submitter',
    'wrong-type',
    'submitter must be an object',
  ],
  [
    'has a submitter of an unknown kind',
    demandList({ submitter: { kind: 'resident', id: 'r1', name: '王琳' } }),
    'submitter.kind',
    'invalid-value',
    'submitter.kind must be one of: community, unit',
  ],
  [
    'has an item without urgency',
    demandList({ items: [demandItem({ urgency: undefined })] }),
    'items[0].urgency',
    'required',
    'items[0].urgency is required',
  ],
  [
    'has an unknown urgency',
    demandList({ items: [demandItem({ urgency: 'asap' })] }),
    'items[0].urgency',
    'invalid-value',
    'items[0].urgency must be one of: routine, urgent, critical',
  ],
  [
    'has a window that is an empty array',
    demandList({ items: [demandItem({ window: [] })] }),
    'items[0].window',
    'wrong-type',
    'items[0].window must be an object',
  ],
  [
    'has zero beneficiaries',
    demandList({ items: [demandItem({ beneficiaries: 0 })] }),
    'items[0].beneficiaries',
    'out-of-range',
    'items[0].beneficiaries must not be less than 1',
  ],
  [
    'has a resource field on a demand item',
    demandList({ items: [demandItem({ serviceRadiusKm: 3 })] }),
    'items[0].serviceRadiusKm',
    'unknown-field',
    'items[0].serviceRadiusKm is not a known field',
  ],
];

describe('parseList rejects, with exactly one problem, a demand list that', () => {
  it.each(demandCases)('%s', (_name, list, path, code, message) => {
    expect(problemsOf('demand', json(list))).toEqual([{ path, code, message }]);
  });

  it('names a unit the way a resource list does, and so lacks the submitter', () => {
    const list = demandList({ submitter: undefined, unit: { ...MISSILE_ACADEMY } });
    expect(problemsOf('demand', json(list))).toEqual([
      { path: 'unit', code: 'unknown-field', message: 'unit is not a known field' },
      { path: 'submitter', code: 'required', message: 'submitter is required' },
    ]);
  });
});

describe('parseList checks across items', () => {
  it('refuses a repeated item id, naming the item that used it first', () => {
    const items = [resourceItem(), resourceItem({ itemId: 'volunteers-20' }), resourceItem(), resourceItem()];
    expect(problemsOf('resource', json(resourceList({ items })))).toEqual([
      {
        path: 'items[2].itemId',
        code: 'duplicate-item-id',
        message:
          'items[2].itemId "venue-office-700sqm" is already used by items[0]; item ids must be unique within a list',
      },
      {
        path: 'items[3].itemId',
        code: 'duplicate-item-id',
        message:
          'items[3].itemId "venue-office-700sqm" is already used by items[0]; item ids must be unique within a list',
      },
    ]);
  });

  it.each([
    ['ends before it starts', '2026-12-02T00:00:00Z', '2026-12-01T00:00:00Z'],
    ['ends when it starts', '2026-12-02T00:00:00Z', '2026-12-02T00:00:00Z'],
    [
      'ends at the same instant written in another offset',
      '2026-12-02T08:00:00+08:00',
      '2026-12-02T00:00:00Z',
    ],
  ])('refuses availability that %s', (_name, from, to) => {
    const items = [resourceItem({ itemId: 'ok' }), resourceItem({ available: { from, to } })];
    expect(problemsOf('resource', json(resourceList({ items })))).toEqual([
      {
        path: 'items[1].available.to',
        code: 'window-order',
        message: `items[1].available.to (${to}) must be later than available.from (${from})`,
      },
    ]);
  });

  it('refuses a demand window ending before it starts, naming it window', () => {
    const window = { from: '2026-12-07T00:00:00+08:00', to: '2026-12-01T00:00:00+08:00' };
    expect(problemsOf('demand', json(demandList({ items: [demandItem({ window })] })))).toEqual([
      {
        path: 'items[0].window.to',
        code: 'window-order',
        message:
          'items[0].window.to (2026-12-01T00:00:00+08:00) must be later than window.from (2026-12-07T00:00:00+08:00)',
      },
    ]);
  });

  it('reports duplicates and window order of one item together', () => {
    const available = { from: '2026-12-02T00:00:00Z', to: '2026-12-01T00:00:00Z' };
    const items = [resourceItem(), resourceItem({ available })];
    expect(problemsOf('resource', json(resourceList({ items }))).map((p) => p.code)).toEqual([
      'duplicate-item-id',
      'window-order',
    ]);
  });

  it('checks items only once their schema is valid', () => {
    const items = [resourceItem(), resourceItem({ quantity: 0 })];
    expect(problemsOf('resource', json(resourceList({ items })))).toEqual([
      {
        path: 'items[1].quantity',
        code: 'out-of-range',
        message: 'items[1].quantity must be greater than 0',
      },
    ]);
  });

  it('refuses categories outside the alliance taxonomy, listing what it holds', () => {
    const items = [
      resourceItem({ itemId: 'a', category: 'rocketry' }),
      resourceItem({ itemId: 'b' }),
      resourceItem({ itemId: 'c', category: 'ballet' }),
    ];
    expect(problemsOf('resource', json(resourceList({ items })))).toEqual([
      {
        path: 'items[0].category',
        code: 'unknown-category',
        message: `items[0].category "rocketry" is not in alliance ${ALLIANCE_ID}'s taxonomy (${TAXONOMY_LIST})`,
      },
      {
        path: 'items[2].category',
        code: 'unknown-category',
        message: `items[2].category "ballet" is not in alliance ${ALLIANCE_ID}'s taxonomy (${TAXONOMY_LIST})`,
      },
    ]);
  });

  it('reports item problems, then the key, then categories', () => {
    const items = [resourceItem({ category: 'rocketry' }), resourceItem()];
    expect(
      problemsOf('resource', json(resourceList({ items })), 'unit-henan-univ').map((p) => p.code),
    ).toEqual(['duplicate-item-id', 'key-mismatch', 'unknown-category']);
  });

  it('caps the problems found across items too', () => {
    const items = manyResourceItems(150).map((item) => ({ ...item, itemId: 'same' }));
    const problems = problemsOf('resource', json(resourceList({ items })));
    expect(problems).toHaveLength(MAX_REPORTED_PROBLEMS + 1);
    expect(problems.at(-1)).toEqual({
      path: '',
      code: 'too-many-problems',
      message: '49 more problems not listed; fix the ones above and resubmit',
    });
  });
});

describe('parseList checks the message key', () => {
  it('refuses a resource list keyed by another unit, naming unit.id', () => {
    expect(problemsOf('resource', json(resourceList()), 'unit-henan-univ')).toEqual([
      {
        path: 'unit.id',
        code: 'key-mismatch',
        message: 'the message key "unit-henan-univ" must equal unit.id "unit-kongkong-daodan"',
      },
    ]);
  });

  it('refuses a demand list keyed by somebody other than its submitter, naming submitter.id', () => {
    expect(problemsOf('demand', json(demandList()), 'community-015')).toEqual([
      {
        path: 'submitter.id',
        code: 'key-mismatch',
        message: 'the message key "community-015" must equal submitter.id "community-014"',
      },
    ]);
  });

  it('refuses an empty key, which names nobody', () => {
    expect(problemsOf('demand', json(demandList()), '').map((p) => p.code)).toEqual(['key-mismatch']);
  });
});

describe('parseList guards against hostile input', () => {
  it('refuses a __proto__ key without touching any prototype', () => {
    const raw = '{"listId":"x","__proto__":{"polluted":true},"items":[{"constructor":{"prototype":{}}}]}';
    expect(problemsOf('resource', raw)).toEqual([
      {
        path: '__proto__',
        code: 'forbidden-key',
        message: '__proto__: the key "__proto__" is not allowed anywhere in a list',
      },
      {
        path: 'items[0].constructor',
        code: 'forbidden-key',
        message: 'items[0].constructor: the key "constructor" is not allowed anywhere in a list',
      },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses numbers that overflow to infinity', () => {
    const raw = json(resourceList()).replace('"serviceRadiusKm":3', '"serviceRadiusKm":1e400');
    expect(problemsOf('resource', raw)).toEqual([
      {
        path: 'items[0].serviceRadiusKm',
        code: 'wrong-type',
        message: 'items[0].serviceRadiusKm must be a number conforming to the specified constraints',
      },
    ]);
  });

  it('caps the number of problems reported', () => {
    const items = manyResourceItems(300).map((item) => ({ ...item, quantity: 0 }));
    const problems = problemsOf('resource', json(resourceList({ items })));
    expect(problems).toHaveLength(MAX_REPORTED_PROBLEMS + 1);
    expect(problems[99]).toEqual({
      path: 'items[99].quantity',
      code: 'out-of-range',
      message: 'items[99].quantity must be greater than 0',
    });
    expect(problems.at(-1)).toEqual({
      path: '',
      code: 'too-many-problems',
      message: '200 more problems not listed; fix the ones above and resubmit',
    });
  });

  it('refuses deeply nested JSON without overflowing the stack', () => {
    const raw = '{"listId":' + '['.repeat(100000) + ']'.repeat(100000) + '}';
    const where = 'listId' + '[0]'.repeat(16);
    expect(problemsOf('resource', raw)).toEqual([
      { path: where, code: 'too-deep', message: `${where} is nested more than 16 levels deep` },
    ]);
  });
});

describe('parseList keeps for the rejection what it can read of an invalid list', () => {
  const hintsOf = (kind: 'resource' | 'demand', document: unknown, messageKey?: string) =>
    rejectionOf(kind, json(document), { messageKey }).hints;

  it('the listId, revision, allianceId and unit of a resource list', () => {
    expect(hintsOf('resource', resourceList({ items: [], revision: 4 }))).toStrictEqual({
      listId: 'rl-2026-11',
      revision: 4,
      allianceId: ALLIANCE_ID,
      submitter: { kind: 'unit', id: 'unit-kongkong-daodan', name: '空空导弹研究院' },
    });
  });

  it('the submitter of a demand list, with its kind when it is a known one', () => {
    expect(hintsOf('demand', demandList({ items: [] }))).toStrictEqual({
      listId: 'dl-2026-11',
      revision: 1,
      allianceId: ALLIANCE_ID,
      submitter: { ...COMMUNITY_014 },
    });
    const unit = { kind: 'unit', id: 'unit-henan-univ', name: '河南科技大学' };
    expect(hintsOf('demand', demandList({ items: [], submitter: unit })).submitter).toStrictEqual(unit);
    const resident = { kind: 'resident', id: 'r-wang', name: '王琳' };
    expect(hintsOf('demand', demandList({ submitter: resident })).submitter).toStrictEqual({
      id: 'r-wang',
      name: '王琳',
    });
  });

  it('identifiers up to the longest allowed, and nothing longer, empty or of another type', () => {
    const longest = 'a'.repeat(LIMITS.maxIdLength);
    expect(
      hintsOf('resource', resourceList({ listId: longest, allianceId: longest + 'a', revision: 1.5 })),
    ).toStrictEqual({
      listId: longest,
      submitter: { kind: 'unit', id: MISSILE_ACADEMY.id, name: '空空导弹研究院' },
    });
    expect(
      hintsOf('resource', { listId: '', allianceId: 42, revision: '2', unit: { id: '', name: 'x' } }),
    ).toStrictEqual({});
    // An array has a length too, and null has none: neither is an identifier.
    expect(
      hintsOf('resource', { listId: null, allianceId: ['luoyang'], unit: { id: ['u1'] } }),
    ).toStrictEqual({});
  });

  it('the submitter id without a name that is too long or missing', () => {
    const unit = { id: 'unit-henan-univ', name: '河'.repeat(LIMITS.maxIdLength + 1) };
    expect(hintsOf('resource', { unit })).toStrictEqual({
      submitter: { kind: 'unit', id: 'unit-henan-univ' },
    });
    expect(hintsOf('resource', { unit: { id: 'unit-henan-univ', name: '' } })).toStrictEqual({
      submitter: { kind: 'unit', id: 'unit-henan-univ' },
    });
    expect(hintsOf('demand', { submitter: { id: 'community-014' } })).toStrictEqual({
      submitter: { id: 'community-014' },
    });
  });

  it('no submitter when its record is not an object or names no one', () => {
    expect(hintsOf('resource', { unit: '空空导弹研究院' })).toStrictEqual({});
    expect(hintsOf('resource', { unit: null })).toStrictEqual({});
    expect(hintsOf('resource', { unit: { name: '空空导弹研究院' } })).toStrictEqual({});
    // A demand list is read by its submitter, a resource list by its unit.
    expect(hintsOf('demand', { unit: { ...MISSILE_ACADEMY } })).toStrictEqual({});
    expect(hintsOf('resource', { submitter: { ...COMMUNITY_014 } })).toStrictEqual({});
  });

  it('the message key as the submitter id when the document names none', () => {
    expect(hintsOf('resource', { listId: 'rl-2026-11' }, 'unit-kongkong-daodan')).toStrictEqual({
      listId: 'rl-2026-11',
      submitter: { id: 'unit-kongkong-daodan' },
    });
    expect(rejectionOf('demand', 'not json', { messageKey: 'community-014' }).hints).toStrictEqual({
      submitter: { id: 'community-014' },
    });
    expect(rejectionOf('demand', 'not json', { messageKey: '' }).hints).toStrictEqual({});
  });

  it('the submitter the document names, over the message key', () => {
    expect(hintsOf('resource', resourceList({ items: [] }), 'unit-henan-univ').submitter).toStrictEqual({
      kind: 'unit',
      id: 'unit-kongkong-daodan',
      name: '空空导弹研究院',
    });
  });

  it('the hints when the list fails only the checks across items', () => {
    const result = rejectionOf('resource', json(resourceList({ items: [resourceItem(), resourceItem()] })));
    expect(result.hints).toStrictEqual({
      listId: 'rl-2026-11',
      revision: 1,
      allianceId: ALLIANCE_ID,
      submitter: { kind: 'unit', id: 'unit-kongkong-daodan', name: '空空导弹研究院' },
    });
  });
});
