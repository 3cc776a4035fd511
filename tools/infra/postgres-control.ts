import { Client } from 'pg';
import { InfraError } from './errors';
import { ensurePostgres, isEmbeddedDataDirectory, stopEmbeddedPostgres } from './postgres';
import { errorMessage, runCommand } from './processes';

/**
 * Stops and starts the PostgreSQL server behind a URL, for the fault suite's outages: a
 * cluster of the machine (Debian's pg_ctlcluster) or the embedded server `npm test` may
 * have started. A server it cannot control (another host, a managed service) is refused
 * with the reason, never skipped.
 */
export interface PostgresServerControl {
  /** e.g. "cluster 15/main" or "embedded server on port 54329". */
  readonly name: string;
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function postgresServerControl(url: string): Promise<PostgresServerControl> {
  const { dataDirectory, port } = await serverFacts(url);
  if (isEmbeddedDataDirectory(dataDirectory)) {
    return {
      name: `embedded server on port ${port}`,
      async stop() {
        await stopEmbeddedPostgres();
      },
      async start() {
        await ensurePostgres({ REDCROWD_FORCE_EMBEDDED_PG: '1', EMBEDDED_PG_PORT: String(port) });
      },
    };
  }
  const cluster = await clusterWithDataDirectory(dataDirectory);
  if (!cluster) {
    throw new InfraError(
      `The fault suite stops and starts PostgreSQL, but the server at ${new URL(url).host} (data in ${dataDirectory}) ` +
        'is neither a cluster that pg_lsclusters lists nor the embedded server. Run the suite against the ' +
        "machine's PostgreSQL (pg_ctlcluster) or leave DATABASE_URL unset so that npm test starts one.",
    );
  }
  const ctl = async (action: 'stop' | 'start') => {
    // --skip-systemctl-redirect: machines without systemd (containers, CI) have the cluster
    // started by pg_ctlcluster itself.
    const args = ['--skip-systemctl-redirect', cluster.version, cluster.name, action];
    const result = await runCommand('pg_ctlcluster', action === 'stop' ? [...args, '-m', 'fast'] : args);
    if (result.exitCode !== 0) {
      throw new InfraError(`pg_ctlcluster ${args.join(' ')} failed:\n${result.output.trim()}`);
    }
  };
  return {
    name: `cluster ${cluster.version}/${cluster.name}`,
    stop: () => ctl('stop'),
    start: () => ctl('start'),
  };
}

async function serverFacts(url: string): Promise<{ dataDirectory: string; port: number }> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    const directory = await client.query<{ data_directory: string }>('SHOW data_directory');
    const port = await client.query<{ port: string }>('SHOW port');
    return { dataDirectory: directory.rows[0]!.data_directory, port: Number(port.rows[0]!.port) };
  } catch (error) {
    throw new InfraError(
      `Cannot ask PostgreSQL at ${new URL(url).host} where its data is (a superuser may): ${errorMessage(error)}`,
    );
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function clusterWithDataDirectory(
  dataDirectory: string,
): Promise<{ version: string; name: string } | undefined> {
  const listed = await runCommand('pg_lsclusters', ['--no-header']).catch(() => undefined);
  if (!listed || listed.exitCode !== 0) return undefined;
  for (const line of listed.stdout.split('\n')) {
    // Ver Cluster Port Status Owner Data-directory Log-file
    const [version, name, , , , directory] = line.trim().split(/\s+/);
    if (version && name && directory === dataDirectory) return { version, name };
  }
  return undefined;
}
