import type { ProjectStatus } from '@redcrowd/contracts';
import { ProjectError } from './errors';
import type { ProjectAction, ProjectStatusChangedEvent } from './events';
import type { Actor, ProjectRef } from './model';

/**
 * Which status may follow which: proposed → approved → offered → claimed → in-progress →
 * completed, with rejected (review), cancelled and expired as ends. Keyed by every status,
 * so a status added to the contract does not compile until it has its place here.
 */
export const NEXT_STATUSES: Readonly<Record<ProjectStatus, readonly ProjectStatus[]>> = Object.freeze({
  proposed: ['approved', 'rejected', 'cancelled'],
  approved: ['offered', 'cancelled'],
  offered: ['claimed', 'expired', 'cancelled'],
  claimed: ['in-progress', 'cancelled'],
  'in-progress': ['completed', 'cancelled'],
  completed: [],
  rejected: [],
  cancelled: [],
  expired: [],
});

/** Every status, in the contract's order (PROJECT_STATUSES). */
export const ALL_STATUSES: readonly ProjectStatus[] = Object.freeze(
  Object.keys(NEXT_STATUSES) as ProjectStatus[],
);

/** Statuses a project never leaves. */
export const END_STATUSES: readonly ProjectStatus[] = Object.freeze(
  ALL_STATUSES.filter((status) => NEXT_STATUSES[status].length === 0),
);

export function canBecome(from: ProjectStatus, to: ProjectStatus): boolean {
  return NEXT_STATUSES[from].includes(to);
}

/** Refuses an illegal transition with a message that says what is possible instead. */
export function assertTransition(projectId: string, from: ProjectStatus, to: ProjectStatus): void {
  if (canBecome(from, to)) return;
  const allowed = NEXT_STATUSES[from];
  const options = allowed.length > 0 ? `it can only become ${allowed.join(' or ')}` : 'it is closed';
  throw new ProjectError(
    'illegal-transition',
    `project ${projectId} is ${from} and cannot become ${to}; ${options}`,
  );
}

/** Refuses a decision taken on a version the deciding person had not seen. */
export function assertVersion(project: ProjectRef, expectedVersion: number | undefined): void {
  if (expectedVersion === undefined || expectedVersion === project.version) return;
  throw new ProjectError(
    'version-conflict',
    `project ${project.id} is at version ${project.version}, not ${expectedVersion}: reload it and decide again`,
  );
}

export interface ChangeNote extends Actor {
  reason?: string;
  action?: ProjectAction;
  details?: Record<string, string | number>;
}

/**
 * The one way a project's status changes: checked against the graph, version plus one, and
 * the event that says so. Edits in place go through `recordEdit` instead.
 */
export function moveTo<P extends ProjectRef>(
  project: P,
  to: ProjectStatus,
  note: ChangeNote,
): { project: P; event: ProjectStatusChangedEvent } {
  assertTransition(project.id, project.status, to);
  return record(project, to, { ...note, action: to });
}

/** An edit that keeps the status (proposed → proposed) but is versioned and published like a change. */
export function recordEdit<P extends ProjectRef>(
  project: P,
  note: ChangeNote & { action: ProjectAction },
): { project: P; event: ProjectStatusChangedEvent } {
  return record(project, project.status, note);
}

function record<P extends ProjectRef>(
  project: P,
  to: ProjectStatus,
  note: ChangeNote & { action: ProjectAction },
): { project: P; event: ProjectStatusChangedEvent } {
  const version = project.version + 1;
  const event: ProjectStatusChangedEvent = {
    type: 'status-changed',
    projectId: project.id,
    allianceId: project.allianceId,
    from: project.status,
    to,
    version,
    actor: note.actor,
    action: note.action,
    at: note.at,
    ...(note.reason !== undefined ? { reason: note.reason } : {}),
    ...(note.details !== undefined ? { details: note.details } : {}),
  };
  return { project: { ...project, status: to, version }, event };
}

/** The message for an operation that only a project of one status allows. */
export function requireStatus(project: ProjectRef, status: ProjectStatus, what: string): void {
  if (project.status !== status) {
    throw new ProjectError(
      'illegal-transition',
      `project ${project.id} is ${project.status}; only ${status} projects can be ${what}`,
    );
  }
}
