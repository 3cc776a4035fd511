/** Every kind of problem intake reports; a submitter's tooling can switch on these. */
export const PROBLEM_CODES = [
  'empty-message',
  'message-too-large',
  'invalid-json',
  'not-an-object',
  'forbidden-key',
  'too-deep',
  'unknown-field',
  'required',
  'wrong-type',
  'invalid-value',
  'out-of-range',
  'too-long',
  'too-short',
  'too-many-items',
  'too-few-items',
  'invalid-datetime',
  'window-order',
  'window-ended',
  'duplicate-item-id',
  'unknown-category',
  'key-mismatch',
  'stale-revision',
  'revision-conflict',
  'not-a-member',
  'too-many-problems',
  'internal-error',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** One thing wrong with a submission: where (`items[3].location.lat`), what, and why. */
export interface Problem {
  path: string;
  code: ProblemCode;
  message: string;
}
