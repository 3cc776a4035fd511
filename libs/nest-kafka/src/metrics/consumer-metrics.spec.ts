import { EventEmitter } from 'node:events';
import type { Consumer } from 'kafkajs';
import { samples, valueOf } from '@test/support/prometheus';
import { ConsumerGroups } from '../health/consumer-groups';
import { recordConsumerMetrics } from './consumer-metrics';
import { ServiceMetrics } from './service-metrics';

/** A consumer that only emits kafkajs' instrumentation events, as `consumer.on` delivers them. */
function fakeConsumer() {
  const emitter = new EventEmitter();
  const events = { END_BATCH_PROCESS: 'end-batch', GROUP_JOIN: 'join', CRASH: 'crash', STOP: 'stop' };
  const consumer = {
    events,
    on: (event: string, listener: (payload: unknown) => void) => emitter.on(event, listener),
  } as unknown as Consumer;
  return {
    consumer,
    emit: (event: keyof typeof events, payload: object) => emitter.emit(events[event], { payload }),
  };
}

const endOfBatch = { topic: 't', partition: 0, batchSize: 3, offsetLag: '2', duration: 15 };

describe('consumer metrics', () => {
  it("records each batch's size and duration and each group join from the consumer's events", async () => {
    const metrics = new ServiceMetrics('intake');
    const { consumer, emit } = fakeConsumer();
    recordConsumerMetrics(metrics, 'g', consumer);
    emit('GROUP_JOIN', {});
    emit('END_BATCH_PROCESS', endOfBatch);

    const scraped = samples(await metrics.render());
    expect(valueOf(scraped, 'redcrowd_consumer_batch_size_sum', { group: 'g', topic: 't' })).toBe(3);
    expect(valueOf(scraped, 'redcrowd_consumer_batch_duration_seconds_sum', { group: 'g', topic: 't' })).toBe(
      0.015,
    );
    expect(valueOf(scraped, 'redcrowd_consumer_group_joins_total', { group: 'g' })).toBe(1);
  });

  it('ConsumerGroups.observe sees the consumers watched before and after it', () => {
    const groups = new ConsumerGroups();
    groups.watch('early', fakeConsumer().consumer);
    const seen: string[] = [];
    groups.observe((group) => seen.push(group));
    groups.watch('late', fakeConsumer().consumer);
    expect(seen).toEqual(['early', 'late']);
  });
});
