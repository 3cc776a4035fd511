import { QueryRunnerAlreadyReleasedError } from 'typeorm';

export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
}

export class RetriesExhaustedError extends Error {
  constructor(
    readonly attempts: number,
    readonly lastError: unknown,
  ) {
    super(`gave up after ${attempts} attempts: ${describeError(lastError)}`);
  }
}

/**
 * Runs `operation` until it succeeds, `shouldRetry` says no, or the attempts run out;
 * waits with exponential backoff in between. Never retries forever.
 */
export async function withRetries<T>(
  operation: (attempt: number) => Promise<T>,
  policy: RetryPolicy,
  shouldRetry: (error: unknown) => boolean,
  onRetry: (error: unknown, attempt: number) => void = () => undefined,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await operation(attempt);
    } catch (error) {
      if (!shouldRetry(error) || attempt >= policy.maxAttempts) {
        throw new RetriesExhaustedError(attempt, error);
      }
      onRetry(error, attempt);
      await new Promise((resolve) => setTimeout(resolve, policy.baseDelayMs * 2 ** (attempt - 1)));
    }
  }
}

// SQLSTATE classes and codes that say "the database could not do it now", as opposed to
// "this data is wrong": connection (08), resources (53), operator intervention (57),
// system (58), serialization failure and deadlock (40001, 40P01), lock timeout (55P03).
const TRANSIENT_SQLSTATE = /^(08|53|57|58)|^(40001|40P01|55P03)$/;
const TRANSIENT_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND']);

export function isTransientInfrastructureError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  // TypeORM raises it when the connection of a transaction dropped and the query runner was
  // released under it: the work never committed and can run again on a fresh connection.
  // By name too, in case a second copy of typeorm in node_modules made the error.
  if (error instanceof QueryRunnerAlreadyReleasedError || error.name === 'QueryRunnerAlreadyReleasedError') {
    return true;
  }
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (TRANSIENT_SQLSTATE.test(code) || TRANSIENT_NODE_CODES.has(code))) {
    return true;
  }
  return /Connection terminated|timeout exceeded when trying to connect|Connection ended/i.test(
    error.message,
  );
}

// What says "the database is not there" rather than "it could not do this now": the
// connection classes (08), the server shutting down or starting (57P01..57P03), the
// network refusing or dropping the connection, and a transaction's connection lost.
const UNREACHABLE_SQLSTATE = /^(08|57P0[123])/;
const UNREACHABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EHOSTUNREACH',
]);

/**
 * A transient error that means the database cannot be reached at all, so waiting for it is
 * right: no message is at fault. Lock timeouts, deadlocks and exhausted resources are
 * transient too, but the database is up, and a message that keeps meeting them is suspect.
 */
export function isDatabaseUnreachableError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error instanceof QueryRunnerAlreadyReleasedError || error.name === 'QueryRunnerAlreadyReleasedError') {
    return true;
  }
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNREACHABLE_SQLSTATE.test(code) || UNREACHABLE_NODE_CODES.has(code))) {
    return true;
  }
  return /Connection terminated|timeout exceeded when trying to connect|Connection ended|the database system is (starting up|shutting down)/i.test(
    error.message,
  );
}

export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return typeof code === 'string' ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
