import type { DataSource } from 'typeorm';
import {
  DEFAULT_CATEGORIES,
  parseListDocument,
  type ListAccepted,
  type ListKind,
  type ListRejected,
  type Problem,
  type SubmittedList,
} from '@redcrowd/contracts';
import type { AllianceTaxonomyRepository } from '@redcrowd/persistence';
import {
  guardUpload,
  listTemplate,
  locateListProblems,
  markProblems,
  mergeProblems,
  problemAt,
  readListFile,
  MAX_WORKBOOK_PROBLEMS,
  NO_GAZETTEER,
  type ListInfoKey,
  type PlaceFinder,
  type WorkbookProblem,
} from '@redcrowd/spreadsheets';
import type { ListIntakeService } from '../intake/list-intake.service';

/** An uploaded file as the HTTP layer hands it over. */
export interface UploadedList {
  bytes: Buffer;
  fileName: string;
}

/** The problems' copy of the workbook, for its author to fix and upload again. */
export interface MarkedCopy {
  fileName: string;
  mediaType: string;
  base64: string;
}

export type WorkbookImportResult =
  | { outcome: 'accepted'; event: ListAccepted; items: number }
  | {
      outcome: 'refused';
      /** invalid-workbook: the file itself; invalid-list: its rows; not-a-member; unavailable. */
      code: 'invalid-workbook' | 'invalid-list' | 'not-a-member' | 'unavailable';
      problems: WorkbookProblem[];
      /** List validation's own problems (paths), as a JSON submission would get them. */
      listProblems: Problem[];
      markedCopy?: MarkedCopy;
      /** The lists.rejected.v1 event, when the list got as far as intake's judgement. */
      rejection?: ListRejected;
    };

export interface WorkbookImportDependencies {
  intake: ListIntakeService;
  dataSource: DataSource;
  taxonomy: AllianceTaxonomyRepository;
  /** The alliance's gazetteer (地名库), for rows that name a place instead of coordinates. */
  places: (allianceId: string) => Promise<PlaceFinder>;
}

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Excel and CSV lists in: a file is read into a list document (cells judged where they are),
 * then submitted through the same validation, roster check and storage as a JSON list. One
 * file is one list revision, accepted whole or refused whole; a refusal says which cells are
 * wrong and returns the workbook with them marked.
 */
export class WorkbookImportService {
  constructor(private readonly deps: WorkbookImportDependencies) {}

  async importList(
    kind: ListKind,
    upload: UploadedList,
    defaults: Partial<Record<ListInfoKey, string>>,
    mayStore: (list: SubmittedList) => void,
  ): Promise<WorkbookImportResult> {
    const guard = await guardUpload(upload.bytes, upload.fileName);
    if (!guard.ok) return refused('invalid-workbook', [problemAt(undefined, guard.code, guard.words)]);

    const read = await this.read(kind, upload.bytes, guard.format, defaults);
    if (!read.ok) return refused('invalid-workbook', read.problems);
    const { reading } = read;

    if (reading.problems.length > 0) {
      // Refused for its cells; validation still judges the rest, so one upload shows everything.
      // The dates stay days: intake reads them in the alliance's zone when the list is stored.
      const parsed = parseListDocument(kind, reading.document, { settleDatesLater: true });
      const validation = parsed.ok ? [] : parsed.problems;
      const problems = capped(
        mergeProblems(reading.problems, locateListProblems(validation, reading.locate)),
      );
      return refused(
        'invalid-list',
        problems,
        validation,
        await this.markedCopy(upload, reading.workbook, problems),
      );
    }

    const result = await this.deps.intake.submitDocument(kind, reading.document, {
      revisionAutomatic: reading.revisionAutomatic,
      mayStore,
    });
    if (result.answer.type === 'accepted') {
      return { outcome: 'accepted', event: result.answer.event, items: reading.itemCount };
    }
    const rejection = result.answer.event;
    const problems = capped(locateListProblems(rejection.problems, reading.locate));
    const code =
      result.status === 'unavailable'
        ? 'unavailable'
        : rejection.problems.some((problem) => problem.code === 'not-a-member')
          ? 'not-a-member'
          : 'invalid-list';
    const copy =
      code === 'invalid-list' ? await this.markedCopy(upload, reading.workbook, problems) : undefined;
    return { ...refused(code, problems, rejection.problems, copy), rejection };
  }

  /**
   * Reads the file with its alliance's categories and gazetteer. The alliance is the caller's
   * (or the form's); a file that names it only on its 清单信息 sheet (an operator loading a
   * whole alliance's sheets) is read a second time once the first reading has found it.
   */
  private async read(
    kind: ListKind,
    bytes: Buffer,
    format: Parameters<typeof readListFile>[1],
    defaults: Partial<Record<ListInfoKey, string>>,
  ) {
    const readFor = async (allianceId: string | undefined) =>
      readListFile(bytes, format, {
        kind,
        categories: await this.categoriesOf(allianceId),
        defaults,
        // Loaded once per reading: every row's place is looked up in the same gazetteer.
        places: allianceId ? await this.deps.places(allianceId) : NO_GAZETTEER,
      });
    const first = await readFor(defaults.allianceId);
    if (defaults.allianceId || !first.ok) return first;
    const named = first.reading.document.allianceId;
    return typeof named === 'string' && named !== '' ? readFor(named) : first;
  }

  /** The template for an alliance: its categories in the drop-down, the caller's own fields filled in. */
  async template(kind: ListKind, info: Partial<Record<ListInfoKey, string>>): Promise<Buffer> {
    return listTemplate(kind, { categories: await this.categoriesOf(info.allianceId), info });
  }

  private async categoriesOf(allianceId: string | undefined): Promise<string[]> {
    if (!allianceId) return [...DEFAULT_CATEGORIES];
    const extensions = await this.deps.taxonomy.extensionsOf(this.deps.dataSource.manager, [allianceId]);
    return [...DEFAULT_CATEGORIES, ...(extensions.get(allianceId) ?? [])];
  }

  private async markedCopy(
    upload: UploadedList,
    workbook: Parameters<typeof markProblems>[0],
    problems: WorkbookProblem[],
  ): Promise<MarkedCopy> {
    const bytes = await markProblems(workbook, problems);
    const base = upload.fileName.replace(/\.(xlsx|csv|txt)$/i, '') || 'list';
    return {
      fileName: `${base}-问题标注.xlsx`,
      mediaType: XLSX_MEDIA_TYPE,
      base64: bytes.toString('base64'),
    };
  }
}

function refused(
  code: Extract<WorkbookImportResult, { outcome: 'refused' }>['code'],
  problems: WorkbookProblem[],
  listProblems: Problem[] = [],
  markedCopy?: MarkedCopy,
): Extract<WorkbookImportResult, { outcome: 'refused' }> {
  return { outcome: 'refused', code, problems, listProblems, ...(markedCopy ? { markedCopy } : {}) };
}

function capped(problems: WorkbookProblem[]): WorkbookProblem[] {
  if (problems.length <= MAX_WORKBOOK_PROBLEMS) return problems;
  const more = problems.length - MAX_WORKBOOK_PROBLEMS;
  return [
    ...problems.slice(0, MAX_WORKBOOK_PROBLEMS),
    problemAt(undefined, 'too-many-problems', {
      zh: `另有 ${more} 个问题未列出（见标注副本）`,
      en: `${more} more problems are not listed (see the marked copy)`,
    }),
  ];
}
