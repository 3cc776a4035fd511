import type { EntityManager } from 'typeorm';

export interface MessagePosition {
  topic: string;
  partition: number;
  offset: string;
}

/** Remembers which Kafka messages a consumer group has answered (see ProcessedMessageEntity). */
export class ProcessedMessageRepository {
  /** The positions among `positions` that were already processed, as "topic/partition/offset". */
  async findProcessed(
    manager: EntityManager,
    consumerGroup: string,
    positions: MessagePosition[],
  ): Promise<Set<string>> {
    if (positions.length === 0) return new Set();
    const rows: Array<{ topic: string; partition: number; message_offset: string }> = await manager.query(
      `SELECT p.topic, p.partition, p.message_offset
       FROM processed_messages p
       JOIN jsonb_to_recordset($2::jsonb) AS m(topic text, partition integer, "offset" bigint)
         ON p.topic = m.topic AND p.partition = m.partition AND p.message_offset = m."offset"
       WHERE p.consumer_group = $1`,
      [consumerGroup, JSON.stringify(positions)],
    );
    return new Set(
      rows.map((row) =>
        positionKey({ topic: row.topic, partition: row.partition, offset: String(row.message_offset) }),
      ),
    );
  }

  async markProcessed(
    manager: EntityManager,
    consumerGroup: string,
    entries: Array<MessagePosition & { outcome: 'accepted' | 'rejected' }>,
  ): Promise<void> {
    if (entries.length === 0) return;
    await manager.query(
      `INSERT INTO processed_messages (consumer_group, topic, partition, message_offset, outcome)
       SELECT $1, m.topic, m.partition, m."offset", m.outcome
       FROM jsonb_to_recordset($2::jsonb) AS m(topic text, partition integer, "offset" bigint, outcome text)`,
      [consumerGroup, JSON.stringify(entries)],
    );
  }
}

export function positionKey(position: MessagePosition): string {
  return `${position.topic}/${position.partition}/${position.offset}`;
}
