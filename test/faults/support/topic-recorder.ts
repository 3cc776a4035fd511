import { randomUUID } from 'node:crypto';
import { Kafka, logLevel, type Admin, type Consumer } from 'kafkajs';
import type { TopicId } from '@redcrowd/contracts';
import { eventually } from '@test/support/answers';
import { brokers } from '@test/support/topics';

/** One message as it sits in a topic: where, its key, and its value parsed when it is JSON. */
export interface RecordedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  /** The parsed value; undefined for a value that is not JSON (a poison submission). */
  value: any;
}

/** The topics the fault ledger reads: what was submitted, and everything the apps published about it. */
export const LEDGER_TOPICS = [
  'resourceListSubmitted',
  'demandListSubmitted',
  'listAccepted',
  'listRejected',
  'intakeDeadLetter',
  'projectsProposed',
  'projectsRevised',
  'projectsStatusChanged',
  'claimsOffered',
  'claimsDecided',
] as const satisfies readonly TopicId[];

/**
 * Records every message of a suite's topics from the beginning, submissions included, so
 * the ledger can match each submitted message (topic, partition, offset) with its answers,
 * and can tell when it has read all that the broker holds (`caughtUp`).
 */
export class TopicRecorder {
  readonly messages: RecordedMessage[] = [];
  private readonly kafka = new Kafka({
    clientId: 'redcrowd-fault-ledger',
    brokers: brokers(),
    logLevel: logLevel.NOTHING,
  });
  private consumer: Consumer | undefined;
  private admin: Admin | undefined;
  /** The next offset to read, per `topic:partition`. */
  private readonly next = new Map<string, bigint>();

  constructor(private readonly topics: Record<TopicId, string>) {}

  async start(): Promise<void> {
    this.admin = this.kafka.admin();
    await this.admin.connect();
    this.consumer = this.kafka.consumer({ groupId: `fault-ledger-${randomUUID()}` });
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: LEDGER_TOPICS.map((id) => this.topics[id]),
      fromBeginning: true,
    });
    await this.consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        this.messages.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          value: parsedOrUndefined(message.value),
        });
        this.next.set(`${topic}:${partition}`, BigInt(message.offset) + 1n);
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
    await this.admin?.disconnect().catch(() => undefined);
  }

  on(id: TopicId): RecordedMessage[] {
    const topic = this.topics[id];
    return this.messages.filter((message) => message.topic === topic);
  }

  /** Waits until every message the broker holds now on the ledger's topics has been recorded. */
  async caughtUp(timeoutMs = 30_000): Promise<void> {
    const ends = await this.endOffsets();
    await eventually(
      () => ends.every(({ key, end }) => end === 0n || (this.next.get(key) ?? 0n) >= end),
      () => `the ledger's reader is behind the broker (${JSON.stringify(this.lagging(ends))})`,
      timeoutMs,
    );
  }

  private async endOffsets(): Promise<Array<{ key: string; end: bigint }>> {
    const ends: Array<{ key: string; end: bigint }> = [];
    for (const id of LEDGER_TOPICS) {
      const topic = this.topics[id];
      for (const { partition, high } of await this.admin!.fetchTopicOffsets(topic)) {
        ends.push({ key: `${topic}:${partition}`, end: BigInt(high) });
      }
    }
    return ends;
  }

  private lagging(ends: Array<{ key: string; end: bigint }>): Record<string, string> {
    return Object.fromEntries(
      ends
        .filter(({ key, end }) => (this.next.get(key) ?? 0n) < end)
        .map(({ key, end }) => [key, `${this.next.get(key) ?? 0n}/${end}`]),
    );
  }
}

function parsedOrUndefined(value: Buffer | null): unknown {
  if (value === null) return undefined;
  try {
    return JSON.parse(value.toString('utf8'));
  } catch {
    return undefined;
  }
}
