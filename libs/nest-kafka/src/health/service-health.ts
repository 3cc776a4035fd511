import { Inject, Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import {
  HealthCheckService,
  HealthIndicatorService,
  type HealthCheckResult,
  type HealthIndicatorResult,
} from '@nestjs/terminus';
import { OutboxRepository } from '@redcrowd/persistence';
import { DataSource } from 'typeorm';
import { ConsumerGroups } from './consumer-groups';

export const SERVICE_HEALTH_OPTIONS = Symbol('SERVICE_HEALTH_OPTIONS');

export interface ServiceHealthOptions {
  /** Readiness fails once this many outbox events wait to be published. */
  outboxBacklogLimit: number;
  /** How long the database may take to answer a ping or the backlog count. */
  databaseTimeoutMs: number;
}

export const DEFAULT_SERVICE_HEALTH_OPTIONS: ServiceHealthOptions = {
  outboxBacklogLimit: 10_000,
  databaseTimeoutMs: 1_000,
};

/**
 * Liveness and readiness of a redcrowd service, answered with terminus. Ready means: the
 * database answers, every Kafka consumer group has joined and none has crashed, the outbox
 * backlog is below its limit, and no shutdown has begun. A failing check makes terminus
 * answer 503 with every check's details.
 */
@Injectable()
export class ServiceHealth {
  constructor(
    // The data source and consumers live in the app's infrastructure module, which does not
    // export them; they are looked up app-wide, as terminus' own TypeORM indicator does.
    private readonly moduleRef: ModuleRef,
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(SERVICE_HEALTH_OPTIONS) private readonly options: ServiceHealthOptions,
  ) {}

  /**
   * The process answers. Built by hand rather than with `health.check([])`: terminus turns
   * every check into 503 once shutdown begins, and a draining process is still alive.
   */
  live(): HealthCheckResult {
    const process = this.indicators.check('process').up();
    return { status: 'ok', info: process, error: {}, details: process };
  }

  ready(): Promise<HealthCheckResult> {
    return this.health.check([() => this.consumers(), () => this.database(), () => this.outbox()]);
  }

  private consumers(): HealthIndicatorResult<'kafka'> {
    const { ready, shuttingDown, groups } = this.moduleRef.get(ConsumerGroups, { strict: false }).report();
    const kafka = this.indicators.check('kafka');
    return ready ? kafka.up({ groups }) : kafka.down({ shuttingDown, groups });
  }

  private database(): PromiseLike<HealthIndicatorResult<'database'>> {
    return this.indicators
      .check('database')
      .attempt(async () => {
        await this.dataSource().query('SELECT 1');
      })
      .withTimeout(this.options.databaseTimeoutMs);
  }

  private outbox(): PromiseLike<HealthIndicatorResult<'outbox'>> {
    const limit = this.options.outboxBacklogLimit;
    return this.indicators
      .check('outbox')
      .attempt(async () => {
        const backlog = await new OutboxRepository().backlog(this.dataSource(), limit);
        if (backlog >= limit)
          throw new Error(`at least ${backlog} events wait to be published (limit ${limit})`);
        return { backlog, limit };
      })
      .withTimeout(this.options.databaseTimeoutMs);
  }

  private dataSource(): DataSource {
    return this.moduleRef.get(DataSource, { strict: false });
  }
}
