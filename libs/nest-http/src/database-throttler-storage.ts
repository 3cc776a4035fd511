import { createHash } from 'node:crypto';
import type { ThrottlerStorage } from '@nestjs/throttler';
import type { DataSource } from 'typeorm';
import { ThrottleCounterRepository } from '@redcrowd/persistence';
import { describeError, type JsonLogger } from '@redcrowd/runtime';

/** What @nestjs/throttler's guard reads of a hit (its ThrottlerStorageRecord; times in seconds). */
interface ThrottlerRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/**
 * @nestjs/throttler's storage in PostgreSQL: every instance of a service counts a caller's
 * writes and sign-in attempts together (the library's own storage is one process's memory,
 * so two matchers would double every limit). No maintained throttler storage for Postgres
 * exists, hence this adapter over one upsert (ThrottleCounterRepository).
 *
 * Keys are stored as hashes (they hold sign-in names and addresses), within a scope: the
 * deployment and service (`redcrowd.intake`), so that intake and the matcher, or two
 * deployments sharing a database, keep counts of their own. When the database does
 * not answer, the hit is let through: the write it guards needs the database anyway, and a
 * limit must not turn an outage into 500s of its own.
 */
export class DatabaseThrottlerStorage implements ThrottlerStorage {
  private readonly counters = new ThrottleCounterRepository();

  constructor(
    private readonly dataSource: DataSource,
    private readonly logger: JsonLogger,
    private readonly scope: string,
  ) {}

  async increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerRecord> {
    try {
      const count = await this.counters.hit(this.dataSource, {
        keyHash: createHash('sha256').update(`${this.scope}\u0000${key}`).digest('hex'),
        throttler: throttlerName,
        windowMs: ttl,
        limit,
        blockMs: blockDuration,
      });
      return {
        totalHits: count.hits,
        timeToExpire: Math.ceil(count.windowLeftMs / 1000),
        isBlocked: count.blockedForMs > 0,
        timeToBlockExpire: Math.ceil(count.blockedForMs / 1000),
      };
    } catch (error) {
      this.logger.event('warn', 'rate limit not counted: the database did not answer', {
        throttler: throttlerName,
        error: describeError(error),
      });
      return { totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 };
    }
  }
}
