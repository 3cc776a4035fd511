import {
  RetriesExhaustedError,
  isDatabaseUnreachableError,
  isTransientInfrastructureError,
  withRetries,
  type RetryPolicy,
} from '@redcrowd/runtime';
import type { BatchControl } from './batch-consumer';

export interface OutageHold {
  /** The batch being worked on, to hold while the database is down. */
  control: BatchControl;
  /** Whether the database answers now: a ping with a short timeout, never throwing. */
  databaseAnswers: () => Promise<boolean>;
  /** Told when a hold begins (with the error that began it) and when it ends. */
  onHold?: (error: unknown) => void;
  onResume?: (heldMs: number) => void;
}

/**
 * Runs `work` with bounded retries, as every consumer does. When the retries run out
 * because the database is unreachable, the batch is held, uncommitted, until the database
 * answers again, and the work runs again: Kafka is the buffer through an outage, so an
 * outage of minutes rejects no valid list and loses no round.
 *
 * Errors met while the database is up (a lock timeout that keeps coming back, a bug) still
 * reach the caller as `RetriesExhaustedError`, for its own path: dead letters, answers.
 */
export async function retryThroughOutage<T>(
  work: (attempt: number) => Promise<T>,
  retry: RetryPolicy,
  hold: OutageHold,
  onRetry?: (error: unknown, attempt: number) => void,
): Promise<T> {
  for (;;) {
    try {
      return await withRetries(work, retry, isTransientInfrastructureError, onRetry);
    } catch (error) {
      if (!(await isOutage(error, hold))) throw error;
      hold.onHold?.((error as RetriesExhaustedError).lastError);
      const heldSince = Date.now();
      await hold.control.holdUntil(hold.databaseAnswers);
      hold.onResume?.(Date.now() - heldSince);
    }
  }
}

async function isOutage(error: unknown, hold: OutageHold): Promise<boolean> {
  if (!(error instanceof RetriesExhaustedError)) return false;
  if (isDatabaseUnreachableError(error.lastError)) return true;
  // Resource errors (too many connections, out of memory) come from a database in trouble:
  // hold only while it does not even answer a ping.
  return isTransientInfrastructureError(error.lastError) && !(await hold.databaseAnswers());
}
