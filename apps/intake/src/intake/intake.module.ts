import { Module, type DynamicModule } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { topicNames } from '@redcrowd/contracts';
import { OutboxRelay } from '@redcrowd/kafka';
import { authProviders } from '@redcrowd/nest-auth';
import { httpEdgeProviders } from '@redcrowd/nest-http';
import { KAFKA, PRODUCER, serviceInfrastructure } from '@redcrowd/nest-kafka';
import {
  AlliancePolicyRepository,
  AllianceTaxonomyRepository,
  IntakeRejectionRepository,
  ListStoreRepository,
  OutboxRepository,
  ProcessedMessageRepository,
  RosterRepository,
} from '@redcrowd/persistence';
import type { JsonLogger } from '@redcrowd/runtime';
import type { IntakeConfig } from '../config/intake.config';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { HealthController } from './health.controller';
import { ListIntakeService } from './list-intake.service';
import { ListSubmissionsHandler } from './list-submissions.handler';
import { ListsController } from './lists.controller';
import { WorkbookImportService } from '../workbooks/workbook-import.service';
import { WorkbooksController } from '../workbooks/workbooks.controller';

@Module({})
export class IntakeModule {
  static forRoot(config: IntakeConfig, logger: JsonLogger): DynamicModule {
    const topics = topicNames(config.KAFKA_TOPIC_PREFIX);
    return {
      module: IntakeModule,
      controllers: [ListsController, WorkbooksController, ListSubmissionsHandler, HealthController],
      providers: [
        ...authProviders(config),
        ...httpEdgeProviders(logger),
        ...serviceInfrastructure({
          service: 'intake',
          clientId: config.KAFKA_CLIENT_ID,
          config,
          logger,
          lockTimeoutMs: config.DB_LOCK_TIMEOUT_MS,
        }),
        ListStoreRepository,
        ProcessedMessageRepository,
        IntakeRejectionRepository,
        AllianceTaxonomyRepository,
        RosterRepository,
        AlliancePolicyRepository,
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
            RosterRepository,
            AlliancePolicyRepository,
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
            roster: RosterRepository,
            policies: AlliancePolicyRepository,
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
              roster,
              policies,
              relay,
              deadLetters,
              topics,
              consumerGroup: config.INTAKE_CONSUMER_GROUP,
              retry: { maxAttempts: config.INTAKE_MAX_ATTEMPTS, baseDelayMs: config.INTAKE_RETRY_BASE_MS },
              logger,
            }),
        },
        {
          provide: WorkbookImportService,
          inject: [ListIntakeService, DataSource, AllianceTaxonomyRepository],
          useFactory: (
            intake: ListIntakeService,
            dataSource: DataSource,
            taxonomy: AllianceTaxonomyRepository,
          ) =>
            new WorkbookImportService({ intake, dataSource, taxonomy, timeZone: config.ALLIANCE_TIME_ZONE }),
        },
      ],
      exports: [KAFKA],
    };
  }
}
