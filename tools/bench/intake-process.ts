import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from '../infra/processes';

/** A real intake process, as `npm start` runs it, on topics of the run's own; resolves once it is ready. */
export async function startIntake(
  env: NodeJS.ProcessEnv,
  brokers: string[],
  databaseUrl: string,
  prefix: string,
): Promise<ChildProcess & { url: Promise<string> }> {
  const intake = spawn(process.execPath, [path.join(repoRoot, 'dist', 'apps', 'intake', 'src', 'main.js')], {
    env: {
      ...env,
      KAFKA_BROKERS: brokers.join(','),
      DATABASE_URL: databaseUrl,
      KAFKA_TOPIC_PREFIX: prefix,
      INTAKE_CONSUMER_GROUP: `${prefix}intake`,
      INTAKE_HTTP_PORT: '0',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // The ready line carries the address it listens on (port 0: one the system chose).
  const url = new Promise<string>((resolve, reject) => {
    createInterface({ input: intake.stdout! }).on('line', (line) => {
      if (!line.includes('"intake ready"')) return;
      try {
        resolve(String((JSON.parse(line) as { http?: string }).http).replace('[::1]', '127.0.0.1'));
      } catch {
        resolve('');
      }
    });
    intake.once('exit', (code) => reject(new Error(`intake exited with ${code}`)));
  });
  await url;
  return Object.assign(intake, { url });
}
