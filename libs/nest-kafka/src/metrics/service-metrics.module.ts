import {
  Module,
  type DynamicModule,
  type MiddlewareConsumer,
  type NestModule,
  type OnModuleInit,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { OutboxRepository } from '@redcrowd/persistence';
import { DataSource } from 'typeorm';
import { ConsumerGroups } from '../health/consumer-groups';
import { recordConsumerMetrics } from './consumer-metrics';
import { HttpMetricsMiddleware } from './http-metrics.middleware';
import { ServiceMetrics } from './service-metrics';

/** The outbox backlog is counted up to this many events, as readiness counts it, to stay cheap. */
export const OUTBOX_BACKLOG_CAP = 1_000_000;

/**
 * The service's metrics for its /metrics controller (each app declares its own, as with
 * health): process defaults, HTTP requests by route (a middleware on every route), the Kafka
 * consumers' batches (every consumer `ConsumerGroups` watches) and the outbox backlog. Apps
 * add their own scraped gauges through `ServiceMetrics.addScrapedGauge`.
 */
@Module({})
export class ServiceMetricsModule implements NestModule, OnModuleInit {
  constructor(
    // The data source and consumers live in the app's infrastructure module, looked up
    // app-wide as ServiceHealth does.
    private readonly moduleRef: ModuleRef,
    private readonly metrics: ServiceMetrics,
  ) {}

  static forRoot(service: string): DynamicModule {
    return {
      module: ServiceMetricsModule,
      providers: [{ provide: ServiceMetrics, useValue: new ServiceMetrics(service) }, HttpMetricsMiddleware],
      exports: [ServiceMetrics],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('{*path}');
  }

  onModuleInit(): void {
    const consumerGroups = this.moduleRef.get(ConsumerGroups, { strict: false });
    consumerGroups.observe((group, consumer) => recordConsumerMetrics(this.metrics, group, consumer));
    this.metrics.addScrapedGauge({
      name: 'redcrowd_consumer_batches_held',
      help: 'Batches held, uncommitted, until the database answers again (consumption is paused meanwhile).',
      labelNames: ['group'],
      collect: (gauge) => {
        for (const group of consumerGroups.groupNames())
          gauge.set({ group }, consumerGroups.heldBatches(group));
      },
    });
    const dataSource = this.moduleRef.get(DataSource, { strict: false });
    const outbox = new OutboxRepository();
    let pending: ReturnType<OutboxRepository['backlogAge']> | undefined;
    // Both gauges come from one query per scrape.
    const backlogAge = () =>
      (pending ??= outbox.backlogAge(dataSource, OUTBOX_BACKLOG_CAP).finally(() => (pending = undefined)));
    this.metrics.addScrapedGauge({
      name: 'redcrowd_outbox_backlog_events',
      help: `Outbox events waiting to be published (counted up to ${OUTBOX_BACKLOG_CAP}).`,
      collect: async (gauge) => gauge.set((await backlogAge()).backlog),
    });
    this.metrics.addScrapedGauge({
      name: 'redcrowd_outbox_oldest_age_seconds',
      help: 'How long the oldest unpublished outbox event has waited; 0 when none waits.',
      collect: async (gauge) => gauge.set((await backlogAge()).oldestAgeSeconds),
    });
  }
}
