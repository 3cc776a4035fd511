import type { PlaceKind } from '@redcrowd/contracts';
import type { Tx } from '../transaction';

/** A place of an alliance's gazetteer (地名库), as the API shows it. */
export interface AlliancePlace {
  allianceId: string;
  placeId: string;
  name: string;
  kind: PlaceKind;
  /** The place it lies in (a building's compound or community). */
  parentId: string | null;
  lat: number;
  lng: number;
  address: string | null;
  aliases: string[];
  createdAt: Date;
  updatedAt: Date;
}

/** What a coordinator sets of a place; `nameKey` is its name's comparison key (placeKey). */
export type PlaceFields = Pick<
  AlliancePlace,
  'name' | 'kind' | 'parentId' | 'lat' | 'lng' | 'address' | 'aliases'
> & { nameKey: string };

const COLUMNS = `alliance_id AS "allianceId", place_id AS "placeId", name, kind, parent_id AS "parentId",
  lat, lng, address, aliases, created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The gazetteer's places. All SQL for them lives here. */
export class GazetteerRepository {
  /** An alliance's places, by name. */
  async list(tx: Tx, allianceId: string): Promise<AlliancePlace[]> {
    return tx.query(`SELECT ${COLUMNS} FROM alliance_places WHERE alliance_id = $1 ORDER BY name, place_id`, [
      allianceId,
    ]);
  }

  async get(tx: Tx, allianceId: string, placeId: string): Promise<AlliancePlace | undefined> {
    const [row] = (await tx.query(
      `SELECT ${COLUMNS} FROM alliance_places WHERE alliance_id = $1 AND place_id = $2`,
      [allianceId, placeId],
    )) as AlliancePlace[];
    return row;
  }

  /** The places whose name has one of the given keys (placeKey), e.g. the one a new name clashes with. */
  async findByNameKeys(tx: Tx, allianceId: string, nameKeys: readonly string[]): Promise<AlliancePlace[]> {
    if (nameKeys.length === 0) return [];
    return tx.query(
      `SELECT ${COLUMNS} FROM alliance_places WHERE alliance_id = $1 AND name_key = ANY($2::text[])
       ORDER BY name, place_id`,
      [allianceId, nameKeys],
    );
  }

  /**
   * Serialises changes of one alliance's gazetteer until the transaction ends: a name must be
   * checked against every other place's aliases too, which no unique index can hold.
   */
  async lockAlliance(tx: Tx, allianceId: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('alliance_places:' || $1, 0))`, [
      allianceId,
    ]);
  }

  /** Adds a place; undefined when another place of the alliance has a name of the same key. */
  async add(tx: Tx, allianceId: string, fields: PlaceFields): Promise<AlliancePlace | undefined> {
    const [row] = (await tx.query(
      `INSERT INTO alliance_places (alliance_id, name, name_key, kind, parent_id, lat, lng, address, aliases)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (alliance_id, name_key) DO NOTHING RETURNING ${COLUMNS}`,
      [allianceId, ...values(fields)],
    )) as AlliancePlace[];
    return row;
  }

  /** Replaces a place's fields; undefined when it is not there. */
  async update(
    tx: Tx,
    allianceId: string,
    placeId: string,
    fields: PlaceFields,
  ): Promise<AlliancePlace | undefined> {
    const [rows] = (await tx.query(
      `UPDATE alliance_places SET name = $3, name_key = $4, kind = $5, parent_id = $6, lat = $7, lng = $8,
         address = $9, aliases = $10, updated_at = now()
       WHERE alliance_id = $1 AND place_id = $2 RETURNING ${COLUMNS}`,
      [allianceId, placeId, ...values(fields)],
    )) as [AlliancePlace[], number];
    return rows[0];
  }

  /** Removes a place (places inside it keep theirs, without a parent); false when it was not there. */
  async remove(tx: Tx, allianceId: string, placeId: string): Promise<boolean> {
    const [, removed] = (await tx.query(
      `DELETE FROM alliance_places WHERE alliance_id = $1 AND place_id = $2`,
      [allianceId, placeId],
    )) as [unknown, number];
    return removed > 0;
  }
}

function values(fields: PlaceFields): unknown[] {
  return [
    fields.name,
    fields.nameKey,
    fields.kind,
    fields.parentId,
    fields.lat,
    fields.lng,
    fields.address,
    fields.aliases,
  ];
}
