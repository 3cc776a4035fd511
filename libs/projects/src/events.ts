import type { ProjectStatus, ProjectStatusChanged } from '@redcrowd/contracts';
import type { Offer } from './model';

/** What a status change is recorded as in the audit trail: the status, or the edit when it stays. */
export type ProjectAction = ProjectStatus | 'allocation-edited' | 'allocation-swapped' | 'work-reported';

/**
 * A project moved in its lifecycle, or was edited in place (`from` = `to`, `action` says
 * which edit). Published as projects.status-changed.v1 (see statusChangedPayload).
 */
export interface ProjectStatusChangedEvent {
  type: 'status-changed';
  projectId: string;
  allianceId: string;
  from: ProjectStatus;
  to: ProjectStatus;
  /** The project's version after the change: the one before plus one. */
  version: number;
  actor: string;
  reason?: string;
  action: ProjectAction;
  /** What an edit changed, for the audit row. */
  details?: Record<string, string | number>;
  at: number;
}

/** A round proposed a new project (version 1); the caller publishes its snapshot. */
export interface ProjectProposedEvent {
  type: 'proposed';
  projectId: string;
  allianceId: string;
  version: 1;
  actor: string;
  at: number;
}

/** A round replaced a proposed project's allocations. */
export interface ProjectRevisedEvent {
  type: 'revised';
  projectId: string;
  allianceId: string;
  previousVersion: number;
  version: number;
  actor: string;
  at: number;
}

/** An offer was made to a unit (claims.offered.v1); offers do not change the project's version. */
export interface OfferMadeEvent {
  type: 'offer-made';
  projectId: string;
  allianceId: string;
  offer: Offer;
  at: number;
}

export type ProjectEvent =
  ProjectStatusChangedEvent | ProjectProposedEvent | ProjectRevisedEvent | OfferMadeEvent;

/** The new state of a project after an operation, and the events to publish, in order. */
export interface ProjectChange<P> {
  project: P;
  events: ProjectEvent[];
}

/** The projects.status-changed.v1 payload of a status change; the event id comes from the caller. */
export function statusChangedPayload(
  event: ProjectStatusChangedEvent,
  eventId: string,
): ProjectStatusChanged {
  return {
    eventId,
    projectId: event.projectId,
    allianceId: event.allianceId,
    from: event.from,
    to: event.to,
    version: event.version,
    actor: event.actor,
    changedAt: new Date(event.at).toISOString(),
    ...(event.reason !== undefined ? { reason: event.reason } : {}),
  };
}
