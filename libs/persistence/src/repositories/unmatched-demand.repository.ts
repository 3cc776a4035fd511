import type { Tx } from '../transaction';

/** The unmatched demands of a round, replaced per alliance. All SQL for them lives here. */
export class UnmatchedDemandRepository {
  /**
   * Makes the alliance's rows equal `found`, touching only rows that changed, so a round
   * that finds the same as the last one writes nothing.
   */
  async replace(
    tx: Tx,
    allianceId: string,
    found: ReadonlyArray<{ demandId: string; reason: string }>,
  ): Promise<void> {
    const ids = found.map((entry) => entry.demandId);
    const reasons = found.map((entry) => entry.reason);
    await tx.query(
      `DELETE FROM unmatched_demands WHERE alliance_id = $1 AND NOT (demand_item_pk = ANY($2::bigint[]))`,
      [allianceId, ids],
    );
    await tx.query(
      `INSERT INTO unmatched_demands (demand_item_pk, alliance_id, reason)
       SELECT id, $1, reason FROM unnest($2::bigint[], $3::text[]) AS found(id, reason)
       ON CONFLICT (demand_item_pk) DO UPDATE SET reason = EXCLUDED.reason, found_at = now()
         WHERE unmatched_demands.reason IS DISTINCT FROM EXCLUDED.reason`,
      [allianceId, ids, reasons],
    );
  }
}
