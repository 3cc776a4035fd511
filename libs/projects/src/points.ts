import { ProjectError } from './errors';
import type { ClaimShare } from './model';
import { isWholeAtLeast } from './reason';

/** Points (积分) one unit earns for a completed project. */
export interface PointsCredit {
  unitId: string;
  points: number;
}

/**
 * Shares a completed project's points among the units that claimed it, by quantity, so that
 * the credits add up to exactly `pointsPerProject` (largest-remainder apportionment):
 *   1. each unit gets ⌊points × quantity / claimed⌋;
 *   2. the points left over go one each to the largest remainders (ties: smaller unitId);
 *   3. when there are at least as many points as claiming units, a unit left with none gets
 *      one from the unit most above its exact share (ties: smaller unitId), so every
 *      claiming unit earns something.
 * With fewer points than claiming units some units get none: whole points cannot go round.
 * Nothing is credited when pointsPerProject is 0 or nobody claimed anything (a unit with
 * quantity 0 gets 0). Credits come back in the order of `shares`; the result for a unit does
 * not depend on that order. Exact integer arithmetic while points × claimed < 2^53.
 */
export function splitPoints(pointsPerProject: number, shares: readonly ClaimShare[]): PointsCredit[] {
  if (!isWholeAtLeast(pointsPerProject, 0)) {
    throw new ProjectError('invalid-request', 'pointsPerProject must be a whole number of at least 0');
  }
  const seen = new Set<string>();
  for (const share of shares) {
    if (!isWholeAtLeast(share.quantity, 0)) {
      throw new ProjectError(
        'invalid-request',
        `unit ${share.unitId} has a share of ${share.quantity}; shares are whole numbers of at least 0`,
      );
    }
    if (seen.has(share.unitId))
      throw new ProjectError('invalid-request', `unit ${share.unitId} has two shares`);
    seen.add(share.unitId);
  }
  const claimed = shares.reduce((sum, share) => sum + share.quantity, 0);
  if (claimed === 0) return shares.map(({ unitId }) => ({ unitId, points: 0 }));

  const entries = shares.map(({ unitId, quantity }) => {
    const exact = pointsPerProject * quantity; // the exact share is exact / claimed
    return { unitId, quantity, exact, points: Math.floor(exact / claimed), remainder: exact % claimed };
  });
  const leftOver = pointsPerProject - entries.reduce((sum, entry) => sum + entry.points, 0);
  const byRemainder = [...entries].sort(
    (a, b) => b.remainder - a.remainder || compareIds(a.unitId, b.unitId),
  );
  for (let index = 0; index < leftOver; index++) byRemainder[index]!.points++;

  const claiming = entries.filter((entry) => entry.quantity > 0);
  if (pointsPerProject >= claiming.length) {
    // Each donation takes from whoever is furthest above their share at that moment, which does
    // not depend on whom it goes to: the order the empty units are served in does not matter.
    for (const entry of claiming.filter((candidate) => candidate.points === 0)) {
      // Someone has two points or more: the points (≥ units) are not all spread one each.
      const donor = entries
        .filter((candidate) => candidate.points >= 2)
        .sort((a, b) => excess(b, claimed) - excess(a, claimed) || compareIds(a.unitId, b.unitId))[0]!;
      donor.points--;
      entry.points++;
    }
  }
  return entries.map(({ unitId, points }) => ({ unitId, points }));
}

/** How far a unit's points are above its exact share, times claimed (an integer). */
function excess(entry: { points: number; exact: number }, claimed: number): number {
  return entry.points * claimed - entry.exact;
}

/** Ties go to the smaller unitId; ids are unique (checked above), so never equal here. */
function compareIds(a: string, b: string): number {
  // Stryker disable next-line EqualityOperator: a and b are never equal, so < and <= agree
  return a < b ? -1 : 1;
}
