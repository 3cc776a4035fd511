import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { reportFailure } from './errors';

/**
 * The checkout's root: the nearest folder above with a package.json. This file runs from
 * dist/tools/infra/ (the built tools) and from tools/infra/ (the fault suite, under jest).
 */
export const repoRoot = nearestPackageRoot(__dirname);

function nearestPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export interface CommandResult {
  exitCode: number;
  /** stdout and stderr interleaved, for error messages. */
  output: string;
  stdout: string;
}

export interface CommandOptions {
  cwd?: string;
  /** Run as another user; postgres refuses to run as root. */
  uid?: number;
  gid?: number;
}

/** Runs a command to completion. Rejects only when it cannot be started at all (e.g. not installed). */
export function runCommand(
  command: string,
  args: string[],
  options: CommandOptions = {},
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? 1, output, stdout }));
  });
}

/** True when `command args` starts and exits 0, e.g. `java -version`. */
export async function commandWorks(command: string, args: string[]): Promise<boolean> {
  try {
    return (await runCommand(command, args)).exitCode === 0;
  } catch {
    return false;
  }
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid recorded in a pid file, if the file exists and that process is still alive. */
export function livePidFromFile(pidFile: string): number | undefined {
  if (!existsSync(pidFile)) return undefined;
  const pid = Number.parseInt(readFileSync(pidFile, 'utf8'), 10);
  return Number.isInteger(pid) && pid > 0 && isProcessAlive(pid) ? pid : undefined;
}

/** SIGTERM a detached process's whole group, then SIGKILL it if it has not exited within graceMs. */
export async function stopProcessGroup(pid: number, graceMs: number): Promise<void> {
  signalGroup(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (isProcessAlive(pid) && Date.now() < deadline) await sleep(250);
  if (isProcessAlive(pid)) signalGroup(pid, 'SIGKILL');
  while (isProcessAlive(pid)) await sleep(100);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** Whether something accepts TCP connections on host:port. */
export function portAnswers(host: string, port: number, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host, port, timeout: timeoutMs });
    const finish = (answered: boolean): void => {
      socket.destroy();
      resolve(answered);
    };
    socket.once('connect', () => finish(true));
    socket.once('timeout', () => finish(false));
    socket.once('error', () => finish(false));
  });
}

export interface RetryOptions {
  timeoutMs: number;
  intervalMs?: number;
  /** Checked after each failure: true rethrows at once, e.g. when the process we wait for has died. */
  hopeless?: () => boolean;
}

/** Calls attempt until it resolves; once time is up (or hopeless), rethrows its latest error. */
export async function retryUntil<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const { timeoutMs, intervalMs = 1000, hopeless = () => false } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (hopeless() || Date.now() + intervalMs > deadline) throw error;
      await sleep(intervalMs);
    }
  }
}

export function lastLines(file: string, count: number): string {
  if (!existsSync(file)) return `(${file} does not exist)`;
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-count).join('\n');
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs a CLI's main function and exits with the code it resolves to. A failure is printed
 * (InfraError as its message only) and exits 1. If some library leaves a handle open, the
 * process still ends a moment later instead of hanging CI.
 */
export function runMain(main: () => Promise<number>): void {
  void main().then(
    (exitCode) => finish(exitCode),
    (error: unknown) => {
      reportFailure(error);
      finish(1);
    },
  );
}

function finish(exitCode: number): void {
  process.exitCode = exitCode;
  setTimeout(() => process.exit(exitCode), 2000).unref();
}
