import { ReviewError } from './review.errors';

/** What decision endpoints read from a body. */
export interface DecisionBody {
  reason?: unknown;
  expectedVersion?: unknown;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export function requireUuid(id: string, what: 'project' | 'offer' = 'project'): string {
  // Anything else cannot name a project or offer; answering 404 keeps Postgres from a cast error.
  if (!isUuid(id))
    throw new ReviewError(what === 'project' ? 'project-not-found' : 'offer-not-found', `no ${what} ${id}`);
  return id;
}

export function expectedVersionOf(body: DecisionBody | undefined): number | undefined {
  const value = body?.expectedVersion;
  if (value === undefined) return undefined;
  if (!Number.isSafeInteger(value) || (value as number) < 1) {
    throw new ReviewError(
      'invalid-request',
      'expectedVersion must be a whole number of at least 1',
      'expectedVersion',
    );
  }
  return value as number;
}
