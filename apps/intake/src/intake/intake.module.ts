import { Module, type DynamicModule } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { topicNames } from '@redcrowd/contracts';
import { OutboxRelay } from '@redcrowd/kafka';
import { authProviders } from '@redcrowd/nest-auth';
import { RequestLoggingModule, httpEdgeProviders } from '@redcrowd/nest-http';
import { KAFKA, PRODUCER, serviceInfrastructure } from '@redcrowd/nest-kafka';
import {
  AlliancePolicyRepository,
  AllianceTaxonomyRepository,
  GazetteerRepository,
  IntakeRejectionRepository,
  ListStoreRepository,
  OutboxRepository,
  ProcessedMessageRepository,
  RosterRepository,
} from '@redcrowd/persistence';
import type { JsonLogger } from '@redcrowd/runtime';
import type { IntakeConfig } from '../config/intake.config';
import { HealthModule } from '../health/health.module';
import { MetricsModule } from '../metrics/metrics.module';
import { DeadLetterPublisher } from './dead-letter.publisher';
import { ListIntakeService } from './list-intake.service';
import { ListSubmissionsHandler } from './list-submissions.handler';
import { ListsController } from './lists.controller';
import { allianceGazetteer } from '../workbooks/alliance-gazetteer';
import { StoredListWorkbookService } from '../workbooks/stored-list-workbook.service';
import { WorkbookImportService } from '../workbooks/workbook-import.service';
import { WorkbooksController } from '../workbooks/workbooks.controller';

@Module({})
export class IntakeModule {
  static forRoot(config: IntakeConfig, logger: JsonLogger): DynamicModule {
    const topics = topicNames(config.KAFKA_TOPIC_PREFIX);
    return {
      module: IntakeModule,
      imports: [RequestLoggingModule.forRoot(logger), HealthModule, MetricsModule],
      controllers: [ListsController, WorkbooksController, ListSubmissionsHandler],
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
        GazetteerRepository,
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
              defaultTimeZone: config.ALLIANCE_TIME_ZONE,
              retry: { maxAttempts: config.INTAKE_MAX_ATTEMPTS, baseDelayMs: config.INTAKE_RETRY_BASE_MS },
              logger,
            }),
        },
        {
          provide: WorkbookImportService,
          inject: [ListIntakeService, DataSource, AllianceTaxonomyRepository, GazetteerRepository],
          useFactory: (
            intake: ListIntakeService,
            dataSource: DataSource,
            taxonomy: AllianceTaxonomyRepository,
            gazetteer: GazetteerRepository,
          ) =>
            new WorkbookImportService({
              intake,
              dataSource,
              taxonomy,
              places: allianceGazetteer(dataSource, gazetteer),
            }),
        },
        {
          provide: StoredListWorkbookService,
          inject: [DataSource, ListStoreRepository, AllianceTaxonomyRepository, AlliancePolicyRepository],
          useFactory: (
            dataSource: DataSource,
            lists: ListStoreRepository,
            taxonomy: AllianceTaxonomyRepository,
            policies: AlliancePolicyRepository,
          ) =>
            new StoredListWorkbookService({
              dataSource,
              lists,
              taxonomy,
              policies,
              defaultTimeZone: config.ALLIANCE_TIME_ZONE,
            }),
        },
      ],
      exports: [KAFKA],
    };
  }
}
