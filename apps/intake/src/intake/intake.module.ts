import { Module, type DynamicModule, type OnApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { Partitioners, type Kafka, type Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { topicNames } from '@redcrowd/contracts';
import { OutboxRelay, createKafkaClient, parseBrokerList } from '@redcrowd/kafka';
import {
  AllianceTaxonomyRepository,
  IntakeRejectionRepository,
  ListStoreRepository,
  OutboxRepository,
  ProcessedMessageRepository,
  createDataSource,
} from '@redcrowd/persistence';
import type { JsonLogger } from '@redcrowd/runtime';
import type { IntakeConfig } from '../config/intake.config';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { HealthController } from './health.controller';
import { ListIntakeService } from './list-intake.service';
import { ListSubmissionsHandler } from './list-submissions.handler';
import { ListsController } from './lists.controller';
import { describeError } from './retry';

export const INTAKE_CONFIG = Symbol('INTAKE_CONFIG');
export const LOGGER = Symbol('LOGGER');
export const KAFKA = Symbol('KAFKA');
export const PRODUCER = Symbol('PRODUCER');

/** Closes what the module opened, in reverse order, when Nest shuts down. */
@Injectable()
class IntakeShutdown implements OnApplicationShutdown {
  constructor(
    private readonly relay: OutboxRelay,
    @Inject(PRODUCER) private readonly producer: Producer,
    private readonly dataSource: DataSource,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  async onApplicationShutdown(signal?: string): Promise<void> {
    await this.relay.stop();
    await this.producer.disconnect();
    await this.dataSource.destroy();
    this.logger.event('info', 'intake stopped', { signal });
  }
}

@Module({})
export class IntakeModule {
  static forRoot(config: IntakeConfig, logger: JsonLogger): DynamicModule {
    const topics = topicNames(config.KAFKA_TOPIC_PREFIX);
    return {
      module: IntakeModule,
      controllers: [ListsController, ListSubmissionsHandler, HealthController],
      providers: [
        { provide: INTAKE_CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        {
          provide: DataSource,
          useFactory: async () =>
            createDataSource({
              databaseUrl: config.DATABASE_URL,
              poolSize: config.DB_POOL_SIZE,
              lockTimeoutMs: config.DB_LOCK_TIMEOUT_MS,
              applicationName: 'redcrowd-intake',
            }).initialize(),
        },
        {
          provide: KAFKA,
          useFactory: () =>
            createKafkaClient({
              brokers: parseBrokerList(config.KAFKA_BROKERS),
              clientId: config.KAFKA_CLIENT_ID,
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
        ListStoreRepository,
        OutboxRepository,
        ProcessedMessageRepository,
        IntakeRejectionRepository,
        AllianceTaxonomyRepository,
        {
          provide: OutboxRelay,
          inject: [PRODUCER, DataSource, OutboxRepository],
          useFactory: (producer: Producer, dataSource: DataSource, outbox: OutboxRepository) => {
            const relay = new OutboxRelay(
              producer,
              (publish) => outbox.drain(dataSource, publish),
              (error) => logger.event('warn', 'outbox sweep failed', { error: describeError(error) }),
            );
            relay.startSweeping(config.OUTBOX_SWEEP_MS);
            return relay;
          },
        },
        {
          provide: DeadLetterPublisher,
          inject: [PRODUCER],
          useFactory: (producer: Producer) =>
            new DeadLetterPublisher(producer, topics.intakeDeadLetter, topics.listRejected),
        },
        {
          provide: ListIntakeService,
          inject: [
            DataSource,
            ListStoreRepository,
            OutboxRepository,
            ProcessedMessageRepository,
            IntakeRejectionRepository,
            AllianceTaxonomyRepository,
            OutboxRelay,
            DeadLetterPublisher,
          ],
          useFactory: (
            dataSource: DataSource,
            lists: ListStoreRepository,
            outbox: OutboxRepository,
            processed: ProcessedMessageRepository,
            rejections: IntakeRejectionRepository,
            taxonomy: AllianceTaxonomyRepository,
            relay: OutboxRelay,
            deadLetters: DeadLetterPublisher,
          ) =>
            new ListIntakeService({
              dataSource,
              lists,
              outbox,
              processed,
              rejections,
              taxonomy,
              relay,
              deadLetters,
              topics,
              consumerGroup: config.INTAKE_CONSUMER_GROUP,
              retry: { maxAttempts: config.INTAKE_MAX_ATTEMPTS, baseDelayMs: config.INTAKE_RETRY_BASE_MS },
              logger,
            }),
        },
        IntakeShutdown,
      ],
      exports: [KAFKA],
    };
  }
}
