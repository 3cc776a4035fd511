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
import { OutboxRepository, createDataSource } from '@redcrowd/persistence';
import type { JsonLogger, ServiceConfig } from '@redcrowd/runtime';
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
      useFactory: async () =>
        createDataSource({
          databaseUrl: config.DATABASE_URL,
          poolSize: config.DB_POOL_SIZE,
          lockTimeoutMs: options.lockTimeoutMs,
          applicationName: `redcrowd-${options.service}`,
        }).initialize(),
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
    ServiceShutdown,
  ];
}
