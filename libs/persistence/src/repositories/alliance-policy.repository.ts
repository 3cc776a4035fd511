import type { Tx } from '../transaction';

export interface StoredAlliancePolicy {
  offerWindowMs: number | null;
  pointsPerProject: number | null;
  matching: Record<string, unknown>;
  /** Submitters not on the roster may register by sending a list (closed by default). */
  openRegistration: boolean;
}

/** Alliances' own rules (see AlliancePolicyEntity). */
export class AlliancePolicyRepository {
  async get(tx: Tx, allianceId: string): Promise<StoredAlliancePolicy> {
    const [row] = (await tx.query(
      `SELECT offer_window_ms::float8 AS "offerWindowMs", points_per_project AS "pointsPerProject", matching,
         open_registration AS "openRegistration"
       FROM alliance_policies WHERE alliance_id = $1`,
      [allianceId],
    )) as StoredAlliancePolicy[];
    return row ?? { offerWindowMs: null, pointsPerProject: null, matching: {}, openRegistration: false };
  }

  /** Of the given alliances, those whose policy allows open registration. */
  async openRegistrationOf(tx: Tx, allianceIds: string[]): Promise<Set<string>> {
    if (allianceIds.length === 0) return new Set();
    const rows = (await tx.query(
      `SELECT alliance_id FROM alliance_policies WHERE alliance_id = ANY($1::text[]) AND open_registration`,
      [allianceIds],
    )) as Array<{ alliance_id: string }>;
    return new Set(rows.map((row) => row.alliance_id));
  }

  async put(tx: Tx, allianceId: string, policy: StoredAlliancePolicy): Promise<void> {
    await tx.query(
      `INSERT INTO alliance_policies (alliance_id, offer_window_ms, points_per_project, matching, open_registration)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (alliance_id) DO UPDATE
         SET offer_window_ms = $2, points_per_project = $3, matching = $4, open_registration = $5,
           updated_at = now()`,
      [
        allianceId,
        policy.offerWindowMs,
        policy.pointsPerProject,
        JSON.stringify(policy.matching),
        policy.openRegistration,
      ],
    );
  }
}
