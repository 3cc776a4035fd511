import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { brokers, databaseUrl, isolatedTopics } from '@test/support/topics';

const DIST_TOOLS = join(__dirname, '..', '..', 'dist', 'tools');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a built tool as its npm script does, with extra environment, and collects its output. */
function runTool(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(DIST_TOOLS, script), ...args], {
      env: { ...process.env, KAFKA_BROKERS: brokers().join(','), DATABASE_URL: databaseUrl(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The value column of a `name  value` row the benches print. */
function row(output: string, name: string): string {
  const line = output.split('\n').find((candidate) => candidate.startsWith(name));
  if (!line) throw new Error(`no row "${name}" in:\n${output}`);
  return line.slice(name.length).trim();
}

/*
 * A tiny run of every bench and command-line tool README names, so none can break unnoticed
 * (bench:intake once exited at once without a sign-in setting, and nothing saw it). The figures
 * are not judged here — benches do that at full size — only that each tool runs and reports.
 */
describe('benches and tools at tiny size', () => {
  it('bench:intake publishes seeded lists to a real intake and reports throughput beside raw Kafka', async () => {
    const run = await runTool('bench/intake.bench.js', [], { BENCH_LISTS: '12' });
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toContain('Seed 2022: 12 resource lists,');
    expect(row(run.stdout, 'raw kafkajs produce->consume')).toMatch(/^[\d,]+ items\/s \([\d,]+ lists\/s\)$/);
    expect(row(run.stdout, 'intake accepted')).toMatch(/^[\d,]+ items\/s \([\d,]+ lists\/s\)$/);
    expect(row(run.stdout, 'intake / raw kafkajs')).toMatch(/^\d+\.\d\dx$/);
    expect(row(run.stdout, 'latency p50 / p99, one list every 25 ms')).toMatch(/^\d+ \/ \d+ ms$/);
    expect(row(run.stdout, 'save() / jsonb_to_recordset')).toMatch(/^\d+\.\dx slower$/);
  });

  it('bench:import uploads a workbook to a real intake and reports rows/s beside JSON lists of the same rows', async () => {
    const run = await runTool('bench/import.bench.js', [], {
      BENCH_IMPORT_ROWS: '40',
      BENCH_IMPORT_ROUNDS: '1',
    });
    expect(run).toMatchObject({ code: 0 });
    expect(run.stdout).toContain('40 rows: a ');
    for (const name of [
      'workbook read in process',
      'workbook upload to intake',
      'JSON lists of 1000 rows to intake',
    ]) {
      expect(row(run.stdout, name)).toMatch(/^[\d,]+ rows\/s \(\d+ ms\)$/);
    }
    expect(row(run.stdout, 'workbook upload / JSON')).toMatch(/^\d+\.\d\dx the time$/);
  });

  it('bench:match solves seeded instances beside highs and greedy, with the incremental and pipeline series', async () => {
    const run = await runTool('bench/match.bench.js', [], {
      BENCH_MATCH_SIZES: '30',
      BENCH_MATCH_POOL: '40',
    });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const [objective, highsObjective] = row(run.stdout, '30×30')
      .split(/\s{2,}/)
      .filter((_, column) => column === 3 || column === 5);
    // The exact solver and the LP reference agree on the optimum.
    expect(objective).toMatch(/^\d+\.\d\d$/);
    expect(highsObjective).toBe(objective);
    expect(run.stdout).toMatch(
      /Incremental: 40 demands arriving one by one in a solved 40×40 pool: .*objective equals a fresh solve: yes\./,
    );
    expect(run.stdout).toMatch(
      /Full match\(\) on a city pool of 40 resource and 40 demand items .* \d+ projects proposed/,
    );
  });

  it('infra:up and migrate use the configured Kafka and Postgres and print what to export', async () => {
    const up = await runTool('infra-cli.js', ['up']);
    expect(up).toMatchObject({ code: 0 });
    expect(up.stdout.trim().split('\n')).toEqual([
      `KAFKA_BROKERS=${brokers().join(',')}`,
      `DATABASE_URL=${databaseUrl()}`,
    ]);
    const migrate = await runTool('infra-cli.js', ['migrate']);
    expect(migrate).toMatchObject({ code: 0, stdout: '' });
    expect(migrate.stderr).toContain('Database schema is up to date.');
    const wrong = await runTool('infra-cli.js', ['sideways']);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Usage: node dist/tools/infra-cli.js up|down|migrate|topics');
  });

  it('admin creates the first admin with a one-time setup link, refuses a taken name, and rotates keys', async () => {
    const login = `139${String(Date.now()).slice(-8)}`;
    const created = await runTool('admin.js', ['create-admin', '--login', login, '--name', '系统管理员']);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(created.stdout).toContain(`Created admin 系统管理员 (sign-in name ${login}).`);
    expect(created.stdout).toMatch(/^ {2}http:\/\/127\.0\.0\.1:3001\/dashboard\/#link=[A-Za-z0-9_-]{43}$/m);
    const again = await runTool('admin.js', ['create-admin', '--login', login, '--name', '又一个']);
    expect(again.code).toBe(1);
    expect(again.stderr.trim()).toBe(`Not created: an account signs in as ${login} already.`);
    const rotated = await runTool('admin.js', ['rotate-keys']);
    expect(rotated).toMatchObject({ code: 0, stderr: '' });
    expect(rotated.stdout).toMatch(/^Signing with key [A-Za-z0-9_-]{43} from now on\.$/m);
    const usage = await runTool('admin.js', ['create-admin']);
    expect(usage.code).toBe(1);
    expect(usage.stderr).toContain('Usage: npm run admin -- create-admin --login');
  });

  it('replay-dead-letters publishes the message of a dead letter again once, and refuses an unclear command', async () => {
    const { prefix, topics } = await isolatedTopics();
    const id = randomUUID();
    const producer = new Kafka({ brokers: brokers(), logLevel: logLevel.NOTHING }).producer();
    await producer.connect();
    await producer.send({
      topic: topics.intakeDeadLetter,
      acks: -1,
      messages: [
        {
          key: 'unit-haust',
          value: JSON.stringify({
            eventId: id,
            rejectionEventId: randomUUID(),
            originTopic: topics.resourceListSubmitted,
            originPartition: 0,
            originOffset: '0',
            originKey: 'unit-haust',
            valueBase64: Buffer.from('{"listId":"rl-smoke"}').toString('base64'),
            attempts: 3,
            error: 'connection refused',
            failedAt: new Date().toISOString(),
          }),
        },
      ],
    });
    await producer.disconnect();
    const env = { KAFKA_TOPIC_PREFIX: prefix };
    const first = await runTool('replay-dead-letters.js', ['--id', id], env);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    expect(first.stdout).toContain(`replayed  ${id}  ${topics.resourceListSubmitted}/0/0  key unit-haust`);
    expect(first.stdout).toContain('Replayed 1 dead letter, skipped 0 (0 dead letters not selected).');
    const again = await runTool('replay-dead-letters.js', ['--all'], env);
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(again.stdout).toContain(`skipped  ${id}  already-replayed`);
    const missing = await runTool('replay-dead-letters.js', ['--id', 'no-such-letter', '--dry-run'], env);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain('not found  no-such-letter');
    const unclear = await runTool('replay-dead-letters.js', ['--all', '--id', id], env);
    expect(unclear.code).toBe(1);
    expect(unclear.stderr).toContain('choose one of --all, --from/--to and --id');
    expect(unclear.stderr).toContain('Usage: npm run replay-dead-letters --');
  });

  it('test:mutation mutates a target (narrowed to one small file) and reports its score', async () => {
    const run = await runTool('mutation/run.js', ['auth', '--files', 'libs/auth/src/auth.errors.ts']);
    // On failure, show why: Stryker's own log says which spec failed in its sandbox.
    expect({
      code: run.code,
      output: run.code === 0 ? '' : `${run.stdout}\n${run.stderr}`.slice(-6000),
    }).toEqual({
      code: 0,
      output: '',
    });
    expect(run.stdout).toContain('| auth | 1 / 1 | 100.0% | 90% |');
    const unknown = await runTool('mutation/run.js', ['everything']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(
      'unknown mutation target "everything"; choose one of: solver, matching, validation, auth, projects, accounts, all',
    );
  }, 600_000);
});
