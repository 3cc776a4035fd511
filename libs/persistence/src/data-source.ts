import { DataSource } from 'typeorm';
import { isDatabaseUnreachableError } from '@redcrowd/runtime';
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

const CONNECT_TIMEOUT_MS = 10_000;

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
      // A server that does not answer (a blackholed host) fails the connect like a refused
      // one, so retries and outage holds see it, instead of queries hanging.
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    },
  });
}

/**
 * Whether the database answers a ping within `timeoutMs`. Never throws: consumers ask it
 * while holding a batch through an outage, and readiness asks it on every probe.
 */
export async function databaseAnswers(dataSource: DataSource, timeoutMs = 1_000): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([
      dataSource.query('SELECT 1').then(
        () => true,
        () => false,
      ),
      timedOut,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Initializes `dataSource`, waiting for a database that is unreachable at start (a host
 * booting, a restart in progress) instead of exiting: `onWait` hears each failed attempt.
 * Errors that waiting cannot mend (a wrong password, a missing database) are thrown at once.
 */
export async function initializeWhenReachable(
  dataSource: DataSource,
  onWait: (error: unknown, nextAttemptInMs: number) => void,
  delays = { firstMs: 500, maxMs: 10_000 },
): Promise<DataSource> {
  for (let delay = delays.firstMs; ; delay = Math.min(delay * 2, delays.maxMs)) {
    try {
      return await dataSource.initialize();
    } catch (error) {
      if (!isDatabaseUnreachableError(error)) throw error;
      onWait(error, delay);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
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
