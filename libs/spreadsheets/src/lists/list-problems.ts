import type { Problem } from '@redcrowd/contracts';
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

function chineseFor(
  problem: Problem,
  name: string,
  locate: (path: string) => CellLocation | undefined,
): string {
  const field = name ? `「${name}」` : '该项';
  const words: Partial<Record<Problem['code'], string>> = {
    required: `${field}必填`,
    'wrong-type': `${field}的值类型不对`,
    'invalid-value': `${field}的值无效`,
    'out-of-range': `${field}超出允许范围`,
    'too-long': `${field}过长`,
    'too-short': `${field}过短`,
    'invalid-datetime': `${field}不是有效的日期时间`,
    'window-order': '截止日期早于开始日期',
    'window-ended': '截止日期已过（早于提交时间），无法再提供或满足',
    'unknown-category': `${field}不是本联盟的服务类别`,
    'unknown-field': `${field}不是清单的字段`,
    'too-many-items': '清单条目过多，请拆分为多份清单',
    'too-few-items': '清单中没有任何条目',
    'stale-revision': `版本号低于已保存的版本；请提高版本号，或留空自动取下一版本`,
    'revision-conflict': '该版本号已保存过内容不同的清单；请提高版本号，或留空自动取下一版本',
    'not-a-member': '提交方不是本联盟已接纳的成员；请先由联席会协调员将其加入成员名册',
    'too-many-problems': '问题过多，仅列出前面的部分',
    'internal-error': '系统暂时无法保存，请稍后重试',
  };
  if (problem.code === 'duplicate-item-id') {
    const earlier = /items\[(\d+)\]/.exec(problem.message.slice(problem.path.length));
    const row = earlier ? locate(`items[${earlier[1]}]`)?.row : undefined;
    return row ? `编号与第 ${row} 行重复；同一清单内编号不能重复` : '编号重复；同一清单内编号不能重复';
  }
  return words[problem.code] ?? `${field}有误（${problem.message}）`;
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
