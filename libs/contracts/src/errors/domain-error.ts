import type { Problem } from '../validation/problem';
import type { Label } from '../vocabulary/labels';
import { problemWords } from '../vocabulary/problem-words';
import type { ErrorCode } from './error-codes';

export interface DomainErrorOptions {
  /** The request field at fault, so a form can show the message next to it. */
  field?: string;
  /** Every problem found, for a body or payload that failed validation. */
  problems?: Problem[];
  /** Named records the answer carries beside the error (a refused claim's `decision`). */
  attachments?: Record<string, object>;
}

/**
 * An expected failure, whatever the transport: a stable `code`, a sentence for people, and
 * optionally the field or problems at fault. It never mentions HTTP or Kafka; one filter
 * maps it to an HTTP answer and one mapper to a Kafka answer.
 */
export class DomainError extends Error {
  override readonly name: string = 'DomainError';
  readonly field?: string;
  readonly problems?: Problem[];
  readonly attachments?: Record<string, object>;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: DomainErrorOptions = {},
  ) {
    super(message);
    if (options.field !== undefined) this.field = options.field;
    if (options.problems !== undefined) this.problems = options.problems;
    if (options.attachments !== undefined) this.attachments = options.attachments;
  }
}

/** A problem as an answer gives it: with `words` for people beside the precise `message`. */
export type AnsweredProblem = Problem & { words: Label };

/** The one shape of every error answer over HTTP. */
export interface ErrorBody {
  error: { code: ErrorCode; message: string; field?: string; problems?: AnsweredProblem[] };
  [attachment: string]: unknown;
}

/** The answer body of a domain error: the uniform fields, then its attachments beside them. */
export function errorBodyOf(error: DomainError): ErrorBody {
  return {
    ...error.attachments,
    error: {
      code: error.code,
      message: error.message,
      ...(error.field !== undefined ? { field: error.field } : {}),
      ...(error.problems !== undefined
        ? { problems: error.problems.map((problem) => ({ ...problem, words: problemWords(problem) })) }
        : {}),
    },
  };
}
