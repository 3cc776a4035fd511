import { randomUUID } from 'node:crypto';
import { createDataSource } from '@redcrowd/persistence';
import { DatabaseThrottlerStorage } from '@redcrowd/nest-http';
import { JsonLogger, memoryLog } from '@redcrowd/runtime';
import type { DataSource } from 'typeorm';
import { databaseUrl } from '@test/support/topics';

// Rate limits counted in PostgreSQL (writes, sign-in attempts), shared by every instance of a
// service: the counter's window, its block, and concurrent hits from several connections.
describe('rate-limit counters in the database', () => {
  let dataSource: DataSource;
  let other: DataSource;

  beforeAll(async () => {
    dataSource = await createDataSource({ databaseUrl: databaseUrl(), poolSize: 10 }).initialize();
    other = await createDataSource({ databaseUrl: databaseUrl(), poolSize: 10 }).initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
    await other?.destroy();
  });

  const quiet = new JsonLogger('throttle-test', 'error');
  const storage = (source: DataSource, scope: string) => new DatabaseThrottlerStorage(source, quiet, scope);
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('counts hits within the window and blocks the one past the limit, with the time to wait', async () => {
    const limits = storage(dataSource, `scope-${randomUUID()}`);
    const hits = [];
    for (let i = 0; i < 4; i++)
      hits.push(await limits.increment('writes:subject:u-1', 60_000, 3, 30_000, 'writes'));
    expect(hits.map((hit) => [hit.totalHits, hit.isBlocked])).toEqual([
      [1, false],
      [2, false],
      [3, false],
      [4, true],
    ]);
    expect(hits[0]!.timeToExpire).toBeGreaterThan(58);
    expect(hits[0]!.timeToExpire).toBeLessThanOrEqual(60);
    expect(hits[3]!.timeToBlockExpire).toBeGreaterThan(28);
    expect(hits[3]!.timeToBlockExpire).toBeLessThanOrEqual(30);
    // Blocked hits stay blocked, and are not counted further.
    const again = await limits.increment('writes:subject:u-1', 60_000, 3, 30_000, 'writes');
    expect(again).toMatchObject({ totalHits: 4, isBlocked: true });
  });

  it('starts a new window once the last one ended, and once a block ended', async () => {
    const limits = storage(dataSource, `scope-${randomUUID()}`);
    await limits.increment('k', 300, 2, 300, 'writes');
    await limits.increment('k', 300, 2, 300, 'writes');
    await sleep(350);
    expect(await limits.increment('k', 300, 2, 300, 'writes')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
    await limits.increment('k', 300, 2, 300, 'writes');
    expect(await limits.increment('k', 300, 2, 300, 'writes')).toMatchObject({ isBlocked: true });
    await sleep(350);
    expect(await limits.increment('k', 300, 2, 300, 'writes')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
  });

  it('keeps separate counts per key, per throttler and per scope', async () => {
    const scope = `scope-${randomUUID()}`;
    const limits = storage(dataSource, scope);
    await limits.increment('k', 60_000, 1, 60_000, 'address');
    expect(await limits.increment('k', 60_000, 1, 60_000, 'address')).toMatchObject({ isBlocked: true });
    expect(await limits.increment('k', 60_000, 1, 60_000, 'login')).toMatchObject({
      totalHits: 1,
      isBlocked: false,
    });
    expect(await limits.increment('k2', 60_000, 1, 60_000, 'address')).toMatchObject({ isBlocked: false });
    expect(
      await storage(dataSource, `${scope}-other`).increment('k', 60_000, 1, 60_000, 'address'),
    ).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('counts concurrent hits from two instances (two pools) exactly once each', async () => {
    const scope = `scope-${randomUUID()}`;
    const first = storage(dataSource, scope);
    const second = storage(other, scope);
    const hits = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 === 0 ? first : second).increment('k', 60_000, 30, 60_000, 'writes'),
      ),
    );
    const allowed = hits.filter((hit) => !hit.isBlocked);
    expect(allowed).toHaveLength(30);
    expect(allowed.map((hit) => hit.totalHits).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 30 }, (_, i) => i + 1),
    );
  });

  it('stores keys as hashes, never the caller', async () => {
    const scope = `scope-${randomUUID()}`;
    await storage(dataSource, scope).increment('login:wang.fang@example.org', 60_000, 5, 60_000, 'login');
    const rows = await dataSource.query<Array<{ key_hash: string }>>(
      `SELECT key_hash FROM throttle_counters WHERE throttler = 'login'`,
    );
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.key_hash))).toBe(true);
  });

  it('lets a hit through, and says so, when the database does not answer', async () => {
    const broken = {
      query: async () => Promise.reject(new Error('connect ECONNREFUSED')),
    } as unknown as DataSource;
    const log = memoryLog();
    const logger = new JsonLogger('throttle-test', 'warn', log.stream);
    const hit = await new DatabaseThrottlerStorage(broken, logger, 'scope').increment(
      'k',
      60_000,
      1,
      60_000,
      'writes',
    );
    expect(hit).toEqual({ totalHits: 0, timeToExpire: 0, isBlocked: false, timeToBlockExpire: 0 });
    expect(log.lines()).toContainEqual(
      expect.objectContaining({ level: 'warn', msg: 'rate limit not counted: the database did not answer' }),
    );
  });
});
