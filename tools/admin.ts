// The libraries' TypeORM entities and contract classes use decorator metadata.
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { AccountAdministration, SignInService, TokenKeys } from '@redcrowd/accounts';
import { DomainError } from '@redcrowd/contracts';
import { UnitOfWork, createDataSource } from '@redcrowd/persistence';
import { ACCESS_TOKEN_TTL_SECONDS, authSettingsFor } from './infra/dev-auth';
import { InfraError } from './infra/errors';
import { ensureDatabase, ensurePostgres } from './infra/postgres';
import { runMain } from './infra/processes';

/*
 * `npm run admin -- <command>` (in the Docker image: `node dist/tools/admin.js <command>`):
 *   create-admin --login 13800138000 --name 张三   an admin account and its one-time setup link
 *   rotate-keys                                   a new token signing key; old tokens stay valid
 * Against DATABASE_URL (or the local Postgres `npm start` uses). Nothing ships with a password:
 * the first admin chooses one through the printed link, which works once, for 24 hours.
 */
const USAGE = [
  'Usage: npm run admin -- create-admin --login <mobile number or name> --name <display name>',
  '       npm run admin -- rotate-keys',
].join('\n');

async function main(args: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { login: { type: 'string' }, name: { type: 'string' } },
  });
  const [command] = positionals;
  if (command !== 'create-admin' && command !== 'rotate-keys') throw new InfraError(USAGE);
  if (command === 'create-admin' && (!values.login || !values.name)) throw new InfraError(USAGE);

  const postgres = await ensurePostgres(process.env);
  await ensureDatabase(postgres.url);
  const dataSource = await createDataSource({
    databaseUrl: postgres.url,
    poolSize: 1,
    applicationName: 'redcrowd-admin',
  }).initialize();
  try {
    const work = new UnitOfWork(dataSource);
    const keys = new TokenKeys(work, {
      settings: authSettingsFor(process.env),
      accessTokenTtlSeconds: Number(process.env.MATCHER_ACCESS_TOKEN_TTL_SECONDS ?? ACCESS_TOKEN_TTL_SECONDS),
    });
    if (command === 'rotate-keys') {
      const rotation = await keys.rotate();
      console.log(`Signing with key ${rotation.kid} from now on.`);
      for (const kid of rotation.retired) {
        console.log(
          `Key ${kid} signs no more; tokens it signed verify until ${rotation.publishedUntil.toISOString()}.`,
        );
      }
      return 0;
    }
    const signIn = new SignInService(work, keys, { sessionTtlSeconds: 3600, accessTokenTtlSeconds: 600 });
    const { account, setupLink } = await new AccountAdministration(work, signIn)
      .createAccount(
        {
          login: values.login!,
          displayName: values.name!,
          membership: { role: 'admin', allianceId: null, unitId: null, communityId: null },
        },
        'setup',
      )
      .catch((error: unknown) => {
        // A refusal (a name taken, a malformed number) is the operator's to fix: say it plainly.
        throw error instanceof DomainError ? new InfraError(`Not created: ${error.message}.`) : error;
      });
    const publicUrl = (process.env.MATCHER_PUBLIC_URL ?? 'http://127.0.0.1:3001').replace(/\/$/, '');
    console.log(`Created admin ${account.displayName} (sign-in name ${account.login}).`);
    console.log(`Open this link once, before ${setupLink.expiresAt.toISOString()}, to choose the password:`);
    console.log(`  ${publicUrl}/dashboard/#link=${setupLink.secret}`);
    return 0;
  } finally {
    await dataSource.destroy();
  }
}

runMain(() => main(process.argv.slice(2)));
