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
 * nothing of the batch is committed and Kafka delivers it again).
 */
export type BatchHandler = (messages: ConsumedMessage[]) => Promise<void>;

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
      await handler(messages);
      const last = messages[messages.length - 1]!.offset;
      payload.resolveOffset(last);
      await consumer.commitOffsets([
        { topic: batch.topic, partition: batch.partition, offset: (BigInt(last) + 1n).toString() },
      ]);
      await payload.heartbeat();
    },
  });
}

function decodeHeaders(headers: Record<string, unknown> | undefined): Record<string, string> {
  const decoded: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (Buffer.isBuffer(value)) decoded[name] = value.toString('utf8');
    else if (typeof value === 'string') decoded[name] = value;
  }
  return decoded;
}
