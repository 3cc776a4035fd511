import { asTime, type Column, type Instant, type Table } from './table';

/** One credit of the points ledger (积分明细): a unit's share of a completed project. */
export interface PointsLedgerRow {
  at: Instant;
  unitId: string;
  unitName: string | null;
  projectId: string;
  projectTitle: string | null;
  submitterName: string | null;
  /** The 1–5 rating the community gave the project, when known. */
  rating: number | null;
  points: number;
}

/** A member unit's figures for the rankings (单位排名), all time or over a period. */
export interface UnitRankingRow {
  unitId: string;
  name: string | null;
  /** Points credited (in the period, if any). */
  points: number;
  /** Projects the unit claimed (accepted claims). */
  projects: number;
  /** Completed projects that credited the unit. */
  completed: number;
  /** Points up to the period's end, for a period's rankings. */
  totalPoints?: number;
}

/** 积分明细: who earned what, for which project, oldest first. */
export function pointsLedgerTable(rows: readonly PointsLedgerRow[]): Table<PointsLedgerRow> {
  const columns: Array<Column<PointsLedgerRow>> = [
    { header: '记分时间', value: (row) => asTime(row.at) },
    { header: '成员单位', value: (row) => row.unitName ?? row.unitId },
    { header: '项目', value: (row) => row.projectTitle ?? row.projectId },
    { header: '提出社区/单位', value: (row) => row.submitterName },
    { header: '评分（1–5星）', value: (row) => row.rating },
    { header: '积分', value: (row) => row.points },
    { header: '项目编号', value: (row) => row.projectId, printed: false },
  ];
  return { sheet: '积分明细', columns, rows };
}

/** 单位排名: ranked by points; units with the same points share a place (1, 1, 3). */
export function rankingTable(
  rows: readonly UnitRankingRow[],
  options: { period?: boolean } = {},
): Table<UnitRankingRow> {
  const columns: Array<Column<UnitRankingRow>> = [
    { header: '名次', value: (row) => rankOf(row, rows) },
    { header: '成员单位', value: (row) => row.name ?? row.unitId },
    { header: options.period ? '本月积分' : '积分', value: (row) => row.points },
    { header: options.period ? '本月认领项目数' : '认领项目数', value: (row) => row.projects },
    { header: options.period ? '本月完成项目数' : '完成项目数', value: (row) => row.completed },
    ...(options.period
      ? [{ header: '累计积分', value: (row: UnitRankingRow) => row.totalPoints ?? null }]
      : []),
  ];
  return { sheet: '单位排名', columns, rows: rankedOrder(rows) };
}

/** 1 + how many units have more points. */
export function rankOf(row: UnitRankingRow, rows: readonly UnitRankingRow[]): number {
  return 1 + rows.filter((other) => other.points > row.points).length;
}

/** Most points first; then more completed, more claimed projects; then by name. */
export function rankedOrder(rows: readonly UnitRankingRow[]): UnitRankingRow[] {
  return [...rows].sort(
    (a, b) =>
      b.points - a.points ||
      b.completed - a.completed ||
      b.projects - a.projects ||
      (a.name ?? a.unitId).localeCompare(b.name ?? b.unitId, 'zh-CN'),
  );
}
