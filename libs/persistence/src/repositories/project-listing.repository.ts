import type { Tx } from '../transaction';

export interface ProjectFilters {
  status?: string;
  submitterId?: string;
  category?: string;
  unitId?: string;
  urgency?: string;
}

/** A project as the review API lists it. */
export interface ProjectListing {
  id: string;
  allianceId: string;
  status: string;
  version: number;
  requested: number;
  unmet: number;
  demandItemId: string | null;
  demandListId: string | null;
  submitterId: string | null;
  submitterName: string | null;
  demand: {
    title: string;
    category: string;
    urgency: string;
    quantityUnit: string;
    address: string | null;
    lat: number;
    lng: number;
    windowFrom: string;
    windowTo: string;
  } | null;
  allocations: Array<{
    resourceItemPk: string;
    unitId: string;
    unitName: string | null;
    resourceTitle: string | null;
    /** What the resource item offers in all (its list's quantity). */
    resourceQuantity: number | null;
    quantity: number;
    score: number;
    explanation: unknown;
  }>;
  /** Its offers (认领 invitations), paired then open hall: who was asked, and how each ended. */
  offers: ProjectOffer[];
}

export interface ProjectOffer {
  offerId: string;
  unitId: string;
  unitName: string | null;
  stage: string;
  status: string;
  quantity: number;
  expiresAt: string;
  declineReason: string | null;
}

/** A project's offers as JSON, each with its unit's name (its resource list's, else the roster's). */
const OFFERS_OF_PROJECT = `(SELECT coalesce(json_agg(json_build_object('offerId', o.id, 'unitId', o.unit_id,
    'unitName', coalesce(
      (SELECT l.submitter_name FROM lists l WHERE l.alliance_id = p.alliance_id AND l.submitter_kind = 'unit'
         AND l.submitter_id = o.unit_id ORDER BY l.updated_at DESC LIMIT 1),
      (SELECT am.name FROM alliance_members am WHERE am.alliance_id = p.alliance_id AND am.member_kind = 'unit'
         AND am.member_id = o.unit_id)),
    'stage', o.stage, 'status', o.status, 'quantity', o.quantity, 'expiresAt', o.expires_at,
    'declineReason', o.decline_reason) ORDER BY o.stage DESC, o.created_at, o.unit_id), '[]')
  FROM offers o WHERE o.project_id = p.id)`;

/** Projects as coordinators read them: the filtered list and one project's detail with its audit trail. */
export class ProjectListingRepository {
  /** Projects of an alliance, filtered as the review screen asks (all filters optional). */
  async listForAlliance(tx: Tx, allianceId: string, filters: ProjectFilters): Promise<ProjectListing[]> {
    return tx.query(
      `SELECT p.id, p.alliance_id AS "allianceId", p.status, p.version, p.requested, p.unmet,
         di.item_id AS "demandItemId", dl.list_id AS "demandListId", dl.submitter_id AS "submitterId",
         dl.submitter_name AS "submitterName",
         CASE WHEN di.id IS NULL THEN NULL ELSE json_build_object('title', di.title, 'category', di.category,
           'urgency', di.urgency, 'quantityUnit', di.quantity_unit, 'address', di.address, 'lat', di.lat,
           'lng', di.lng, 'windowFrom', di.window_from, 'windowTo', di.window_to) END AS demand,
         coalesce(json_agg(json_build_object('resourceItemPk', pa.resource_item_pk::text, 'unitId', pa.unit_id,
           'unitName', rl.submitter_name, 'resourceTitle', ri.title, 'resourceQuantity', ri.quantity,
           'quantity', pa.quantity, 'score', pa.score, 'explanation', pa.explanation)
           ORDER BY pa.resource_item_pk) FILTER (WHERE pa.id IS NOT NULL), '[]') AS allocations,
         ${OFFERS_OF_PROJECT} AS offers
       FROM projects p
       LEFT JOIN demand_items di ON di.id = p.demand_item_pk
       LEFT JOIN lists dl ON dl.id = di.list_pk
       LEFT JOIN project_allocations pa ON pa.project_id = p.id
       LEFT JOIN resource_items ri ON ri.id = pa.resource_item_pk
       LEFT JOIN lists rl ON rl.id = ri.list_pk
       WHERE p.alliance_id = $1
         AND ($2::text IS NULL OR p.status = $2)
         AND ($3::text IS NULL OR dl.submitter_id = $3)
         AND ($4::text IS NULL OR di.category = $4)
         AND ($5::text IS NULL OR EXISTS (
           SELECT 1 FROM project_allocations u WHERE u.project_id = p.id AND u.unit_id = $5))
         AND ($6::text IS NULL OR di.urgency = $6)
       GROUP BY p.id, di.id, dl.list_id, dl.submitter_id, dl.submitter_name
       ORDER BY p.created_at, p.id`,
      [
        allianceId,
        filters.status ?? null,
        filters.submitterId ?? null,
        filters.category ?? null,
        filters.unitId ?? null,
        filters.urgency ?? null,
      ],
    );
  }

  async detail(tx: Tx, projectId: string): Promise<object | undefined> {
    const [project] = (await tx.query(
      `SELECT p.id, p.alliance_id AS "allianceId", p.status, p.version, p.requested, p.unmet,
         di.item_id AS "demandItemId", di.title AS "demandTitle", di.category, di.urgency,
         dl.list_id AS "demandListId", dl.submitter_id AS "submitterId",
         p.created_at AS "createdAt", p.updated_at AS "updatedAt", ${OFFERS_OF_PROJECT} AS offers
       FROM projects p
       LEFT JOIN demand_items di ON di.id = p.demand_item_pk
       LEFT JOIN lists dl ON dl.id = di.list_pk
       WHERE p.id = $1`,
      [projectId],
    )) as object[];
    if (!project) return undefined;
    const allocations = await tx.query(
      `SELECT pa.resource_item_pk::text AS "resourceItemPk", ri.item_id AS "resourceItemId",
         rl.list_id AS "resourceListId", pa.unit_id AS "unitId", pa.quantity, pa.score, pa.priority,
         pa.distance_km AS "distanceKm", pa.pinned, pa.explanation
       FROM project_allocations pa
       JOIN resource_items ri ON ri.id = pa.resource_item_pk
       JOIN lists rl ON rl.id = ri.list_pk
       WHERE pa.project_id = $1 ORDER BY pa.resource_item_pk`,
      [projectId],
    );
    // Who acted, by name: a coordinator's account, else the member (unit or community) it is
    // in the roster or its lists; null for the matcher and for tokens of no account.
    const events = await tx.query(
      `SELECT e.actor, coalesce(
           (SELECT a.display_name FROM accounts a WHERE a.id::text = e.actor),
           (SELECT am.name FROM alliance_members am WHERE am.alliance_id = p.alliance_id AND am.member_id = e.actor
            ORDER BY am.member_kind LIMIT 1),
           (SELECT l.submitter_name FROM lists l WHERE l.alliance_id = p.alliance_id AND l.submitter_id = e.actor
            ORDER BY l.updated_at DESC, l.id DESC LIMIT 1)) AS "actorName",
         e.action, e.reason, e.details, e.at
       FROM project_events e JOIN projects p ON p.id = e.project_id
       WHERE e.project_id = $1 ORDER BY e.at, e.id`,
      [projectId],
    );
    return { ...project, allocations, events };
  }
}
