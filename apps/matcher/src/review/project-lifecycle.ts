import type { ProjectStatus } from '@redcrowd/contracts';
import { ReviewError } from './review.errors';

/**
 * Which status may follow which: proposed → approved → offered → claimed → in-progress →
 * completed, with rejected (review), cancelled and expired as ends.
 */
export const NEXT_STATUSES: Readonly<Record<ProjectStatus, readonly ProjectStatus[]>> = {
  proposed: ['approved', 'rejected', 'cancelled'],
  approved: ['offered', 'cancelled'],
  offered: ['claimed', 'expired', 'cancelled'],
  claimed: ['in-progress', 'cancelled'],
  'in-progress': ['completed', 'cancelled'],
  completed: [],
  rejected: [],
  cancelled: [],
  expired: [],
};

/** Refuses an illegal transition with a message that says what is possible instead. */
export function assertTransition(projectId: string, from: ProjectStatus, to: ProjectStatus): void {
  const allowed = NEXT_STATUSES[from];
  if (allowed.includes(to)) return;
  const options = allowed.length > 0 ? `it can only become ${allowed.join(' or ')}` : 'it is closed';
  throw new ReviewError(
    'illegal-transition',
    `project ${projectId} is ${from} and cannot become ${to}; ${options}`,
  );
}
