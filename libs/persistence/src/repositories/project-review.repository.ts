import type { EntityManager } from 'typeorm';

export interface LockedProject {
  id: string;
  allianceId: string;
  status: string;
  version: number;
  demandItemPk: string | null;
  requested: number;
  unmet: number;
}

export interface AllocationState {
  resourceItemPk: string;
  unitId: string;
  quantity: number;
  pinned: boolean;
}

export interface ProjectFilters {
  status?: string;
  submitterId?: string;
  category?: string;
  unitId?: string;
  urgency?: string;
}

/** The SQL of coordinator review: locking, reading and changing one project. */
export class ProjectReviewRepository {
  /** Reads a project and locks it for the rest of the transaction (decisions are serial). */
  async lock(manager: EntityManager, projectId: string): Promise<LockedProject | undefined> {
    const [row] = (await manager.query(
      `SELECT id, alliance_id AS "allianceId", status, version, demand_item_pk::text AS "demandItemPk",
         requested, unmet
       FROM projects WHERE id = $1 FOR UPDATE`,
      [projectId],
    )) as LockedProject[];
    return row;
  }

  /** The demand a project serves, as offers and events describe it. */
  async demandRef(
    manager: EntityManager,
    projectId: string,
  ): Promise<{
    submitterId: string;
    listId: string;
    itemId: string;
    category: string;
    title: string;
    urgency: 'routine' | 'urgent' | 'critical';
  }> {
    const [row] = (await manager.query(
      `SELECT dl.submitter_id AS "submitterId", dl.list_id AS "listId", di.item_id AS "itemId",
         di.category, di.title, di.urgency
       FROM projects p JOIN demand_items di ON di.id = p.demand_item_pk JOIN lists dl ON dl.id = di.list_pk
       WHERE p.id = $1`,
      [projectId],
    )) as Array<{
      submitterId: string;
      listId: string;
      itemId: string;
      category: string;
      title: string;
      urgency: 'routine' | 'urgent' | 'critical';
    }>;
    if (!row) throw new Error(`project ${projectId} has no demand item`);
    return row;
  }

  async allocations(manager: EntityManager, projectId: string): Promise<AllocationState[]> {
    return manager.query(
      `SELECT resource_item_pk::text AS "resourceItemPk", unit_id AS "unitId", quantity, pinned
       FROM project_allocations WHERE project_id = $1 ORDER BY resource_item_pk`,
      [projectId],
    );
  }

  /** Approved work holds its items: allocations are pinned and intake keeps the items. */
  async holdResources(manager: EntityManager, project: LockedProject): Promise<void> {
    await manager.query(`UPDATE project_allocations SET pinned = true WHERE project_id = $1`, [project.id]);
    await manager.query(
      `UPDATE resource_items SET status = 'matched'
       WHERE id IN (SELECT resource_item_pk FROM project_allocations WHERE project_id = $1)`,
      [project.id],
    );
    if (project.demandItemPk !== null) {
      await manager.query(`UPDATE demand_items SET status = 'matched' WHERE id = $1`, [project.demandItemPk]);
    }
  }

  /** Nobody claimed an expired project: its items go back to the pool for the next round. */
  async releaseResources(manager: EntityManager, project: LockedProject): Promise<void> {
    await manager.query(`UPDATE project_allocations SET pinned = false WHERE project_id = $1`, [project.id]);
    await manager.query(
      `UPDATE resource_items ri SET status = 'open'
       WHERE ri.id IN (SELECT resource_item_pk FROM project_allocations WHERE project_id = $1)
         AND NOT EXISTS (
           SELECT 1 FROM project_allocations pa JOIN projects p ON p.id = pa.project_id
           WHERE pa.resource_item_pk = ri.id AND p.id <> $1
             AND p.status IN ('approved', 'offered', 'claimed', 'in-progress'))`,
      [project.id],
    );
    if (project.demandItemPk !== null) {
      await manager.query(`UPDATE demand_items SET status = 'open' WHERE id = $1`, [project.demandItemPk]);
    }
  }

  /** What a resource item can still give, outside `exceptProjectId`'s own allocation. */
  async remainingCapacity(
    manager: EntityManager,
    resourceItemPk: string,
    exceptProjectId: string,
  ): Promise<number> {
    const [row] = (await manager.query(
      `SELECT ri.quantity - coalesce((
           SELECT sum(pa.quantity) FROM project_allocations pa JOIN projects p ON p.id = pa.project_id
           WHERE pa.resource_item_pk = ri.id AND p.id <> $2
             AND (p.status IN ('approved', 'offered', 'claimed', 'in-progress', 'completed')
                  OR (p.status = 'proposed' AND pa.pinned))
         ), 0)::int AS remaining
       FROM resource_items ri WHERE ri.id = $1`,
      [resourceItemPk, exceptProjectId],
    )) as Array<{ remaining: number }>;
    return row?.remaining ?? 0;
  }

  /** Sets one allocation's quantity (a coordinator's edit, pinned so rounds keep it). */
  async setAllocation(
    manager: EntityManager,
    projectId: string,
    resourceItemPk: string,
    quantity: number,
  ): Promise<void> {
    await manager.query(
      `UPDATE project_allocations SET quantity = $3 WHERE project_id = $1 AND resource_item_pk = $2`,
      [projectId, resourceItemPk, quantity],
    );
    // The whole edited proposal is frozen: later rounds leave it as the coordinator set it.
    await manager.query(`UPDATE project_allocations SET pinned = true WHERE project_id = $1`, [projectId]);
    await manager.query(
      `UPDATE projects SET unmet = greatest(0, requested - (
         SELECT coalesce(sum(quantity), 0) FROM project_allocations WHERE project_id = $1))
       WHERE id = $1`,
      [projectId],
    );
  }

  /** Replaces one allocation by another resource item (a coordinator's swap), pinned like an edit. */
  async swapAllocation(
    manager: EntityManager,
    projectId: string,
    fromResourceItemPk: string,
    to: {
      resourceItemPk: string;
      unitId: string;
      quantity: number;
      score: number;
      priority: number;
      distanceKm: number;
      explanation: object[];
    },
  ): Promise<void> {
    await manager.query(`DELETE FROM project_allocations WHERE project_id = $1 AND resource_item_pk = $2`, [
      projectId,
      fromResourceItemPk,
    ]);
    await manager.query(
      `INSERT INTO project_allocations (project_id, resource_item_pk, unit_id, quantity, score, priority, distance_km, explanation, pinned)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true)`,
      [
        projectId,
        to.resourceItemPk,
        to.unitId,
        to.quantity,
        to.score,
        to.priority,
        to.distanceKm,
        JSON.stringify(to.explanation),
      ],
    );
    await this.setAllocation(manager, projectId, to.resourceItemPk, to.quantity);
  }

  async detail(manager: EntityManager, projectId: string): Promise<object | undefined> {
    const [project] = (await manager.query(
      `SELECT p.id, p.alliance_id AS "allianceId", p.status, p.version, p.requested, p.unmet,
         di.item_id AS "demandItemId", di.title AS "demandTitle", di.category, di.urgency,
         dl.list_id AS "demandListId", dl.submitter_id AS "submitterId",
         p.created_at AS "createdAt", p.updated_at AS "updatedAt"
       FROM projects p
       LEFT JOIN demand_items di ON di.id = p.demand_item_pk
       LEFT JOIN lists dl ON dl.id = di.list_pk
       WHERE p.id = $1`,
      [projectId],
    )) as object[];
    if (!project) return undefined;
    const allocations = await manager.query(
      `SELECT pa.resource_item_pk::text AS "resourceItemPk", ri.item_id AS "resourceItemId",
         rl.list_id AS "resourceListId", pa.unit_id AS "unitId", pa.quantity, pa.score, pa.priority,
         pa.distance_km AS "distanceKm", pa.pinned, pa.explanation
       FROM project_allocations pa
       JOIN resource_items ri ON ri.id = pa.resource_item_pk
       JOIN lists rl ON rl.id = ri.list_pk
       WHERE pa.project_id = $1 ORDER BY pa.resource_item_pk`,
      [projectId],
    );
    const events = await manager.query(
      `SELECT actor, action, reason, details, at FROM project_events WHERE project_id = $1 ORDER BY at, id`,
      [projectId],
    );
    return { ...project, allocations, events };
  }
}
