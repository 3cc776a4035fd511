import type { EntityManager } from 'typeorm';

export interface IntakeRejectionRecord {
  listKind: string;
  channel: 'kafka' | 'http';
  messageKey: string | null;
  listId: string | null;
  submitterId: string | null;
  problems: object[];
  raw: string | null;
}

/** Enough of a refused message for a coordinator to see what was sent, without storing megabytes. */
export const RAW_EXCERPT_CHARS = 65_536;

export class IntakeRejectionRepository {
  async addAll(manager: EntityManager, records: IntakeRejectionRecord[]): Promise<void> {
    if (records.length === 0) return;
    await manager.query(
      `INSERT INTO intake_rejections (list_kind, channel, message_key, list_id, submitter_id, problems, raw_excerpt)
       SELECT r."listKind", r.channel, r."messageKey", r."listId", r."submitterId", r.problems, r.raw
       FROM jsonb_to_recordset($1::jsonb) AS r("listKind" text, channel text, "messageKey" text,
         "listId" text, "submitterId" text, problems jsonb, raw text)`,
      [
        JSON.stringify(
          // Postgres text cannot hold NUL characters; a hostile payload may contain them.
          records.map((record) => ({
            ...record,
            raw: record.raw?.slice(0, RAW_EXCERPT_CHARS).replaceAll('\u0000', '\uFFFD') ?? null,
          })),
        ),
      ],
    );
  }
}
