import { HOLDING_STATUSES, WORK_IN_FLIGHT_STATUSES, sqlList } from '@redcrowd/projects';
import type { Tx } from '../transaction';
import type { AllocationRow, LockedProject } from './project.repository';

export interface AllocationState {
  resourceItemPk: string;
  unitId: string;
  quantity: number;
  pinned: boolean;
}

/** Which resource items serve a project, and what they hold. All SQL for allocations lives here. */
export class AllocationRepository {
  async allocations(tx: Tx, projectId: string): Promise<AllocationState[]> {
    return tx.query(
      `SELECT resource_item_pk::text AS "resourceItemPk", unit_id AS "unitId", quantity, pinned
       FROM project_allocations WHERE project_id = $1 ORDER BY resource_item_pk`,
      [projectId],
    );
  }

  /** Approved work holds its items: allocations are pinned and intake keeps the items. */
  async holdResources(tx: Tx, project: LockedProject): Promise<void> {
    await tx.query(`UPDATE project_allocations SET pinned = true WHERE project_id = $1`, [project.id]);
    await tx.query(
      `UPDATE resource_items SET status = 'matched'
       WHERE id IN (SELECT resource_item_pk FROM project_allocations WHERE project_id = $1)`,
      [project.id],
    );
    if (project.demandItemPk !== null) {
      await tx.query(`UPDATE demand_items SET status = 'matched' WHERE id = $1`, [project.demandItemPk]);
    }
  }

  /** Nobody claimed an expired project: its items go back to the pool for the next round. */
  async releaseResources(tx: Tx, project: LockedProject): Promise<void> {
    await tx.query(`UPDATE project_allocations SET pinned = false WHERE project_id = $1`, [project.id]);
    await tx.query(
      `UPDATE resource_items ri SET status = 'open'
       WHERE ri.id IN (SELECT resource_item_pk FROM project_allocations WHERE project_id = $1)
         AND NOT EXISTS (
           SELECT 1 FROM project_allocations pa JOIN projects p ON p.id = pa.project_id
           WHERE pa.resource_item_pk = ri.id AND p.id <> $1
             AND p.status IN ${sqlList(WORK_IN_FLIGHT_STATUSES)})`,
      [project.id],
    );
    if (project.demandItemPk !== null) {
      await tx.query(`UPDATE demand_items SET status = 'open' WHERE id = $1`, [project.demandItemPk]);
    }
  }

  /** What a resource item can still give, outside `exceptProjectId`'s own allocation. */
  async remainingCapacity(tx: Tx, resourceItemPk: string, exceptProjectId: string): Promise<number> {
    const [row] = (await tx.query(
      `SELECT ri.quantity - coalesce((
           SELECT sum(pa.quantity) FROM project_allocations pa JOIN projects p ON p.id = pa.project_id
           WHERE pa.resource_item_pk = ri.id AND p.id <> $2
             AND (p.status IN ${sqlList(HOLDING_STATUSES)}
                  OR (p.status = 'proposed' AND pa.pinned))
         ), 0)::int AS remaining
       FROM resource_items ri WHERE ri.id = $1`,
      [resourceItemPk, exceptProjectId],
    )) as Array<{ remaining: number }>;
    return row?.remaining ?? 0;
  }

  /** Sets one allocation's quantity (a coordinator's edit, pinned so rounds keep it). */
  async setAllocation(tx: Tx, projectId: string, resourceItemPk: string, quantity: number): Promise<void> {
    await tx.query(
      `UPDATE project_allocations SET quantity = $3 WHERE project_id = $1 AND resource_item_pk = $2`,
      [projectId, resourceItemPk, quantity],
    );
    // The whole edited proposal is frozen: later rounds leave it as the coordinator set it.
    await tx.query(`UPDATE project_allocations SET pinned = true WHERE project_id = $1`, [projectId]);
    await tx.query(
      `UPDATE projects SET unmet = greatest(0, requested - (
         SELECT coalesce(sum(quantity), 0) FROM project_allocations WHERE project_id = $1))
       WHERE id = $1`,
      [projectId],
    );
  }

  /** Replaces one allocation by another resource item (a coordinator's swap), pinned like an edit. */
  async swapAllocation(
    tx: Tx,
    projectId: string,
    fromResourceItemPk: string,
    to: AllocationRow,
  ): Promise<void> {
    await tx.query(`DELETE FROM project_allocations WHERE project_id = $1 AND resource_item_pk = $2`, [
      projectId,
      fromResourceItemPk,
    ]);
    await tx.query(
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
    await this.setAllocation(tx, projectId, to.resourceItemPk, to.quantity);
  }
}
