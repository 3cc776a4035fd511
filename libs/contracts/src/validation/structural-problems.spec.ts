import { findStructuralProblems, MAX_JSON_DEPTH } from './structural-problems';

/** `levels` objects nested under key `a`, the innermost holding `leaf`. */
function nestedObjects(levels: number, leaf: unknown = {}): unknown {
  let value = leaf;
  for (let level = 0; level < levels; level++) value = { a: value };
  return value;
}

/** `levels` arrays nested one inside the other, the innermost holding `leaf`. */
function nestedArrays(levels: number, leaf: unknown = []): unknown {
  let value = leaf;
  for (let level = 0; level < levels; level++) value = [value];
  return value;
}

const path = (segments: number, separator: string, first = ''): string =>
  first + Array.from({ length: segments }, () => separator).join('');

describe('findStructuralProblems', () => {
  it('finds nothing wrong in a plain list-shaped document', () => {
    const document = JSON.parse(
      '{"listId":"rl-2026-11","unit":{"id":"unit-kongkong-daodan","name":"空空导弹研究院"},' +
        '"items":[{"itemId":"v1","tags":["场地"],"location":{"lat":34.68,"lng":112.43}}]}',
    );
    expect(findStructuralProblems(document)).toEqual([]);
  });

  it.each([
    ['null', null],
    ['a number', 42],
    ['a string', '邙岭路社区'],
    ['a boolean', true],
  ])('finds nothing in %s', (_name, value) => {
    expect(findStructuralProblems(value)).toEqual([]);
  });

  it(`accepts objects nested exactly ${MAX_JSON_DEPTH} levels deep`, () => {
    expect(findStructuralProblems(nestedObjects(MAX_JSON_DEPTH))).toEqual([]);
  });

  it('refuses an object nested one level deeper than the limit, naming where', () => {
    const where = Array.from({ length: MAX_JSON_DEPTH + 1 }, () => 'a').join('.');
    expect(findStructuralProblems(nestedObjects(MAX_JSON_DEPTH + 1))).toEqual([
      { path: where, code: 'too-deep', message: `${where} is nested more than 16 levels deep` },
    ]);
  });

  it('counts only containers: a number at the deepest level is not too deep', () => {
    expect(findStructuralProblems(nestedObjects(MAX_JSON_DEPTH + 1, 7))).toEqual([]);
  });

  it(`accepts arrays nested exactly ${MAX_JSON_DEPTH} levels deep`, () => {
    expect(findStructuralProblems({ listId: nestedArrays(MAX_JSON_DEPTH - 1) })).toEqual([]);
  });

  it('refuses arrays nested one level deeper than the limit, naming the innermost by index', () => {
    const where = path(MAX_JSON_DEPTH, '[0]', 'listId');
    expect(findStructuralProblems({ listId: nestedArrays(MAX_JSON_DEPTH) })).toEqual([
      { path: where, code: 'too-deep', message: `${where} is nested more than 16 levels deep` },
    ]);
  });

  it('reports the first container past the limit once, without looking further in', () => {
    const where = path(MAX_JSON_DEPTH, '[0]', 'listId');
    expect(findStructuralProblems({ listId: nestedArrays(MAX_JSON_DEPTH + 50) })).toEqual([
      { path: where, code: 'too-deep', message: `${where} is nested more than 16 levels deep` },
    ]);
  });

  it('walks every element of an array, naming each by index', () => {
    const document = JSON.parse('{"items":[{"itemId":"a"},{"itemId":"b","constructor":1}]}');
    expect(findStructuralProblems(document)).toEqual([
      {
        path: 'items[1].constructor',
        code: 'forbidden-key',
        message: 'items[1].constructor: the key "constructor" is not allowed anywhere in a list',
      },
    ]);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key "%s" at the top level', (key) => {
    const document = JSON.parse(`{"listId":"rl-2026-11","${key}":{"polluted":true}}`);
    expect(findStructuralProblems(document)).toEqual([
      {
        path: key,
        code: 'forbidden-key',
        message: `${key}: the key "${key}" is not allowed anywhere in a list`,
      },
    ]);
  });

  it('refuses forbidden keys at any depth without reading inside them', () => {
    const document = JSON.parse(
      '{"__proto__":{"constructor":{}},"unit":{"prototype":[{"__proto__":1}],"name":"河南科技大学"}}',
    );
    expect(findStructuralProblems(document)).toEqual([
      {
        path: '__proto__',
        code: 'forbidden-key',
        message: '__proto__: the key "__proto__" is not allowed anywhere in a list',
      },
      {
        path: 'unit.prototype',
        code: 'forbidden-key',
        message: 'unit.prototype: the key "prototype" is not allowed anywhere in a list',
      },
    ]);
  });

  it('allows keys that merely contain a forbidden word', () => {
    expect(findStructuralProblems({ constructorName: 'x', prototypes: [], proto: {} })).toEqual([]);
  });

  it('survives hostile nesting far beyond the limit without recursion', () => {
    const document = JSON.parse('{"listId":' + '['.repeat(100000) + ']'.repeat(100000) + '}');
    expect(findStructuralProblems(document)).toHaveLength(1);
  });
});
