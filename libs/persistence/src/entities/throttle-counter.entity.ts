import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Rate-limit counters (writes per caller, sign-in attempts), shared by every instance of a
 * service so that running two matchers does not double a limit. One fixed window per key and
 * throttler; the key is a hash, never the caller's address or name.
 */
@Entity({ name: 'throttle_counters' })
export class ThrottleCounterEntity {
  @PrimaryColumn({ name: 'key_hash', type: 'text' })
  keyHash!: string;

  @PrimaryColumn({ type: 'text' })
  throttler!: string;

  @Column({ name: 'window_started_at', type: 'timestamptz' })
  windowStartedAt!: Date;

  @Column({ type: 'integer' })
  hits!: number;

  /** Set when the limit was passed: every hit is refused until then. */
  @Column({ name: 'blocked_until', type: 'timestamptz', nullable: true })
  blockedUntil!: Date | null;
}
