import type { Tx } from '../transaction';

export interface StoredAlliancePolicy {
  offerWindowMs: number | null;
  pointsPerProject: number | null;
  matching: Record<string, unknown>;
}

/** Alliances' own rules (see AlliancePolicyEntity). */
export class AlliancePolicyRepository {
  async get(tx: Tx, allianceId: string): Promise<StoredAlliancePolicy> {
    const [row] = (await tx.query(
      `SELECT offer_window_ms::float8 AS "offerWindowMs", points_per_project AS "pointsPerProject", matching
       FROM alliance_policies WHERE alliance_id = $1`,
      [allianceId],
    )) as StoredAlliancePolicy[];
    return row ?? { offerWindowMs: null, pointsPerProject: null, matching: {} };
  }

  async put(tx: Tx, allianceId: string, policy: StoredAlliancePolicy): Promise<void> {
    await tx.query(
      `INSERT INTO alliance_policies (alliance_id, offer_window_ms, points_per_project, matching)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (alliance_id) DO UPDATE
         SET offer_window_ms = $2, points_per_project = $3, matching = $4, updated_at = now()`,
      [allianceId, policy.offerWindowMs, policy.pointsPerProject, JSON.stringify(policy.matching)],
    );
  }
}
