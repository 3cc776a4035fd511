import { randomUUID } from 'node:crypto';
import { Global, Module, type DynamicModule, type INestApplicationContext, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { parseList, topicNames, type ListKind } from '@redcrowd/contracts';
import { DatabaseThrottlerStorage } from '@redcrowd/nest-http';
import { DatabaseProbe, LOGGER, PRODUCER } from '@redcrowd/nest-kafka';
import { createDataSource, ListStoreRepository, OutboxRepository, UnitOfWork } from '@redcrowd/persistence';
import { JsonLogger } from '@redcrowd/runtime';
import { MatcherConfig } from '../../apps/matcher/src/config/matcher.config';
import { MATCHER_REPOSITORIES } from '../../apps/matcher/src/core/repositories';
import { TenantScope } from '../../apps/matcher/src/core/tenant-scope';
import { MATCHER_CONFIG, TOPICS } from '../../apps/matcher/src/core/tokens';
import { demandItem, demandList, resourceItem, resourceList } from '../fixtures/lists';
import { enroll } from './roster';

/** A producer is only used for answers the database could not hold; here there is no Kafka at all. */
const NO_KAFKA = {
  send: () =>
    Promise.reject(new Error('the services tier has no Kafka: a use case tried to publish directly')),
};

/**
 * What MatcherCoreModule provides in the app, minus Kafka and HTTP: the same repositories,
 * unit of work and tenant scope over a real database. Events stay in the outbox table, where
 * tests read them.
 */
@Global()
@Module({})
class ServicesCoreModule {
  static over(dataSource: DataSource, config: MatcherConfig): DynamicModule {
    const logger = new JsonLogger('services-test', 'error');
    return {
      module: ServicesCoreModule,
      providers: [
        { provide: MATCHER_CONFIG, useValue: config },
        { provide: TOPICS, useValue: topicNames(config.KAFKA_TOPIC_PREFIX) },
        { provide: LOGGER, useValue: logger },
        { provide: PRODUCER, useValue: NO_KAFKA },
        { provide: UnitOfWork, useValue: new UnitOfWork(dataSource) },
        { provide: DatabaseProbe, useValue: new DatabaseProbe(dataSource) },
        {
          provide: DatabaseThrottlerStorage,
          // A scope of its own, so suites' sign-in counts never meet.
          useValue: new DatabaseThrottlerStorage(dataSource, logger, `services-${randomUUID()}`),
        },
        OutboxRepository,
        ...MATCHER_REPOSITORIES,
        TenantScope,
      ],
      exports: [
        MATCHER_CONFIG,
        TOPICS,
        LOGGER,
        PRODUCER,
        DatabaseProbe,
        DatabaseThrottlerStorage,
        UnitOfWork,
        OutboxRepository,
        ...MATCHER_REPOSITORIES,
        TenantScope,
      ],
    };
  }
}

export interface ServicesContext {
  app: INestApplicationContext;
  /** A plain connection for arranging and asserting rows. */
  db: Client;
  dataSource: DataSource;
  topics: ReturnType<typeof topicNames>;
  get<T>(type: Type<T>): T;
  close(): Promise<void>;
}

/** Starts the given feature modules of the matcher against DATABASE_URL (migrated by `npm test`). */
export async function startServices(features: Type[]): Promise<ServicesContext> {
  const databaseUrl = process.env.DATABASE_URL!;
  const config = Object.assign(new MatcherConfig(), {
    DATABASE_URL: databaseUrl,
    // Sweeps are called by the tests themselves, not by a timer.
    MATCHER_OFFER_SWEEP_MS: 3_600_000,
  });
  const dataSource = await createDataSource({
    databaseUrl,
    poolSize: 4,
    applicationName: 'redcrowd-services-test',
  }).initialize();
  @Module({ imports: [ServicesCoreModule.over(dataSource, config), ...features] })
  class ServicesRootModule {}
  const app = await NestFactory.createApplicationContext(ServicesRootModule, { logger: false });
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  return {
    app,
    db,
    dataSource,
    topics: topicNames(config.KAFKA_TOPIC_PREFIX),
    get: (type) => app.get(type, { strict: false }),
    close: async () => {
      await app.close();
      await dataSource.destroy();
      await db.end();
    },
  };
}

/**
 * Stores lists as intake would (parsed by the contracts, written by the list store), for a
 * fresh alliance: 空空导弹研究院's canteen (`capacity` meals) and 014中心社区's demand, their
 * submitters active members of its roster. `roster: false` enrolls nobody (for a database
 * from before the roster).
 */
export async function seedAlliance(
  context: ServicesContext,
  options: { capacity?: number; demandQuantity?: number; units?: number; roster?: boolean } = {},
): Promise<{ allianceId: string; units: string[]; communityId: string }> {
  const allianceId = `alliance-${randomUUID().slice(0, 8)}`;
  const communityId = `community-014-${allianceId}`;
  const units = Array.from({ length: options.units ?? 1 }, (_, index) => `unit-${index}-${allianceId}`);
  const lists: Array<[ListKind, Record<string, unknown>]> = units.map((unitId, index) => [
    'resource',
    resourceList({
      listId: `rl-${index}`,
      allianceId,
      unit: { id: unitId, name: `成员单位${index + 1}` },
      items: [
        resourceItem({
          itemId: 'canteen',
          category: 'elderly-care',
          unit: 'meals',
          quantity: options.capacity ?? 30,
        }),
      ],
    }),
  ]);
  lists.push([
    'demand',
    demandList({
      listId: 'dl-1',
      allianceId,
      submitter: { kind: 'community', id: communityId, name: '014中心社区' },
      items: [demandItem({ quantity: options.demandQuantity ?? 40 })],
    }),
  ]);
  if (options.roster !== false) {
    await enroll(
      context.db,
      allianceId,
      ...units.map((id, index) => ({ kind: 'unit', id, name: `成员单位${index + 1}` })),
      { kind: 'community', id: communityId, name: '014中心社区' },
    );
  }
  const store = new ListStoreRepository();
  await context.dataSource.transaction(async (manager) => {
    for (const [kind, document] of lists) {
      const parsed = parseList(kind, JSON.stringify(document));
      if (!parsed.ok) throw new Error(`fixture list invalid: ${JSON.stringify(parsed.problems)}`);
      await store.store(manager, parsed.list);
    }
  });
  return { allianceId, units, communityId };
}

/** The events a project's use cases left in the outbox, oldest first, as `topic: payload`. */
export async function outboxOf(
  context: ServicesContext,
  projectId: string,
): Promise<Array<{ topic: string; payload: Record<string, any> }>> {
  const { rows } = await context.db.query(
    `SELECT topic, payload FROM outbox_events
     WHERE payload->>'projectId' = $1 OR payload->'project'->>'projectId' = $1 ORDER BY id`,
    [projectId],
  );
  return rows;
}
