import type { Words } from '../cells';

/**
 * Why a file cannot be read as a list at all (the whole file is refused), or what is wrong
 * with one of its cells. List validation's own codes (required, out-of-range,
 * duplicate-item-id...) are reported with the same shape once located on the sheet.
 */
export const WORKBOOK_PROBLEM_CODES = [
  'file-too-large',
  'not-a-workbook',
  'legacy-workbook',
  'macro-enabled',
  'encrypted',
  'expands-too-large',
  'unreadable-workbook',
  'no-list-sheet',
  'missing-column',
  'too-many-rows',
  'formula-without-value',
  'invalid-cell',
  'unknown-choice',
  'unknown-place',
  'missing-place',
  'missing-info',
] as const;

export type WorkbookProblemCode = (typeof WORKBOOK_PROBLEM_CODES)[number];

/** Where on the workbook a problem is: a sheet, a row (1-based as Excel shows) and a column letter. */
export interface CellLocation {
  sheet: string;
  row?: number;
  column?: string;
  /** The column's header (or the info field's label), in both languages. */
  columnName?: Words;
}

/** One problem with an uploaded list, in Chinese and English, placed where its author will look. */
export interface WorkbookProblem extends Partial<CellLocation> {
  code: string;
  /** English; the same wording list validation uses, without internal field paths. */
  message: string;
  /** Chinese, for the sheet's author. */
  messageZh: string;
  /** The list field it concerns (items[3].quantity), when list validation found it. */
  path?: string;
}

export function problemAt(
  location: CellLocation | undefined,
  code: string,
  words: Words,
  path?: string,
): WorkbookProblem {
  return {
    ...(location ?? {}),
    code,
    message: words.en,
    messageZh: words.zh,
    ...(path ? { path } : {}),
  };
}
