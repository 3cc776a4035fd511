import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, logLevel, type Consumer, type Producer } from 'kafkajs';
import type { ListAccepted, ListRejected, TopicId } from '@redcrowd/contracts';
import { brokers } from './topics';

export interface ReceivedEvent<T> {
  topic: string;
  key: string | null;
  value: T;
  headers: Record<string, string>;
}

/**
 * The outside world's view of intake: a plain kafkajs producer that submits lists and a
 * consumer that records every answer, as any alliance unit's Kafka client would.
 */
export class KafkaSubmitter {
  readonly accepted: Array<ReceivedEvent<ListAccepted>> = [];
  readonly rejected: Array<ReceivedEvent<ListRejected>> = [];
  readonly deadLetters: Array<ReceivedEvent<Record<string, unknown>>> = [];
  private producer: Producer | undefined;
  private consumer: Consumer | undefined;

  /** `kafka`: a client of the test's own (the secured listener's); by default a plaintext one. */
  constructor(
    private readonly topics: Record<TopicId, string>,
    private readonly kafka: Kafka = new Kafka({
      clientId: 'redcrowd-test',
      brokers: brokers(),
      logLevel: logLevel.NOTHING,
    }),
  ) {}

  async start(): Promise<void> {
    this.producer = this.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await this.producer.connect();
    this.consumer = this.kafka.consumer({ groupId: `observer-${randomUUID()}` });
    await this.consumer.connect();
    await this.consumer.subscribe({
      topics: [this.topics.listAccepted, this.topics.listRejected, this.topics.intakeDeadLetter],
      fromBeginning: true,
    });
    await this.consumer.run({
      eachMessage: async ({ topic, message }) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.headers ?? {})) headers[name] = String(value);
        const event = {
          topic,
          key: message.key?.toString() ?? null,
          value: JSON.parse(message.value?.toString() ?? 'null'),
          headers,
        };
        if (topic === this.topics.listAccepted) this.accepted.push(event);
        else if (topic === this.topics.listRejected) this.rejected.push(event);
        else this.deadLetters.push(event);
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
    await this.producer?.disconnect();
  }

  async submit(
    kind: 'resource' | 'demand',
    value: string | Buffer | null,
    key: string | null,
  ): Promise<void> {
    const topic = kind === 'resource' ? this.topics.resourceListSubmitted : this.topics.demandListSubmitted;
    await this.producer!.send({ topic, acks: -1, messages: [{ key, value }] });
  }

  async submitMany(
    kind: 'resource' | 'demand',
    messages: Array<{ key: string | null; value: string | Buffer | null }>,
  ): Promise<void> {
    const topic = kind === 'resource' ? this.topics.resourceListSubmitted : this.topics.demandListSubmitted;
    await this.producer!.send({ topic, acks: -1, messages });
  }

  /** Publishes any JSON payload, as a unit's own Kafka client would. */
  async publish(topic: string, key: string, value: unknown): Promise<void> {
    await this.producer!.send({ topic, acks: -1, messages: [{ key, value: JSON.stringify(value) }] });
  }

  answersFor(listId: string): { accepted: ListAccepted[]; rejected: ListRejected[] } {
    return {
      accepted: this.accepted.filter((e) => e.value.listId === listId).map((e) => e.value),
      rejected: this.rejected.filter((e) => e.value.listId === listId).map((e) => e.value),
    };
  }
}

/** Polls until `condition` returns a value, or fails with `describe()` after `timeoutMs`. */
export async function eventually<T>(
  condition: () => T | undefined | false | Promise<T | undefined | false>,
  describe: () => string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms: ${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Records every event on some topics, as a downstream consumer (a unit's system) would. */
export class EventObserver {
  readonly events: Array<ReceivedEvent<any>> = [];
  private readonly kafka = new Kafka({
    clientId: 'redcrowd-test-observer',
    brokers: brokers(),
    logLevel: logLevel.NOTHING,
  });
  private consumer: Consumer | undefined;

  constructor(private readonly topics: string[]) {}

  async start(): Promise<void> {
    this.consumer = this.kafka.consumer({ groupId: `observer-${randomUUID()}` });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ topic, message }) => {
        this.events.push({
          topic,
          key: message.key?.toString() ?? null,
          value: JSON.parse(message.value?.toString() ?? 'null'),
          headers: {},
        });
      },
    });
  }

  on(topic: string): Array<ReceivedEvent<any>> {
    return this.events.filter((event) => event.topic === topic);
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
