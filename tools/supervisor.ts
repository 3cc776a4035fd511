import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { AppSpec } from './apps';

const STOP_GRACE_MS = 15_000;
const MAX_RESTARTS_PER_MINUTE = 3;

/**
 * Runs the apps as child processes: prefixes their output, restarts one that crashes (a
 * few times a minute at most, then gives up and stops everything), and stops them all
 * on request, politely first.
 */
export class Supervisor {
  private readonly children = new Map<string, ChildProcess>();
  private readonly restarts = new Map<string, number[]>();
  private stopping = false;

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly onGiveUp: (reason: string) => void,
  ) {}

  /** Starts an app and resolves when its ready marker appears in its output. */
  start(app: AppSpec): Promise<void> {
    const child = spawn(process.execPath, [app.main], { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
    this.children.set(app.name, child);
    return new Promise((resolve, reject) => {
      let ready = false;
      const prefix = `${app.name.padEnd(8)}| `;
      for (const stream of [child.stdout, child.stderr]) {
        createInterface({ input: stream! }).on('line', (line) => {
          process.stdout.write(`${prefix}${line}\n`);
          if (!ready && line.includes(app.readyMarker)) {
            ready = true;
            resolve();
          }
        });
      }
      child.once('exit', (code, signal) => {
        this.children.delete(app.name);
        if (this.stopping) return;
        const reason = `${app.name} exited (${signal ?? `code ${code}`})`;
        if (!ready) return reject(new Error(`${reason} before it was ready`));
        this.restartOrGiveUp(app, reason);
      });
    });
  }

  async stopAll(): Promise<void> {
    this.stopping = true;
    await Promise.all(
      [...this.children.values()].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            child.kill('SIGTERM');
          }),
      ),
    );
  }

  private restartOrGiveUp(app: AppSpec, reason: string): void {
    const now = Date.now();
    const recent = (this.restarts.get(app.name) ?? []).filter((time) => now - time < 60_000);
    if (recent.length >= MAX_RESTARTS_PER_MINUTE) {
      this.onGiveUp(`${reason}; it crashed ${recent.length + 1} times within a minute, giving up`);
      return;
    }
    this.restarts.set(app.name, [...recent, now]);
    console.error(`${reason}; restarting it`);
    this.start(app).catch((error: unknown) => this.onGiveUp(String(error)));
  }
}
