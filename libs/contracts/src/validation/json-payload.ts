import { validateSync } from 'class-validator';
import { instantiate } from '../common/nested';
import { LIMITS } from '../limits';
import type { Problem } from './problem';
import { findStructuralProblems } from './structural-problems';
import { problemsFromValidationErrors } from './validation-errors';

/** Beyond this many problems a submitter learns nothing more, and answers stay small. */
export const MAX_REPORTED_PROBLEMS = 100;

export type JsonObjectResult =
  { ok: true; fields: Record<string, unknown> } | { ok: false; problem: Problem };

/**
 * The checks every submitted message goes through before its schema: present, within the
 * size limit, JSON, and a JSON object. `noun` names it in messages ("a list", "a claim").
 */
export function readJsonObject(
  raw: Buffer | string | null | undefined,
  noun: string,
  sizeAdvice = '',
): JsonObjectResult {
  const size = raw == null ? 0 : Buffer.byteLength(raw);
  if (size === 0 || String(raw).trim() === '') {
    return { ok: false, problem: { path: '', code: 'empty-message', message: 'the message is empty' } };
  }
  if (size > LIMITS.maxMessageBytes) {
    return {
      ok: false,
      problem: {
        path: '',
        code: 'message-too-large',
        message: `the message is ${size} bytes; ${noun} may be at most ${LIMITS.maxMessageBytes} bytes${sizeAdvice}`,
      },
    };
  }
  let document: unknown;
  try {
    document = JSON.parse(String(raw));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: { path: '', code: 'invalid-json', message: `not valid JSON: ${reason}` } };
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    const found = document === null ? 'null' : Array.isArray(document) ? 'an array' : typeof document;
    return {
      ok: false,
      problem: { path: '', code: 'not-an-object', message: `${noun} must be a JSON object, got ${found}` },
    };
  }
  return { ok: true, fields: document as Record<string, unknown> };
}

/**
 * Builds the payload class from parsed JSON and validates it strictly (unknown fields
 * refused). Forbidden keys and excessive nesting are refused first, before anything copies
 * the document into an instance.
 */
export function validatePayload<T extends object>(
  payloadClass: new () => T,
  fields: Record<string, unknown>,
): { payload: T; problems: Problem[] } | { payload: undefined; problems: Problem[] } {
  const structural = findStructuralProblems(fields);
  if (structural.length > 0) return { payload: undefined, problems: structural };
  const payload = instantiate(payloadClass, fields);
  const errors = validateSync(payload, {
    whitelist: true,
    forbidNonWhitelisted: true,
    // Stryker disable next-line BooleanLiteral: instantiate makes every object it keeps a payload instance; the rest fail IsObject, whose children are not reported
    forbidUnknownValues: true,
    // Stryker disable next-line ObjectLiteral: class-validator keeps each error's value by default, and problems never read the target
    validationError: {
      // Stryker disable next-line BooleanLiteral: problems are built from each error's value, never its target
      target: false,
      value: true,
    },
  });
  return { payload, problems: problemsFromValidationErrors(errors) };
}

/** Keeps the first MAX_REPORTED_PROBLEMS problems and says how many more there were. */
export function capProblems(problems: Problem[]): Problem[] {
  if (problems.length <= MAX_REPORTED_PROBLEMS) return problems;
  const shown = problems.slice(0, MAX_REPORTED_PROBLEMS);
  shown.push({
    path: '',
    code: 'too-many-problems',
    message: `${problems.length - MAX_REPORTED_PROBLEMS} more problems not listed; fix the ones above and resubmit`,
  });
  return shown;
}
