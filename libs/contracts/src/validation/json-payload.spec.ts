import { IsInt, IsString, Min } from 'class-validator';
import { LIMITS } from '../limits';
import { capProblems, MAX_REPORTED_PROBLEMS, readJsonObject, validatePayload } from './json-payload';
import type { Problem } from './problem';

/** A JSON object of exactly `bytes` bytes. */
const objectOfBytes = (bytes: number): string => `{"a":"${'x'.repeat(bytes - '{"a":""}'.length)}"}`;

/** What JSON.parse itself says about `text`, which the problem passes on. */
function parseErrorOf(text: string): string {
  try {
    JSON.parse(text);
  } catch (error) {
    return (error as SyntaxError).message;
  }
  throw new Error(`${text} is valid JSON`);
}

describe('readJsonObject', () => {
  it('reads a JSON object from text or bytes', () => {
    expect(readJsonObject(' {"listId":"rl-2026-11","revision":2} ', 'a list')).toEqual({
      ok: true,
      fields: { listId: 'rl-2026-11', revision: 2 },
    });
    expect(readJsonObject(Buffer.from('{"unit":"空空导弹研究院"}'), 'a list')).toEqual({
      ok: true,
      fields: { unit: '空空导弹研究院' },
    });
  });

  it.each([
    ['no message at all', null],
    ['an undefined message', undefined],
    ['an empty string', ''],
    ['no bytes', Buffer.alloc(0)],
    ['only whitespace', ' \n\t '],
    ['whitespace bytes', Buffer.from('\r\n')],
  ])('refuses %s as empty', (_name, raw) => {
    expect(readJsonObject(raw, 'a list')).toEqual({
      ok: false,
      problem: { path: '', code: 'empty-message', message: 'the message is empty' },
    });
  });

  it('accepts a message of exactly the size limit', () => {
    const raw = objectOfBytes(LIMITS.maxMessageBytes);
    expect(Buffer.byteLength(raw)).toBe(1024 * 1024);
    expect(readJsonObject(raw, 'a list').ok).toBe(true);
  });

  it('refuses a message one byte over the limit, saying how large it is and what to do', () => {
    expect(readJsonObject(objectOfBytes(LIMITS.maxMessageBytes + 1), 'a list', ' (split it)')).toEqual({
      ok: false,
      problem: {
        path: '',
        code: 'message-too-large',
        message: 'the message is 1048577 bytes; a list may be at most 1048576 bytes (split it)',
      },
    });
  });

  it('counts bytes, not characters: Chinese text takes three bytes a character', () => {
    const raw = `{"title":"${'长'.repeat(LIMITS.maxMessageBytes / 3)}"}`;
    expect(raw.length).toBeLessThan(LIMITS.maxMessageBytes);
    expect(readJsonObject(raw, 'a claim')).toEqual({
      ok: false,
      problem: {
        path: '',
        code: 'message-too-large',
        message: `the message is ${Buffer.byteLength(raw)} bytes; a claim may be at most 1048576 bytes`,
      },
    });
  });

  it.each([
    ['comma-separated values', 'name,quantity\n送餐,40'],
    ['a truncated object', '{"listId":"rl-2026-11",'],
    ['single quotes', "{'listId':'rl-2026-11'}"],
  ])('refuses %s as invalid JSON, passing on what the parser says', (_name, raw) => {
    expect(readJsonObject(raw, 'a list')).toEqual({
      ok: false,
      problem: { path: '', code: 'invalid-json', message: `not valid JSON: ${parseErrorOf(raw)}` },
    });
  });

  it.each([
    ['null', 'null'],
    ['[{"listId":"rl-2026-11"}]', 'an array'],
    ['"邙岭路社区"', 'string'],
    ['42', 'number'],
    ['true', 'boolean'],
  ])('refuses %s, naming what it got instead of an object', (raw, found) => {
    expect(readJsonObject(raw, 'a claim')).toEqual({
      ok: false,
      problem: { path: '', code: 'not-an-object', message: `a claim must be a JSON object, got ${found}` },
    });
  });
});

class Venue {
  @IsString()
  name!: string;

  @IsInt()
  @Min(1)
  seats!: number;
}

describe('validatePayload', () => {
  it('builds an instance of the payload class from valid fields', () => {
    const { payload, problems } = validatePayload(Venue, { name: '河南科技大学礼堂', seats: 300 });
    expect(problems).toEqual([]);
    expect(payload).toBeInstanceOf(Venue);
    expect(payload).toEqual(Object.assign(new Venue(), { name: '河南科技大学礼堂', seats: 300 }));
  });

  it('refuses unknown fields rather than dropping them', () => {
    expect(validatePayload(Venue, { name: '礼堂', seats: 300, floor: 2 }).problems).toEqual([
      { path: 'floor', code: 'unknown-field', message: 'floor is not a known field' },
    ]);
  });

  it('reports a null field as null, a missing one as required and a small one as out of range', () => {
    expect(validatePayload(Venue, { name: null, seats: 0 }).problems).toEqual([
      { path: 'name', code: 'wrong-type', message: 'name must not be null' },
      { path: 'seats', code: 'out-of-range', message: 'seats must not be less than 1' },
    ]);
    expect(validatePayload(Venue, { seats: 3 }).problems).toEqual([
      { path: 'name', code: 'required', message: 'name is required' },
    ]);
  });

  it('refuses forbidden keys before building anything, and returns no payload', () => {
    const fields = JSON.parse('{"name":"礼堂","seats":3,"__proto__":{"seats":0}}') as Record<string, unknown>;
    expect(validatePayload(Venue, fields)).toEqual({
      payload: undefined,
      problems: [
        {
          path: '__proto__',
          code: 'forbidden-key',
          message: '__proto__: the key "__proto__" is not allowed anywhere in a list',
        },
      ],
    });
  });
});

describe('capProblems', () => {
  const problems = (count: number): Problem[] =>
    Array.from({ length: count }, (_, index) => ({
      path: `items[${index}].quantity`,
      code: 'out-of-range',
      message: `items[${index}].quantity must be greater than 0`,
    }));

  it(`keeps a list of exactly ${MAX_REPORTED_PROBLEMS} problems as it is`, () => {
    expect(capProblems(problems(MAX_REPORTED_PROBLEMS))).toEqual(problems(100));
  });

  it('keeps the first problems and counts the ones left out', () => {
    expect(capProblems(problems(MAX_REPORTED_PROBLEMS + 1))).toEqual([
      ...problems(100),
      {
        path: '',
        code: 'too-many-problems',
        message: '1 more problems not listed; fix the ones above and resubmit',
      },
    ]);
    expect(capProblems(problems(250)).at(-1)).toEqual({
      path: '',
      code: 'too-many-problems',
      message: '150 more problems not listed; fix the ones above and resubmit',
    });
  });

  it('does not change the list it was given', () => {
    const given = problems(101);
    capProblems(given);
    expect(given).toEqual(problems(101));
  });
});
