import type { Tx } from '../transaction';

/** Projects (项目清单) counted for the metrics endpoint, across every alliance. */
export class ProjectCountsRepository {
  /** How many projects are in each status; statuses without a project are absent. */
  async byStatus(tx: Tx): Promise<Array<{ status: string; count: number }>> {
    return tx.query(`SELECT status, count(*)::int AS count FROM projects GROUP BY status ORDER BY status`);
  }
}
