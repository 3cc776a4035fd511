import { ProjectError } from './errors';
import type { ProjectChange } from './events';
import { assertVersion, moveTo, recordEdit, requireStatus } from './lifecycle';
import type { Actor, Allocation, ProjectRef } from './model';
import { readQuantity, readReason } from './reason';

/*
 * The joint meeting's (联席会) decisions on proposed projects: approve, reject with a reason,
 * edit or swap an allocation. Request values arrive as `unknown` and are checked here, so
 * every transport gets the same refusals.
 */

export interface Decision extends Actor {
  /** The version the coordinator decided on; a newer one is a conflict. */
  expectedVersion?: number;
}

type Approvable = ProjectRef & { allocations: readonly Allocation[] };

/** Approves a proposal: its allocations are pinned, so rounds leave them and they hold capacity. */
export function approve<P extends Approvable>(project: P, decision: Decision): ProjectChange<P> {
  assertVersion(project, decision.expectedVersion);
  const { project: moved, event } = moveTo(project, 'approved', { actor: decision.actor, at: decision.at });
  return {
    project: {
      ...moved,
      allocations: project.allocations.map((allocation) => ({ ...allocation, pinned: true })),
    },
    events: [event],
  };
}

/** Rejects a proposal; a rejection always has a reason (at most MAX_REASON_LENGTH characters). */
export function reject<P extends ProjectRef>(
  project: P,
  decision: Decision & { reason: unknown },
): ProjectChange<P> {
  const reason = readReason(decision.reason, 'a rejection');
  assertVersion(project, decision.expectedVersion);
  const { project: moved, event } = moveTo(project, 'rejected', {
    actor: decision.actor,
    at: decision.at,
    reason,
  });
  return { project: moved, events: [event] };
}

/** The capacity rule of an allocation a coordinator sets: one check for edits and swaps. */
export interface AllocationQuantity {
  /** Which refusal wording: an edit of an allocation, or a swap to a new resource item. */
  kind: 'edit' | 'swap';
  /** The demand item's quantity. */
  requested: number;
  /** What the project's other allocations give. */
  others: number;
  /** What the allocation would give. */
  amount: number;
  resourceItemPk: string;
  /** What the resource item can still give outside this project (other holding projects subtracted). */
  remainingCapacity: number;
}

/** Refuses an allocation that would give the demand more than it asks, or the item more than it has. */
export function checkAllocationQuantity(check: AllocationQuantity): void {
  const { requested, others, amount } = check;
  if (others + amount > requested) {
    const most = requested - others;
    throw new ProjectError(
      'capacity-exceeded',
      check.kind === 'edit'
        ? `the demand asks for ${requested}; with the other allocations (${others}) at most ${most} can come from this resource`
        : `the demand asks for ${requested}; at most ${most} can come from the new resource`,
      { field: 'quantity' },
    );
  }
  if (amount > check.remainingCapacity) {
    throw new ProjectError(
      'capacity-exceeded',
      `resource item ${check.resourceItemPk} has only ${check.remainingCapacity} left for this project`,
      { field: 'quantity' },
    );
  }
}

type Editable = ProjectRef & { requested: number; unmet: number; allocations: readonly Allocation[] };

export interface AllocationEdit extends Actor {
  resourceItemPk: string;
  quantity: unknown;
  /** What the resource item can still give outside this project (the caller reads it). */
  remainingCapacity: number;
}

/** Sets how much one resource item gives to a proposal; the whole proposal is pinned, so rounds keep it. */
export function editAllocation<P extends Editable>(project: P, edit: AllocationEdit): ProjectChange<P> {
  const amount = readQuantity(edit.quantity);
  requireStatus(project, 'proposed', 'edited');
  const allocation = findAllocation(project, edit.resourceItemPk);
  checkAllocationQuantity({
    kind: 'edit',
    requested: project.requested,
    others: othersThan(project, edit.resourceItemPk),
    amount,
    resourceItemPk: edit.resourceItemPk,
    remainingCapacity: edit.remainingCapacity,
  });
  const allocations = project.allocations.map((entry) =>
    entry === allocation ? { ...entry, quantity: amount, pinned: true } : { ...entry, pinned: true },
  );
  const { project: edited, event } = recordEdit(withAllocations(project, allocations), {
    actor: edit.actor,
    at: edit.at,
    action: 'allocation-edited',
    reason: `allocation of ${edit.resourceItemPk} set to ${amount}`,
    details: { resourceItemPk: edit.resourceItemPk, from: allocation.quantity, to: amount },
  });
  return { project: edited, events: [event] };
}

/** A candidate resource item a swap may move an allocation to, as the caller found it. */
export interface SwapTarget {
  unitId: string;
  /** What the item can still give outside this project. */
  remainingCapacity: number;
}

export interface AllocationSwap extends Actor {
  fromResourceItemPk: string;
  toResourceItemPk: unknown;
  /** How much the new item gives; the moved allocation's quantity when absent. */
  quantity?: unknown;
  /** The candidate named by toResourceItemPk, or undefined when it is none (category, place, time, capacity). */
  target: SwapTarget | undefined;
}

/** Moves one allocation of a proposal to another candidate resource item; pinned like an edit. */
export function swapAllocation<P extends Editable>(project: P, swap: AllocationSwap): ProjectChange<P> {
  const to = swap.toResourceItemPk;
  if (typeof to !== 'string' || !/^\d+$/.test(to)) {
    throw new ProjectError(
      'invalid-request',
      'swapTo must be the resourceItemPk of a candidate (see GET /projects/{projectId}/candidates)',
      { field: 'swapTo' },
    );
  }
  const asked = swap.quantity === undefined ? undefined : readQuantity(swap.quantity);
  requireStatus(project, 'proposed', 'edited');
  const from = findAllocation(project, swap.fromResourceItemPk);
  if (project.allocations.some((entry) => entry.resourceItemPk === to)) {
    throw new ProjectError(
      'invalid-request',
      `resource item ${to} already serves this project; edit its quantity instead`,
      { field: 'swapTo' },
    );
  }
  if (!swap.target) {
    throw new ProjectError(
      'not-a-candidate',
      `resource item ${to} cannot serve this demand (category, unit, place, time or capacity)`,
    );
  }
  const amount = asked ?? from.quantity;
  checkAllocationQuantity({
    kind: 'swap',
    requested: project.requested,
    others: othersThan(project, from.resourceItemPk),
    amount,
    resourceItemPk: to,
    remainingCapacity: swap.target.remainingCapacity,
  });
  const moved: Allocation = {
    resourceItemPk: to,
    unitId: swap.target.unitId,
    quantity: amount,
    pinned: true,
  };
  const allocations = project.allocations.map((entry) =>
    entry === from ? moved : { ...entry, pinned: true },
  );
  const { project: edited, event } = recordEdit(withAllocations(project, allocations), {
    actor: swap.actor,
    at: swap.at,
    action: 'allocation-swapped',
    reason: `allocation moved from ${from.resourceItemPk} to ${to}`,
    details: { from: from.resourceItemPk, to, quantity: amount },
  });
  return { project: edited, events: [event] };
}

function findAllocation(project: Editable, resourceItemPk: string): Allocation {
  const allocation = project.allocations.find((entry) => entry.resourceItemPk === resourceItemPk);
  if (!allocation) {
    throw new ProjectError(
      'allocation-not-found',
      `project ${project.id} has no allocation from resource item ${resourceItemPk}`,
    );
  }
  return allocation;
}

function othersThan(project: Editable, resourceItemPk: string): number {
  return project.allocations.reduce(
    (sum, entry) => sum + (entry.resourceItemPk === resourceItemPk ? 0 : entry.quantity),
    0,
  );
}

/** The allocations replaced, and unmet recomputed from them (the capacity check keeps it ≥ 0). */
function withAllocations<P extends Editable>(project: P, allocations: Allocation[]): P {
  const given = allocations.reduce((sum, entry) => sum + entry.quantity, 0);
  return { ...project, allocations, unmet: project.requested - given };
}
