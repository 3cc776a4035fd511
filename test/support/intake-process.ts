import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { TEST_AUTH_ENV } from './tokens';
import { brokers, databaseUrl } from './topics';

const mainOf = (app: string) => join(__dirname, '..', '..', 'dist', 'apps', app, 'src', 'main.js');

/** A real app process (intake, matcher), started from the build, as `npm start` would run it. */
export class AppProcess {
  private child: ChildProcess | undefined;
  readonly output: string[] = [];

  constructor(
    readonly app: 'intake' | 'matcher',
    readonly topicPrefix: string,
    readonly consumerGroup: string,
    readonly port: number,
    private readonly extraEnv: Record<string, string> = {},
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /**
   * Starts it and waits until it logs `<app> ready` (HTTP up and consumers joined), or only
   * `<app> listening` (HTTP up; readiness may still be false).
   */
  async start(until: 'ready' | 'listening' = 'ready'): Promise<void> {
    const main = mainOf(this.app);
    if (!existsSync(main)) throw new Error(`${main} is missing: run \`npm run build\` (npm test does)`);
    const variable = this.app.toUpperCase();
    // A restarted process's own lines only: an earlier run's marker must not count.
    const firstLine = this.output.length;
    const child = spawn(process.execPath, [main], {
      env: {
        ...process.env,
        KAFKA_BROKERS: brokers().join(','),
        DATABASE_URL: databaseUrl(),
        KAFKA_TOPIC_PREFIX: this.topicPrefix,
        [`${variable}_CONSUMER_GROUP`]: this.consumerGroup,
        [`${variable}_HTTP_PORT`]: String(this.port),
        OUTBOX_SWEEP_MS: '500',
        // Suites send many writes with one token; security-headers.spec sets small limits.
        INTAKE_WRITE_LIMIT_PER_MINUTE: '100000',
        MATCHER_WRITE_LIMIT_PER_MINUTE: '100000',
        ...TEST_AUTH_ENV,
        ...this.extraEnv,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    const collect = (chunk: Buffer) =>
      this.output.push(...chunk.toString('utf8').split('\n').filter(Boolean));
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`${this.app} did not become ${until}:\n${this.tail()}`)),
        60_000,
      );
      const onData = () => {
        if (this.output.slice(firstLine).some((line) => line.includes(`"${this.app} ${until}"`))) {
          clearTimeout(timer);
          child.stdout?.off('data', onData);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`${this.app} exited with ${code} before it was ${until}:\n${this.tail()}`));
      });
    });
  }

  /** Stops it the hard way (SIGKILL: a crash) or the polite way (SIGTERM). */
  async stop(signal: 'SIGKILL' | 'SIGTERM' = 'SIGTERM'): Promise<number | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill(signal);
    return exited;
  }

  tail(lines = 30): string {
    return this.output.slice(-lines).join('\n');
  }
}

/** The intake app on a suite's own topics and consumer group. */
export class IntakeProcess extends AppProcess {
  static async create(topicPrefix: string, extraEnv: Record<string, string> = {}): Promise<IntakeProcess> {
    return new IntakeProcess('intake', topicPrefix, `${topicPrefix}intake`, await freePort(), extraEnv);
  }
}

/** The matcher app; instances created with the same group share the alliances. */
export class MatcherProcess extends AppProcess {
  static async create(
    topicPrefix: string,
    extraEnv: Record<string, string> = {},
    consumerGroup = `${topicPrefix}matcher`,
    port?: number,
  ): Promise<MatcherProcess> {
    return new MatcherProcess('matcher', topicPrefix, consumerGroup, port ?? (await freePort()), extraEnv);
  }
}

/**
 * A port nothing listens on, for an app to bind a moment later. Chosen below Linux's ephemeral
 * range (32768 and up): a port the kernel handed out (listen(0)) was sometimes taken, before the
 * app bound it, as the local end of one of the many Kafka and Postgres connections the suites
 * open, and the app died with EADDRINUSE.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (await canListen(port)) return port;
  }
  throw new Error('no free port between 20000 and 32000 after 50 tries');
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}
