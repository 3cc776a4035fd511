import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { SubmittedList } from '@redcrowd/contracts';

/** What storing one list revision did. Expected refusals are results, not exceptions. */
export type StoreListResult =
  | { outcome: 'stored'; listPk: string; itemCount: number; itemsKept: string[] }
  | { outcome: 'unchanged'; listPk: string; itemCount: number; itemsKept: string[] }
  | { outcome: 'stale-revision'; storedRevision: number }
  | { outcome: 'revision-conflict'; storedRevision: number };

interface StoredListRow {
  id: string;
  revision: number;
  content_hash: string;
}

// Items arrive as the submitter's JSON; Postgres unpacks the whole array in one statement
// (jsonb_to_recordset), which is far faster than one INSERT per item.
const INSERT_RESOURCE_ITEMS = `
  INSERT INTO resource_items (list_pk, item_id, revision, category, title, description, quantity,
    quantity_unit, lat, lng, address, tags, service_radius_km, available_from, available_to)
  SELECT $1, r."itemId", $2, r.category, r.title, r.description, r.quantity, r.unit,
    (r.location->>'lat')::float8, (r.location->>'lng')::float8, r.location->>'address',
    ARRAY(SELECT jsonb_array_elements_text(coalesce(r.tags, '[]'::jsonb))),
    r."serviceRadiusKm", (r.available->>'from')::timestamptz, (r.available->>'to')::timestamptz
  FROM jsonb_to_recordset($3::jsonb) AS r("itemId" text, category text, title text,
    description text, quantity integer, unit text, location jsonb, tags jsonb,
    "serviceRadiusKm" float8, available jsonb)
  ON CONFLICT (list_pk, item_id) DO NOTHING
  RETURNING item_id`;

const INSERT_DEMAND_ITEMS = `
  INSERT INTO demand_items (list_pk, item_id, revision, category, title, description, quantity,
    quantity_unit, lat, lng, address, tags, window_from, window_to, urgency, beneficiaries)
  SELECT $1, r."itemId", $2, r.category, r.title, r.description, r.quantity, r.unit,
    (r.location->>'lat')::float8, (r.location->>'lng')::float8, r.location->>'address',
    ARRAY(SELECT jsonb_array_elements_text(coalesce(r.tags, '[]'::jsonb))),
    (r.window->>'from')::timestamptz, (r.window->>'to')::timestamptz, r.urgency, r.beneficiaries
  FROM jsonb_to_recordset($3::jsonb) AS r("itemId" text, category text, title text,
    description text, quantity integer, unit text, location jsonb, tags jsonb, "window" jsonb,
    urgency text, beneficiaries integer)
  ON CONFLICT (list_pk, item_id) DO NOTHING
  RETURNING item_id`;

/** Writes 资源清单 and 需求清单 revisions. All SQL for lists and items lives here. */
export class ListStoreRepository {
  /**
   * Stores a list revision inside the caller's transaction:
   * - a new list is inserted with its items;
   * - a higher revision replaces the list's *open* items; items that later work already
   *   holds (matched, claimed) stay, and are reported as kept;
   * - the same revision with the same content changes nothing;
   * - a lower revision, or the same revision with other content, is refused.
   */
  async store(manager: EntityManager, list: SubmittedList): Promise<StoreListResult> {
    const hash = contentHash(list);
    const inserted: Array<{ id: string }> = await manager.query(
      `INSERT INTO lists (kind, submitter_kind, submitter_id, submitter_name, list_id, alliance_id,
         revision, content_hash, submitted_at, document)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (kind, submitter_kind, submitter_id, list_id) DO NOTHING
       RETURNING id`,
      [
        list.kind,
        list.submitter.kind,
        list.submitter.id,
        list.submitter.name,
        list.listId,
        list.allianceId,
        list.revision,
        hash,
        list.payload.submittedAt,
        JSON.stringify(list.payload),
      ],
    );
    if (inserted[0]) {
      const itemsKept = await this.insertItems(manager, list, inserted[0].id);
      return { outcome: 'stored', listPk: inserted[0].id, itemCount: list.payload.items.length, itemsKept };
    }

    // Lock the list so a concurrent revision (HTTP beside Kafka) waits for this one.
    const [stored] = (await manager.query(
      `SELECT id, revision, content_hash FROM lists
       WHERE kind = $1 AND submitter_kind = $2 AND submitter_id = $3 AND list_id = $4
       FOR UPDATE`,
      [list.kind, list.submitter.kind, list.submitter.id, list.listId],
    )) as StoredListRow[];
    if (!stored) throw new Error(`list ${list.listId} vanished while being revised`);

    if (list.revision < stored.revision) {
      return { outcome: 'stale-revision', storedRevision: stored.revision };
    }
    if (list.revision === stored.revision) {
      if (stored.content_hash !== hash) {
        return { outcome: 'revision-conflict', storedRevision: stored.revision };
      }
      const itemCount = await this.countItemsOfRevision(manager, list, stored.id);
      return { outcome: 'unchanged', listPk: stored.id, itemCount, itemsKept: [] };
    }

    await manager.query(
      `UPDATE lists SET revision = $2, content_hash = $3, submitted_at = $4, document = $5,
         alliance_id = $6, submitter_name = $7, updated_at = now()
       WHERE id = $1`,
      [
        stored.id,
        list.revision,
        hash,
        list.payload.submittedAt,
        JSON.stringify(list.payload),
        list.allianceId,
        list.submitter.name,
      ],
    );
    await manager.query(`DELETE FROM ${itemTable(list)} WHERE list_pk = $1 AND status = 'open'`, [stored.id]);
    const itemsKept = await this.insertItems(manager, list, stored.id);
    return {
      outcome: 'stored',
      listPk: stored.id,
      itemCount: list.payload.items.length - itemsKept.length,
      itemsKept,
    };
  }

  /**
   * The revision a list sent without one gets (a workbook leaves it to us): 1 for a new list,
   * the stored revision when the content is the same (answered unchanged), else the next.
   * Locks the stored list, so the store that follows in the transaction sees the same row.
   */
  async automaticRevision(manager: EntityManager, list: SubmittedList): Promise<number> {
    const [stored] = (await manager.query(
      `SELECT revision, content_hash FROM lists
       WHERE kind = $1 AND submitter_kind = $2 AND submitter_id = $3 AND list_id = $4
       FOR UPDATE`,
      [list.kind, list.submitter.kind, list.submitter.id, list.listId],
    )) as Array<Pick<StoredListRow, 'revision' | 'content_hash'>>;
    if (!stored) return 1;
    const asStored = { ...list, payload: { ...list.payload, revision: stored.revision } } as SubmittedList;
    return contentHash(asStored) === stored.content_hash ? stored.revision : stored.revision + 1;
  }

  /** A stored list's latest revision as its submitter sent it (dates settled to instants), if any. */
  async latestDocument(
    manager: EntityManager,
    key: { kind: string; allianceId: string; submitterKind: string; submitterId: string; listId: string },
  ): Promise<{ revision: number; document: Record<string, unknown> } | undefined> {
    const [row] = (await manager.query(
      `SELECT revision, document FROM lists
       WHERE kind = $1 AND submitter_kind = $2 AND submitter_id = $3 AND list_id = $4 AND alliance_id = $5`,
      [key.kind, key.submitterKind, key.submitterId, key.listId, key.allianceId],
    )) as Array<{ revision: number; document: Record<string, unknown> }>;
    return row;
  }

  /** Inserts the revision's items; returns the ids skipped because a held item has them. */
  private async insertItems(manager: EntityManager, list: SubmittedList, listPk: string): Promise<string[]> {
    const sql = list.kind === 'resource' ? INSERT_RESOURCE_ITEMS : INSERT_DEMAND_ITEMS;
    const rows: Array<{ item_id: string }> = await manager.query(sql, [
      listPk,
      list.revision,
      JSON.stringify(list.payload.items),
    ]);
    if (rows.length === list.payload.items.length) return [];
    const written = new Set(rows.map((row) => row.item_id));
    return list.payload.items.map((item) => item.itemId).filter((id) => !written.has(id));
  }

  private async countItemsOfRevision(
    manager: EntityManager,
    list: SubmittedList,
    listPk: string,
  ): Promise<number> {
    const [row] = (await manager.query(
      `SELECT count(*)::int AS count FROM ${itemTable(list)} WHERE list_pk = $1 AND revision = $2`,
      [listPk, list.revision],
    )) as Array<{ count: number }>;
    return row?.count ?? 0;
  }
}

function itemTable(list: SubmittedList): 'resource_items' | 'demand_items' {
  return list.kind === 'resource' ? 'resource_items' : 'demand_items';
}

// submittedAt is left out: re-sending the same list later is a resend, not an edit. Keys
// are sorted so that a spreadsheet export writing columns in another order hashes alike.
function contentHash(list: SubmittedList): string {
  const { submittedAt: _submittedAt, ...content } = list.payload;
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
      .filter(([, field]) => field !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, field]) => `${JSON.stringify(key)}:${canonicalJson(field)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
