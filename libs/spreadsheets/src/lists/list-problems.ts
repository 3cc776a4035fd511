import { problemWords, type Problem } from '@redcrowd/contracts';
import type { Words } from '../cells';
import type { CellLocation, WorkbookProblem } from './workbook-problem';

/** Beyond this many an author learns nothing more; the marked copy still shows each one found. */
export const MAX_WORKBOOK_PROBLEMS = 200;

/**
 * List validation's problems (the same parser Kafka and HTTP lists go through), placed on
 * the sheet and said in Chinese as well. Its English messages start with the field path
 * (items[3].quantity must be ...); on a sheet the row and column say that, so it is dropped.
 */
export function locateListProblems(
  problems: readonly Problem[],
  locate: (path: string) => CellLocation | undefined,
): WorkbookProblem[] {
  return problems.map((problem) => {
    const location = locate(problem.path);
    const name = location?.columnName?.zh ?? '';
    return {
      ...(location ?? {}),
      code: problem.code,
      message: withoutPath(problem.message, problem.path),
      messageZh: chineseFor(problem, name, locate),
      ...(problem.path ? { path: problem.path } : {}),
    };
  });
}

/** Cell problems first, then validation's, one per cell: a cell already reported is not reported again. */
export function mergeProblems(...groups: WorkbookProblem[][]): WorkbookProblem[] {
  const seen = new Set<string>();
  const merged: WorkbookProblem[] = [];
  for (const problem of groups.flat()) {
    const at =
      problem.row !== undefined || problem.columnName
        ? `${problem.sheet}|${problem.row}|${problem.column ?? problem.columnName?.zh}`
        : undefined;
    if (at !== undefined) {
      if (seen.has(at)) continue;
      seen.add(at);
    }
    merged.push(problem);
  }
  return merged;
}

function withoutPath(message: string, path: string): string {
  if (!path || !message.startsWith(path)) return message;
  const field = path.replace(/^items\[\d+\]\./, '');
  return `${field}${message.slice(path.length)}`;
}

/** The problem's words (libs/contracts' problemWords); on a sheet the column's name is the field's. */
function chineseFor(
  problem: Problem,
  name: string,
  locate: (path: string) => CellLocation | undefined,
): string {
  if (problem.code === 'duplicate-item-id') {
    const earlier = /items\[(\d+)\]/.exec(problem.message.slice(problem.path.length));
    const row = earlier ? locate(`items[${earlier[1]}]`)?.row : undefined;
    if (row) return `编号与第 ${row} 行重复；同一清单内编号不能重复`;
  }
  return problemWords(problem, name ? { zh: `「${name}」`, en: name } : undefined).zh;
}

/** One line per problem, for a command line or a log. */
export function problemLine(problem: WorkbookProblem): Words {
  const cell =
    problem.column && problem.row
      ? `${problem.column}${problem.row}`
      : problem.row
        ? `第${problem.row}行`
        : '';
  const where = [problem.sheet, cell].filter(Boolean).join('!');
  // Validation's Chinese messages name their column already (「数量」超出允许范围).
  const named = !problem.columnName || problem.messageZh.includes(`「${problem.columnName.zh}」`);
  return {
    zh: `${where ? `${where} ` : ''}${named ? '' : `「${problem.columnName!.zh}」`}${problem.messageZh}`,
    en: `${where ? `${where} ` : ''}${problem.columnName ? `${problem.columnName.en}: ` : ''}${problem.message}`,
  };
}
