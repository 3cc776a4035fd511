import { ALL_STATUSES, sqlList } from '@redcrowd/projects';
import { completionOf, unitNameOf } from './project-outcomes.sql';
import type {
  ClaimHistoryRow,
  ClaimerRow,
  CompletionRow,
  MonthlyProjectRow,
  PointsLedgerRow,
  UnitRankingRow,
} from '@redcrowd/spreadsheets';
import type { Tx } from '../transaction';

/*
 * What the exports and the joint meeting's monthly report read beyond the dashboard's own
 * read models: who claimed which project, the points ledger and the units' rankings, the
 * claims history, and a month's projects and completions. Every query is bounded to one
 * alliance. All SQL for them lives here.
 */

const COMPLETION = completionOf('p.id', 'done');

// The rows are what the export builders (libs/spreadsheets) take, so neither side restates the
// other's shape; the database hands times over as Dates.
export type AcceptedClaim = ClaimerRow & { projectId: string };
export type LedgerEntry = PointsLedgerRow & { at: Date };
export type UnitRanking = UnitRankingRow & { totalPoints: number };
export type ClaimRecord = ClaimHistoryRow & { at: Date };
/** A month's project, before its claims are joined in. */
export type MonthProject = Omit<MonthlyProjectRow, 'claims' | 'units' | 'createdAt'> & {
  units: string[];
  createdAt: Date;
};
/** A month's completion, before its claims are joined in. */
export type MonthCompletion = Omit<CompletionRow, 'claims' | 'completedAt'> & { completedAt: Date };

/** A half-open span of time [from, to); either end may be open. */
export interface Period {
  from?: Date;
  to?: Date;
}

export class ReportRepository {
  /** Accepted claims of the projects (decided before `before`, when given), by project and unit. */
  async acceptedClaims(
    tx: Tx,
    allianceId: string,
    projectIds: readonly string[],
    before?: Date,
  ): Promise<AcceptedClaim[]> {
    if (projectIds.length === 0) return [];
    return tx.query(
      `SELECT c.project_id::text AS "projectId", c.unit_id AS "unitId", ${unitNameOf('$1', 'c.unit_id')} AS "unitName",
         c.accepted_quantity AS quantity
       FROM claims c JOIN projects p ON p.id = c.project_id
       WHERE p.alliance_id = $1 AND c.project_id = ANY($2::uuid[]) AND c.decision = 'accepted'
         AND ($3::timestamptz IS NULL OR c.decided_at < $3)
       ORDER BY c.decided_at, c.id`,
      [allianceId, projectIds, before ?? null],
    );
  }

  /** The points ledger (积分明细) of the alliance, or of one unit, oldest first. */
  async ledger(tx: Tx, allianceId: string, unitId?: string): Promise<LedgerEntry[]> {
    return tx.query(
      `SELECT pl.at, pl.unit_id AS "unitId", ${unitNameOf('$1', 'pl.unit_id')} AS "unitName",
         pl.project_id::text AS "projectId", di.title AS "projectTitle", dl.submitter_name AS "submitterName",
         done.rating, pl.points
       FROM points_ledger pl
       LEFT JOIN projects p ON p.id = pl.project_id
       LEFT JOIN demand_items di ON di.id = p.demand_item_pk
       LEFT JOIN lists dl ON dl.id = di.list_pk
       ${COMPLETION}
       WHERE pl.alliance_id = $1 AND ($2::text IS NULL OR pl.unit_id = $2)
       ORDER BY pl.at, pl.id`,
      [allianceId, unitId ?? null],
    );
  }

  /**
   * Every member unit (a unit with lists, as the overview counts them) with its points,
   * claimed projects and completed projects in the period (all time without one), and its
   * points up to the period's end. Most points first.
   */
  async rankings(tx: Tx, allianceId: string, period: Period = {}): Promise<UnitRanking[]> {
    const within = (column: string) =>
      `($2::timestamptz IS NULL OR ${column} >= $2) AND ($3::timestamptz IS NULL OR ${column} < $3)`;
    return tx.query(
      `WITH members AS (
         SELECT DISTINCT ON (submitter_id) submitter_id AS unit_id, submitter_name AS name
         FROM lists WHERE alliance_id = $1 AND submitter_kind = 'unit' ORDER BY submitter_id, updated_at DESC
       )
       SELECT m.unit_id AS "unitId", m.name,
         coalesce((SELECT sum(pl.points) FROM points_ledger pl
                   WHERE pl.alliance_id = $1 AND pl.unit_id = m.unit_id AND ${within('pl.at')}), 0)::int AS points,
         (SELECT count(DISTINCT c.project_id) FROM claims c JOIN projects p ON p.id = c.project_id
          WHERE c.unit_id = m.unit_id AND p.alliance_id = $1 AND c.decision = 'accepted'
            AND ${within('c.decided_at')})::int AS projects,
         (SELECT count(DISTINCT p.id) FROM claims c JOIN projects p ON p.id = c.project_id
          JOIN project_events e ON e.project_id = p.id AND e.action = 'completed'
          WHERE c.unit_id = m.unit_id AND p.alliance_id = $1 AND c.decision = 'accepted'
            AND ${within('e.at')})::int AS completed,
         coalesce((SELECT sum(pl.points) FROM points_ledger pl
                   WHERE pl.alliance_id = $1 AND pl.unit_id = m.unit_id
                     AND ($3::timestamptz IS NULL OR pl.at < $3)), 0)::int AS "totalPoints"
       FROM members m ORDER BY points DESC, projects DESC, m.unit_id`,
      [allianceId, period.from ?? null, period.to ?? null],
    );
  }

  /** Claims (认领) on the alliance's projects, newest first, optionally of one unit or decision. */
  async claims(
    tx: Tx,
    allianceId: string,
    filters: { unitId?: string; decision?: string } = {},
  ): Promise<ClaimRecord[]> {
    return tx.query(
      `SELECT c.decided_at AS at, c.claim_id AS "claimId", c.unit_id AS "unitId",
         ${unitNameOf('$1', 'c.unit_id')} AS "unitName", c.project_id::text AS "projectId", di.title AS "projectTitle",
         dl.submitter_name AS "submitterName", c.requested_quantity AS quantity,
         c.accepted_quantity AS "acceptedQuantity", di.quantity_unit AS "quantityUnit", c.decision, c.code,
         p.status AS "projectStatus"
       FROM claims c JOIN projects p ON p.id = c.project_id
       LEFT JOIN demand_items di ON di.id = p.demand_item_pk
       LEFT JOIN lists dl ON dl.id = di.list_pk
       WHERE p.alliance_id = $1 AND ($2::text IS NULL OR c.unit_id = $2) AND ($3::text IS NULL OR c.decision = $3)
       ORDER BY c.decided_at DESC, c.id DESC`,
      [allianceId, filters.unitId ?? null, filters.decision ?? null],
    );
  }

  /**
   * Projects the month saw: created in it, or with an audit row in it (a decision, a claim's
   * status change, a completion), with the status they had when it ended.
   */
  async monthProjects(tx: Tx, allianceId: string, month: Required<Period>): Promise<MonthProject[]> {
    return tx.query(
      `SELECT p.id::text AS id, di.title, dl.submitter_name AS "submitterName", di.category, di.urgency,
         di.quantity_unit AS "quantityUnit", p.requested,
         coalesce((SELECT sum(pa.quantity) FROM project_allocations pa WHERE pa.project_id = p.id), 0)::int AS allocated,
         (SELECT coalesce(json_agg(DISTINCT coalesce(rl.submitter_name, pa.unit_id)), '[]')
          FROM project_allocations pa JOIN resource_items ri ON ri.id = pa.resource_item_pk
          JOIN lists rl ON rl.id = ri.list_pk WHERE pa.project_id = p.id) AS units,
         p.created_at AS "createdAt",
         coalesce((SELECT e.action FROM project_events e
                   WHERE e.project_id = p.id AND e.at < $3 AND e.action IN ${sqlList(ALL_STATUSES)}
                   ORDER BY e.at DESC, e.id DESC LIMIT 1), p.status) AS "statusAtEnd"
       FROM projects p
       LEFT JOIN demand_items di ON di.id = p.demand_item_pk
       LEFT JOIN lists dl ON dl.id = di.list_pk
       WHERE p.alliance_id = $1 AND p.created_at < $3
         AND (p.created_at >= $2 OR EXISTS (
           SELECT 1 FROM project_events e WHERE e.project_id = p.id AND e.at >= $2 AND e.at < $3))
       ORDER BY p.created_at, p.id`,
      [allianceId, month.from, month.to],
    );
  }

  /** Projects completed (验收) in the month, with the rating, the note and the points credited. */
  async monthCompletions(tx: Tx, allianceId: string, month: Required<Period>): Promise<MonthCompletion[]> {
    return tx.query(
      `SELECT p.id::text AS "projectId", done.at AS "completedAt", di.title, dl.submitter_name AS "submitterName",
         di.category, di.quantity_unit AS "quantityUnit", done.rating, done.note,
         coalesce((SELECT sum(pl.points) FROM points_ledger pl WHERE pl.project_id = p.id), 0)::int AS points
       FROM projects p
       LEFT JOIN demand_items di ON di.id = p.demand_item_pk
       LEFT JOIN lists dl ON dl.id = di.list_pk
       ${COMPLETION}
       WHERE p.alliance_id = $1 AND done.at >= $2 AND done.at < $3
       ORDER BY done.at, p.id`,
      [allianceId, month.from, month.to],
    );
  }
}
