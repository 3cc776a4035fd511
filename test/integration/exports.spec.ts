import { randomUUID } from 'node:crypto';
import { Workbook } from 'exceljs';
import type { TokenSubject } from '@redcrowd/auth';
import { localToday } from '@redcrowd/spreadsheets';
import { proposedAlliance, type ProposedAlliance } from '@test/support/alliance-scenario';
import { startMatcherHarness, type MatcherHarness } from '@test/support/intake-harness';
import { ADMIN, authHeaders, communityOf, coordinatorOf, unitOf } from '@test/support/tokens';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A sheet's rows as objects keyed by the header row's words. */
async function sheetRows(bytes: Buffer, sheetName?: string): Promise<Array<Record<string, unknown>>> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = sheetName ? workbook.getWorksheet(sheetName) : workbook.worksheets[0];
  if (!sheet) throw new Error(`no sheet ${sheetName ?? '(first)'}`);
  const headers = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
  return Array.from({ length: sheet.rowCount - 1 }, (_, index) => {
    const values = (sheet.getRow(index + 2).values as unknown[]).slice(1);
    return Object.fromEntries(headers.map((header, column) => [header, values[column] ?? null]));
  });
}

/*
 * Exports over HTTP against the real matcher, broker and database: a project proposed by a
 * real round, approved, claimed, started and completed through the API, then every export
 * read back with exceljs holds what the JSON routes answer, with the access rules of those
 * routes.
 */
describe('exports and the monthly report over HTTP', () => {
  let harness: MatcherHarness;
  let alliance: ProposedAlliance;
  let coordinator: TokenSubject;

  const call = async (path: string, who: TokenSubject, init: RequestInit = {}) => {
    const response = await fetch(`${harness.matcher.url}${path}`, {
      ...init,
      headers: { ...(await authHeaders(who)), ...(init.headers as Record<string, string> | undefined) },
    });
    return response;
  };
  const json = async (path: string, who: TokenSubject) => {
    const response = await call(path, who);
    expect(response.status).toBe(200);
    return (await response.json()) as any;
  };
  const post = async (path: string, who: TokenSubject, body: unknown = {}) => {
    const response = await call(path, who, { method: 'POST', body: JSON.stringify(body) });
    const answer = (await response.json()) as any;
    expect({ path, status: response.status, answer }).toMatchObject({ status: 200 });
    return answer;
  };
  const file = async (path: string, who: TokenSubject) => {
    const response = await call(path, who);
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
    return { response, bytes: Buffer.from(await response.arrayBuffer()) };
  };
  const exportsOf = () => `/alliances/${alliance.allianceId}/exports`;

  beforeAll(async () => {
    harness = await startMatcherHarness({ MATCHER_DEBOUNCE_MS: '50' }, ['projectsProposed']);
    alliance = await proposedAlliance(harness, { demandQuantity: 40 });
    coordinator = { ...coordinatorOf(alliance.allianceId), allianceName: '西工区邙岭路街道党建联盟' };
    const unit = unitOf(alliance.allianceId, alliance.unit.id);
    await post(`/projects/${alliance.projectId}/approve`, coordinator);
    await post('/claims', unit, { claimId: randomUUID(), projectId: alliance.projectId, quantity: 30 });
    await post(`/projects/${alliance.projectId}/start`, unit);
    await post(`/projects/${alliance.projectId}/report`, unit, { note: '送餐 30 份', hours: '10' });
    await post(
      `/projects/${alliance.projectId}/complete`,
      communityOf(alliance.allianceId, alliance.community.id),
      {
        rating: 5,
        note: '老人们很满意',
      },
    );
  }, 180_000);

  afterAll(() => harness?.stop(), 60_000);

  it('downloads the project list as a workbook named in Chinese, the same as GET /projects', async () => {
    const listed = (await json('/projects', coordinator)) as any[];
    expect(listed).toHaveLength(1);
    const { response, bytes } = await file(`${exportsOf()}/projects.xlsx`, coordinator);
    expect(response.headers.get('content-type')).toBe(XLSX);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const name = `项目清单-西工区邙岭路街道党建联盟-${localToday()}.xlsx`;
    expect(response.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[ -~]+"; /);
    const rows = await sheetRows(bytes);
    const [project] = listed;
    expect(rows).toEqual(
      project.allocations.map((allocation: any) =>
        expect.objectContaining({
          项目编号: project.id,
          需求: project.demand.title,
          '提出社区/单位': project.submitterName,
          需求数量: project.requested,
          未满足数量: project.unmet,
          项目状态: '已完成',
          服务单位: allocation.unitName,
          资源: allocation.resourceTitle,
          分配数量: allocation.quantity,
          匹配得分: allocation.score,
          认领单位: '空空导弹研究院 30份',
          已认领数量: 30,
        }),
      ),
    );
  });

  it('filters the CSV as the list filters, in UTF-8 with a byte-order mark', async () => {
    const { response, bytes } = await file(
      `${exportsOf()}/projects.csv?status=completed&urgency=urgent`,
      coordinator,
    );
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`${alliance.projectId},`);
    expect(lines[1]).toContain(',已完成,空空导弹研究院,');
    const none = (await file(`${exportsOf()}/projects.csv?status=proposed`, coordinator)).bytes;
    expect(none.toString('utf8').slice(1).trimEnd().split('\r\n')).toHaveLength(1);
    // A filter GET /projects refuses is refused here too, in the one error shape.
    const refused = await call(`${exportsOf()}/projects.xlsx?status=finished`, coordinator);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as any).error.code).toBe('invalid-request');
  });

  it('exports points, rankings, claims and unmet demands as their JSON routes give them', async () => {
    const unit = unitOf(alliance.allianceId, alliance.unit.id);
    const points = await json(`/me/points`, unit);
    const ledger = await sheetRows((await file(`${exportsOf()}/points.xlsx`, coordinator)).bytes);
    expect(
      ledger.map((row) => [row['成员单位'], row['积分'], row['评分（1–5星）'], row['项目编号']]),
    ).toEqual(points.entries.map((entry: any) => ['空空导弹研究院', entry.points, 5, entry.projectId]));
    const overview = await json('/alliance/overview', coordinator);
    const ranking = await sheetRows((await file(`${exportsOf()}/rankings.xlsx`, coordinator)).bytes);
    expect(ranking.map((row) => [row['成员单位'], row['积分'], row['认领项目数']])).toEqual(
      overview.units.map((row: any) => [row.name, row.points, row.projects]),
    );
    const claims = await json('/me/claims', unit);
    const exported = await sheetRows((await file(`${exportsOf()}/claims.xlsx`, unit)).bytes);
    expect(exported.map((row) => [row['认领编号'], row['认领数量'], row['接受数量'], row['结果']])).toEqual(
      claims.map((claim: any) => [claim.claimId, claim.quantity, claim.acceptedQuantity, '已接受']),
    );
    // 40 asked, 30 served: the rest is on the unmet list, partly met.
    const unmet = await json('/alliance/unmet', coordinator);
    const unmetRows = await sheetRows(
      (await file(`${exportsOf()}/unmet.xlsx?reason=partly-met`, coordinator)).bytes,
    );
    expect(unmet.map((row: any) => [row.itemId, row.unmet, row.reason])).toEqual([
      [unmetRows[0]!['需求编号'], 10, 'partly-met'],
    ]);
    expect(unmetRows).toEqual([
      expect.objectContaining({ 未满足数量: 10, 未满足原因: '部分满足', 计量单位: '份' }),
    ]);
  });

  it('lets a unit export only its own points and claims, and a community nothing', async () => {
    const unit = unitOf(alliance.allianceId, alliance.unit.id);
    expect((await call(`${exportsOf()}/points.csv`, unit)).status).toBe(200);
    expect((await call(`${exportsOf()}/points.csv?unit=someone-else`, unit)).status).toBe(403);
    expect((await call(`${exportsOf()}/claims.xlsx?unit=someone-else`, unit)).status).toBe(403);
    expect((await call(`${exportsOf()}/projects.xlsx`, unit)).status).toBe(403);
    expect((await call(`${exportsOf()}/rankings.csv`, unit)).status).toBe(403);
    const community = communityOf(alliance.allianceId, alliance.community.id);
    expect((await call(`${exportsOf()}/points.xlsx`, community)).status).toBe(403);
    const month = localToday().slice(0, 7);
    const report = `/alliances/${alliance.allianceId}/reports/monthly.html?month=${month}`;
    expect((await call(report, unit)).status).toBe(403);
  });

  it("answers another alliance's exports 404, as if it did not exist", async () => {
    const stranger = coordinatorOf(`alliance-${randomUUID().slice(0, 8)}`);
    const refused = await call(`${exportsOf()}/projects.xlsx`, stranger);
    expect(refused.status).toBe(404);
    expect(((await refused.json()) as any).error.code).toBe('not-found');
    // An admin names the alliance in the path; a different ?allianceId= beside it is refused.
    expect((await call(`${exportsOf()}/claims.csv`, ADMIN)).status).toBe(200);
    expect((await call(`${exportsOf()}/claims.csv?allianceId=elsewhere`, ADMIN)).status).toBe(404);
  });

  it('serves the monthly report as a workbook and as a printable Chinese page', async () => {
    const month = localToday().slice(0, 7);
    const reports = `/alliances/${alliance.allianceId}/reports`;
    const { response, bytes } = await file(`${reports}/monthly.xlsx?month=${month}`, coordinator);
    expect(response.headers.get('content-disposition')).toContain(
      encodeURIComponent(`联席会月度报告-西工区邙岭路街道党建联盟-${month}.xlsx`),
    );
    expect(await sheetRows(bytes, '完成与评价')).toEqual([
      expect.objectContaining({
        项目编号: alliance.projectId,
        '评分（1–5星）': 5,
        评价: '老人们很满意',
        积分: 10,
      }),
    ]);
    expect(await sheetRows(bytes, '项目清单')).toEqual([
      expect.objectContaining({ 项目编号: alliance.projectId, 月末状态: '已完成', 认领数量: 30 }),
    ]);
    // Without ?month= it is this month's report.
    const page = await call(`${reports}/monthly.html`, coordinator);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('content-disposition')).toMatch(/^inline; /);
    expect(page.headers.get('content-disposition')).toContain(encodeURIComponent(`-${month}.html`));
    const html = await page.text();
    expect(html).toContain('西工区邙岭路街道党建联盟');
    expect(html).toContain('<dt>本月完成项目</dt><dd>1 个</dd>');
    expect(html).toContain('<dt>平均评分</dt><dd>5.0 星</dd>');
    // A month before any of it: nothing completed, nothing credited.
    const before = await call(`${reports}/monthly.html?month=2020-01`, coordinator);
    expect(await before.text()).toContain('<dt>本月完成项目</dt><dd>0 个</dd>');
  });

  it('refuses a month that is not YYYY-MM with a 400 naming the field', async () => {
    for (const month of ['2026-13', '2026-1', 'november', '1999-12']) {
      const answer = await call(
        `/alliances/${alliance.allianceId}/reports/monthly.xlsx?month=${month}`,
        coordinator,
      );
      expect(answer.status).toBe(400);
      expect(await answer.json()).toMatchObject({
        error: { code: 'invalid-request', field: 'month', message: expect.stringContaining('YYYY-MM') },
      });
    }
  });
});
