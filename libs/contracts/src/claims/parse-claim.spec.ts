import { LIMITS } from '../limits';
import { parseClaim } from './parse-claim';

const KEY = 'unit-kongkong-daodan';

/** 空空导弹研究院 claims 20 of the meals offered for 014中心社区's elderly residents. */
function claim(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    claimId: 'claim-2026-12-meals',
    projectId: '6f1c9a2e-8b34-4d7a-a0c5-2e9b7d4f1a38',
    unitId: KEY,
    quantity: 20,
    submittedAt: '2026-11-23T09:30:00+08:00',
    note: '食堂可承担工作日午餐',
    ...overrides,
  };
}

const json = (value: unknown): string => JSON.stringify(value);

function problemsOf(raw: string | Buffer | null, key: string | null = KEY) {
  const result = parseClaim(raw, key);
  if (result.ok) throw new Error('expected a rejection, got an accepted claim');
  return result.problems;
}

describe('parseClaim accepts', () => {
  it('a claim for part of an offer, keyed by the claiming unit', () => {
    const result = parseClaim(json(claim()), KEY);
    expect(result).toEqual({ ok: true, claim: expect.objectContaining(claim()) });
  });

  it('a claim without a note, over HTTP (no message key)', () => {
    const { note: _omitted, ...withoutNote } = claim();
    expect(parseClaim(Buffer.from(json(withoutNote))).ok).toBe(true);
  });
});

describe('parseClaim rejects a claim that', () => {
  it.each([
    ['is empty', '', '', 'empty-message'],
    ['is not JSON', 'claimId,quantity\nc1,5', '', 'invalid-json'],
    ['is a JSON array', '[]', '', 'not-an-object'],
    ['has an unknown field', json(claim({ shares: 2 })), 'shares', 'unknown-field'],
    ['lacks the claimId', json(claim({ claimId: undefined })), 'claimId', 'required'],
    ['has a claimId with spaces', json(claim({ claimId: 'my claim' })), 'claimId', 'invalid-value'],
    ['claims quantity 0', json(claim({ quantity: 0 })), 'quantity', 'out-of-range'],
    ['claims a fractional quantity', json(claim({ quantity: 2.5 })), 'quantity', 'wrong-type'],
    [
      'claims more than the largest quantity',
      json(claim({ quantity: LIMITS.maxQuantity + 1 })),
      'quantity',
      'out-of-range',
    ],
    [
      'names a project by a malformed uuid',
      json(claim({ projectId: 'project-42' })),
      'projectId',
      'invalid-value',
    ],
    [
      'has submittedAt without an offset',
      json(claim({ submittedAt: '2026-11-23 09:30' })),
      'submittedAt',
      'invalid-datetime',
    ],
    ['has an empty note', json(claim({ note: '' })), 'note', 'required'],
    ['is keyed by another unit', json(claim({ unitId: 'unit-henan-univ' })), 'unitId', 'key-mismatch'],
  ])('%s', (_name, raw, path, code) => {
    expect(problemsOf(raw)).toEqual([expect.objectContaining({ path, code })]);
  });

  it('has a null body', () => {
    expect(problemsOf(null)[0]?.code).toBe('empty-message');
  });

  it('is larger than 1 MiB', () => {
    const raw = Buffer.alloc(LIMITS.maxMessageBytes + 1, 'x');
    expect(problemsOf(raw)[0]?.code).toBe('message-too-large');
  });

  it('has a __proto__ key, without touching any prototype', () => {
    const raw = '{"claimId":"c1","__proto__":{"polluted":true},"quantity":1}';
    expect(problemsOf(raw)).toEqual([expect.objectContaining({ path: '__proto__', code: 'forbidden-key' })]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('has hundreds of unknown fields, reporting only the first hundred', () => {
    const fields = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`extra${i}`, i]));
    const problems = problemsOf(json(claim(fields)));
    expect(problems).toHaveLength(101);
    expect(problems[100]?.code).toBe('too-many-problems');
  });
});

describe('parseClaim hints at who sent an invalid claim', () => {
  it('from the claim when readable', () => {
    const result = parseClaim(json(claim({ quantity: 0 })), 'unit-other');
    // quantity 0 is no readable quantity; the project is readable.
    expect(result.ok ? undefined : result.hints).toEqual({
      claimId: 'claim-2026-12-meals',
      unitId: KEY,
      projectId: claim().projectId,
    });
  });

  it('from the message key when the claim is unreadable', () => {
    const result = parseClaim('not json', KEY);
    expect(result.ok ? undefined : result.hints).toEqual({ unitId: KEY });
  });
});
