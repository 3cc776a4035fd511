import type { ProjectStatus } from '@redcrowd/contracts';
import { ALL_STATUSES } from './lifecycle';

/*
 * Which project statuses hold what: the one owner of these rules. The repositories render
 * them into SQL with sqlList() instead of retyping the lists, e.g.
 *   `p.status IN ${sqlList(HOLDING_STATUSES)} OR (p.status = 'proposed' AND <pinned>)`.
 * "Pinned" means a coordinator edited the allocations, or the work was approved.
 */

/** Approved work not yet done: its resource items stay `matched` while another project is released. */
export const WORK_IN_FLIGHT_STATUSES = Object.freeze([
  'approved',
  'offered',
  'claimed',
  'in-progress',
] as const);

/** Statuses whose allocations use up resource capacity (and proposed ones with pinned allocations). */
export const HOLDING_STATUSES = Object.freeze([...WORK_IN_FLIGHT_STATUSES, 'completed'] as const);

/** Statuses that ended without the work: the demand is no longer served by this project. */
export const ENDED_WITHOUT_WORK_STATUSES = Object.freeze(['rejected', 'cancelled', 'expired'] as const);

/** Statuses in which a project still stands for its demand (dashboards count these). */
export const LIVE_STATUSES: readonly ProjectStatus[] = Object.freeze(
  ALL_STATUSES.filter((status) => !includes(ENDED_WITHOUT_WORK_STATUSES, status)),
);

/**
 * Statuses that give a demand back to the next round's pool: a proposal is re-optimised, a
 * cancelled or expired project is matched again. A rejected one is not: the joint meeting said no.
 * A project with pinned allocations keeps its demand out whatever its status.
 */
export const POOL_RETURNING_STATUSES = Object.freeze(['proposed', 'cancelled', 'expired'] as const);

/** Statuses that keep a demand out of the next round's pool (the complement of the above). */
export const DEMAND_HOLDING_STATUSES: readonly ProjectStatus[] = Object.freeze(
  ALL_STATUSES.filter((status) => !includes(POOL_RETURNING_STATUSES, status)),
);

/** Does a project of this status use up its resource items' capacity? */
export function holdsCapacity(status: ProjectStatus, pinned: boolean): boolean {
  return includes(HOLDING_STATUSES, status) || (status === 'proposed' && pinned);
}

/** Does a project of this status still stand for its demand? */
export function isLive(status: ProjectStatus): boolean {
  return !includes(ENDED_WITHOUT_WORK_STATUSES, status);
}

/** Does a project of this status keep its demand out of the next round's pool? */
export function keepsDemandOutOfPool(status: ProjectStatus, pinned: boolean): boolean {
  return !includes(POOL_RETURNING_STATUSES, status) || pinned;
}

/** Does a project of this status keep its resource items marked matched? */
export function keepsItemsMatched(status: ProjectStatus): boolean {
  return includes(WORK_IN_FLIGHT_STATUSES, status);
}

/** May a matching round still revise or cancel this project (a proposal nobody pinned)? */
export function isOpenProposal(project: {
  status: ProjectStatus;
  allocations: readonly { pinned: boolean }[];
}): boolean {
  return project.status === 'proposed' && !project.allocations.some((allocation) => allocation.pinned);
}

/**
 * An SQL list literal of fixed strings: `('approved', 'offered')`. Quotes are doubled, so
 * no value can end the literal early. An empty list is refused: `IN ()` is not SQL.
 */
export function sqlList(values: readonly string[]): string {
  if (values.length === 0) throw new RangeError('an SQL list needs at least one value');
  return `(${values.map((value) => `'${value.replaceAll("'", "''")}'`).join(', ')})`;
}

function includes(list: readonly ProjectStatus[], status: ProjectStatus): boolean {
  return list.includes(status);
}
