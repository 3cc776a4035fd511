import type { EntityManager } from 'typeorm';

export interface OfferRow {
  id: string;
  projectId: string;
  unitId: string;
  quantity: number;
  stage: 'paired' | 'open-hall';
  status: string;
  expiresAt: Date;
}

export interface StoredClaim {
  decision: 'accepted' | 'rejected';
  answer: object;
}

/** Offers and claims (认领). All their SQL lives here. */
export class ClaimsRepository {
  async createOffers(
    manager: EntityManager,
    projectId: string,
    offers: Array<{ unitId: string; quantity: number; stage: 'paired' | 'open-hall'; expiresAt: Date }>,
  ): Promise<OfferRow[]> {
    if (offers.length === 0) return [];
    return manager.query(
      `INSERT INTO offers (project_id, unit_id, quantity, stage, expires_at)
       SELECT $1, o."unitId", o.quantity, o.stage, o."expiresAt"
       FROM jsonb_to_recordset($2::jsonb) AS o("unitId" text, quantity integer, stage text, "expiresAt" timestamptz)
       ON CONFLICT (project_id, unit_id, stage) DO NOTHING
       RETURNING id, project_id AS "projectId", unit_id AS "unitId", quantity, stage, status, expires_at AS "expiresAt"`,
      [projectId, JSON.stringify(offers)],
    );
  }

  /** The open offer to `unitId` on a project, if any (open hall before paired: it is the later one). */
  async openOffer(manager: EntityManager, projectId: string, unitId: string): Promise<OfferRow | undefined> {
    const [row] = (await manager.query(
      `SELECT id, project_id AS "projectId", unit_id AS "unitId", quantity, stage, status, expires_at AS "expiresAt"
       FROM offers WHERE project_id = $1 AND unit_id = $2 AND status = 'open'
       ORDER BY stage = 'open-hall' DESC LIMIT 1`,
      [projectId, unitId],
    )) as OfferRow[];
    return row;
  }

  /** An offer, locked for the rest of the transaction. */
  async offerById(manager: EntityManager, offerId: string): Promise<OfferRow | undefined> {
    const [row] = (await manager.query(
      `SELECT id, project_id AS "projectId", unit_id AS "unitId", quantity, stage, status, expires_at AS "expiresAt"
       FROM offers WHERE id = $1 FOR UPDATE`,
      [offerId],
    )) as OfferRow[];
    return row;
  }

  /** Accepted claims of a project by unit, for sharing out points. */
  async acceptedShares(
    manager: EntityManager,
    projectId: string,
  ): Promise<Array<{ unitId: string; quantity: number }>> {
    return manager.query(
      `SELECT unit_id AS "unitId", accepted_quantity AS quantity FROM claims
       WHERE project_id = $1 AND decision = 'accepted' ORDER BY unit_id`,
      [projectId],
    );
  }

  /** Credits points (积分); once per project and unit, so a retried completion credits nothing twice. */
  async creditPoints(
    manager: EntityManager,
    allianceId: string,
    projectId: string,
    credits: Array<{ unitId: string; points: number }>,
    reason: string,
  ): Promise<void> {
    if (credits.length === 0) return;
    await manager.query(
      `INSERT INTO points_ledger (alliance_id, unit_id, project_id, points, reason)
       SELECT $1, c."unitId", $2, c.points, $3 FROM jsonb_to_recordset($4::jsonb) AS c("unitId" text, points integer)
       ON CONFLICT (project_id, unit_id) DO NOTHING`,
      [allianceId, projectId, reason, JSON.stringify(credits)],
    );
  }

  async pointsOf(
    manager: EntityManager,
    allianceId: string,
    unitId: string,
  ): Promise<{
    total: number;
    entries: Array<{ projectId: string; points: number; reason: string; at: Date }>;
  }> {
    const entries: Array<{ projectId: string; points: number; reason: string; at: Date }> =
      await manager.query(
        `SELECT project_id AS "projectId", points, reason, at FROM points_ledger
       WHERE alliance_id = $1 AND unit_id = $2 ORDER BY at, id`,
        [allianceId, unitId],
      );
    return { total: entries.reduce((sum, entry) => sum + entry.points, 0), entries };
  }

  async closeOffer(
    manager: EntityManager,
    offerId: string,
    status: 'claimed' | 'declined' | 'expired',
  ): Promise<void> {
    await manager.query(`UPDATE offers SET status = $2 WHERE id = $1`, [offerId, status]);
  }

  async closeOpenOffers(
    manager: EntityManager,
    projectId: string,
    status: 'expired' | 'withdrawn',
  ): Promise<void> {
    await manager.query(`UPDATE offers SET status = $2 WHERE project_id = $1 AND status = 'open'`, [
      projectId,
      status,
    ]);
  }

  /** Projects with an open offer past its expiry. Each is then handled under its row lock, so two instances sweeping at once act once. */
  async projectsWithExpiredOffers(manager: EntityManager, now: Date, limit: number): Promise<string[]> {
    const rows: Array<{ project_id: string }> = await manager.query(
      `SELECT DISTINCT o.project_id FROM offers o JOIN projects p ON p.id = o.project_id
       WHERE o.status = 'open' AND o.expires_at <= $1 AND p.status = 'offered'
       LIMIT $2`,
      [now, limit],
    );
    return rows.map((row) => row.project_id);
  }

  async offers(manager: EntityManager, projectId: string): Promise<OfferRow[]> {
    return manager.query(
      `SELECT id, project_id AS "projectId", unit_id AS "unitId", quantity, stage, status, expires_at AS "expiresAt"
       FROM offers WHERE project_id = $1 ORDER BY stage, unit_id`,
      [projectId],
    );
  }

  async findClaim(manager: EntityManager, unitId: string, claimId: string): Promise<StoredClaim | undefined> {
    const [row] = (await manager.query(
      `SELECT decision, answer FROM claims WHERE unit_id = $1 AND claim_id = $2`,
      [unitId, claimId],
    )) as StoredClaim[];
    return row;
  }

  async acceptedQuantity(
    manager: EntityManager,
    projectId: string,
  ): Promise<{ total: number; units: Set<string> }> {
    const rows: Array<{ unit_id: string; accepted_quantity: number }> = await manager.query(
      `SELECT unit_id, accepted_quantity FROM claims WHERE project_id = $1 AND decision = 'accepted'`,
      [projectId],
    );
    return {
      total: rows.reduce((sum, row) => sum + row.accepted_quantity, 0),
      units: new Set(rows.map((row) => row.unit_id)),
    };
  }

  async recordClaim(
    manager: EntityManager,
    claim: {
      claimId: string;
      unitId: string;
      projectId: string | null;
      requestedQuantity: number;
      acceptedQuantity: number;
      decision: 'accepted' | 'rejected';
      code: string | null;
      reason: string | null;
      answer: object;
    },
  ): Promise<void> {
    await manager.query(
      `INSERT INTO claims (claim_id, unit_id, project_id, requested_quantity, accepted_quantity, decision, code, reason, answer)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        claim.claimId,
        claim.unitId,
        claim.projectId,
        claim.requestedQuantity,
        claim.acceptedQuantity,
        claim.decision,
        claim.code,
        claim.reason,
        JSON.stringify(claim.answer),
      ],
    );
  }

  /** Units of the alliance with an open resource item that fits the demand's category and unit. */
  async openHallUnits(manager: EntityManager, projectId: string): Promise<string[]> {
    const rows: Array<{ unit_id: string }> = await manager.query(
      `SELECT DISTINCT rl.submitter_id AS unit_id
       FROM projects p
       JOIN demand_items di ON di.id = p.demand_item_pk
       JOIN lists rl ON rl.alliance_id = p.alliance_id AND rl.kind = 'resource'
       JOIN resource_items ri ON ri.list_pk = rl.id
       WHERE p.id = $1 AND ri.status IN ('open', 'matched')
         AND ri.category = di.category AND ri.quantity_unit = di.quantity_unit
       ORDER BY 1`,
      [projectId],
    );
    return rows.map((row) => row.unit_id);
  }
}
