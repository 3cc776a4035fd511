import { JsonLogger } from '@redcrowd/runtime';
import { ProjectChangeListener, reconnectDelayMs } from './project-change-listener';

describe('ProjectChangeListener subscriptions', () => {
  it('counts the open subscriptions across alliances, and forgets each one ended', () => {
    // Never started: subscribing needs no connection.
    const listener = new ProjectChangeListener('postgres://unused', new JsonLogger('test', 'error'));
    const ends = [
      listener.subscribe('a', () => {}),
      listener.subscribe('a', () => {}),
      listener.subscribe('b', () => {}),
    ];
    expect(listener.subscriptions).toBe(3);
    ends[0]!();
    ends[2]!();
    expect(listener.subscriptions).toBe(1);
  });
});

describe('reconnectDelayMs', () => {
  const policy = { firstDelayMs: 500, maxDelayMs: 10_000 };

  it('waits the first delay before the first reconnect attempt and doubles after each failure', () => {
    expect([1, 2, 3, 4, 5].map((attempt) => reconnectDelayMs(attempt, policy))).toEqual([
      500, 1000, 2000, 4000, 8000,
    ]);
  });

  it('never waits longer than the cap, however many attempts failed', () => {
    expect(reconnectDelayMs(6, policy)).toBe(10_000);
    expect(reconnectDelayMs(1_000, policy)).toBe(10_000);
  });

  it('has a finite delay for every attempt, so the feed keeps trying until the database is back', () => {
    for (const attempt of [1, 50, 1_100, Number.MAX_SAFE_INTEGER]) {
      expect(Number.isFinite(reconnectDelayMs(attempt))).toBe(true);
    }
  });
});
