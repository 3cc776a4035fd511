import { TokenKeys } from '@redcrowd/accounts';
import type { TokenSettings } from '@redcrowd/auth';
import { UnitOfWork, createDataSource } from '@redcrowd/persistence';

/** The issuer and audience every app checks: AUTH_ISSUER / AUTH_AUDIENCE, or redcrowd's defaults. */
export function authSettingsFor(env: NodeJS.ProcessEnv): TokenSettings {
  return { issuer: env.AUTH_ISSUER ?? 'redcrowd', audience: env.AUTH_AUDIENCE ?? 'redcrowd-api' };
}

/** The default lifetime of access tokens (MATCHER_ACCESS_TOKEN_TTL_SECONDS overrides it in the matcher). */
export const ACCESS_TOKEN_TTL_SECONDS = 600;

/**
 * The signing keys in the database, for a command-line tool (npm start's demo, the key
 * rotation command): the same keys the matcher signs with. Close it when done.
 */
export async function openTokenKeys(
  databaseUrl: string,
  settings: TokenSettings,
): Promise<{ keys: TokenKeys; work: UnitOfWork; close: () => Promise<void> }> {
  const dataSource = await createDataSource({
    databaseUrl,
    poolSize: 1,
    applicationName: 'redcrowd-tools',
  }).initialize();
  const work = new UnitOfWork(dataSource);
  const keys = new TokenKeys(work, { settings, accessTokenTtlSeconds: ACCESS_TOKEN_TTL_SECONDS });
  return { keys, work, close: () => dataSource.destroy() };
}
