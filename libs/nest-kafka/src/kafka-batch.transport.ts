import { type CustomTransportStrategy, Server } from '@nestjs/microservices';
import { lastValueFrom } from 'rxjs';
import type { Consumer } from 'kafkajs';
import {
  runBatchConsumer,
  type BatchControl,
  type BatchHoldHooks,
  type ConsumedBatch,
  type ConsumedMessage,
} from '@redcrowd/kafka';

/**
 * A Nest transport that hands handlers whole kafkajs batches (`eachBatch`, as a
 * `ConsumedBatch`) instead of single messages, so a handler can store a batch in one transaction; offsets are
 * committed only after the handler resolves. Handlers subscribe with
 * `@EventPattern(KAFKA_BATCH_PATTERN)`; the topics are given to the transport.
 */
export const KAFKA_BATCH_PATTERN = 'kafka.batch';

export class KafkaBatchTransport extends Server implements CustomTransportStrategy {
  constructor(
    private readonly consumer: Consumer,
    private readonly topics: string[],
    private readonly partitionsConcurrently = 1,
    /** Several transports in one app each need their own handler pattern. */
    private readonly pattern = KAFKA_BATCH_PATTERN,
    /** Told of batches held through an outage (ConsumerGroups.holdHooks). */
    private readonly holdHooks: BatchHoldHooks = {},
  ) {
    super();
  }

  listen(callback: (error?: unknown) => void): void {
    this.start().then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  async close(): Promise<void> {
    await this.consumer.disconnect();
  }

  on(): void {
    // kafkajs reports its events through the consumer itself (see unwrap).
  }

  unwrap<T>(): T {
    return this.consumer as T;
  }

  private async start(): Promise<void> {
    const handler = this.getHandlerByPattern(this.pattern);
    if (!handler) throw new Error(`no handler is registered for ${this.pattern}`);
    await this.consumer.connect();
    await runBatchConsumer(
      this.consumer,
      this.topics,
      this.partitionsConcurrently,
      async (messages: ConsumedMessage[], control: BatchControl) => {
        // Errors must reach kafkajs (so the batch is not committed), not a Nest exception filter.
        const batch: ConsumedBatch = { messages, control };
        const result: unknown = await handler(batch);
        await lastValueFrom(this.transformToObservable(result), { defaultValue: undefined });
      },
      this.holdHooks,
    );
  }
}
