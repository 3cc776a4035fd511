import type { EntityManager } from 'typeorm';

/** Categories alliances add to the default taxonomy. */
export class AllianceTaxonomyRepository {
  async extensionsOf(manager: EntityManager, allianceIds: string[]): Promise<Map<string, string[]>> {
    const byAlliance = new Map<string, string[]>(allianceIds.map((id) => [id, []]));
    if (allianceIds.length === 0) return byAlliance;
    const rows: Array<{ alliance_id: string; category: string }> = await manager.query(
      `SELECT alliance_id, category FROM alliance_categories WHERE alliance_id = ANY($1::text[])`,
      [allianceIds],
    );
    for (const row of rows) byAlliance.get(row.alliance_id)?.push(row.category);
    return byAlliance;
  }

  async addCategory(
    manager: EntityManager,
    allianceId: string,
    category: string,
    parentCategory: string | null,
    label: string | null,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO alliance_categories (alliance_id, category, parent_category, label)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (alliance_id, category) DO UPDATE SET parent_category = $3, label = $4`,
      [allianceId, category, parentCategory, label],
    );
  }
}
