import type { Tx } from '../transaction';

export interface LockedProject {
  id: string;
  allianceId: string;
  status: string;
  version: number;
  demandItemPk: string | null;
  requested: number;
  unmet: number;
  /** Who listed the demand (null once the demand item is gone). */
  submitterId: string | null;
}

/** The demand a project serves, as offers and events describe it. */
export interface DemandRef {
  submitterId: string;
  listId: string;
  itemId: string;
  category: string;
  title: string;
  urgency: 'routine' | 'urgent' | 'critical';
}

export interface ProjectAuditEntry {
  actor: string;
  action: string;
  reason?: string | null;
  details?: object;
}

export interface AllocationRow {
  resourceItemPk: string;
  unitId: string;
  quantity: number;
  score: number;
  priority: number;
  distanceKm: number;
  explanation: object[];
}

/**
 * Projects (项目清单) as the aggregate keeps them: locking one for a decision, creating and
 * revising proposals, changing status with an audit row. All SQL for project rows lives here.
 */
export class ProjectRepository {
  /** Reads a project and locks it for the rest of the transaction (decisions are serial). */
  async lock(tx: Tx, projectId: string): Promise<LockedProject | undefined> {
    const [row] = (await tx.query(
      `SELECT p.id, p.alliance_id AS "allianceId", p.status, p.version,
         p.demand_item_pk::text AS "demandItemPk", p.requested, p.unmet,
         (SELECT dl.submitter_id FROM demand_items di JOIN lists dl ON dl.id = di.list_pk
          WHERE di.id = p.demand_item_pk) AS "submitterId"
       FROM projects p WHERE p.id = $1 FOR UPDATE OF p`,
      [projectId],
    )) as LockedProject[];
    return row;
  }

  /** The demand a project serves, as offers and events describe it. */
  async demandRef(tx: Tx, projectId: string): Promise<DemandRef> {
    const [row] = (await tx.query(
      `SELECT dl.submitter_id AS "submitterId", dl.list_id AS "listId", di.item_id AS "itemId",
         di.category, di.title, di.urgency
       FROM projects p JOIN demand_items di ON di.id = p.demand_item_pk JOIN lists dl ON dl.id = di.list_pk
       WHERE p.id = $1`,
      [projectId],
    )) as DemandRef[];
    if (!row) throw new Error(`project ${projectId} has no demand item`);
    return row;
  }

  /** When the project's demand window opens; undefined when its demand item is gone. */
  async windowOpensAt(tx: Tx, projectId: string): Promise<Date | undefined> {
    const [row] = (await tx.query(
      `SELECT di.window_from AS "windowFrom" FROM projects p JOIN demand_items di ON di.id = p.demand_item_pk
       WHERE p.id = $1`,
      [projectId],
    )) as Array<{ windowFrom: Date }>;
    return row?.windowFrom;
  }

  /** Creates a proposed project (version 1) with the id the aggregate gave it. */
  async createProposed(
    tx: Tx,
    project: { id: string; allianceId: string; demandItemPk: string; requested: number; unmet: number },
    allocations: AllocationRow[],
    audit: ProjectAuditEntry,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO projects (id, alliance_id, demand_item_pk, status, requested, unmet)
       VALUES ($1, $2, $3, 'proposed', $4, $5)`,
      [project.id, project.allianceId, project.demandItemPk, project.requested, project.unmet],
    );
    await this.insertAllocations(tx, project.id, allocations);
    await this.audit(tx, project.id, audit);
  }

  /** Replaces a proposed project's allocations; returns the new version. */
  async revise(
    tx: Tx,
    projectId: string,
    expectedVersion: number,
    change: { requested: number; unmet: number },
    allocations: AllocationRow[],
    audit: ProjectAuditEntry,
  ): Promise<number> {
    const version = await this.bumpVersion(tx, projectId, expectedVersion, `requested = $3, unmet = $4`, [
      change.requested,
      change.unmet,
    ]);
    await tx.query(`DELETE FROM project_allocations WHERE project_id = $1`, [projectId]);
    await this.insertAllocations(tx, projectId, allocations);
    await this.audit(tx, projectId, audit);
    return version;
  }

  /** Moves a project to another status; returns the new version. */
  async changeStatus(
    tx: Tx,
    projectId: string,
    expectedVersion: number,
    status: string,
    audit: ProjectAuditEntry,
  ): Promise<number> {
    const version = await this.bumpVersion(tx, projectId, expectedVersion, `status = $3`, [status]);
    await this.audit(tx, projectId, audit);
    return version;
  }

  // Optimistic check: a project changed since it was read is not overwritten.
  private async bumpVersion(
    tx: Tx,
    projectId: string,
    expectedVersion: number,
    assignments: string,
    values: unknown[],
  ): Promise<number> {
    const rows = (await tx.query(
      `UPDATE projects SET version = version + 1, updated_at = now(), ${assignments}
       WHERE id = $1 AND version = $2 RETURNING version`,
      [projectId, expectedVersion, ...values],
    )) as [Array<{ version: number }>, number];
    const updated = rows[0]?.[0];
    if (!updated) throw new Error(`project ${projectId} changed since version ${expectedVersion}`);
    return updated.version;
  }

  private async insertAllocations(tx: Tx, projectId: string, allocations: AllocationRow[]): Promise<void> {
    if (allocations.length === 0) return;
    await tx.query(
      `INSERT INTO project_allocations (project_id, resource_item_pk, unit_id, quantity, score, priority,
         distance_km, explanation, pinned)
       SELECT $1, a."resourceItemPk"::bigint, a."unitId", a.quantity, a.score, a.priority, a."distanceKm",
         a.explanation, false
       FROM jsonb_to_recordset($2::jsonb) AS a("resourceItemPk" text, "unitId" text, quantity integer,
         score float8, priority float8, "distanceKm" float8, explanation jsonb)`,
      [projectId, JSON.stringify(allocations)],
    );
  }

  private async audit(tx: Tx, projectId: string, entry: ProjectAuditEntry): Promise<void> {
    await tx.query(
      `INSERT INTO project_events (project_id, actor, action, reason, details) VALUES ($1, $2, $3, $4, $5)`,
      [projectId, entry.actor, entry.action, entry.reason ?? null, JSON.stringify(entry.details ?? {})],
    );
  }
}
