import type { DataSource } from 'typeorm';

/**
 * A transaction as repositories see it: a way to run SQL inside it. Services hold one
 * only to hand it to repositories; TypeORM's EntityManager satisfies it, so code that
 * opens its own transactions (intake) passes its manager unchanged.
 */
export interface Tx {
  query<T = unknown>(sql: string, parameters?: unknown[]): Promise<T>;
}

/**
 * Runs a use case's reads and writes in one database transaction: state, audit rows and
 * outbox events commit together or not at all. After a commit, `afterCommit` runs (the
 * outbox relay's flush, so events leave at once rather than at the next sweep).
 */
export class UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly afterCommit: () => Promise<void> = async () => undefined,
  ) {}

  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const result = await this.dataSource.transaction((manager) => work(manager));
    await this.afterCommit();
    return result;
  }

  /** One statement on its own (a lookup): it needs no transaction of its own. */
  single<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return work(this.dataSource.manager);
  }

  /**
   * Several reads that make one picture (an overview, a detail page) from one snapshot:
   * REPEATABLE READ, read only, so a change committing between two queries is either
   * wholly seen or not at all.
   */
  read<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      await manager.query('SET TRANSACTION READ ONLY');
      return work(manager);
    });
  }
}
