import type { ValidationError } from 'class-validator';
import type { Problem, ProblemCode } from './problem';

// class-validator names constraints after its decorators; submitters get our stable codes.
const CODE_BY_CONSTRAINT: Record<string, ProblemCode> = {
  whitelistValidation: 'unknown-field',
  unknownValue: 'wrong-type',
  isDefined: 'required',
  isNotEmpty: 'required',
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
    const names = Object.keys(constraints);
    if (names.length > 0 && error.value === undefined && !('whitelistValidation' in constraints)) {
      problems.push({ path, code: 'required', message: `${path} is required` });
    } else if (error.value === null && names.length > 0) {
      problems.push({ path, code: 'wrong-type', message: `${path} must not be null` });
    } else {
      for (const name of names) {
        problems.push({
          path,
          code: CODE_BY_CONSTRAINT[name] ?? 'invalid-value',
          message: describe(name, path, error.property, constraints[name] ?? ''),
        });
      }
    }
    if (error.children && error.children.length > 0) {
      problems.push(...problemsFromValidationErrors(error.children, path));
    }
  }
  return problems;
}

function describe(constraint: string, path: string, property: string, message: string): string {
  if (constraint === 'whitelistValidation') return `${path} is not a known field`;
  // class-validator starts messages with the bare property name; readers need the full path.
  return message.startsWith(property) ? path + message.slice(property.length) : `${path}: ${message}`;
}
