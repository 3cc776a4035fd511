import { randomUUID } from 'node:crypto';
import { Workbook, type Worksheet } from 'exceljs';
import { parseClaim, parseList } from '@redcrowd/contracts';
import { ListStoreRepository } from '@redcrowd/persistence';
import { localToday, reportMonth } from '@redcrowd/spreadsheets';
import { ClaimDecisionService } from '../../apps/matcher/src/claims/claim-decision.service';
import { ClaimsModule } from '../../apps/matcher/src/claims/claims.module';
import { DashboardModule } from '../../apps/matcher/src/dashboard/dashboard.module';
import { DashboardReads } from '../../apps/matcher/src/dashboard/dashboard-reads.service';
import { ExportsModule } from '../../apps/matcher/src/exports/exports.module';
import type { ExportFile } from '../../apps/matcher/src/exports/export-file';
import { ListExportsService } from '../../apps/matcher/src/exports/list-exports.service';
import { MonthlyReportService } from '../../apps/matcher/src/exports/monthly-report.service';
import { ProgressModule } from '../../apps/matcher/src/progress/progress.module';
import { ProjectProgressService } from '../../apps/matcher/src/progress/project-progress.service';
import { ProjectQueries } from '../../apps/matcher/src/review/project-queries.service';
import { ProjectReviewService } from '../../apps/matcher/src/review/project-review.service';
import { ReviewModule } from '../../apps/matcher/src/review/review.module';
import { MatchingRoundService } from '../../apps/matcher/src/rounds/matching-round.service';
import { demandItem, demandList } from '@test/fixtures/lists';
import { seedAlliance, startServices, type ServicesContext } from '@test/support/services-context';

/** A sheet's rows as objects keyed by the header row's words. */
async function sheetRows(file: ExportFile, sheetName?: string): Promise<Array<Record<string, unknown>>> {
  const workbook = new Workbook();
  await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
  const sheet: Worksheet = sheetName ? workbook.getWorksheet(sheetName)! : workbook.worksheets[0]!;
  expect(sheet).toBeDefined();
  const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  const rows: Array<Record<string, unknown>> = [];
  for (let index = 2; index <= sheet.rowCount; index++) {
    const values = (sheet.getRow(index).values as unknown[]).slice(1);
    rows.push(Object.fromEntries(headers.map((header, column) => [header, values[column] ?? null])));
  }
  return rows;
}

/** CSV lines without the byte-order mark, split into fields (the fixtures hold no commas). */
function csvRows(file: ExportFile): string[][] {
  expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return file.body
    .toString('utf8')
    .slice(1)
    .split('\r\n')
    .filter((line) => line !== '')
    .map((line) => line.split(','));
}

/**
 * Exports against Postgres: a real round, approval, claims and a completion, then each
 * export read back with exceljs holds what the JSON read models answer for the same data.
 */
describe('exports of a round through to completion', () => {
  let context: ServicesContext;
  let exports: ListExportsService;
  let reports: MonthlyReportService;
  let allianceId: string;
  let units: string[];
  let communityId: string;
  let projectId: string;
  const scope = () => ({ allianceId, allianceName: '邙岭路联盟' });

  beforeAll(async () => {
    context = await startServices([
      ReviewModule,
      ClaimsModule,
      ProgressModule,
      DashboardModule,
      ExportsModule,
    ]);
    exports = context.get(ListExportsService);
    reports = context.get(MonthlyReportService);
    // Two canteens of 30 meals for a demand of 40: both units serve it, and both claim.
    ({ allianceId, units, communityId } = await seedAlliance(context, { units: 2, demandQuantity: 40 }));
    // And a demand no unit can serve (no legal aid on offer), for the unmet list.
    const legal = parseList(
      'demand',
      JSON.stringify(
        demandList({
          listId: 'dl-legal',
          allianceId,
          submitter: { kind: 'community', id: communityId, name: '014中心社区' },
          items: [
            demandItem({
              itemId: 'legal',
              category: 'legal',
              title: '法律咨询',
              unit: 'sessions',
              quantity: 10,
            }),
          ],
        }),
      ),
    );
    if (!legal.ok) throw new Error(JSON.stringify(legal.problems));
    await context.dataSource.transaction((manager) => new ListStoreRepository().store(manager, legal.list));
    await context.get(MatchingRoundService).run(allianceId, 'services-test');
    const { rows } = await context.db.query(`SELECT id FROM projects WHERE alliance_id = $1`, [allianceId]);
    projectId = rows[0].id;
    await context.get(ProjectReviewService).approve(projectId, 'coordinator-1');
    const { rows: offers } = await context.db.query(
      `SELECT unit_id, quantity FROM offers WHERE project_id = $1 ORDER BY unit_id`,
      [projectId],
    );
    expect(offers).toHaveLength(2);
    const claims = context.get(ClaimDecisionService);
    for (const offer of offers) {
      const claim = JSON.stringify({
        claimId: randomUUID(),
        projectId,
        unitId: offer.unit_id,
        quantity: offer.quantity,
        submittedAt: new Date().toISOString(),
      });
      expect(await claims.decide(parseClaim(claim, offer.unit_id), offer.unit_id)).toMatchObject({
        decision: 'accepted',
      });
    }
    // One refused claim for the history, after the project was claimed in full.
    await claims.decide(
      parseClaim(
        JSON.stringify({
          claimId: 'too-much',
          projectId,
          unitId: units[0],
          quantity: 99,
          submittedAt: new Date().toISOString(),
        }),
        units[0]!,
      ),
      units[0]!,
    );
    const progress = context.get(ProjectProgressService);
    await progress.start(projectId, units[0]!);
    for (const unitId of units) await progress.report(projectId, unitId, { note: '送餐到户', hours: '3' });
    await progress.complete(projectId, communityId, 4, '送餐及时');
  }, 60_000);

  afterAll(() => context?.close());

  it('exports the project list with the allocations and claimers the JSON list shows', async () => {
    const listed = await context.get(ProjectQueries).list(allianceId, {});
    expect(listed).toHaveLength(1);
    const [project] = listed;
    const rows = await sheetRows(await exports.projects(scope(), {}, 'xlsx'));
    expect(rows).toHaveLength(project!.allocations.length);
    expect(rows.map((row) => [row['项目编号'], row['服务单位'], row['分配数量'], row['匹配得分']])).toEqual(
      project!.allocations.map((allocation) => [
        project!.id,
        allocation.unitName,
        allocation.quantity,
        allocation.score,
      ]),
    );
    expect(rows[0]).toMatchObject({
      需求: project!.demand!.title,
      '提出社区/单位': '014中心社区',
      类别: '养老服务',
      计量单位: '份',
      需求数量: 40,
      未满足数量: project!.unmet,
      项目状态: '已完成',
      已认领数量: 40,
    });
    // Claimers, in the order their claims were accepted, with their quantities.
    const offered = project!.allocations.map(
      (allocation) => `${allocation.unitName} ${allocation.quantity}份`,
    );
    expect(String(rows[0]!['认领单位']).split('；').sort()).toEqual(offered.sort());
  });

  it('filters the project list as GET /projects does', async () => {
    expect(await sheetRows(await exports.projects(scope(), { status: 'proposed' }, 'xlsx'))).toEqual([]);
    const byUnit = csvRows(await exports.projects(scope(), { unitId: units[1], status: 'completed' }, 'csv'));
    expect(byUnit).toHaveLength(1 + 2); // the header and the project's two allocation lines
    expect(byUnit[0]!.slice(0, 3)).toEqual(['项目编号', '需求', '提出社区/单位']);
    expect(csvRows(await exports.projects(scope(), { category: 'legal' }, 'csv'))).toHaveLength(1);
  });

  it('exports the points ledger and rankings as the points route and the overview give them', async () => {
    const progress = context.get(ProjectProgressService);
    const ledger = await sheetRows(await exports.points(scope(), undefined, 'xlsx'));
    const expected = (
      await Promise.all(units.map((unitId) => progress.pointsOf(allianceId, unitId)))
    ).flatMap((points, index) => points.entries.map((entry) => ({ unitId: units[index], ...entry })));
    expect(ledger.map((row) => row['积分']).sort()).toEqual(expected.map((entry) => entry.points).sort());
    expect(ledger.every((row) => row['评分（1–5星）'] === 4 && row['项目编号'] === projectId)).toBe(true);
    const [project] = await context.get(ProjectQueries).list(allianceId, {});
    expect(ledger.every((row) => row['项目'] === project!.demand!.title)).toBe(true);
    expect(ledger.map((row) => row['成员单位']).sort()).toEqual(['成员单位1', '成员单位2']);

    const own = await sheetRows(await exports.points(scope(), units[1], 'xlsx'));
    const ownEntries = (await progress.pointsOf(allianceId, units[1]!)).entries;
    expect(own.map((row) => row['积分'])).toEqual(ownEntries.map((entry) => entry.points));
    expect(own.map((row) => (row['记分时间'] as Date).getTime())).toEqual(
      // Beijing's wall clock written as the cell's (zone-less) date: UTC plus eight hours.
      ownEntries.map((entry) => Math.floor(new Date(entry.at).getTime() / 60_000) * 60_000 + 8 * 3_600_000),
    );

    const overview = await context.get(DashboardReads).overview(allianceId);
    const ranking = await sheetRows(await exports.rankings(scope(), 'xlsx'));
    expect(
      ranking.map((row) => [row['成员单位'], row['积分'], row['认领项目数'], row['完成项目数']]),
    ).toEqual(overview.units.map((unit) => [unit.name, unit.points, unit.projects, 1]));
    expect(ranking.map((row) => row['名次'])[0]).toBe(1);
  });

  it('exports the claims history as a unit sees its own, refusals in words', async () => {
    const mine = await context.get(DashboardReads).claimsOfUnit(allianceId, units[0]!);
    const rows = await sheetRows(await exports.claims(scope(), { unitId: units[0] }, 'xlsx'));
    expect(rows.map((row) => row['认领编号'])).toEqual(
      mine.map((claim) => (claim as { claimId: string }).claimId),
    );
    expect(rows.find((row) => row['认领编号'] === 'too-much')).toMatchObject({
      结果: '未通过',
      未通过原因: '项目当前不可认领', // project-not-claimable: it was claimed in full already
      认领数量: 99,
      接受数量: 0,
      计量单位: '份',
    });
    const accepted = await sheetRows(await exports.claims(scope(), { decision: 'accepted' }, 'xlsx'));
    expect(accepted.map((row) => row['接受数量'] as number).reduce((a, b) => a + b, 0)).toBe(40);
    expect(accepted.every((row) => row['结果'] === '已接受' && row['项目状态'] === '已完成')).toBe(true);
  });

  it('exports unmet demands with their reason, and only the reason asked for', async () => {
    const unmet = await context.get(DashboardReads).unmet(allianceId);
    expect(unmet.map((row) => [row.itemId, row.reason])).toEqual([['legal', 'no-supply-in-category']]);
    const rows = await sheetRows(await exports.unmet(scope(), undefined, 'xlsx'));
    expect(rows).toEqual([
      {
        需求: '法律咨询',
        '提出社区/单位': '014中心社区',
        类别: '法律服务',
        紧急程度: '紧急',
        需求数量: 10,
        未满足数量: 10,
        计量单位: '场',
        未满足原因: '该类别无资源供给',
        服务地点: '014中心社区52号楼',
        需求编号: 'legal',
      },
    ]);
    const [header, line] = csvRows(await exports.unmet(scope(), 'no-supply-in-category', 'csv'));
    expect(line).toEqual(Object.values(rows[0]!).map(String));
    // Another reason: the header alone.
    expect(csvRows(await exports.unmet(scope(), 'no-capacity', 'csv'))).toEqual([header]);
  });

  it('reports the month with the completion, its rating and the units ranked', async () => {
    const month = localToday().slice(0, 7);
    const file = await reports.workbook(scope(), month);
    expect(file.name).toBe(`联席会月度报告-邙岭路联盟-${month}.xlsx`);
    const projects = await sheetRows(file, '项目清单');
    expect(projects).toEqual([
      expect.objectContaining({ 项目编号: projectId, 月末状态: '已完成', 认领数量: 40 }),
    ]);
    const completions = await sheetRows(file, '完成与评价');
    expect(completions).toEqual([
      expect.objectContaining({ 项目编号: projectId, '评分（1–5星）': 4, 评价: '送餐及时', 积分: 10 }),
    ]);
    const ranking = await sheetRows(file, '单位排名');
    expect(ranking.map((row) => row['本月积分'] as number).reduce((a, b) => a + b, 0)).toBe(10);
    expect(ranking.every((row) => row['本月完成项目数'] === 1 && row['累计积分'] === row['本月积分'])).toBe(
      true,
    );

    const page = (await reports.page(scope(), month)).body.toString('utf8');
    expect(page).toContain('<dt>本月完成项目</dt><dd>1 个</dd>');
    expect(page).toContain('<dt>平均评分</dt><dd>4.0 星</dd>');
    expect(page).toContain('送餐及时');
  });

  it('counts a completion at 00:30 on the 1st in Beijing in that month, not the one before', async () => {
    // Move the completion (and what it credited) to 1 November 2026, 00:30 Beijing time.
    const at = '2026-10-31T16:30:00Z';
    await context.db.query(
      `UPDATE project_events SET at = $2 WHERE project_id = $1 AND action = 'completed'`,
      [projectId, at],
    );
    await context.db.query(`UPDATE points_ledger SET at = $2 WHERE project_id = $1`, [projectId, at]);
    const november = await reports.report(scope(), reportMonth('2026-11')!);
    expect(november.completions.map((row) => row.projectId)).toEqual([projectId]);
    expect(november.rankings.reduce((sum, row) => sum + row.points, 0)).toBe(10);
    const october = await reports.report(scope(), reportMonth('2026-10')!);
    expect(october.completions).toEqual([]);
    expect(october.rankings.reduce((sum, row) => sum + row.points, 0)).toBe(0);
  });

  it('refuses a month that is not YYYY-MM with invalid-request on the month field', async () => {
    for (const month of ['2026-13', '2026-1', 'latest']) {
      await expect(reports.workbook(scope(), month)).rejects.toMatchObject({
        code: 'invalid-request',
        field: 'month',
      });
    }
  });
});
