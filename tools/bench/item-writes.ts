import { parseList } from '@redcrowd/contracts';
import { ListStoreRepository, ResourceItemEntity, createDataSource } from '@redcrowd/persistence';
import { seededResourceLists } from './seeded-lists';

// As many as fit in one list message (1 MiB) with the bench's item shape.
const ITEMS = 3000;

/**
 * Writes the same 3,000 items twice in the bench database: once with TypeORM's per-entity
 * save(), once the way intake does (one jsonb_to_recordset statement), and times both.
 */
export async function measureItemWrites(
  databaseUrl: string,
): Promise<{ items: number; typeormMs: number; batchMs: number }> {
  const dataSource = await createDataSource({ databaseUrl, poolSize: 2 }).initialize();
  try {
    const [seeded] = seededResourceLists(1, 7, `writes-${Date.now()}`);
    const document = JSON.parse(seeded!.value) as { items: Array<Record<string, unknown>> };
    document.items = Array.from({ length: ITEMS }, (_, index) => ({
      ...document.items[index % document.items.length],
      itemId: `item-${index}`,
    }));
    const parsed = parseList('resource', JSON.stringify(document));
    if (!parsed.ok || parsed.list.kind !== 'resource') {
      throw new Error(
        `bench list is invalid: ${JSON.stringify(parsed.ok ? parsed.list.kind : parsed.problems[0])}`,
      );
    }
    const list = parsed.list;

    const batchStarted = performance.now();
    const stored = await dataSource.transaction((manager) => new ListStoreRepository().store(manager, list));
    const batchMs = performance.now() - batchStarted;
    if (stored.outcome !== 'stored') throw new Error(`bench list was not stored: ${stored.outcome}`);

    const listPk = stored.listPk;
    await dataSource.query('DELETE FROM resource_items WHERE list_pk = $1', [listPk]);
    const entities = list.payload.items.map((item) =>
      dataSource.getRepository(ResourceItemEntity).create({
        listPk,
        itemId: item.itemId,
        revision: 1,
        status: 'open',
        category: item.category,
        title: item.title,
        description: item.description ?? null,
        quantity: item.quantity,
        quantityUnit: item.unit,
        lat: item.location.lat,
        lng: item.location.lng,
        address: item.location.address ?? null,
        tags: item.tags ?? [],
        serviceRadiusKm: item.serviceRadiusKm,
        availableFrom: new Date(item.available.from),
        availableTo: new Date(item.available.to),
      }),
    );
    const typeormStarted = performance.now();
    await dataSource.transaction((manager) => manager.getRepository(ResourceItemEntity).save(entities));
    const typeormMs = performance.now() - typeormStarted;
    await dataSource.query('DELETE FROM lists WHERE id = $1', [listPk]);
    return { items: ITEMS, typeormMs, batchMs };
  } finally {
    await dataSource.destroy();
  }
}
