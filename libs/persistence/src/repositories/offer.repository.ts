import type { Tx } from '../transaction';
import { sentByAdmittedMember } from './roster.repository';

export interface OfferRow {
  id: string;
  projectId: string;
  unitId: string;
  quantity: number;
  stage: 'paired' | 'open-hall';
  status: 'open' | 'claimed' | 'declined' | 'expired' | 'withdrawn';
  expiresAt: Date;
  declineReason?: string;
}

/** Offers (认领 invitations) to units: paired first, then the open hall. All SQL for offers lives here. */
export class OfferRepository {
  /** Inserts new offers with the ids the aggregate gave them; returns those inserted (one per unit and stage). */
  async createOffers(
    tx: Tx,
    projectId: string,
    offers: Array<{
      id: string;
      unitId: string;
      quantity: number;
      stage: 'paired' | 'open-hall';
      expiresAt: Date;
    }>,
  ): Promise<OfferRow[]> {
    if (offers.length === 0) return [];
    return tx.query(
      `INSERT INTO offers (id, project_id, unit_id, quantity, stage, expires_at)
       SELECT o.id, $1, o."unitId", o.quantity, o.stage, o."expiresAt"
       FROM jsonb_to_recordset($2::jsonb)
         AS o(id uuid, "unitId" text, quantity integer, stage text, "expiresAt" timestamptz)
       ON CONFLICT (project_id, unit_id, stage) DO NOTHING
       RETURNING id, project_id AS "projectId", unit_id AS "unitId", quantity, stage, status, expires_at AS "expiresAt"`,
      [projectId, JSON.stringify(offers)],
    );
  }

  /** The open offer to `unitId` on a project, if any (open hall before paired: it is the later one). */
  async openOffer(tx: Tx, projectId: string, unitId: string): Promise<OfferRow | undefined> {
    const [row] = (await tx.query(
      `SELECT id, project_id AS "projectId", unit_id AS "unitId", quantity, stage, status, expires_at AS "expiresAt"
       FROM offers WHERE project_id = $1 AND unit_id = $2 AND status = 'open'
       ORDER BY stage = 'open-hall' DESC LIMIT 1`,
      [projectId, unitId],
    )) as OfferRow[];
    return row;
  }

  /** An offer, locked for the rest of the transaction. */
  async offerById(tx: Tx, offerId: string): Promise<OfferRow | undefined> {
    const [row] = (await tx.query(
      `SELECT id, project_id AS "projectId", unit_id AS "unitId", quantity, stage, status, expires_at AS "expiresAt"
       FROM offers WHERE id = $1 FOR UPDATE`,
      [offerId],
    )) as OfferRow[];
    return row;
  }

  async closeOffer(
    tx: Tx,
    offerId: string,
    status: 'claimed' | 'declined' | 'expired' | 'withdrawn',
    declineReason?: string,
  ): Promise<void> {
    await tx.query(`UPDATE offers SET status = $2, decline_reason = $3 WHERE id = $1`, [
      offerId,
      status,
      declineReason ?? null,
    ]);
  }

  async closeOpenOffers(tx: Tx, projectId: string, status: 'expired' | 'withdrawn'): Promise<void> {
    await tx.query(`UPDATE offers SET status = $2 WHERE project_id = $1 AND status = 'open'`, [
      projectId,
      status,
    ]);
  }

  /** Projects with an open offer past its expiry. Each is then handled under its row lock, so two instances sweeping at once act once. */
  async projectsWithExpiredOffers(tx: Tx, now: Date, limit: number): Promise<string[]> {
    const rows: Array<{ project_id: string }> = await tx.query(
      `SELECT DISTINCT o.project_id FROM offers o JOIN projects p ON p.id = o.project_id
       WHERE o.status = 'open' AND o.expires_at <= $1 AND p.status = 'offered'
       LIMIT $2`,
      [now, limit],
    );
    return rows.map((row) => row.project_id);
  }

  async offers(tx: Tx, projectId: string): Promise<OfferRow[]> {
    const rows = (await tx.query(
      `SELECT id, project_id AS "projectId", unit_id AS "unitId", quantity, stage, status, expires_at AS "expiresAt",
         decline_reason AS "declineReason"
       FROM offers WHERE project_id = $1 ORDER BY stage, unit_id`,
      [projectId],
    )) as Array<Omit<OfferRow, 'declineReason'> & { declineReason: string | null }>;
    // The aggregate's offers leave out a reason nobody gave.
    return rows.map(({ declineReason, ...row }) =>
      declineReason === null ? row : { ...row, declineReason },
    );
  }

  /** Admitted units of the alliance with an open resource item that fits the demand's category and unit. */
  async openHallUnits(tx: Tx, projectId: string): Promise<string[]> {
    const rows: Array<{ unit_id: string }> = await tx.query(
      `SELECT DISTINCT rl.submitter_id AS unit_id
       FROM projects p
       JOIN demand_items di ON di.id = p.demand_item_pk
       JOIN lists rl ON rl.alliance_id = p.alliance_id AND rl.kind = 'resource'
       JOIN resource_items ri ON ri.list_pk = rl.id
       WHERE p.id = $1 AND ri.status IN ('open', 'matched')
         AND ri.category = di.category AND ri.quantity_unit = di.quantity_unit
         AND ${sentByAdmittedMember('rl')}
       ORDER BY 1`,
      [projectId],
    );
    return rows.map((row) => row.unit_id);
  }
}
