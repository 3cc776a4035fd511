import type { Tx } from '../transaction';
import { HOLDING_PROJECT as HOLDING, LIVE_PROJECT as LIVE } from './project-status.sql';

/*
 * 总览 the overview of an alliance, for the joint meeting's wall screen. Quantities are only
 * ever added up within one unit of measure (人, 份, 平方米·天 ...): 30 meals and 700 square-metre
 * days make no sum. Coverage across units is therefore counted in demands — how many are fully
 * allocated or fully claimed, and how large a share of each is claimed.
 */

/** One row per demand item: what it asked, in which unit, what live projects allocate, what units claimed. */
const DEMAND_FIGURES = `
  SELECT l.submitter_id, l.submitter_name, di.category, di.quantity_unit, di.quantity AS requested,
    coalesce((SELECT sum(pa.quantity) FROM projects p JOIN project_allocations pa ON pa.project_id = p.id
              WHERE p.demand_item_pk = di.id AND ${LIVE}), 0) AS allocated,
    coalesce((SELECT sum(c.accepted_quantity) FROM projects p JOIN claims c ON c.project_id = p.id
              WHERE p.demand_item_pk = di.id AND ${LIVE} AND c.decision = 'accepted'), 0) AS claimed
  FROM demand_items di JOIN lists l ON l.id = di.list_pk
  WHERE l.alliance_id = $1 AND l.kind = 'demand'`;

/** One row per resource item: what it offers, in which unit, and what approved or later projects hold of it. */
const RESOURCE_FIGURES = `
  SELECT ri.category, ri.quantity_unit, ri.quantity AS offered,
    coalesce((SELECT sum(pa.quantity) FROM project_allocations pa JOIN projects p ON p.id = pa.project_id
              WHERE pa.resource_item_pk = ri.id AND ${HOLDING}), 0) AS used
  FROM resource_items ri JOIN lists l ON l.id = ri.list_pk
  WHERE l.alliance_id = $1 AND l.kind = 'resource'`;

/** Demands of a group (rows of DEMAND_FIGURES as d) counted: all, fully allocated, fully claimed. */
const DEMAND_COUNTS = `count(*)::int AS demands,
  count(*) FILTER (WHERE d.allocated >= d.requested)::int AS "fullyAllocated",
  count(*) FILTER (WHERE d.claimed >= d.requested)::int AS "fullyClaimed"`;

/**
 * How much of a demand accepted claims cover: nothing, less than half, half or more, all of it.
 * The bands partition the demands, so their counts add up to the number of demands.
 */
export const CLAIMED_SHARE_BANDS = ['none', 'under-half', 'half-or-more', 'all'] as const;
export type ClaimedShareBand = (typeof CLAIMED_SHARE_BANDS)[number];

const CLAIMED_SHARE_BAND_OF = `CASE WHEN d.claimed <= 0 THEN 'none'
  WHEN d.claimed * 2 < d.requested THEN 'under-half'
  WHEN d.claimed < d.requested THEN 'half-or-more'
  ELSE 'all' END`;

/** Demands counted for one group: all of them, those fully allocated, those fully claimed (已满足). */
export interface DemandCounts {
  demands: number;
  fullyAllocated: number;
  fullyClaimed: number;
}

export interface AllianceOverview {
  coverageByCommunity: Array<{ communityId: string; name: string } & DemandCounts>;
  coverageByCategory: Array<{ category: string } & DemandCounts>;
  /** Every demand in one band of its claimed share; always the four bands, in order. */
  demandsByClaimedShare: Array<{ band: ClaimedShareBand; count: number }>;
  /** Demand and supply per unit of measure, the only way their quantities add up. */
  quantitiesByUnit: Array<{
    quantityUnit: string;
    requested: number;
    allocated: number;
    claimed: number;
    offered: number;
    used: number;
  }>;
  supplyByCategory: Array<{ category: string; quantityUnit: string; offered: number; used: number }>;
  demandToClaimHours: {
    count: number;
    p50: number | null;
    p90: number | null;
    buckets: Array<{ label: string; count: number }>;
  };
  statusCounts: Record<string, number>;
  openHall: Array<{ projectId: string; title: string; quantity: number; quantityUnit: string; since: Date }>;
  units: Array<{ unitId: string; name: string; projects: number; points: number }>;
}

/** The overview's figures; the caller reads them in one snapshot (REPEATABLE READ), so they agree. */
export async function readAllianceOverview(tx: Tx, allianceId: string): Promise<AllianceOverview> {
  const coverageByCommunity: AllianceOverview['coverageByCommunity'] = await tx.query(
    `SELECT submitter_id AS "communityId", min(submitter_name) AS name, ${DEMAND_COUNTS}
     FROM (${DEMAND_FIGURES}) d GROUP BY submitter_id ORDER BY count(*) DESC, submitter_id`,
    [allianceId],
  );
  const coverageByCategory: AllianceOverview['coverageByCategory'] = await tx.query(
    `SELECT category, ${DEMAND_COUNTS}
     FROM (${DEMAND_FIGURES}) d GROUP BY category ORDER BY count(*) DESC, category`,
    [allianceId],
  );
  const bandRows: Array<{ band: ClaimedShareBand; count: number }> = await tx.query(
    `SELECT ${CLAIMED_SHARE_BAND_OF} AS band, count(*)::int AS count
     FROM (${DEMAND_FIGURES}) d GROUP BY 1`,
    [allianceId],
  );
  const quantitiesByUnit: AllianceOverview['quantitiesByUnit'] = await tx.query(
    `WITH demand AS (
       SELECT quantity_unit, sum(requested)::int AS requested, sum(allocated)::int AS allocated,
         sum(claimed)::int AS claimed
       FROM (${DEMAND_FIGURES}) d GROUP BY quantity_unit),
     supply AS (
       SELECT quantity_unit, sum(offered)::int AS offered, sum(used)::int AS used
       FROM (${RESOURCE_FIGURES}) r GROUP BY quantity_unit)
     SELECT coalesce(demand.quantity_unit, supply.quantity_unit) AS "quantityUnit",
       coalesce(demand.requested, 0) AS requested, coalesce(demand.allocated, 0) AS allocated,
       coalesce(demand.claimed, 0) AS claimed, coalesce(supply.offered, 0) AS offered,
       coalesce(supply.used, 0) AS used
     FROM demand FULL JOIN supply ON supply.quantity_unit = demand.quantity_unit
     ORDER BY coalesce(demand.requested, 0) DESC, coalesce(supply.offered, 0) DESC, 1`,
    [allianceId],
  );
  const supplyByCategory: AllianceOverview['supplyByCategory'] = await tx.query(
    `SELECT category, quantity_unit AS "quantityUnit", sum(offered)::int AS offered, sum(used)::int AS used
     FROM (${RESOURCE_FIGURES}) r GROUP BY category, quantity_unit
     ORDER BY sum(used)::numeric / sum(offered) DESC, category, quantity_unit`,
    [allianceId],
  );
  const waits: Array<{ hours: number }> = await tx.query(
    `SELECT extract(epoch FROM (first_claim.at - di.created_at)) / 3600 AS hours
     FROM projects p
     JOIN demand_items di ON di.id = p.demand_item_pk
     JOIN LATERAL (SELECT min(c.decided_at) AS at FROM claims c
                   WHERE c.project_id = p.id AND c.decision = 'accepted') first_claim ON first_claim.at IS NOT NULL
     WHERE p.alliance_id = $1`,
    [allianceId],
  );
  const statusRows: Array<{ status: string; count: number }> = await tx.query(
    `SELECT status, count(*)::int AS count FROM projects WHERE alliance_id = $1 GROUP BY status`,
    [allianceId],
  );
  const openHall: AllianceOverview['openHall'] = await tx.query(
    `SELECT p.id AS "projectId", di.title, p.requested - p.unmet AS quantity, di.quantity_unit AS "quantityUnit",
       min(o.created_at) AS since
     FROM projects p JOIN demand_items di ON di.id = p.demand_item_pk
     JOIN offers o ON o.project_id = p.id AND o.stage = 'open-hall' AND o.status = 'open'
     WHERE p.alliance_id = $1 AND p.status = 'offered'
     GROUP BY p.id, di.title, di.quantity_unit ORDER BY min(o.created_at)`,
    [allianceId],
  );
  const units: AllianceOverview['units'] = await tx.query(
    `WITH members AS (
       SELECT DISTINCT ON (submitter_id) submitter_id AS unit_id, submitter_name AS name
       FROM lists WHERE alliance_id = $1 AND submitter_kind = 'unit' ORDER BY submitter_id, updated_at DESC
     )
     SELECT m.unit_id AS "unitId", m.name,
       (SELECT count(DISTINCT c.project_id) FROM claims c JOIN projects p ON p.id = c.project_id
        WHERE c.unit_id = m.unit_id AND p.alliance_id = $1 AND c.decision = 'accepted')::int AS projects,
       coalesce((SELECT sum(pl.points) FROM points_ledger pl
                 WHERE pl.unit_id = m.unit_id AND pl.alliance_id = $1), 0)::int AS points
     FROM members m ORDER BY points DESC, projects DESC, m.unit_id`,
    [allianceId],
  );
  const bandCount = new Map(bandRows.map((row) => [row.band, row.count]));
  return {
    coverageByCommunity,
    coverageByCategory,
    demandsByClaimedShare: CLAIMED_SHARE_BANDS.map((band) => ({ band, count: bandCount.get(band) ?? 0 })),
    quantitiesByUnit,
    supplyByCategory,
    demandToClaimHours: summariseWaits(waits.map((row) => Number(row.hours))),
    statusCounts: Object.fromEntries(statusRows.map((row) => [row.status, row.count])),
    openHall,
    units,
  };
}

/** Median, 90th percentile and a histogram of waits, in hours. */
export function summariseWaits(hours: number[]): AllianceOverview['demandToClaimHours'] {
  const sorted = [...hours].sort((a, b) => a - b);
  const quantile = (q: number) =>
    sorted.length === 0
      ? null
      : Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10;
  const edges: Array<[string, number]> = [
    ['<1h', 1],
    ['1–6h', 6],
    ['6–24h', 24],
    ['1–3d', 72],
    ['3–7d', 168],
    ['>7d', Infinity],
  ];
  const buckets = edges.map(([label]) => ({ label, count: 0 }));
  for (const value of sorted) buckets[edges.findIndex(([, limit]) => value < limit)]!.count += 1;
  return { count: sorted.length, p50: quantile(0.5), p90: quantile(0.9), buckets };
}
