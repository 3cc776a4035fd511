import { ValidationError } from 'class-validator';
import { joinPath, problemsFromValidationErrors } from './validation-errors';

/** A class-validator error as validateSync builds it (value kept, target left out). */
function failed(
  property: string,
  value: unknown,
  constraints?: Record<string, string>,
  children: ValidationError[] = [],
): ValidationError {
  return Object.assign(new ValidationError(), { property, value, constraints, children });
}

describe('joinPath', () => {
  it.each([
    ['', 'listId', 'listId'],
    ['unit', 'name', 'unit.name'],
    ['items', '3', 'items[3]'],
    ['items', '12', 'items[12]'],
    ['items[3]', 'location', 'items[3].location'],
    ['', '0', '[0]'],
    ['tags', 'a3', 'tags.a3'],
    ['tags', '3a', 'tags.3a'],
  ])('joins "%s" and "%s" as %s', (parent, property, expected) => {
    expect(joinPath(parent, property)).toBe(expected);
  });
});

describe('problemsFromValidationErrors', () => {
  it('reports nothing for no errors', () => {
    expect(problemsFromValidationErrors([])).toEqual([]);
  });

  it('reports a missing value once as required, whatever decorators it failed', () => {
    const error = failed('listId', undefined, {
      isString: 'listId must be a string',
      matches: 'listId must start with a letter or digit',
    });
    expect(problemsFromValidationErrors([error])).toEqual([
      { path: 'listId', code: 'required', message: 'listId is required' },
    ]);
  });

  it('reports a null value once, as the wrong type', () => {
    const error = failed('allianceId', null, {
      isString: 'allianceId must be a string',
      isNotEmpty: 'allianceId should not be empty',
      maxLength: 'allianceId must be shorter than or equal to 128 characters',
      matches: 'allianceId must start with a letter or digit',
    });
    expect(problemsFromValidationErrors([error])).toEqual([
      { path: 'allianceId', code: 'wrong-type', message: 'allianceId must not be null' },
    ]);
  });

  it.each([undefined, null, 'high'])('reports an unknown field holding %s as unknown', (value) => {
    const error = failed('priority', value, { whitelistValidation: 'property priority should not exist' });
    expect(problemsFromValidationErrors([error], 'items[0]')).toEqual([
      { path: 'items[0].priority', code: 'unknown-field', message: 'items[0].priority is not a known field' },
    ]);
  });

  it('reports every failed constraint of a value of the right type, with the full path', () => {
    const error = failed('title', '', {
      isNotEmpty: 'title should not be empty',
      maxLength: 'title must be shorter than or equal to 200 characters',
    });
    expect(problemsFromValidationErrors([error], 'items[2]')).toEqual([
      { path: 'items[2].title', code: 'required', message: 'items[2].title should not be empty' },
      {
        path: 'items[2].title',
        code: 'too-long',
        message: 'items[2].title must be shorter than or equal to 200 characters',
      },
    ]);
  });

  it('reports only the type when a value of the wrong type also fails range checks', () => {
    const error = failed('quantity', '30', {
      max: 'quantity must not be greater than 1000000000',
      min: 'quantity must be greater than 0',
      isInt: 'quantity must be a whole number; use a finer unit for fractions',
    });
    expect(problemsFromValidationErrors([error])).toEqual([
      {
        path: 'quantity',
        code: 'wrong-type',
        message: 'quantity must be a whole number; use a finer unit for fractions',
      },
    ]);
  });

  it('does not descend into a value of the wrong type', () => {
    const error = failed('items', { a: 1 }, { isArray: 'items must be an array' }, [
      failed('itemId', undefined, { isString: 'itemId must be a string' }),
    ]);
    expect(problemsFromValidationErrors([error])).toEqual([
      { path: 'items', code: 'wrong-type', message: 'items must be an array' },
    ]);
  });

  it('reports an object refused by IsObject once, not again for ValidateNested', () => {
    const error = failed('unit', '空空导弹研究院', {
      isObject: 'unit must be an object',
      nestedValidation: 'nested property unit must be either object or array',
    });
    expect(problemsFromValidationErrors([error])).toEqual([
      { path: 'unit', code: 'wrong-type', message: 'unit must be an object' },
    ]);
  });

  it('reports ValidateNested on its own as the wrong type, and still descends', () => {
    const error = failed(
      'source',
      {},
      { nestedValidation: 'nested property source must be either object or array' },
      [failed('channel', 'mail', { isIn: 'channel must be one of the following values: kafka, http' })],
    );
    expect(problemsFromValidationErrors([error], 'answer')).toEqual([
      {
        path: 'answer.source',
        code: 'wrong-type',
        message: 'answer.source: nested property source must be either object or array',
      },
      {
        path: 'answer.source.channel',
        code: 'invalid-value',
        message: 'answer.source.channel must be one of the following values: kafka, http',
      },
    ]);
  });

  it('reports the problems of nested values under their parent path, in order', () => {
    const error = failed('items', [], undefined, [
      failed('0', {}, undefined, [
        failed('location', {}, undefined, [
          failed('lat', 91, { isLatitude: 'lat must be a latitude string or number' }),
        ]),
      ]),
      failed('1', {}, { isObject: 'each value in items must be an object' }),
    ]);
    expect(problemsFromValidationErrors([error])).toEqual([
      {
        path: 'items[0].location.lat',
        code: 'out-of-range',
        message: 'items[0].location.lat must be a latitude string or number',
      },
      { path: 'items[1]', code: 'wrong-type', message: 'items[1]: each value in items must be an object' },
    ]);
  });

  it('reports a problem and then those of its children when the value is of the right type', () => {
    const error = failed('unit', {}, { customRule: 'unit must name a member unit' }, [
      failed('id', undefined, { isString: 'id must be a string' }),
    ]);
    expect(problemsFromValidationErrors([error])).toEqual([
      { path: 'unit', code: 'invalid-value', message: 'unit must name a member unit' },
      { path: 'unit.id', code: 'required', message: 'unit.id is required' },
    ]);
  });

  it('accepts errors built without a children list', () => {
    const error = Object.assign(new ValidationError(), {
      property: 'revision',
      value: 0,
      constraints: { min: 'revision must not be less than 1' },
    });
    expect(problemsFromValidationErrors([error])).toEqual([
      { path: 'revision', code: 'out-of-range', message: 'revision must not be less than 1' },
    ]);
  });

  it('prefixes the path to a message that does not start with the property name', () => {
    const error = failed('tags', [1], { isString: 'each value in tags must be a string' });
    expect(problemsFromValidationErrors([error], 'items[0]')).toEqual([
      {
        path: 'items[0].tags',
        code: 'wrong-type',
        message: 'items[0].tags: each value in tags must be a string',
      },
    ]);
  });

  // Codes are what submitters' tooling switches on; each class-validator constraint keeps its code.
  it.each([
    ['unknownValue', 'wrong-type'],
    ['isNotEmpty', 'required'],
    ['isString', 'wrong-type'],
    ['isInt', 'wrong-type'],
    ['isNumber', 'wrong-type'],
    ['isArray', 'wrong-type'],
    ['isObject', 'wrong-type'],
    ['nestedValidation', 'wrong-type'],
    ['isIn', 'invalid-value'],
    ['matches', 'invalid-value'],
    ['isLatitude', 'out-of-range'],
    ['isLongitude', 'out-of-range'],
    ['min', 'out-of-range'],
    ['max', 'out-of-range'],
    ['maxLength', 'too-long'],
    ['minLength', 'too-short'],
    ['arrayMaxSize', 'too-many-items'],
    ['arrayMinSize', 'too-few-items'],
    ['isOffsetDateTime', 'invalid-datetime'],
    ['isUuid', 'invalid-value'],
  ])('reports the constraint %s as %s', (constraint, code) => {
    const error = failed('field', 'value', { [constraint]: 'field is wrong' });
    expect(problemsFromValidationErrors([error], 'unit')).toEqual([
      { path: 'unit.field', code, message: 'unit.field is wrong' },
    ]);
  });
});
