import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { HttpRouteLabels } from './http-route';

/** One consumer batch as kafkajs reports it (consumer.events.END_BATCH_PROCESS). */
export interface ConsumerBatch {
  group: string;
  topic: string;
  partition: number;
  batchSize: number;
  /** How many messages of the partition remain after this batch. */
  offsetLag: string | number;
  durationMs: number;
}

/** A gauge filled when Prometheus scrapes (outbox backlog, projects by status, ...). */
export interface ScrapedGauge {
  name: string;
  help: string;
  labelNames?: string[];
  collect: (gauge: Gauge) => Promise<void> | void;
}

/**
 * A service's Prometheus registry: default process metrics, HTTP requests, Kafka consumer
 * batches, and gauges read at scrape time. One registry per instance (not prom-client's global
 * one), labelled with the service, so two apps in one process or one test do not mix.
 */
export class ServiceMetrics {
  readonly registry = new Registry();
  private readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  private readonly httpDuration: Histogram<'method' | 'route'>;
  private readonly batchSize: Histogram<'group' | 'topic'>;
  private readonly batchDuration: Histogram<'group' | 'topic'>;
  private readonly consumerLag: Gauge<'group' | 'topic' | 'partition'>;
  private readonly groupJoins: Counter<'group'>;

  constructor(service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    const registers = [this.registry];
    this.httpRequests = new Counter({
      name: 'redcrowd_http_requests_total',
      help: 'HTTP requests answered, by method, route template and status code.',
      labelNames: ['method', 'route', 'status'],
      registers,
    });
    this.httpDuration = new Histogram({
      name: 'redcrowd_http_request_duration_seconds',
      help: 'Time from the request to the end of its answer, by method and route template.',
      labelNames: ['method', 'route'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    });
    this.batchSize = new Histogram({
      name: 'redcrowd_consumer_batch_size',
      help: 'Messages per consumed Kafka batch, by consumer group and topic.',
      labelNames: ['group', 'topic'],
      buckets: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 5000],
      registers,
    });
    this.batchDuration = new Histogram({
      name: 'redcrowd_consumer_batch_duration_seconds',
      help: 'Time to process one consumed Kafka batch, by consumer group and topic.',
      labelNames: ['group', 'topic'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
      registers,
    });
    this.consumerLag = new Gauge({
      name: 'redcrowd_consumer_lag_messages',
      help: 'Messages of a partition not yet consumed, as of the last batch processed from it.',
      labelNames: ['group', 'topic', 'partition'],
      registers,
    });
    this.groupJoins = new Counter({
      name: 'redcrowd_consumer_group_joins_total',
      help: 'Times a consumer joined its group (the first join, then every rebalance).',
      labelNames: ['group'],
      registers,
    });
  }

  recordHttpRequest(labels: HttpRouteLabels, durationSeconds: number): void {
    this.httpRequests.inc(labels);
    this.httpDuration.observe({ method: labels.method, route: labels.route }, durationSeconds);
  }

  recordBatch(batch: ConsumerBatch): void {
    const labels = { group: batch.group, topic: batch.topic };
    this.batchSize.observe(labels, batch.batchSize);
    this.batchDuration.observe(labels, batch.durationMs / 1000);
    const lag = Number(batch.offsetLag);
    if (Number.isFinite(lag))
      this.consumerLag.set({ ...labels, partition: String(batch.partition) }, Math.max(0, lag));
  }

  recordGroupJoin(group: string): void {
    this.groupJoins.inc({ group });
  }

  /** A counter of the app's own (lists answered, ...), in this registry. */
  addCounter<Label extends string>(name: string, help: string, labelNames: readonly Label[]): Counter<Label> {
    return new Counter({ name, help, labelNames, registers: [this.registry] });
  }

  /**
   * Registers a gauge whose values are read when Prometheus scrapes. A failing read (the
   * database away) drops the gauge's series for that scrape (NaN for a gauge without labels)
   * rather than failing the whole answer or showing a stale value.
   */
  addScrapedGauge({ name, help, labelNames = [], collect }: ScrapedGauge): void {
    new Gauge({
      name,
      help,
      labelNames,
      registers: [this.registry],
      async collect() {
        try {
          await collect(this);
        } catch {
          this.reset();
          // A gauge without labels would read 0 after a reset, as if nothing waited.
          if (labelNames.length === 0) this.set(Number.NaN);
        }
      },
    });
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  /** The exposition text for GET /metrics. */
  render(): Promise<string> {
    return this.registry.metrics();
  }
}
