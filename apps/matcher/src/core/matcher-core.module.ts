import { Global, Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { topicNames } from '@redcrowd/contracts';
import { OutboxRelay } from '@redcrowd/kafka';
import { authProviders } from '@redcrowd/nest-auth';
import { DatabaseThrottlerStorage, httpEdgeProviders } from '@redcrowd/nest-http';
import { DatabaseProbe, KAFKA, LOGGER, PRODUCER, serviceInfrastructure } from '@redcrowd/nest-kafka';
import { OutboxRepository, UnitOfWork } from '@redcrowd/persistence';
import type { JsonLogger } from '@redcrowd/runtime';
import type { MatcherConfig } from '../config/matcher.config';
import { MATCHER_REPOSITORIES } from './repositories';
import { TenantGuard } from './tenant.guard';
import { TenantScope } from './tenant-scope';
import { MATCHER_CONFIG, TOPICS } from './tokens';

/**
 * What every feature of the matcher shares, provided once: configuration, topic names,
 * sign-in, the HTTP edge (request guard, error filter), the database and Kafka, the unit of
 * work and the repositories. Features import nothing else from each other but their modules.
 */
@Global()
@Module({})
export class MatcherCoreModule {
  static forRoot(config: MatcherConfig, logger: JsonLogger): DynamicModule {
    return {
      module: MatcherCoreModule,
      providers: [
        { provide: MATCHER_CONFIG, useValue: config },
        { provide: TOPICS, useValue: topicNames(config.KAFKA_TOPIC_PREFIX) },
        // Sign-in first, then the tenant check: guards run in the order they are provided.
        ...authProviders(config),
        { provide: APP_GUARD, useClass: TenantGuard },
        ...httpEdgeProviders(logger),
        ...serviceInfrastructure({ service: 'matcher', clientId: config.MATCHER_CLIENT_ID, config, logger }),
        {
          provide: UnitOfWork,
          inject: [DataSource, OutboxRelay],
          useFactory: (dataSource: DataSource, relay: OutboxRelay) =>
            // Events leave at once after a commit; if Kafka is away, the relay's sweep retries.
            new UnitOfWork(dataSource, async () => {
              await relay
                .flush()
                .catch((error: unknown) =>
                  logger.event('warn', 'outbox flush failed; the sweep will retry', { error: String(error) }),
                );
            }),
        },
        {
          // Rate limits (writes, sign-in attempts) counted across every matcher instance.
          provide: DatabaseThrottlerStorage,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) =>
            new DatabaseThrottlerStorage(dataSource, logger, `${config.KAFKA_TOPIC_PREFIX}matcher`),
        },
        ...MATCHER_REPOSITORIES,
        TenantScope,
      ],
      exports: [
        DatabaseThrottlerStorage,
        MATCHER_CONFIG,
        TOPICS,
        LOGGER,
        KAFKA,
        DatabaseProbe,
        PRODUCER,
        UnitOfWork,
        OutboxRepository,
        ...MATCHER_REPOSITORIES,
        TenantScope,
      ],
    };
  }
}
