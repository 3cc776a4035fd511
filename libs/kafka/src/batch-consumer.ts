import type { Consumer, EachBatchPayload } from 'kafkajs';

/** A consumed message, reduced to what handlers need. */
export interface ConsumedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

/**
 * Handles a whole fetched batch. It must answer every message (or throw, in which case
 * nothing of the batch is committed and Kafka delivers it again). `control` lets it hold
 * the batch while something it needs (the database) is down.
 */
export type BatchHandler = (messages: ConsumedMessage[], control: BatchControl) => Promise<void>;

/** A batch as Nest handlers receive it (`@Payload() batch: ConsumedBatch`). */
export interface ConsumedBatch {
  messages: ConsumedMessage[];
  control: BatchControl;
}

/** What a handler may do with the batch it is given, beyond answering it. */
export interface BatchControl {
  /**
   * Holds the batch, uncommitted, until `isBack()` says yes: the member keeps heartbeating
   * so it keeps its partitions, and nothing further is fetched meanwhile (kafkajs fetches
   * again only once every batch of the last fetch is done), so consumption is paused.
   * Throws `BatchAbandonedError` when the consumer stops or loses the partition first;
   * the batch is then delivered again, to this member after a restart or to another.
   */
  holdUntil(isBack: () => Promise<boolean>): Promise<void>;
}

/** A held batch given up because the consumer is stopping or its partition moved. */
export class BatchAbandonedError extends Error {
  constructor(reason: string) {
    super(`batch abandoned while held: ${reason}`);
    this.name = 'BatchAbandonedError';
  }
}

/** Told when a batch begins and ends being held (readiness details, metrics). */
export interface BatchHoldHooks {
  held?: () => void;
  released?: () => void;
}

/** How long a held batch waits between looks: short at first, then at most every few seconds. */
export const HOLD_DELAYS_MS = { first: 250, max: 5_000 };

/**
 * Runs `handler` on each batch and commits the batch's offsets only after it resolves,
 * i.e. after its database transaction committed. A crash before that redelivers the batch;
 * handlers make redelivery harmless.
 */
export async function runBatchConsumer(
  consumer: Consumer,
  topics: string[],
  partitionsConsumedConcurrently: number,
  handler: BatchHandler,
  holdHooks: BatchHoldHooks = {},
): Promise<void> {
  await consumer.subscribe({ topics, fromBeginning: true });
  await consumer.run({
    autoCommit: false,
    eachBatchAutoResolve: false,
    partitionsConsumedConcurrently,
    eachBatch: async (payload: EachBatchPayload) => {
      const { batch } = payload;
      if (batch.messages.length === 0 || !payload.isRunning() || payload.isStale()) return;
      const messages = batch.messages.map((message) => ({
        topic: batch.topic,
        partition: batch.partition,
        offset: message.offset,
        key: message.key ? message.key.toString('utf8') : null,
        value: message.value,
        headers: decodeHeaders(message.headers),
      }));
      await handler(messages, batchControl(payload, holdHooks));
      const last = messages[messages.length - 1]!.offset;
      payload.resolveOffset(last);
      await consumer.commitOffsets([
        { topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString() },
      ]);
      await payload.heartbeat();
    },
  });
}

/** The control of one batch; exported for its unit spec. */
export function batchControl(payload: EachBatchPayload, hooks: BatchHoldHooks = {}): BatchControl {
  return {
    async holdUntil(isBack) {
      hooks.held?.();
      try {
        for (let delay = HOLD_DELAYS_MS.first; ; delay = Math.min(delay * 2, HOLD_DELAYS_MS.max)) {
          await waitWhileRunning(payload, delay);
          if (!payload.isRunning()) throw new BatchAbandonedError('the consumer is stopping');
          if (payload.isStale()) throw new BatchAbandonedError('the partition was reassigned');
          // Throws when the group rebalances: kafkajs then rejoins and the batch comes again.
          await payload.heartbeat();
          if (await isBack()) return;
        }
      } finally {
        hooks.released?.();
      }
    },
  };
}

/** Sleeps up to `ms`, waking early once the consumer is asked to stop, so a shutdown is not delayed. */
async function waitWhileRunning(payload: EachBatchPayload, ms: number): Promise<void> {
  const step = 100;
  for (let waited = 0; waited < ms && payload.isRunning(); waited += step) {
    await new Promise((resolve) => setTimeout(resolve, Math.min(step, ms - waited)));
  }
}

/** Kafka headers as text (kafkajs hands them over as Buffers); headers without a value are dropped. */
export function decodeHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (Buffer.isBuffer(value)) decoded[name] = value.toString('utf8');
    else if (typeof value === 'string') decoded[name] = value;
  }
  return decoded;
}
