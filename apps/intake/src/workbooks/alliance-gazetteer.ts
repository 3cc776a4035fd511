import type { DataSource } from 'typeorm';
import type { GazetteerRepository } from '@redcrowd/persistence';
import { gazetteerFinder, type PlaceFinder } from '@redcrowd/spreadsheets';

/** An alliance's gazetteer (地名库) as a workbook import looks its rows' places up: read once per upload. */
export function allianceGazetteer(
  dataSource: DataSource,
  gazetteer: GazetteerRepository,
): (allianceId: string) => Promise<PlaceFinder> {
  return async (allianceId) => {
    const places = await gazetteer.list(dataSource.manager, allianceId);
    return gazetteerFinder(
      places.map(({ name, lat, lng, address, aliases }) => ({
        name,
        lat,
        lng,
        aliases,
        ...(address !== null ? { address } : {}),
      })),
    );
  };
}
