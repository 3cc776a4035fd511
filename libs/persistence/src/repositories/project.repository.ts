import type { EntityManager } from 'typeorm';
import type { ProjectFilters } from './project-review.repository';

export interface AllocationRow {
  resourceItemPk: string;
  unitId: string;
  quantity: number;
  score: number;
  priority: number;
  distanceKm: number;
  explanation: object[];
}

export interface ProjectAuditEntry {
  actor: string;
  action: string;
  reason?: string | null;
  details?: object;
}

/** A project as the review API lists it. */
export interface ProjectListing {
  id: string;
  allianceId: string;
  status: string;
  version: number;
  requested: number;
  unmet: number;
  demandItemId: string | null;
  demandListId: string | null;
  submitterId: string | null;
  submitterName: string | null;
  demand: {
    title: string;
    category: string;
    urgency: string;
    quantityUnit: string;
    address: string | null;
    lat: number;
    lng: number;
    windowFrom: string;
    windowTo: string;
  } | null;
  allocations: Array<{
    resourceItemPk: string;
    unitId: string;
    unitName: string | null;
    resourceTitle: string | null;
    quantity: number;
    score: number;
    explanation: unknown;
  }>;
}

/** Writes projects, their allocations and their audit trail. All SQL for projects lives here. */
export class ProjectRepository {
  /** Projects of an alliance, filtered as the review screen asks (all filters optional). */
  async listForAlliance(
    manager: EntityManager,
    allianceId: string,
    filters: ProjectFilters,
  ): Promise<ProjectListing[]> {
    return manager.query(
      `SELECT p.id, p.alliance_id AS "allianceId", p.status, p.version, p.requested, p.unmet,
         di.item_id AS "demandItemId", dl.list_id AS "demandListId", dl.submitter_id AS "submitterId",
         dl.submitter_name AS "submitterName",
         CASE WHEN di.id IS NULL THEN NULL ELSE json_build_object('title', di.title, 'category', di.category,
           'urgency', di.urgency, 'quantityUnit', di.quantity_unit, 'address', di.address, 'lat', di.lat,
           'lng', di.lng, 'windowFrom', di.window_from, 'windowTo', di.window_to) END AS demand,
         coalesce(json_agg(json_build_object('resourceItemPk', pa.resource_item_pk::text, 'unitId', pa.unit_id,
           'unitName', rl.submitter_name, 'resourceTitle', ri.title,
           'quantity', pa.quantity, 'score', pa.score, 'explanation', pa.explanation)
           ORDER BY pa.resource_item_pk) FILTER (WHERE pa.id IS NOT NULL), '[]') AS allocations
       FROM projects p
       LEFT JOIN demand_items di ON di.id = p.demand_item_pk
       LEFT JOIN lists dl ON dl.id = di.list_pk
       LEFT JOIN project_allocations pa ON pa.project_id = p.id
       LEFT JOIN resource_items ri ON ri.id = pa.resource_item_pk
       LEFT JOIN lists rl ON rl.id = ri.list_pk
       WHERE p.alliance_id = $1
         AND ($2::text IS NULL OR p.status = $2)
         AND ($3::text IS NULL OR dl.submitter_id = $3)
         AND ($4::text IS NULL OR di.category = $4)
         AND ($5::text IS NULL OR EXISTS (
           SELECT 1 FROM project_allocations u WHERE u.project_id = p.id AND u.unit_id = $5))
         AND ($6::text IS NULL OR di.urgency = $6)
       GROUP BY p.id, di.id, dl.list_id, dl.submitter_id, dl.submitter_name
       ORDER BY p.created_at, p.id`,
      [
        allianceId,
        filters.status ?? null,
        filters.submitterId ?? null,
        filters.category ?? null,
        filters.unitId ?? null,
        filters.urgency ?? null,
      ],
    );
  }

  /** Creates a proposed project; returns its id. */
  async createProposed(
    manager: EntityManager,
    project: { allianceId: string; demandItemPk: string; requested: number; unmet: number },
    allocations: AllocationRow[],
    audit: ProjectAuditEntry,
  ): Promise<string> {
    const [row] = (await manager.query(
      `INSERT INTO projects (alliance_id, demand_item_pk, status, requested, unmet)
       VALUES ($1, $2, 'proposed', $3, $4) RETURNING id`,
      [project.allianceId, project.demandItemPk, project.requested, project.unmet],
    )) as Array<{ id: string }>;
    await this.insertAllocations(manager, row!.id, allocations);
    await this.audit(manager, row!.id, audit);
    return row!.id;
  }

  /** Replaces a proposed project's allocations; returns the new version. */
  async revise(
    manager: EntityManager,
    projectId: string,
    expectedVersion: number,
    change: { requested: number; unmet: number },
    allocations: AllocationRow[],
    audit: ProjectAuditEntry,
  ): Promise<number> {
    const version = await this.bumpVersion(
      manager,
      projectId,
      expectedVersion,
      `requested = $3, unmet = $4`,
      [change.requested, change.unmet],
    );
    await manager.query(`DELETE FROM project_allocations WHERE project_id = $1`, [projectId]);
    await this.insertAllocations(manager, projectId, allocations);
    await this.audit(manager, projectId, audit);
    return version;
  }

  /** Moves a project to another status; returns the new version. */
  async changeStatus(
    manager: EntityManager,
    projectId: string,
    expectedVersion: number,
    status: string,
    audit: ProjectAuditEntry,
  ): Promise<number> {
    const version = await this.bumpVersion(manager, projectId, expectedVersion, `status = $3`, [status]);
    await this.audit(manager, projectId, audit);
    return version;
  }

  // Optimistic check: a project changed since it was read is not overwritten.
  private async bumpVersion(
    manager: EntityManager,
    projectId: string,
    expectedVersion: number,
    assignments: string,
    values: unknown[],
  ): Promise<number> {
    const rows = (await manager.query(
      `UPDATE projects SET version = version + 1, updated_at = now(), ${assignments}
       WHERE id = $1 AND version = $2 RETURNING version`,
      [projectId, expectedVersion, ...values],
    )) as [Array<{ version: number }>, number];
    const updated = rows[0]?.[0];
    if (!updated) throw new Error(`project ${projectId} changed since version ${expectedVersion}`);
    return updated.version;
  }

  private async insertAllocations(
    manager: EntityManager,
    projectId: string,
    allocations: AllocationRow[],
  ): Promise<void> {
    if (allocations.length === 0) return;
    await manager.query(
      `INSERT INTO project_allocations (project_id, resource_item_pk, unit_id, quantity, score, priority,
         distance_km, explanation, pinned)
       SELECT $1, a."resourceItemPk"::bigint, a."unitId", a.quantity, a.score, a.priority, a."distanceKm",
         a.explanation, false
       FROM jsonb_to_recordset($2::jsonb) AS a("resourceItemPk" text, "unitId" text, quantity integer,
         score float8, priority float8, "distanceKm" float8, explanation jsonb)`,
      [projectId, JSON.stringify(allocations)],
    );
  }

  private async audit(manager: EntityManager, projectId: string, entry: ProjectAuditEntry): Promise<void> {
    await manager.query(
      `INSERT INTO project_events (project_id, actor, action, reason, details) VALUES ($1, $2, $3, $4, $5)`,
      [projectId, entry.actor, entry.action, entry.reason ?? null, JSON.stringify(entry.details ?? {})],
    );
  }
}
