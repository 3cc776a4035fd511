import type { Consumer } from 'kafkajs';
import type { ServiceMetrics } from './service-metrics';

/** Records a consumer's batches and group joins from kafkajs' instrumentation events. */
export function recordConsumerMetrics(metrics: ServiceMetrics, group: string, consumer: Consumer): void {
  consumer.on(consumer.events.END_BATCH_PROCESS, ({ payload }) =>
    metrics.recordBatch({
      group,
      topic: payload.topic,
      partition: payload.partition,
      batchSize: payload.batchSize,
      offsetLag: payload.offsetLag,
      durationMs: payload.duration,
    }),
  );
  consumer.on(consumer.events.GROUP_JOIN, () => metrics.recordGroupJoin(group));
}
