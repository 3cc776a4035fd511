import { AuthError } from '@redcrowd/auth';
import { DomainError, errorBodyOf, type ErrorBody, type ErrorCode } from '@redcrowd/contracts';

/** What an HTTP error answer is: its status, its uniform body, and any header it needs. */
export interface HttpAnswer {
  status: number;
  body: ErrorBody;
  headers?: Record<string, string>;
}

/** Exhaustive: a new error code does not compile until it has a status here. */
export const HTTP_STATUS_OF: Readonly<Record<ErrorCode, number>> = {
  'invalid-request': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  'invalid-list': 400,
  'invalid-workbook': 400,
  // Signed in, but the list's submitter is not an admitted member of the alliance.
  'not-a-member': 403,
  'member-not-found': 404,
  'member-exists': 409,
  'place-not-found': 404,
  'place-exists': 409,
  'sign-in-failed': 401,
  'wrong-password': 403,
  'sign-on-not-linked': 401,
  'too-many-attempts': 429,
  'session-ended': 401,
  // Gone: the link existed for somebody once; it cannot be used again.
  'link-invalid': 410,
  'account-exists': 409,
  'account-not-found': 404,
  'project-not-found': 404,
  'allocation-not-found': 404,
  'offer-not-found': 404,
  'not-allowed': 403,
  'illegal-transition': 409,
  'version-conflict': 409,
  'not-a-candidate': 422,
  'capacity-exceeded': 409,
  'window-not-open': 409,
  'work-not-reported': 409,
  'invalid-claim': 400,
  'not-offered': 409,
  'project-not-claimable': 409,
  'already-claimed': 409,
  'over-quantity': 409,
  'offer-expired': 409,
  'internal-error': 500,
  unavailable: 503,
  'payload-too-large': 413,
};

/** Nest's HttpException and Express's body-parser errors, read without importing either. */
interface StatusCarrier {
  getStatus?: () => number;
  status?: number;
  message?: string;
}

/**
 * The one mapping from anything a request handler throws to an answer: domain errors by
 * their code, sign-in refusals by their kind, the framework's own refusals (no route, a body
 * that is not JSON or too large) by their status, and anything else as internal-error
 * without its details, which go to the log instead.
 */
export function httpAnswerOf(error: unknown): HttpAnswer {
  if (error instanceof DomainError) return { status: HTTP_STATUS_OF[error.code], body: errorBodyOf(error) };
  if (error instanceof AuthError) {
    return {
      status: HTTP_STATUS_OF[error.kind],
      body: { error: { code: error.kind, message: error.message } },
      ...(error.kind === 'unauthenticated'
        ? { headers: { 'WWW-Authenticate': 'Bearer realm="redcrowd"' } }
        : {}),
    };
  }
  const status = statusOf(error);
  if (status === 404) return refusal(404, 'not-found', 'no such route');
  if (status === 413)
    return refusal(413, 'payload-too-large', 'the body is larger than this endpoint accepts');
  // The throttler's refusal; it has set Retry-After on the response already.
  if (status === 429)
    return refusal(429, 'too-many-attempts', 'too many attempts; wait a while and try again');
  if (status !== undefined && status >= 400 && status < 500) {
    const message = (error as StatusCarrier).message;
    return refusal(status, 'invalid-request', `the request could not be read: ${message ?? 'bad request'}`);
  }
  return refusal(500, 'internal-error', 'an unexpected failure; nothing was applied, try again later');
}

function refusal(status: number, code: ErrorCode, message: string): HttpAnswer {
  return { status, body: { error: { code, message } } };
}

function statusOf(error: unknown): number | undefined {
  if (error === null || typeof error !== 'object') return undefined;
  const carrier = error as StatusCarrier;
  if (typeof carrier.getStatus === 'function') return carrier.getStatus();
  return typeof carrier.status === 'number' ? carrier.status : undefined;
}
