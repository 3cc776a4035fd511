import type { Producer } from 'kafkajs';

export interface OutboxRecord {
  id: string;
  topic: string;
  key: string | null;
  payload: object;
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
          headers: { 'redcrowd-outbox-id': record.id },
        })),
      })),
    });
  }
}
