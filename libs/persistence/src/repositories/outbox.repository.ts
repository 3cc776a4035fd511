import type { DataSource } from 'typeorm';
import { ambientCorrelationHeaders } from '@redcrowd/runtime';
import type { Tx } from '../transaction';

export interface OutboxMessage {
  topic: string;
  key: string | null;
  payload: object;
  /**
   * Kafka headers to publish the event with (its `correlation-id`); when absent, the
   * correlation id of the work under way (ambientCorrelationHeaders: the claim's, or the
   * HTTP request's), so every event can be traced to what caused it.
   */
  headers?: Record<string, string>;
}

export interface OutboxBacklog {
  backlog: number;
  oldestAgeSeconds: number;
}

export interface PendingOutboxMessage extends OutboxMessage {
  id: string;
  headers: Record<string, string>;
}

/** The transactional outbox's SQL: events enter with their rows and leave once published. */
export class OutboxRepository {
  /** Adds events inside the caller's transaction; one statement for any number. */
  async add(tx: Tx, messages: OutboxMessage[]): Promise<void> {
    if (messages.length === 0) return;
    const ambient = ambientCorrelationHeaders();
    const rows = messages.map((message) => ({ ...message, headers: message.headers ?? ambient }));
    await tx.query(
      `INSERT INTO outbox_events (topic, message_key, payload, headers)
       SELECT m.topic, m.key, m.payload, coalesce(m.headers, '{}') FROM jsonb_to_recordset($1::jsonb)
         AS m(topic text, key text, payload jsonb, headers jsonb)`,
      [JSON.stringify(rows)],
    );
  }

  /**
   * How many events wait to be published, counted up to `cap` only, so a readiness probe stays
   * cheap (an index-only walk of the partial index outbox_events_unpublished) however large a
   * backlog grows.
   */
  async backlog(dataSource: DataSource, cap: number): Promise<number> {
    const rows: Array<{ backlog: number }> = await dataSource.query(
      `SELECT count(*)::int AS backlog FROM
         (SELECT 1 FROM outbox_events WHERE published_at IS NULL LIMIT $1) AS unpublished`,
      [cap],
    );
    return rows[0]?.backlog ?? 0;
  }

  /**
   * The backlog (counted up to `cap`, as `backlog`) and how long its oldest event has waited,
   * in seconds (0 when nothing waits), for the metrics endpoint: both walk the partial index
   * outbox_events_unpublished, the age from the lowest unpublished id only.
   */
  async backlogAge(dataSource: DataSource, cap: number): Promise<OutboxBacklog> {
    const rows: Array<{ backlog: number; oldest_age_seconds: number | null }> = await dataSource.query(
      `SELECT
         (SELECT count(*)::int FROM
            (SELECT 1 FROM outbox_events WHERE published_at IS NULL LIMIT $1) AS unpublished) AS backlog,
         (SELECT extract(epoch FROM now() - created_at)::float8 FROM outbox_events
            WHERE published_at IS NULL ORDER BY id LIMIT 1) AS oldest_age_seconds`,
      [cap],
    );
    const row = rows[0];
    return { backlog: row?.backlog ?? 0, oldestAgeSeconds: Math.max(0, row?.oldest_age_seconds ?? 0) };
  }

  /**
   * Publishes unpublished events oldest first, in batches. Rows stay locked while `publish`
   * runs, so several relays (one per instance) never send the same event concurrently;
   * SKIP LOCKED lets them share the backlog. Returns how many were published.
   */
  async drain(
    dataSource: DataSource,
    publish: (messages: PendingOutboxMessage[]) => Promise<void>,
    batchSize = 500,
  ): Promise<number> {
    let published = 0;
    for (;;) {
      const count = await dataSource.transaction(async (tx) => {
        const rows: Array<{
          id: string;
          topic: string;
          message_key: string | null;
          payload: object;
          headers: Record<string, string>;
        }> = await tx.query(
          `SELECT id, topic, message_key, payload, headers FROM outbox_events
           WHERE published_at IS NULL ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [batchSize],
        );
        if (rows.length === 0) return 0;
        await publish(
          rows.map((row) => ({
            id: row.id,
            topic: row.topic,
            key: row.message_key,
            payload: row.payload,
            headers: row.headers,
          })),
        );
        await tx.query(`UPDATE outbox_events SET published_at = now() WHERE id = ANY($1::bigint[])`, [
          rows.map((row) => row.id),
        ]);
        return rows.length;
      });
      published += count;
      if (count < batchSize) return published;
    }
  }
}
