import { Client } from 'pg';
import type { JsonLogger } from '@redcrowd/runtime';

/** A project (or one of its offers) changed; sent by the database at commit. */
export interface ProjectChange {
  allianceId: string;
  projectId: string;
  status: string;
  version: number;
}

type Listener = (change: ProjectChange) => void;

const CHANNEL = 'redcrowd_project_changes';
const MAX_RECONNECT_DELAY_MS = 10_000;

/**
 * Hears project changes from Postgres (LISTEN, fed by triggers) and hands them to the
 * listeners of the alliance concerned (the live pages). The database, not this process, is the source: changes
 * made by any matcher instance reach every instance's pages, and only committed ones.
 */
export class ProjectChangeListener {
  private client: Client | undefined;
  private readonly listeners = new Map<string, Set<Listener>>();
  private stopped = false;
  private reconnectDelayMs = 500;

  constructor(
    private readonly databaseUrl: string,
    private readonly logger: JsonLogger,
  ) {}

  async start(): Promise<void> {
    const client = new Client({
      connectionString: this.databaseUrl,
      application_name: 'redcrowd-matcher-live',
    });
    client.on('notification', (message) => this.deliver(message.payload));
    client.on('error', (error) => this.reconnect(client, error));
    client.on('end', () => this.reconnect(client, new Error('connection ended')));
    await client.connect();
    await client.query(`LISTEN ${CHANNEL}`);
    this.client = client;
    this.reconnectDelayMs = 500;
  }

  /** Calls `listener` for each change in `allianceId` until the returned function is called. */
  subscribe(allianceId: string, listener: Listener): () => void {
    let set = this.listeners.get(allianceId);
    if (!set) this.listeners.set(allianceId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(allianceId);
    };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private deliver(payload: string | undefined): void {
    if (!payload) return;
    let change: ProjectChange;
    try {
      change = JSON.parse(payload) as ProjectChange;
    } catch {
      this.logger.event('warn', 'unreadable project change notification', { payload });
      return;
    }
    for (const listener of this.listeners.get(change.allianceId) ?? []) listener(change);
  }

  private reconnect(client: Client, error: Error): void {
    if (this.stopped || this.client !== client) return;
    this.client = undefined;
    this.logger.event('warn', 'live change feed lost its connection; reconnecting', { error: error.message });
    client.end().catch(() => undefined);
    const delay = this.reconnectDelayMs;
    this.reconnectDelayMs = Math.min(delay * 2, MAX_RECONNECT_DELAY_MS);
    setTimeout(() => {
      if (this.stopped) return;
      this.start().catch((retryError: unknown) =>
        this.reconnect(client, retryError instanceof Error ? retryError : new Error(String(retryError))),
      );
    }, delay).unref();
  }
}
