import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import type { JsonLogger } from '@redcrowd/runtime';

/** A project (or one of its offers) changed; sent by the database at commit. */
export interface ProjectChange {
  allianceId: string;
  projectId: string;
  status: string;
  version: number;
}

/**
 * `live`: listening, every committed change is heard. `behind`: the connection to the database
 * is lost and being re-established; changes committed meanwhile are never announced, so a page
 * must reload its data when the feed is `live` again.
 */
export type ChangeFeedState = 'live' | 'behind';

export interface ReconnectPolicy {
  firstDelayMs: number;
  maxDelayMs: number;
}

type Listener = (change: ProjectChange) => void;
type StateListener = (state: ChangeFeedState) => void;

const CHANNEL = 'redcrowd_project_changes';
const DEFAULT_RECONNECT: ReconnectPolicy = { firstDelayMs: 500, maxDelayMs: 10_000 };
// A database that accepts TCP but never answers must not hold an attempt forever.
const CONNECT_TIMEOUT_MS = 5_000;

/**
 * How long to wait before reconnect attempt `attempt` (1 for the first after a loss):
 * doubling from `firstDelayMs`, never more than `maxDelayMs`, and never giving up, since the
 * feed is useless until it is back and an attempt costs one connection.
 */
export function reconnectDelayMs(attempt: number, policy: ReconnectPolicy = DEFAULT_RECONNECT): number {
  const doublings = Math.max(0, Math.min(attempt - 1, 30));
  return Math.min(policy.firstDelayMs * 2 ** doublings, policy.maxDelayMs);
}

/**
 * Hears project changes from Postgres (LISTEN, fed by triggers) and hands them to the
 * listeners of the alliance concerned (the live pages). The database, not this process, is the source: changes
 * made by any matcher instance reach every instance's pages, and only committed ones.
 *
 * Written on `pg` directly: none of the project's dependencies keeps a LISTEN connection
 * alive across database restarts, and the loop that does is short (`reconnectUntilBack`).
 */
export class ProjectChangeListener {
  private client: Client | undefined;
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly stateListeners = new Set<StateListener>();
  private stopped = false;
  private current: ChangeFeedState = 'live';

  constructor(
    private readonly databaseUrl: string,
    private readonly logger: JsonLogger,
    private readonly reconnectPolicy: ReconnectPolicy = DEFAULT_RECONNECT,
  ) {}

  /** Connects and LISTENs; fails if the database cannot be reached now. */
  async start(): Promise<void> {
    this.client = await this.connect();
  }

  get state(): ChangeFeedState {
    return this.current;
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

  /** How many subscriptions are open now (one per live page), across alliances. */
  get subscriptions(): number {
    let open = 0;
    for (const set of this.listeners.values()) open += set.size;
    return open;
  }

  /** Calls `listener` whenever the feed falls behind or is live again, until the returned function is called. */
  watchState(listener: StateListener): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<Client> {
    const client = new Client({
      connectionString: this.databaseUrl,
      application_name: 'redcrowd-matcher-live',
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      // An idle LISTEN connection otherwise notices a vanished server only when the OS gives up.
      keepAlive: true,
    });
    client.on('notification', (message) => this.deliver(message.payload));
    client.on('error', (error) => this.connectionLost(client, error));
    client.on('end', () => this.connectionLost(client, new Error('connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      await client.end().catch(() => undefined);
      throw error;
    }
    return client;
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

  /** Only the connection in use counts: a failed attempt's client ends too, and is not ours to mourn. */
  private connectionLost(client: Client, error: Error): void {
    if (this.stopped || this.client !== client) return;
    this.client = undefined;
    client.end().catch(() => undefined);
    this.logger.event('warn', 'live change feed lost its connection; reconnecting', { error: error.message });
    this.setState('behind');
    void this.reconnectUntilBack();
  }

  private async reconnectUntilBack(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      await sleep(reconnectDelayMs(attempt, this.reconnectPolicy), undefined, { ref: false });
      if (this.stopped) return;
      try {
        const client = await this.connect();
        if (this.stopped) {
          await client.end().catch(() => undefined);
          return;
        }
        this.client = client;
        this.logger.event('info', 'live change feed is listening again', { attempts: attempt });
        this.setState('live');
        return;
      } catch (error) {
        this.logger.event('warn', 'live change feed could not reconnect; trying again', {
          attempt,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }

  private setState(state: ChangeFeedState): void {
    if (state === this.current) return;
    this.current = state;
    for (const listener of this.stateListeners) {
      try {
        listener(state);
      } catch (error) {
        // One broken page stream must not keep the others from hearing it.
        this.logger.event('warn', 'a live feed state listener failed', {
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }
}
