import { HOLDING_STATUSES, POOL_RETURNING_STATUSES, sqlList } from '@redcrowd/projects';
import type { Tx } from '../transaction';
import { sentByAdmittedMember } from './roster.repository';

/** An open resource item with what is left of it after approved and completed work. */
export interface PoolResource {
  id: string;
  allianceId: string;
  unitId: string;
  /** The unit's name on its list, for people choosing among candidates. */
  unitName: string;
  listId: string;
  itemId: string;
  title: string;
  category: string;
  quantityUnit: string;
  capacity: number;
  lat: number;
  lng: number;
  serviceRadiusKm: number;
  availableFrom: Date;
  availableTo: Date;
  tags: string[];
}

/** A demand item that no approved (or later) project serves yet. */
export interface PoolDemand {
  id: string;
  allianceId: string;
  submitterId: string;
  listId: string;
  itemId: string;
  title: string;
  category: string;
  quantityUnit: string;
  quantity: number;
  lat: number;
  lng: number;
  windowFrom: Date;
  windowTo: Date;
  urgency: 'routine' | 'urgent' | 'critical';
  postedAt: Date;
  tags: string[];
}

/** A proposed project a round may revise or cancel. */
export interface ProposedProject {
  id: string;
  demandItemPk: string | null;
  version: number;
  requested: number;
  unmet: number;
  allocations: Map<string, number>;
}

export interface MatchingPool {
  resources: PoolResource[];
  demands: PoolDemand[];
  proposed: ProposedProject[];
}

// Allocations of these statuses hold their resources; proposed ones are re-optimised,
// except allocations a coordinator edited (pinned), which hold theirs like approved ones.
const HOLDING = sqlList(HOLDING_STATUSES);
const EDITED_PROPOSAL = `EXISTS (SELECT 1 FROM project_allocations e WHERE e.project_id = p.id AND e.pinned)`;

/** Open resource items with the capacity left after holding work ($1: the alliance). */
const RESOURCES = `
  SELECT ri.id::text AS id, l.alliance_id AS "allianceId", l.submitter_id AS "unitId",
    l.submitter_name AS "unitName", l.list_id AS "listId", ri.item_id AS "itemId", ri.title, ri.category, ri.quantity_unit AS "quantityUnit",
    ri.quantity - coalesce(held.quantity, 0) AS capacity, ri.lat, ri.lng,
    ri.service_radius_km AS "serviceRadiusKm", ri.available_from AS "availableFrom",
    ri.available_to AS "availableTo", ri.tags
  FROM resource_items ri
  JOIN lists l ON l.id = ri.list_pk
  LEFT JOIN (
    SELECT pa.resource_item_pk, sum(pa.quantity)::int AS quantity
    FROM project_allocations pa JOIN projects p ON p.id = pa.project_id
    WHERE p.alliance_id = $1
      AND (p.status IN ${HOLDING} OR (p.status = 'proposed' AND ${EDITED_PROPOSAL}))
    GROUP BY pa.resource_item_pk
  ) held ON held.resource_item_pk = ri.id
  WHERE l.alliance_id = $1 AND l.kind = 'resource' AND ri.status IN ('open', 'matched')
    AND ${sentByAdmittedMember('l')}`;

/** Open demand items no approved (or edited) project serves yet. */
const DEMANDS = `
  SELECT di.id::text AS id, l.alliance_id AS "allianceId", l.submitter_id AS "submitterId",
    l.list_id AS "listId", di.item_id AS "itemId", di.title, di.category,
    di.quantity_unit AS "quantityUnit", di.quantity, di.lat, di.lng,
    di.window_from AS "windowFrom", di.window_to AS "windowTo", di.urgency,
    di.created_at AS "postedAt", di.tags
  FROM demand_items di
  JOIN lists l ON l.id = di.list_pk
  WHERE l.alliance_id = $1 AND l.kind = 'demand' AND di.status IN ('open', 'matched')
    AND ${sentByAdmittedMember('l')}
    AND NOT EXISTS (
      SELECT 1 FROM projects p
      WHERE p.demand_item_pk = di.id
        AND (p.status NOT IN ${sqlList(POOL_RETURNING_STATUSES)} OR ${EDITED_PROPOSAL})
    )`;

/** Proposed projects a round may still revise or cancel, one row per allocation. */
const PROPOSALS = `
  SELECT p.id, p.demand_item_pk::text, p.version, p.requested, p.unmet,
    pa.resource_item_pk::text, pa.quantity
  FROM projects p LEFT JOIN project_allocations pa ON pa.project_id = p.id
  WHERE p.alliance_id = $1 AND p.status = 'proposed' AND NOT ${EDITED_PROPOSAL}`;

/** Reads an alliance's matching pool. All SQL for it lives here. */
export class MatchingPoolRepository {
  /**
   * Holds the alliance's round lock until the transaction ends, so rounds of one alliance
   * run one at a time whichever instance runs them.
   */
  async lockAlliance(tx: Tx, allianceId: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`matcher:${allianceId}`]);
  }

  async load(tx: Tx, allianceId: string): Promise<MatchingPool> {
    // One statement, so resources, demands and proposals come from one snapshot. With one
    // statement each, an approval committing in between was half seen: its demand already
    // out of the pool but its resources not yet held, and the round gave them out again.
    const [snapshot] = (await tx.query(
      `SELECT
         (SELECT coalesce(json_agg(r ORDER BY r.id::bigint), '[]') FROM (${RESOURCES}) r) AS resources,
         (SELECT coalesce(json_agg(d ORDER BY d.id::bigint), '[]') FROM (${DEMANDS}) d) AS demands,
         (SELECT coalesce(json_agg(p ORDER BY p.id), '[]') FROM (${PROPOSALS}) p) AS proposals`,
      [allianceId],
    )) as Array<{
      resources: Array<
        Omit<PoolResource, 'availableFrom' | 'availableTo'> & Record<'availableFrom' | 'availableTo', string>
      >;
      demands: Array<
        Omit<PoolDemand, 'windowFrom' | 'windowTo' | 'postedAt'> &
          Record<'windowFrom' | 'windowTo' | 'postedAt', string>
      >;
      proposals: Array<{
        id: string;
        demand_item_pk: string | null;
        version: number;
        requested: number;
        unmet: number;
        resource_item_pk: string | null;
        quantity: number | null;
      }>;
    }>;
    const resources: PoolResource[] = snapshot!.resources.map((resource) => ({
      ...resource,
      availableFrom: new Date(resource.availableFrom),
      availableTo: new Date(resource.availableTo),
    }));
    const demands: PoolDemand[] = snapshot!.demands.map((demand) => ({
      ...demand,
      windowFrom: new Date(demand.windowFrom),
      windowTo: new Date(demand.windowTo),
      postedAt: new Date(demand.postedAt),
    }));
    const rows = snapshot!.proposals;
    const proposed = new Map<string, ProposedProject>();
    for (const row of rows) {
      let project = proposed.get(row.id);
      if (!project) {
        project = {
          id: row.id,
          demandItemPk: row.demand_item_pk,
          version: row.version,
          requested: row.requested,
          unmet: row.unmet,
          allocations: new Map(),
        };
        proposed.set(row.id, project);
      }
      if (row.resource_item_pk !== null && row.quantity !== null) {
        project.allocations.set(row.resource_item_pk, row.quantity);
      }
    }
    return { resources, demands, proposed: [...proposed.values()] };
  }

  /** One demand item in the pool's shape, whatever its project (for a coordinator's swap). */
  async demandItem(tx: Tx, demandItemPk: string): Promise<PoolDemand | undefined> {
    const [demand] = (await tx.query(
      `SELECT di.id::text AS id, l.alliance_id AS "allianceId", l.submitter_id AS "submitterId",
         l.list_id AS "listId", di.item_id AS "itemId", di.title, di.category,
         di.quantity_unit AS "quantityUnit", di.quantity, di.lat, di.lng,
         di.window_from AS "windowFrom", di.window_to AS "windowTo", di.urgency,
         di.created_at AS "postedAt", di.tags
       FROM demand_items di JOIN lists l ON l.id = di.list_pk WHERE di.id = $1`,
      [demandItemPk],
    )) as PoolDemand[];
    return demand;
  }
}
