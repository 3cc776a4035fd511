import type { DateTime } from 'luxon';
import {
  ALLIANCE_TIME_ZONE,
  asDay,
  asTime,
  localTime,
  type Column,
  type Instant,
  type Moment,
  type Table,
} from './table';
import { categoryWord, quantityText, quantityUnitWord, statusWord, urgencyWord } from './words';

/** An accepted claim (认领) of a project: which unit, how much. */
export interface ClaimerRow {
  unitId: string;
  unitName: string | null;
  quantity: number;
}

/** A project (项目清单) as GET /projects lists it, with the units that claimed it. */
export interface ProjectExportRow {
  id: string;
  status: string;
  requested: number;
  unmet: number;
  submitterId: string | null;
  submitterName: string | null;
  demand: {
    title: string;
    category: string;
    urgency: string;
    quantityUnit: string;
    address: string | null;
    windowFrom: Instant;
    windowTo: Instant;
  } | null;
  allocations: ReadonlyArray<{
    unitId: string;
    unitName: string | null;
    resourceTitle: string | null;
    quantity: number;
    score: number;
  }>;
  claims: readonly ClaimerRow[];
}

type Allocation = ProjectExportRow['allocations'][number];

/** One line of the sheet: a project with one of its allocations (or none yet). */
interface ProjectLine {
  project: ProjectExportRow;
  allocation: Allocation | null;
}

/**
 * The project list with one line per allocation: which resource of which unit serves which
 * demand of which community, how much, and who claimed it. A project's own columns repeat on
 * each of its lines, so filtering by unit or community in Excel keeps whole lines.
 */
export function projectTable(
  projects: readonly ProjectExportRow[],
  timeZone: string = ALLIANCE_TIME_ZONE,
): Table<ProjectLine> {
  const lines = projects.flatMap((project): ProjectLine[] =>
    project.allocations.length === 0
      ? [{ project, allocation: null }]
      : project.allocations.map((allocation) => ({ project, allocation })),
  );
  const window = (project: ProjectExportRow) =>
    project.demand ? windowMoments(project.demand.windowFrom, project.demand.windowTo, timeZone) : null;
  const columns: Array<Column<ProjectLine>> = [
    { header: '项目编号', value: ({ project }) => project.id, printed: false },
    { header: '需求', value: ({ project }) => project.demand?.title },
    { header: '提出社区/单位', value: ({ project }) => project.submitterName ?? project.submitterId },
    { header: '类别', value: ({ project }) => categoryWord(project.demand?.category) },
    { header: '紧急程度', value: ({ project }) => urgencyWord(project.demand?.urgency) },
    { header: '需求数量', value: ({ project }) => project.requested },
    { header: '未满足数量', value: ({ project }) => project.unmet },
    { header: '计量单位', value: ({ project }) => quantityUnitWord(project.demand?.quantityUnit) },
    { header: '需求开始', value: ({ project }) => window(project)?.from },
    { header: '需求截止', value: ({ project }) => window(project)?.to },
    { header: '服务地点', value: ({ project }) => project.demand?.address },
    { header: '项目状态', value: ({ project }) => statusWord(project.status) },
    { header: '服务单位', value: ({ allocation }) => allocation?.unitName ?? allocation?.unitId },
    { header: '资源', value: ({ allocation }) => allocation?.resourceTitle },
    { header: '分配数量', value: ({ allocation }) => allocation?.quantity },
    { header: '匹配得分', value: ({ allocation }) => allocation?.score, numberFormat: '0.00' },
    {
      header: '认领单位',
      value: ({ project }) => claimersText(project.claims, project.demand?.quantityUnit),
    },
    {
      header: '已认领数量',
      value: ({ project }) => project.claims.reduce((sum, claim) => sum + claim.quantity, 0),
    },
  ];
  return { sheet: '项目清单', columns, rows: lines };
}

/** 河南科技大学 20份；空空导弹研究院 10份 */
export function claimersText(claims: readonly ClaimerRow[], quantityUnit: string | null | undefined): string {
  return claims
    .map((claim) => `${claim.unitName ?? claim.unitId} ${quantityText(claim.quantity, quantityUnit)}`)
    .join('；');
}

/**
 * A demand's window as people wrote it: whole days when it runs from one local midnight to
 * another (its end is the start of the day after the last, so the last day is shown), local
 * times otherwise.
 */
export function windowMoments(
  from: Instant,
  to: Instant,
  timeZone: string = ALLIANCE_TIME_ZONE,
): { from: Moment; to: Moment } {
  const start = localTime(from, timeZone);
  const end = localTime(to, timeZone);
  const midnight = (time: DateTime) => time.equals(time.startOf('day'));
  if (midnight(start) && midnight(end) && end > start) {
    return { from: asDay(from), to: asDay(end.minus({ days: 1 }).toJSDate()) };
  }
  return { from: asTime(from), to: asTime(to) };
}
