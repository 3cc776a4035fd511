import { ProjectError } from './errors';

/** Largest reason a coordinator may write, so audit rows and events stay readable. */
export const MAX_REASON_LENGTH = 500;

/** A decision's reason, trimmed; refused when missing, blank or too long. `what`: "a rejection". */
export function readReason(reason: unknown, what: string): string {
  if (typeof reason !== 'string' || reason.trim() === '') {
    throw new ProjectError('invalid-request', `${what} needs a reason (field "reason")`, { field: 'reason' });
  }
  if (reason.length > MAX_REASON_LENGTH) {
    throw new ProjectError('invalid-request', `the reason may be at most ${MAX_REASON_LENGTH} characters`, {
      field: 'reason',
    });
  }
  return reason.trim();
}

/** A quantity a person typed: a whole number of at least 1. */
export function readQuantity(quantity: unknown): number {
  if (!isWholeAtLeast(quantity, 1)) {
    throw new ProjectError('invalid-request', 'quantity must be a whole number of at least 1', {
      field: 'quantity',
    });
  }
  return quantity;
}

export function isWholeAtLeast(value: unknown, minimum: number): value is number {
  return Number.isSafeInteger(value) && (value as number) >= minimum;
}
