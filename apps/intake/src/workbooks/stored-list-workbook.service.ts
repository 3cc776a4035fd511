import type { DataSource } from 'typeorm';
import { DEFAULT_CATEGORIES, DomainError, type ListKind } from '@redcrowd/contracts';
import type {
  AlliancePolicyRepository,
  AllianceTaxonomyRepository,
  ListStoreRepository,
} from '@redcrowd/persistence';
import { SHEET_NAMES, writeListWorkbook, type ListInfoKey } from '@redcrowd/spreadsheets';

export interface StoredListWorkbookDependencies {
  dataSource: DataSource;
  lists: ListStoreRepository;
  taxonomy: AllianceTaxonomyRepository;
  policies: AlliancePolicyRepository;
  /** The zone of calendar dates for alliances whose policy names none (ALLIANCE_TIME_ZONE). */
  defaultTimeZone: string;
}

/** Which stored list: its alliance, submitter and id, as the caller's sign-in and query give them. */
export interface StoredListKey {
  allianceId: string;
  submitterKind: string;
  submitterId: string;
  listId: string;
}

/**
 * A stored list handed back as its workbook, for its submitter (or a coordinator) to revise in
 * Excel and upload again: the latest revision's items in the template, the list's fields on
 * the info sheet, the revision left blank so the upload becomes the next one (or is answered
 * unchanged). Windows are written as the days they cover in the alliance's time zone.
 */
export class StoredListWorkbookService {
  constructor(private readonly deps: StoredListWorkbookDependencies) {}

  async workbook(kind: ListKind, key: StoredListKey): Promise<{ fileName: string; bytes: Buffer }> {
    const { deps } = this;
    const found = await deps.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const stored = await deps.lists.latestDocument(manager, { kind, ...key });
      if (!stored) return undefined;
      const extensions = await deps.taxonomy.extensionsOf(manager, [key.allianceId]);
      const zones = await deps.policies.timeZonesOf(manager, [key.allianceId]);
      return {
        stored,
        categories: [...DEFAULT_CATEGORIES, ...(extensions.get(key.allianceId) ?? [])],
        timeZone: zones.get(key.allianceId) ?? deps.defaultTimeZone,
      };
    });
    if (!found) {
      throw new DomainError(
        'not-found',
        `no ${kind} list ${key.listId} from ${key.submitterKind} ${key.submitterId} in alliance ${key.allianceId}`,
      );
    }
    const { document } = found.stored;
    const bytes = await writeListWorkbook(kind, document.items as Array<Record<string, unknown>>, {
      categories: found.categories,
      timeZone: found.timeZone,
      info: infoOf(kind, key, document),
    });
    return { fileName: `${SHEET_NAMES[kind]}-${key.listId}.xlsx`, bytes };
  }
}

/** The info sheet's fields from the stored document; no revision, so an upload gets the next. */
function infoOf(
  kind: ListKind,
  key: StoredListKey,
  document: Record<string, unknown>,
): Partial<Record<ListInfoKey, string>> {
  const who = (kind === 'resource' ? document.unit : document.submitter) as { name?: unknown } | undefined;
  return {
    allianceId: key.allianceId,
    listId: key.listId,
    submitterKind: key.submitterKind,
    submitterId: key.submitterId,
    ...(typeof who?.name === 'string' ? { submitterName: who.name } : {}),
  };
}
