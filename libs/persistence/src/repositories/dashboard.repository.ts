import type { Tx } from '../transaction';
import { readAllianceOverview, type AllianceOverview } from './alliance-overview.queries';
import {
  completionOf,
  ownWorkReport,
  rejectionOf,
  unitsYetToReportOn,
  workReportsOf,
} from './project-outcomes.sql';
import { HOLDING_PROJECT as HOLDING, LIVE_PROJECT as LIVE } from './project-status.sql';

export * from './alliance-overview.queries';

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

export interface AllianceMap {
  demands: Array<{
    id: string;
    title: string;
    category: string;
    lat: number;
    lng: number;
    quantity: number;
    quantityUnit: string;
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
    quantityUnit: string;
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

  /** 总览: the overview's figures (alliance-overview.queries.ts). */
  overview(tx: Tx, allianceId: string): Promise<AllianceOverview> {
    return readAllianceOverview(tx, allianceId);
  }

  async map(tx: Tx, allianceId: string): Promise<AllianceMap> {
    const demands: AllianceMap['demands'] = await tx.query(
      `SELECT di.id::text AS id, di.title, di.category, di.lat, di.lng, di.quantity,
         di.quantity_unit AS "quantityUnit", coalesce(lp.unmet, di.quantity) AS unmet, coalesce(lp.status, 'unmatched') AS status
       FROM demand_items di JOIN lists l ON l.id = di.list_pk
       ${LIVE_PROJECT_OF_DEMAND}
       WHERE l.alliance_id = $1 AND l.kind = 'demand' ORDER BY di.id`,
      [allianceId],
    );
    const resources: AllianceMap['resources'] = await tx.query(
      `SELECT ri.id::text AS id, ri.title, ri.category, l.submitter_name AS "unitName", ri.lat, ri.lng,
         ri.service_radius_km AS "radiusKm", ri.quantity AS capacity,
         ri.quantity_unit AS "quantityUnit",
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
         o.expires_at AS "expiresAt", o.decline_reason AS "declineReason",
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
           ELSE json_build_object('at', done.at, 'rating', done.rating, 'note', done.note) END AS completion,
         CASE WHEN c.decision = 'accepted' THEN ${ownWorkReport('c.project_id', 'c.unit_id', 'p.alliance_id')}
           END AS report
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
             WHERE c.project_id = lp.id AND c.decision = 'accepted'),
           'reports', ${workReportsOf('lp.id', 'l.alliance_id')},
           'awaitingReports', ${unitsYetToReportOn('lp.id', 'l.alliance_id')}) END AS project,
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
