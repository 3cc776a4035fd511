/**
 * Where each of a service's Kafka consumer groups stands, as far as readiness cares:
 * `joining` until the group coordinator has given the consumer its partitions, `joined`
 * afterwards (rebalances keep it joined: kafkajs emits a new join when they end),
 * `restarting` after a crash kafkajs retries, `crashed` after one it gives up on, and
 * `stopped` once it has left the group. Plain TypeScript, fed by kafkajs instrumentation
 * events (see ConsumerGroups), so the rules are tested without a broker.
 */
export type ConsumerGroupState = 'joining' | 'joined' | 'restarting' | 'crashed' | 'stopped';

export interface ConsumerGroupStatus {
  state: ConsumerGroupState;
  /** The last crash's error, while the group has not joined again. */
  error?: string;
  /** Batches held, uncommitted, until the database is back (absent when none). */
  heldBatches?: number;
}

export interface ConsumerGroupsReport {
  /** Every group joined, at least one group watched, and no shutdown begun. */
  ready: boolean;
  shuttingDown: boolean;
  groups: Record<string, ConsumerGroupStatus>;
}

export class ConsumerGroupStates {
  private readonly groups = new Map<string, ConsumerGroupStatus>();
  private readonly held = new Map<string, number>();
  private shuttingDown = false;

  /** A consumer that will join `group`; not ready until it has. */
  expect(group: string): void {
    this.groups.set(group, { state: 'joining' });
  }

  joined(group: string): void {
    if (this.groups.get(group)?.state === 'stopped') return;
    this.groups.set(group, { state: 'joined' });
  }

  /** kafkajs reports a crash after the consumer has stopped, then rejoins if it restarts. */
  crashed(group: string, error: string, willRestart: boolean): void {
    this.groups.set(group, { state: willRestart ? 'restarting' : 'crashed', error });
  }

  stopped(group: string): void {
    this.groups.set(group, { state: 'stopped' });
  }

  /** A batch of `group` begins waiting for the database (see retryThroughOutage). */
  batchHeld(group: string): void {
    this.held.set(group, this.heldBatches(group) + 1);
  }

  batchReleased(group: string): void {
    this.held.set(group, Math.max(0, this.heldBatches(group) - 1));
  }

  heldBatches(group: string): number {
    return this.held.get(group) ?? 0;
  }

  beginShutdown(): void {
    this.shuttingDown = true;
  }

  report(): ConsumerGroupsReport {
    const groups = Object.fromEntries(
      [...this.groups].map(([group, status]) => {
        const heldBatches = this.heldBatches(group);
        return [group, heldBatches > 0 ? { ...status, heldBatches } : status];
      }),
    );
    const allJoined = [...this.groups.values()].every((status) => status.state === 'joined');
    return {
      ready: !this.shuttingDown && this.groups.size > 0 && allJoined,
      shuttingDown: this.shuttingDown,
      groups,
    };
  }
}
