import { ENDED_WITHOUT_WORK_STATUSES, HOLDING_STATUSES, sqlList } from '@redcrowd/projects';
import type { Tx } from '../transaction';
import { completionOf, rejectionOf } from './project-outcomes.sql';

// A project in these statuses still stands for its demand; the others ended without work.
const LIVE = `p.status NOT IN ${sqlList(ENDED_WITHOUT_WORK_STATUSES)}`;
const HOLDING = `p.status IN ${sqlList(HOLDING_STATUSES)}`;

/** The newest live project of each demand item (a demand has at most one at a time). */
const REJECTION_JSON = `CASE WHEN rj.id IS NULL THEN NULL
    ELSE json_build_object('projectId', rj.id, 'reason', rj.reason, 'at', rj.at) END`;

/**
 * Who to call about a project, once a claim is accepted (and only then, only to the parties):
 * the roster member's name, contact person, phone and address.
 */
const contactOf = (alliance: string, kind: string, member: string) => `(SELECT json_build_object(
    'memberId', am.member_id, 'name', am.name, 'contactName', am.contact_name,
    'contactPhone', am.contact_phone, 'address', am.address)
  FROM alliance_members am WHERE am.alliance_id = ${alliance} AND am.member_kind = ${kind}
    AND am.member_id = ${member})`;

const LIVE_PROJECT_OF_DEMAND = `LEFT JOIN LATERAL (
    SELECT p.id, p.status, p.version, p.unmet, p.requested FROM projects p
    WHERE p.demand_item_pk = di.id AND ${LIVE} ORDER BY p.created_at DESC LIMIT 1
  ) lp ON true`;

export interface UnmetDemand {
  demandItemPk: string;
  itemId: string;
  title: string;
  category: string;
  urgency: string;
  submitterId: string;
  submitterName: string;
  quantity: number;
  unmet: number;
  quantityUnit: string;
  address: string | null;
  lat: number;
  lng: number;
  reason: string;
  /** The joint meeting's rejection of its newest project, when it was rejected. */
  rejection: { projectId: string; reason: string | null; at: Date } | null;
}

export interface AllianceOverview {
  coverageByCommunity: Array<{
    communityId: string;
    name: string;
    requested: number;
    allocated: number;
    claimed: number;
  }>;
  coverageByCategory: Array<{ category: string; requested: number; allocated: number; claimed: number }>;
  supplyByCategory: Array<{ category: string; offered: number; used: number }>;
  demandToClaimHours: {
    count: number;
    p50: number | null;
    p90: number | null;
    buckets: Array<{ label: string; count: number }>;
  };
  statusCounts: Record<string, number>;
  openHall: Array<{ projectId: string; title: string; quantity: number; quantityUnit: string; since: Date }>;
  units: Array<{ unitId: string; name: string; claimed: number; projects: number; points: number }>;
}

export interface AllianceMap {
  demands: Array<{
    id: string;
    title: string;
    category: string;
    lat: number;
    lng: number;
    quantity: number;
    unmet: number;
    status: string;
  }>;
  resources: Array<{
    id: string;
    title: string;
    category: string;
    unitName: string;
    lat: number;
    lng: number;
    radiusKm: number;
    capacity: number;
    used: number;
  }>;
  links: Array<{ resourceId: string; demandId: string; quantity: number; status: string }>;
}

/** A member as the roster keeps it, for its own screens. */
export interface MemberProfile {
  name: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  contactName: string | null;
  contactPhone: string | null;
}

/**
 * One of a unit's stored 资源清单 at its latest revision: the items it holds now (the new
 * revision's, and any that later work holds from earlier ones) shaped as the
 * resource-lists.submitted.v1 contract has them, so a form can send them back revised.
 */
export interface StoredResourceList {
  listId: string;
  revision: number;
  allianceId: string;
  unit: { id: string; name: string };
  submittedAt: Date;
  items: Array<{
    itemId: string;
    category: string;
    title: string;
    description?: string;
    quantity: number;
    unit: string;
    location: { lat: number; lng: number; address?: string };
    serviceRadiusKm: number;
    available: { from: string; to: string };
    tags?: string[];
  }>;
  /** Items that matching or a claim holds: a new revision keeps them as they are. */
  heldItemIds: string[];
}

/**
 * Read models of the dashboard: overview figures, the map, unmet demands, and what one
 * unit or community sees. Every query is bounded to one alliance. All SQL for them lives here.
 */
export class DashboardRepository {
  /** Every alliance that has lists, for an admin to choose from. */
  async alliances(
    tx: Tx,
  ): Promise<Array<{ allianceId: string; resourceLists: number; demandLists: number; projects: number }>> {
    return tx.query(
      `SELECT l.alliance_id AS "allianceId",
         count(*) FILTER (WHERE l.kind = 'resource')::int AS "resourceLists",
         count(*) FILTER (WHERE l.kind = 'demand')::int AS "demandLists",
         (SELECT count(*) FROM projects p WHERE p.alliance_id = l.alliance_id)::int AS projects
       FROM lists l GROUP BY l.alliance_id ORDER BY l.alliance_id`,
    );
  }

  /** Open demands not fully served, with why: the round's reason, partly met, or not matched yet. */
  async unmet(tx: Tx, allianceId: string): Promise<UnmetDemand[]> {
    return tx.query(
      `SELECT di.id::text AS "demandItemPk", di.item_id AS "itemId", di.title, di.category, di.urgency,
         l.submitter_id AS "submitterId", l.submitter_name AS "submitterName", di.quantity,
         coalesce(lp.unmet, di.quantity) AS unmet, di.quantity_unit AS "quantityUnit", di.address, di.lat, di.lng,
         CASE WHEN ud.reason IS NOT NULL THEN ud.reason
              WHEN lp.id IS NOT NULL THEN 'partly-met'
              WHEN rj.id IS NOT NULL THEN 'rejected'
              ELSE 'not-matched-yet' END AS reason,
         ${REJECTION_JSON} AS rejection
       FROM demand_items di
       JOIN lists l ON l.id = di.list_pk
       LEFT JOIN unmatched_demands ud ON ud.demand_item_pk = di.id
       ${LIVE_PROJECT_OF_DEMAND}
       ${rejectionOf('di.id', 'rj')}
       WHERE l.alliance_id = $1 AND l.kind = 'demand' AND di.status IN ('open', 'matched')
         AND (lp.id IS NULL OR lp.unmet > 0)
       ORDER BY CASE di.urgency WHEN 'critical' THEN 0 WHEN 'urgent' THEN 1 ELSE 2 END, di.id`,
      [allianceId],
    );
  }

  async overview(tx: Tx, allianceId: string): Promise<AllianceOverview> {
    // One row per demand item: what it asked, what live projects allocate, what units claimed.
    const demandFigures = `
      SELECT l.submitter_id, l.submitter_name, di.category, di.quantity AS requested,
        coalesce((SELECT sum(pa.quantity) FROM projects p JOIN project_allocations pa ON pa.project_id = p.id
                  WHERE p.demand_item_pk = di.id AND ${LIVE}), 0) AS allocated,
        coalesce((SELECT sum(c.accepted_quantity) FROM projects p JOIN claims c ON c.project_id = p.id
                  WHERE p.demand_item_pk = di.id AND ${LIVE} AND c.decision = 'accepted'), 0) AS claimed
      FROM demand_items di JOIN lists l ON l.id = di.list_pk
      WHERE l.alliance_id = $1 AND l.kind = 'demand'`;
    const coverageByCommunity: AllianceOverview['coverageByCommunity'] = await tx.query(
      `SELECT submitter_id AS "communityId", min(submitter_name) AS name, sum(requested)::int AS requested,
         sum(allocated)::int AS allocated, sum(claimed)::int AS claimed
       FROM (${demandFigures}) d GROUP BY submitter_id ORDER BY sum(requested) DESC, submitter_id`,
      [allianceId],
    );
    const coverageByCategory: AllianceOverview['coverageByCategory'] = await tx.query(
      `SELECT category, sum(requested)::int AS requested, sum(allocated)::int AS allocated, sum(claimed)::int AS claimed
       FROM (${demandFigures}) d GROUP BY category ORDER BY sum(requested) DESC, category`,
      [allianceId],
    );
    const supplyByCategory: AllianceOverview['supplyByCategory'] = await tx.query(
      `SELECT ri.category, sum(ri.quantity)::int AS offered,
         coalesce(sum((SELECT sum(pa.quantity) FROM project_allocations pa JOIN projects p ON p.id = pa.project_id
                       WHERE pa.resource_item_pk = ri.id AND ${HOLDING})), 0)::int AS used
       FROM resource_items ri JOIN lists l ON l.id = ri.list_pk
       WHERE l.alliance_id = $1 AND l.kind = 'resource'
       GROUP BY ri.category ORDER BY sum(ri.quantity) DESC, ri.category`,
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
         coalesce((SELECT sum(c.accepted_quantity) FROM claims c JOIN projects p ON p.id = c.project_id
                   WHERE c.unit_id = m.unit_id AND p.alliance_id = $1 AND c.decision = 'accepted'), 0)::int AS claimed,
         (SELECT count(DISTINCT c.project_id) FROM claims c JOIN projects p ON p.id = c.project_id
          WHERE c.unit_id = m.unit_id AND p.alliance_id = $1 AND c.decision = 'accepted')::int AS projects,
         coalesce((SELECT sum(pl.points) FROM points_ledger pl
                   WHERE pl.unit_id = m.unit_id AND pl.alliance_id = $1), 0)::int AS points
       FROM members m ORDER BY points DESC, claimed DESC, m.unit_id`,
      [allianceId],
    );
    return {
      coverageByCommunity,
      coverageByCategory,
      supplyByCategory,
      demandToClaimHours: summariseWaits(waits.map((row) => Number(row.hours))),
      statusCounts: Object.fromEntries(statusRows.map((row) => [row.status, row.count])),
      openHall,
      units,
    };
  }

  async map(tx: Tx, allianceId: string): Promise<AllianceMap> {
    const demands: AllianceMap['demands'] = await tx.query(
      `SELECT di.id::text AS id, di.title, di.category, di.lat, di.lng, di.quantity,
         coalesce(lp.unmet, di.quantity) AS unmet, coalesce(lp.status, 'unmatched') AS status
       FROM demand_items di JOIN lists l ON l.id = di.list_pk
       ${LIVE_PROJECT_OF_DEMAND}
       WHERE l.alliance_id = $1 AND l.kind = 'demand' ORDER BY di.id`,
      [allianceId],
    );
    const resources: AllianceMap['resources'] = await tx.query(
      `SELECT ri.id::text AS id, ri.title, ri.category, l.submitter_name AS "unitName", ri.lat, ri.lng,
         ri.service_radius_km AS "radiusKm", ri.quantity AS capacity,
         coalesce((SELECT sum(pa.quantity) FROM project_allocations pa JOIN projects p ON p.id = pa.project_id
                   WHERE pa.resource_item_pk = ri.id AND ${HOLDING}), 0)::int AS used
       FROM resource_items ri JOIN lists l ON l.id = ri.list_pk
       WHERE l.alliance_id = $1 AND l.kind = 'resource' ORDER BY ri.id`,
      [allianceId],
    );
    const links: AllianceMap['links'] = await tx.query(
      `SELECT pa.resource_item_pk::text AS "resourceId", p.demand_item_pk::text AS "demandId",
         pa.quantity, p.status
       FROM projects p JOIN project_allocations pa ON pa.project_id = p.id
       WHERE p.alliance_id = $1 AND ${LIVE} AND p.demand_item_pk IS NOT NULL ORDER BY pa.id`,
      [allianceId],
    );
    return { demands, resources, links };
  }

  /** A unit's offers, newest first, with the project they are for. */
  async offersOfUnit(tx: Tx, allianceId: string, unitId: string): Promise<object[]> {
    return tx.query(
      `SELECT o.id AS "offerId", o.project_id AS "projectId", o.status, o.stage, o.quantity,
         o.expires_at AS "expiresAt",
         json_build_object('status', p.status, 'version', p.version, 'title', di.title, 'category', di.category,
           'quantityUnit', di.quantity_unit, 'address', di.address, 'submitterName', l.submitter_name,
           'windowFrom', di.window_from, 'windowTo', di.window_to) AS project
       FROM offers o JOIN projects p ON p.id = o.project_id
       JOIN demand_items di ON di.id = p.demand_item_pk JOIN lists l ON l.id = di.list_pk
       WHERE p.alliance_id = $1 AND o.unit_id = $2
       ORDER BY o.created_at DESC, o.id`,
      [allianceId, unitId],
    );
  }

  /** A unit's claims on the alliance's projects, newest first. */
  async claimsOfUnit(tx: Tx, allianceId: string, unitId: string): Promise<object[]> {
    return tx.query(
      `SELECT c.claim_id AS "claimId", c.project_id AS "projectId", c.requested_quantity AS quantity,
         c.accepted_quantity AS "acceptedQuantity", c.decision, c.code, c.reason, c.decided_at AS at,
         p.status AS "projectStatus", di.title, dl.submitter_name AS "submitterName",
         CASE WHEN c.decision = 'accepted' THEN ${contactOf('dl.alliance_id', 'dl.submitter_kind', 'dl.submitter_id')}
           END AS contact,
         CASE WHEN done.at IS NULL THEN NULL
           ELSE json_build_object('at', done.at, 'rating', done.rating, 'note', done.note) END AS completion
       FROM claims c JOIN projects p ON p.id = c.project_id
       LEFT JOIN demand_items di ON di.id = p.demand_item_pk
       LEFT JOIN lists dl ON dl.id = di.list_pk
       ${completionOf('p.id', 'done')}
       WHERE p.alliance_id = $1 AND c.unit_id = $2
       ORDER BY c.decided_at DESC, c.id DESC`,
      [allianceId, unitId],
    );
  }

  /** The signed-in member's own roster entry: where it is and who to call (the demand form starts there). */
  async memberProfile(
    tx: Tx,
    allianceId: string,
    kind: 'unit' | 'community',
    memberId: string,
  ): Promise<MemberProfile | null> {
    const [row] = (await tx.query(
      `SELECT name, address, lat, lng, contact_name AS "contactName", contact_phone AS "contactPhone"
       FROM alliance_members WHERE alliance_id = $1 AND member_kind = $2 AND member_id = $3`,
      [allianceId, kind, memberId],
    )) as MemberProfile[];
    return row ?? null;
  }

  /** A unit's resource lists with their current items, most recently changed first. */
  async resourceListsOf(tx: Tx, allianceId: string, unitId: string): Promise<StoredResourceList[]> {
    // json_strip_nulls drops an absent description or address; empty tags are left out likewise.
    return tx.query(
      `SELECT l.list_id AS "listId", l.revision, l.alliance_id AS "allianceId",
         json_build_object('id', l.submitter_id, 'name', l.submitter_name) AS unit,
         l.submitted_at AS "submittedAt",
         coalesce(json_agg(json_strip_nulls(json_build_object(
             'itemId', ri.item_id, 'category', ri.category, 'title', ri.title,
             'description', ri.description, 'quantity', ri.quantity, 'unit', ri.quantity_unit,
             'location', json_build_object('lat', ri.lat, 'lng', ri.lng, 'address', ri.address),
             'serviceRadiusKm', ri.service_radius_km,
             'available', json_build_object('from', ri.available_from, 'to', ri.available_to),
             'tags', CASE WHEN cardinality(ri.tags) > 0 THEN to_json(ri.tags) END))
           ORDER BY ri.id) FILTER (WHERE ri.id IS NOT NULL), '[]') AS items,
         coalesce(array_agg(ri.item_id ORDER BY ri.id) FILTER (WHERE ri.status <> 'open'), '{}') AS "heldItemIds"
       FROM lists l LEFT JOIN resource_items ri ON ri.list_pk = l.id
       WHERE l.alliance_id = $1 AND l.kind = 'resource' AND l.submitter_kind = 'unit' AND l.submitter_id = $2
       GROUP BY l.id ORDER BY l.updated_at DESC, l.id`,
      [allianceId, unitId],
    );
  }

  /** A submitter's demand items (a community's, or a unit's) with their live project and, when unmatched, why. */
  async demandsOf(tx: Tx, allianceId: string, submitterId: string): Promise<object[]> {
    return tx.query(
      `SELECT di.id::text AS "demandItemPk", di.item_id AS "itemId", di.title, di.category, di.quantity,
         di.quantity_unit AS "quantityUnit", di.urgency,
         CASE WHEN lp.id IS NULL THEN NULL ELSE json_build_object(
           'projectId', lp.id, 'status', lp.status, 'version', lp.version, 'unmet', lp.unmet,
           'units', (SELECT coalesce(json_agg(DISTINCT rl.submitter_name), '[]') FROM project_allocations pa
                     JOIN resource_items ri ON ri.id = pa.resource_item_pk JOIN lists rl ON rl.id = ri.list_pk
                     WHERE pa.project_id = lp.id),
           'completion', CASE WHEN done.at IS NULL THEN NULL
             ELSE json_build_object('at', done.at, 'rating', done.rating, 'note', done.note) END,
           'contacts', (SELECT coalesce(json_agg(${contactOf('p2.alliance_id', "'unit'", 'c.unit_id')}
               ORDER BY c.decided_at, c.id), '[]')
             FROM claims c JOIN projects p2 ON p2.id = c.project_id
             WHERE c.project_id = lp.id AND c.decision = 'accepted')) END AS project,
         ud.reason AS "unmetReason",
         CASE WHEN lp.id IS NULL THEN ${REJECTION_JSON} END AS rejection
       FROM demand_items di JOIN lists l ON l.id = di.list_pk
       LEFT JOIN unmatched_demands ud ON ud.demand_item_pk = di.id
       ${LIVE_PROJECT_OF_DEMAND}
       ${completionOf('lp.id', 'done')}
       ${rejectionOf('di.id', 'rj')}
       WHERE l.alliance_id = $1 AND l.kind = 'demand' AND l.submitter_id = $2
       ORDER BY di.created_at DESC, di.id`,
      [allianceId, submitterId],
    );
  }
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
