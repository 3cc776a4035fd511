import type { Workbook, Worksheet } from 'exceljs';
import { SHEET_NAMES } from './columns';
import type { WorkbookProblem } from './workbook-problem';

const PROBLEM_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } } as const;
const PROBLEM_FONT = { color: { argb: 'FF9C0006' } } as const;

/**
 * The uploaded workbook with its problems marked: each bad cell filled red with a note in
 * Chinese and English, and a 导入问题 sheet listing every problem, opened first. The author
 * fixes the cells in this copy and uploads it again.
 */
export async function markProblems(
  workbook: Workbook,
  problems: readonly WorkbookProblem[],
): Promise<Buffer> {
  const notes = new Map<string, string[]>();
  for (const problem of problems) {
    const sheet = problem.sheet ? workbook.getWorksheet(problem.sheet) : undefined;
    if (!sheet || problem.row === undefined) continue;
    const address = `${problem.column ?? 'A'}${problem.row}`;
    const key = `${sheet.id}!${address}`;
    const lines = notes.get(key) ?? [];
    lines.push(`${problem.messageZh}\n${problem.message}`);
    notes.set(key, lines);
    const cell = sheet.getCell(address);
    cell.fill = PROBLEM_FILL;
    cell.font = { ...cell.font, ...PROBLEM_FONT };
    cell.note = lines.join('\n\n');
  }
  listProblems(workbook, problems);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function listProblems(workbook: Workbook, problems: readonly WorkbookProblem[]): void {
  const earlier = workbook.getWorksheet(SHEET_NAMES.problems);
  if (earlier) workbook.removeWorksheet(earlier.id);
  const sheet: Worksheet = workbook.addWorksheet(SHEET_NAMES.problems, {
    properties: { tabColor: { argb: 'FFC00000' } },
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = [
    { header: '工作表 Sheet', key: 'sheet', width: 12 },
    { header: '单元格 Cell', key: 'cell', width: 10 },
    { header: '字段 Field', key: 'field', width: 16 },
    { header: '问题', key: 'zh', width: 50 },
    { header: 'Problem', key: 'en', width: 60 },
    { header: '代码 Code', key: 'code', width: 18 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const problem of problems) {
    sheet.addRow({
      sheet: problem.sheet ?? '',
      cell: problem.row ? `${problem.column ?? ''}${problem.row}` : '',
      field: problem.columnName?.zh ?? '',
      zh: problem.messageZh,
      en: problem.message,
      code: problem.code,
    });
  }
  if (problems.length === 0) sheet.addRow({ zh: '没有问题', en: 'No problems' });
  // Open the copy on the list of problems.
  workbook.views = [
    {
      x: 0,
      y: 0,
      width: 20000,
      height: 12000,
      firstSheet: 0,
      visibility: 'visible',
      activeTab: workbook.worksheets.indexOf(sheet),
    },
  ];
}
