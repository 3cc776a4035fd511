import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface DataSourceOptions {
  databaseUrl: string;
  /** Connections in the pool; intake needs few, as it writes in batches. */
  poolSize?: number;
  /** Fail a statement that waits this long for a lock, so retries stay bounded. */
  lockTimeoutMs?: number;
  applicationName?: string;
}

/** The one way redcrowd connects to Postgres. Schema changes only through migrations. */
export function createDataSource(options: DataSourceOptions): DataSource {
  const lockTimeout = options.lockTimeoutMs ?? 10_000;
  return new DataSource({
    type: 'postgres',
    url: options.databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    // gen_random_uuid() is built into PostgreSQL 13+: no extension to install (or to be allowed to).
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    extra: {
      max: options.poolSize ?? 10,
      application_name: options.applicationName ?? 'redcrowd',
      options: `-c lock_timeout=${lockTimeout}`,
    },
  });
}

/** Applies pending migrations; returns the names of those it ran. */
export async function runMigrations(databaseUrl: string): Promise<string[]> {
  const dataSource = createDataSource({ databaseUrl, poolSize: 1 });
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}
