import type { Tx } from '../transaction';

export interface ThrottleHit {
  /** A hash of the throttled key (the caller); see ThrottleCounterEntity. */
  keyHash: string;
  throttler: string;
  windowMs: number;
  limit: number;
  blockMs: number;
}

export interface ThrottleCount {
  /** Hits in the current window, this one included. */
  hits: number;
  /** Until the window ends (a new one starts with the next hit). */
  windowLeftMs: number;
  /** Until the caller may try again; 0 when not blocked. */
  blockedForMs: number;
}

/** The SQL of the shared rate-limit counters (ThrottleCounterEntity). */
export class ThrottleCounterRepository {
  /**
   * Counts one hit, in one statement of its own transaction (`now()` is its moment; the row's
   * lock orders concurrent hits from any instance): a fixed window of `windowMs`; the hit that passes `limit` blocks the key for
   * `blockMs`, and the first hit after the block starts a new window.
   */
  async hit(tx: Tx, hit: ThrottleHit): Promise<ThrottleCount> {
    const rows = await tx.query<
      Array<{ hits: number; window_left_ms: number | string; blocked_for_ms: number | string }>
    >(
      `INSERT INTO throttle_counters AS c (key_hash, throttler, window_started_at, hits, blocked_until)
       VALUES ($1, $2, now(), 1, CASE WHEN 1 > $4 THEN now() + $5 * interval '1 millisecond' END)
       ON CONFLICT (key_hash, throttler) DO UPDATE SET
         window_started_at = CASE
           WHEN c.blocked_until > now() THEN c.window_started_at
           WHEN c.blocked_until IS NOT NULL
             OR c.window_started_at + $3 * interval '1 millisecond' <= now() THEN now()
           ELSE c.window_started_at END,
         hits = CASE
           WHEN c.blocked_until > now() THEN c.hits
           WHEN c.blocked_until IS NOT NULL
             OR c.window_started_at + $3 * interval '1 millisecond' <= now() THEN 1
           ELSE c.hits + 1 END,
         blocked_until = CASE
           WHEN c.blocked_until > now() THEN c.blocked_until
           WHEN c.blocked_until IS NULL
             AND c.window_started_at + $3 * interval '1 millisecond' > now()
             AND c.hits + 1 > $4 THEN now() + $5 * interval '1 millisecond'
           ELSE NULL END
       RETURNING hits,
         greatest(0, extract(epoch FROM window_started_at + $3 * interval '1 millisecond' - now()) * 1000)
           AS window_left_ms,
         greatest(0, extract(epoch FROM coalesce(blocked_until, now()) - now()) * 1000)
           AS blocked_for_ms`,
      [hit.keyHash, hit.throttler, hit.windowMs, hit.limit, hit.blockMs],
    );
    const row = rows[0]!;
    return {
      hits: Number(row.hits),
      windowLeftMs: Number(row.window_left_ms),
      blockedForMs: Number(row.blocked_for_ms),
    };
  }
}
