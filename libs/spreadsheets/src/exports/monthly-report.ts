import { reportMonth, type ReportMonth } from './month';
import { claimersText, type ClaimerRow } from './projects';
import { rankingTable, rankedOrder, type UnitRankingRow } from './points';
import {
  ALLIANCE_TIME_ZONE,
  asDay,
  asTime,
  localTime,
  textOf,
  workbookOf,
  type Column,
  type Instant,
  type Table,
} from './table';
import { unmetTable, type UnmetExportRow } from './unmet';
import { categoryWord, quantityUnitWord, statusWord, urgencyWord } from './words';

/*
 * The joint meeting's (联席会) monthly report of one alliance: the month's projects, what was
 * completed and how the communities rated it, what is still unmet, and how the member units
 * rank. The same tables make the workbook and the printable page.
 */

/** A project the month saw: created in it, or changed in it. */
export interface MonthlyProjectRow {
  id: string;
  title: string | null;
  submitterName: string | null;
  category: string | null;
  urgency: string | null;
  quantityUnit: string | null;
  requested: number;
  /** What its allocations give. */
  allocated: number;
  /** Accepted claims. */
  claims: readonly ClaimerRow[];
  /** Names of the units with an allocation. */
  units: readonly string[];
  createdAt: Instant;
  /** The status it had when the month ended (or has now, for the current month). */
  statusAtEnd: string;
}

/** A project completed (验收) in the month, with the community's rating. */
export interface CompletionRow {
  projectId: string;
  completedAt: Instant;
  title: string | null;
  submitterName: string | null;
  category: string | null;
  quantityUnit: string | null;
  claims: readonly ClaimerRow[];
  rating: number | null;
  note: string | null;
  /** Points the completion credited, all units together. */
  points: number;
}

export interface MonthlyReport {
  allianceName: string;
  /** YYYY-MM */
  month: string;
  generatedAt: Instant;
  projects: readonly MonthlyProjectRow[];
  completions: readonly CompletionRow[];
  /** Unmet demands as they stand when the report is made. */
  unmet: readonly UnmetExportRow[];
  /** Every member unit's figures for the month (totalPoints: up to its end). */
  rankings: readonly UnitRankingRow[];
}

/** The figures at the top of the report. */
export interface MonthlySummary {
  /** Projects created in the month. */
  newProjects: number;
  /** Projects created or changed in the month. */
  activeProjects: number;
  completed: number;
  /** Mean of the month's ratings, one decimal; null when none was rated. */
  averageRating: number | null;
  pointsCredited: number;
  /** Units that claimed or earned points in the month. */
  activeUnits: number;
  unmetDemands: number;
  /** Unmet demands marked urgent or critical. */
  urgentUnmet: number;
}

export function monthlySummary(report: MonthlyReport, timeZone: string = ALLIANCE_TIME_ZONE): MonthlySummary {
  const month = requireMonth(report.month, timeZone);
  const ratings = report.completions.flatMap((row) => (row.rating === null ? [] : [row.rating]));
  const inMonth = (at: Instant) => {
    const time = localTime(at, timeZone).toMillis();
    return time >= month.from.getTime() && time < month.to.getTime();
  };
  return {
    newProjects: report.projects.filter((row) => inMonth(row.createdAt)).length,
    activeProjects: report.projects.length,
    completed: report.completions.length,
    averageRating:
      ratings.length === 0
        ? null
        : Math.round((ratings.reduce((sum, rating) => sum + rating, 0) / ratings.length) * 10) / 10,
    pointsCredited: report.rankings.reduce((sum, row) => sum + row.points, 0),
    activeUnits: report.rankings.filter((row) => row.points > 0 || row.projects > 0).length,
    unmetDemands: report.unmet.length,
    urgentUnmet: report.unmet.filter((row) => row.urgency === 'urgent' || row.urgency === 'critical').length,
  };
}

export function monthlyProjectTable(rows: readonly MonthlyProjectRow[]): Table<MonthlyProjectRow> {
  const claimed = (row: MonthlyProjectRow) => row.claims.reduce((sum, claim) => sum + claim.quantity, 0);
  const columns: Array<Column<MonthlyProjectRow>> = [
    { header: '需求', value: (row) => row.title ?? row.id },
    { header: '提出社区/单位', value: (row) => row.submitterName },
    { header: '类别', value: (row) => categoryWord(row.category) },
    { header: '紧急程度', value: (row) => urgencyWord(row.urgency) },
    { header: '需求数量', value: (row) => row.requested },
    { header: '分配数量', value: (row) => row.allocated },
    { header: '认领数量', value: claimed },
    { header: '计量单位', value: (row) => quantityUnitWord(row.quantityUnit) },
    { header: '服务单位', value: (row) => row.units.join('、') },
    { header: '认领单位', value: (row) => claimersText(row.claims, row.quantityUnit) },
    { header: '立项日期', value: (row) => asDay(row.createdAt) },
    { header: '月末状态', value: (row) => statusWord(row.statusAtEnd) },
    { header: '项目编号', value: (row) => row.id, printed: false },
  ];
  return { sheet: '项目清单', columns, rows };
}

export function completionTable(rows: readonly CompletionRow[]): Table<CompletionRow> {
  const columns: Array<Column<CompletionRow>> = [
    { header: '完成时间', value: (row) => asTime(row.completedAt) },
    { header: '需求', value: (row) => row.title ?? row.projectId },
    { header: '提出社区/单位', value: (row) => row.submitterName },
    { header: '类别', value: (row) => categoryWord(row.category) },
    { header: '认领单位', value: (row) => claimersText(row.claims, row.quantityUnit) },
    { header: '评分（1–5星）', value: (row) => row.rating },
    { header: '评价', value: (row) => row.note },
    { header: '积分', value: (row) => row.points },
    { header: '项目编号', value: (row) => row.projectId, printed: false },
  ];
  return { sheet: '完成与评价', columns, rows };
}

function reportTables(report: MonthlyReport): Array<Table<unknown>> {
  return [
    monthlyProjectTable(report.projects),
    completionTable(report.completions),
    unmetTable(report.unmet),
    rankingTable(report.rankings, { period: true }),
  ];
}

/** The workbook: 项目清单, 完成与评价, 未满足需求, 单位排名. */
export function monthlyWorkbook(
  report: MonthlyReport,
  timeZone: string = ALLIANCE_TIME_ZONE,
): Promise<Buffer> {
  requireMonth(report.month, timeZone);
  return workbookOf(reportTables(report), { timeZone });
}

/** The printable page (A4), in Chinese: the summary first, then the four tables. */
export function monthlyReportHtml(report: MonthlyReport, timeZone: string = ALLIANCE_TIME_ZONE): string {
  const month = requireMonth(report.month, timeZone);
  const summary = monthlySummary(report, timeZone);
  const title = `${report.allianceName} 联席会月度报告 · ${month.label}`;
  const generated = textOf(asTime(report.generatedAt), timeZone);
  const figures: Array<[string, string]> = [
    ['本月新立项目', `${summary.newProjects} 个`],
    ['本月有进展的项目', `${summary.activeProjects} 个`],
    ['本月完成项目', `${summary.completed} 个`],
    ['平均评分', summary.averageRating === null ? '暂无评分' : `${summary.averageRating.toFixed(1)} 星`],
    ['本月积分', `${summary.pointsCredited} 分`],
    ['参与成员单位', `${summary.activeUnits} 家`],
    ['未满足需求', `${summary.unmetDemands} 项（其中紧急 ${summary.urgentUnmet} 项）`],
  ];
  const leader = rankedOrder(report.rankings)[0];
  const sentences = [
    `${month.label}，联盟新立项目 ${summary.newProjects} 个，完成 ${summary.completed} 个` +
      (summary.averageRating === null ? '。' : `，社区平均评分 ${summary.averageRating.toFixed(1)} 星。`),
    leader && leader.points > 0
      ? `本月积分第一的成员单位是${leader.name ?? leader.unitId}（${leader.points} 分）。`
      : '本月尚无成员单位获得积分。',
    summary.unmetDemands > 0
      ? `目前仍有 ${summary.unmetDemands} 项需求未满足，请联席会研究补充资源或调整服务时间。`
      : '目前所有需求均已满足。',
  ];
  const tables = reportTables(report);
  const sections: Array<[string, Table<unknown>, string, string?]> = [
    ['一、项目清单', tables[0]!, '本月无新立或有进展的项目。'],
    ['二、完成与评价', tables[1]!, '本月无完成的项目。'],
    ['三、未满足需求', tables[2]!, '目前没有未满足的需求。', `截至 ${generated}`],
    ['四、单位排名', tables[3]!, '联盟尚无成员单位。'],
  ];
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${PRINT_CSS}</style>
</head>
<body>
<header class="report-head">
<h1>${escapeHtml(report.allianceName)}<br><span>联席会月度报告</span></h1>
<p class="period">${escapeHtml(month.label)}（${month.firstDay} 至 ${month.lastDay}，北京时间）· 生成于 ${escapeHtml(generated)}</p>
</header>
<section class="summary" aria-labelledby="summary-title">
<h2 id="summary-title">本月概况</h2>
<dl class="figures">
${figures.map(([label, value]) => `<div><dt>${label}</dt><dd>${escapeHtml(value)}</dd></div>`).join('\n')}
</dl>
<p>${sentences.map(escapeHtml).join('')}</p>
</section>
${sections
  .map(
    ([heading, table, empty, note]) => `<section>
<h2>${heading}${note ? ` <small>${escapeHtml(note)}</small>` : ''}</h2>
${table.rows.length === 0 ? `<p class="empty">${empty}</p>` : htmlTable(table, timeZone)}
</section>`,
  )
  .join('\n')}
<footer>红色众筹 · 清单+接单 · ${escapeHtml(report.allianceName)}</footer>
</body>
</html>
`;
}

/** A table as HTML, without the columns a printed page can do without. */
function htmlTable(table: Table<unknown>, timeZone: string): string {
  const columns = table.columns.filter((column) => column.printed !== false);
  const head = columns.map((column) => `<th scope="col">${escapeHtml(column.header)}</th>`).join('');
  const body = table.rows
    .map((row) => {
      const cells = columns.map((column) => {
        const value = column.value(row);
        const numeric = typeof value === 'number';
        return `<td${numeric ? ' class="num"' : ''}>${escapeHtml(textOf(value, timeZone))}</td>`;
      });
      return `<tr>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function requireMonth(month: string, timeZone: string): ReportMonth {
  const parsed = reportMonth(month, timeZone);
  if (!parsed) throw new Error(`not a month (YYYY-MM): ${month}`);
  return parsed;
}

const PRINT_CSS = `
@page { size: A4; margin: 14mm 12mm 16mm; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 210mm; padding: 10mm 12mm; color: #222; background: #fff;
  font: 10pt/1.5 "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; }
.report-head { border-bottom: 3px solid #b22222; margin-bottom: 6mm; }
h1 { color: #b22222; font-size: 17pt; margin: 0 0 2mm; line-height: 1.3; }
h1 span { font-size: 14pt; }
h2 { font-size: 12pt; color: #8b1a1a; margin: 6mm 0 2mm; }
h2 small { font-size: 9pt; color: #666; font-weight: normal; }
.period { color: #555; margin: 0 0 3mm; }
.figures { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2mm; margin: 0 0 3mm; }
.figures div { border: 1px solid #e3c5c5; border-radius: 2mm; padding: 2mm 3mm; background: #fdf6f6; }
.figures dt { color: #666; font-size: 8.5pt; }
.figures dd { margin: 0; font-size: 12pt; font-weight: bold; }
table { width: 100%; border-collapse: collapse; font-size: 8.5pt; }
th, td { border: 1px solid #bbb; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
th { background: #f2dede; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
thead { display: table-header-group; }
tr, .figures div { break-inside: avoid; page-break-inside: avoid; }
h2 { break-after: avoid; page-break-after: avoid; }
.empty { color: #666; }
footer { margin-top: 8mm; color: #888; font-size: 8pt; text-align: center; }
@media print { body { padding: 0; max-width: none; } }
`;
