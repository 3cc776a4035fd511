import {
  Inject,
  Injectable,
  type InjectionToken,
  type OnApplicationShutdown,
  type Provider,
} from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { OutboxRelay, createKafkaClient, parseBrokerList } from '@redcrowd/kafka';
import {
  OutboxRepository,
  createDataSource,
  databaseAnswers,
  initializeWhenReachable,
} from '@redcrowd/persistence';
import { describeError, type JsonLogger, type ServiceConfig } from '@redcrowd/runtime';
import { ConsumerGroups } from './health/consumer-groups';

export const LOGGER = Symbol('LOGGER');
export const KAFKA = Symbol('KAFKA');
export const PRODUCER = Symbol('PRODUCER');
const SHUTDOWN_OPTIONS = Symbol('SHUTDOWN_OPTIONS');

export interface ServiceInfrastructureOptions {
  /** e.g. "intake": names the database connection and the shutdown log line. */
  service: string;
  clientId: string;
  config: ServiceConfig;
  logger: JsonLogger;
  lockTimeoutMs?: number;
  /** Providers with a `stop()` to await before the relay, producer and database close. */
  stopFirst?: InjectionToken[];
}

interface Stoppable {
  stop(): Promise<void>;
}

/**
 * Whether the service's database answers now: what a consumer holding a batch through an
 * outage asks (see retryThroughOutage). Features get this, never the data source itself.
 */
@Injectable()
export class DatabaseProbe {
  constructor(private readonly dataSource: DataSource) {}

  answers(): Promise<boolean> {
    return databaseAnswers(this.dataSource);
  }
}

/** Closes what the infrastructure opened, in reverse order, when Nest shuts down. */
@Injectable()
class ServiceShutdown implements OnApplicationShutdown {
  constructor(
    private readonly moduleRef: ModuleRef,
    private readonly relay: OutboxRelay,
    @Inject(PRODUCER) private readonly producer: Producer,
    private readonly dataSource: DataSource,
    @Inject(SHUTDOWN_OPTIONS) private readonly options: ServiceInfrastructureOptions,
  ) {}

  async onApplicationShutdown(signal?: string): Promise<void> {
    for (const token of this.options.stopFirst ?? []) {
      await this.moduleRef.get<Stoppable>(token, { strict: false }).stop();
    }
    await this.relay.stop();
    await this.producer.disconnect();
    await this.dataSource.destroy();
    this.options.logger.event('info', `${this.options.service} stopped`, { signal });
  }
}

/**
 * What every redcrowd service needs, once: the TypeORM data source, a kafkajs client and
 * producer, the transactional outbox and its relay, the consumers' group state for
 * readiness (main.ts registers each consumer with `ConsumerGroups.watch`), and an orderly
 * shutdown.
 */
export function serviceInfrastructure(options: ServiceInfrastructureOptions): Provider[] {
  const { config, logger } = options;
  return [
    { provide: SHUTDOWN_OPTIONS, useValue: options },
    { provide: LOGGER, useValue: logger },
    {
      provide: DataSource,
      // A database down at start is waited for, not a reason to exit: the service comes up
      // once it answers (the orchestrator sees no health until then).
      useFactory: async () =>
        initializeWhenReachable(
          createDataSource({
            databaseUrl: config.DATABASE_URL,
            poolSize: config.DB_POOL_SIZE,
            lockTimeoutMs: options.lockTimeoutMs,
            applicationName: `redcrowd-${options.service}`,
          }),
          (error, nextAttemptInMs) =>
            logger.event('warn', 'the database is unreachable at start; waiting for it', {
              error: describeError(error),
              nextAttemptInMs,
            }),
        ),
    },
    {
      provide: KAFKA,
      useFactory: () =>
        createKafkaClient({
          brokers: parseBrokerList(config.KAFKA_BROKERS),
          clientId: options.clientId,
          log: (level, message, extra) => logger.event(level, message, extra),
        }),
    },
    {
      provide: PRODUCER,
      inject: [KAFKA],
      useFactory: async (kafka: Kafka) => {
        const producer = kafka.producer({
          allowAutoTopicCreation: false,
          createPartitioner: Partitioners.DefaultPartitioner,
        });
        await producer.connect();
        return producer;
      },
    },
    OutboxRepository,
    {
      provide: OutboxRelay,
      inject: [PRODUCER, DataSource, OutboxRepository],
      useFactory: (producer: Producer, dataSource: DataSource, outbox: OutboxRepository) => {
        const relay = new OutboxRelay(
          producer,
          (publish) => outbox.drain(dataSource, publish),
          (error) => logger.event('warn', 'outbox sweep failed', { error: String(error) }),
        );
        relay.startSweeping(config.OUTBOX_SWEEP_MS);
        return relay;
      },
    },
    ConsumerGroups,
    DatabaseProbe,
    ServiceShutdown,
  ];
}
