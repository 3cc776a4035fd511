import type { ValidationError } from 'class-validator';
import type { Problem, ProblemCode } from './problem';

// class-validator names constraints after its decorators; submitters get our stable codes.
const CODE_BY_CONSTRAINT: Record<string, ProblemCode> = {
  unknownValue: 'wrong-type',
  isNotEmpty: 'required',
  isNotBlank: 'required',
  isString: 'wrong-type',
  isInt: 'wrong-type',
  isNumber: 'wrong-type',
  isArray: 'wrong-type',
  isObject: 'wrong-type',
  nestedValidation: 'wrong-type',
  isIn: 'invalid-value',
  matches: 'invalid-value',
  isLatitude: 'out-of-range',
  isLongitude: 'out-of-range',
  min: 'out-of-range',
  max: 'out-of-range',
  maxLength: 'too-long',
  minLength: 'too-short',
  arrayMaxSize: 'too-many-items',
  arrayMinSize: 'too-few-items',
  isOffsetDateTime: 'invalid-datetime',
  isWindowBound: 'invalid-datetime',
};

/** Joins a parent path and a property the way a person reads it: items[3].location.lat */
export function joinPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent === '' ? property : `${parent}.${property}`;
}

/**
 * Flattens class-validator's error tree into one problem per failed constraint of a
 * property. A missing value is reported once as `required` rather than once per decorator.
 */
export function problemsFromValidationErrors(errors: ValidationError[], parent = ''): Problem[] {
  const problems: Problem[] = [];
  for (const error of errors) {
    const path = joinPath(parent, error.property);
    const constraints = error.constraints ?? {};
    // A value of the wrong type also fails its length and range checks ("30" is "greater than
    // 1000000000"), and an object given for an array fails every item rule: only the type is news.
    // Nested pairs IsObject with ValidateNested, whose complaint about the same value repeats it.
    const typeFailures = Object.keys(constraints).filter(
      (name) => CODE_BY_CONSTRAINT[name] === 'wrong-type' && name !== 'nestedValidation',
    );
    const reported = typeFailures.length > 0 ? typeFailures : Object.keys(constraints);
    // An unknown field is reported as unknown even when null. An error without constraints
    // only carries its children's and holds an object, so it reaches the loop, which is empty.
    if ('whitelistValidation' in constraints) {
      problems.push({ path, code: 'unknown-field', message: `${path} is not a known field` });
    } else if (error.value === undefined) {
      problems.push({ path, code: 'required', message: `${path} is required` });
    } else if (error.value === null) {
      problems.push({ path, code: 'wrong-type', message: `${path} must not be null` });
    } else {
      for (const name of reported) {
        problems.push({
          path,
          code: CODE_BY_CONSTRAINT[name] ?? 'invalid-value',
          // Stryker disable next-line StringLiteral: `name` is a key of `constraints`, so the fallback is never used
          message: withPath(path, error.property, constraints[name] ?? ''),
        });
      }
    }
    if (typeFailures.length === 0) problems.push(...problemsFromValidationErrors(error.children ?? [], path));
  }
  return problems;
}

// class-validator starts messages with the bare property name; readers need the full path.
function withPath(path: string, property: string, message: string): string {
  return message.startsWith(property) ? path + message.slice(property.length) : `${path}: ${message}`;
}
