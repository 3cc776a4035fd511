import { createDataSource } from '@redcrowd/persistence';
import { databaseUrl } from '@test/support/topics';

/** The migrations build exactly the schema the entities describe. */
describe('database schema', () => {
  it('has no difference between the migrated schema and the entities', async () => {
    const dataSource = await createDataSource({ databaseUrl: databaseUrl(), poolSize: 1 }).initialize();
    try {
      expect(await dataSource.showMigrations()).toBe(false);
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((query) => query.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });
});
