import type { Producer } from 'kafkajs';

// Declared in libs/runtime (the outbox repository writes it too); re-exported for Kafka code.
export { CORRELATION_ID_HEADER } from '@redcrowd/runtime';

/** Header on every relayed event: its outbox row, for tracing a duplicate after a crash. */
export const OUTBOX_ID_HEADER = 'redcrowd-outbox-id';

export interface OutboxRecord {
  id: string;
  topic: string;
  key: string | null;
  payload: object;
  /** Headers the event was written with (e.g. CORRELATION_ID_HEADER). */
  headers?: Record<string, string>;
}

/** Where the relay reads from: the outbox table, behind its repository. */
export type OutboxDrain = (publish: (records: OutboxRecord[]) => Promise<void>) => Promise<number>;

/**
 * Moves committed outbox events to Kafka. `flush()` is called right after a transaction
 * commits, for low latency; a periodic sweep publishes whatever a crash left behind.
 * Flushes never overlap within one process; across processes the outbox rows are locked.
 */
export class OutboxRelay {
  private running: Promise<number> = Promise.resolve(0);
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly producer: Producer,
    private readonly drain: OutboxDrain,
    private readonly onError: (error: unknown) => void,
  ) {}

  flush(): Promise<number> {
    const next = this.running.catch(() => 0).then(() => this.drain((records) => this.publish(records)));
    this.running = next;
    return next;
  }

  startSweeping(intervalMs: number): void {
    this.timer = setInterval(() => {
      this.flush().catch(this.onError);
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running.catch(() => 0);
  }

  private async publish(records: OutboxRecord[]): Promise<void> {
    const byTopic = new Map<string, OutboxRecord[]>();
    for (const record of records) {
      const group = byTopic.get(record.topic) ?? [];
      group.push(record);
      byTopic.set(record.topic, group);
    }
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, group]) => ({
        topic,
        messages: group.map((record) => ({
          key: record.key,
          value: JSON.stringify(record.payload),
          headers: { ...record.headers, [OUTBOX_ID_HEADER]: record.id },
        })),
      })),
    });
  }
}
