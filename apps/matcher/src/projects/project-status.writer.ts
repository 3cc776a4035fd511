import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ProjectStatus, ProjectStatusChanged } from '@redcrowd/contracts';
import type { LockedProject, OutboxMessage, ProjectRepository } from '@redcrowd/persistence';

export interface StatusChange {
  to: ProjectStatus;
  actor: string;
  reason?: string | null;
  /** The audit action when it is not the status itself (an edit keeps the status). */
  action?: string;
  details?: object;
}

/**
 * The one way a locked project changes: bump its version, write the audit row, and return
 * its projects.status-changed.v1 event for the caller's outbox. Updates `project` in place.
 */
export class ProjectStatusWriter {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly topic: string,
  ) {}

  async record(
    manager: EntityManager,
    project: LockedProject,
    change: StatusChange,
  ): Promise<OutboxMessage[]> {
    const reason = change.reason ?? null;
    const version = await this.projects.changeStatus(manager, project.id, project.version, change.to, {
      actor: change.actor,
      action: change.action ?? change.to,
      reason: change.action ? null : reason,
      ...(change.details ? { details: change.details } : {}),
    });
    const event: ProjectStatusChanged = {
      eventId: randomUUID(),
      projectId: project.id,
      allianceId: project.allianceId,
      from: project.status as ProjectStatus,
      to: change.to,
      version,
      actor: change.actor,
      changedAt: new Date().toISOString(),
      ...(reason ? { reason } : {}),
    };
    project.status = change.to;
    project.version = version;
    return [{ topic: this.topic, key: project.allianceId, payload: event }];
  }
}
