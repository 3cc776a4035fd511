import type { Tx } from '../transaction';

export interface StoredAlliancePolicy {
  offerWindowMs: number | null;
  pointsPerProject: number | null;
  matching: Record<string, unknown>;
  /** Submitters not on the roster may register by sending a list (closed by default). */
  openRegistration: boolean;
  /** The IANA zone of its calendar dates; null: the deployment's default. */
  timeZone: string | null;
}

/** Alliances' own rules (see AlliancePolicyEntity). */
export class AlliancePolicyRepository {
  async get(tx: Tx, allianceId: string): Promise<StoredAlliancePolicy> {
    const [row] = (await tx.query(
      `SELECT offer_window_ms::float8 AS "offerWindowMs", points_per_project AS "pointsPerProject", matching,
         open_registration AS "openRegistration", time_zone AS "timeZone"
       FROM alliance_policies WHERE alliance_id = $1`,
      [allianceId],
    )) as StoredAlliancePolicy[];
    return (
      row ?? {
        offerWindowMs: null,
        pointsPerProject: null,
        matching: {},
        openRegistration: false,
        timeZone: null,
      }
    );
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

  /** Of the given alliances, those with a time zone of their own, and that zone. */
  async timeZonesOf(tx: Tx, allianceIds: string[]): Promise<Map<string, string>> {
    if (allianceIds.length === 0) return new Map();
    const rows = (await tx.query(
      `SELECT alliance_id, time_zone FROM alliance_policies
       WHERE alliance_id = ANY($1::text[]) AND time_zone IS NOT NULL`,
      [allianceIds],
    )) as Array<{ alliance_id: string; time_zone: string }>;
    return new Map(rows.map((row) => [row.alliance_id, row.time_zone]));
  }

  async put(tx: Tx, allianceId: string, policy: StoredAlliancePolicy): Promise<void> {
    await tx.query(
      `INSERT INTO alliance_policies
         (alliance_id, offer_window_ms, points_per_project, matching, open_registration, time_zone)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (alliance_id) DO UPDATE
         SET offer_window_ms = $2, points_per_project = $3, matching = $4, open_registration = $5,
           time_zone = $6, updated_at = now()`,
      [
        allianceId,
        policy.offerWindowMs,
        policy.pointsPerProject,
        JSON.stringify(policy.matching),
        policy.openRegistration,
        policy.timeZone,
      ],
    );
  }
}
