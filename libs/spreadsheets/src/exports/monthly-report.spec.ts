import { Workbook } from 'exceljs';
import {
  localToday,
  monthlyReportHtml,
  monthlySummary,
  monthlyWorkbook,
  reportMonth,
  type MonthlyReport,
} from './index';

const report: MonthlyReport = {
  allianceName: '西工区邙岭路街道红色众筹党建联盟',
  month: '2026-11',
  generatedAt: '2026-12-01T01:00:00Z',
  projects: [
    {
      id: 'p1',
      title: '52号楼老人送餐',
      submitterName: '014中心社区',
      category: 'elderly-care',
      urgency: 'critical',
      quantityUnit: 'meals',
      requested: 40,
      allocated: 30,
      claims: [{ unitId: 'kk', unitName: '空空导弹研究院', quantity: 30 }],
      units: ['空空导弹研究院'],
      // 1 November, 00:10 in Beijing: in the month although still October in UTC.
      createdAt: '2026-10-31T16:10:00Z',
      statusAtEnd: 'completed',
    },
    {
      id: 'p2',
      title: '<script>alert(1)</script>',
      submitterName: '邙岭路社区',
      category: 'repairs',
      urgency: 'routine',
      quantityUnit: 'visits',
      requested: 8,
      allocated: 8,
      claims: [],
      units: ['河南科技大学'],
      // Created in October (Beijing), changed in November.
      createdAt: '2026-10-31T15:50:00Z',
      statusAtEnd: 'offered',
    },
  ],
  completions: [
    {
      projectId: 'p1',
      completedAt: '2026-11-20T02:00:00Z',
      title: '52号楼老人送餐',
      submitterName: '014中心社区',
      category: 'elderly-care',
      quantityUnit: 'meals',
      claims: [{ unitId: 'kk', unitName: '空空导弹研究院', quantity: 30 }],
      rating: 5,
      note: '老人们很满意',
      points: 10,
    },
  ],
  unmet: [
    {
      itemId: 'legal',
      title: '法律咨询',
      category: 'legal',
      urgency: 'urgent',
      submitterId: 'c014',
      submitterName: '014中心社区',
      quantity: 10,
      unmet: 10,
      quantityUnit: 'sessions',
      address: null,
      reason: 'no-supply-in-category',
    },
  ],
  rankings: [
    { unitId: 'hk', name: '河南科技大学', points: 0, projects: 0, completed: 0, totalPoints: 20 },
    { unitId: 'kk', name: '空空导弹研究院', points: 10, projects: 1, completed: 1, totalPoints: 10 },
  ],
};

describe('the joint meeting monthly report', () => {
  it('takes month boundaries at midnight in Beijing and refuses what is no month', () => {
    const november = reportMonth('2026-11')!;
    expect(november.from.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(november.to.toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(november).toMatchObject({ label: '2026年11月', firstDay: '2026-11-01', lastDay: '2026-11-30' });
    expect(reportMonth('2026-12')!.to.toISOString()).toBe('2026-12-31T16:00:00.000Z');
    for (const text of ['2026-13', '2026-00', '2026-1', '26-11', '2026-11-01', '', '1999-12', 'x']) {
      expect(reportMonth(text)).toBeUndefined();
    }
    expect(localToday(new Date('2026-11-27T16:30:00Z'))).toBe('2026-11-28');
  });

  it('sums up the month', () => {
    expect(monthlySummary(report)).toEqual({
      newProjects: 1,
      activeProjects: 2,
      completed: 1,
      averageRating: 5,
      pointsCredited: 10,
      activeUnits: 1,
      unmetDemands: 1,
      urgentUnmet: 1,
    });
  });

  it('writes the four sheets with the month figures', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load((await monthlyWorkbook(report)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '项目清单',
      '完成与评价',
      '未满足需求',
      '单位排名',
    ]);
    const values = (sheet: string, row: number) =>
      (workbook.getWorksheet(sheet)!.getRow(row).values as unknown[]).slice(1);
    const [
      title,
      community,
      category,
      urgency,
      requested,
      allocated,
      claimed,
      unit,
      units,
      claimers,
      created,
      status,
    ] = values('项目清单', 2);
    expect([
      title,
      community,
      category,
      urgency,
      requested,
      allocated,
      claimed,
      unit,
      units,
      claimers,
    ]).toEqual([
      '52号楼老人送餐',
      '014中心社区',
      '养老服务',
      '特急',
      40,
      30,
      30,
      '份',
      '空空导弹研究院',
      '空空导弹研究院 30份',
    ]);
    expect((created as Date).toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(status).toBe('已完成');
    expect(values('完成与评价', 2).slice(1, 8)).toEqual([
      '52号楼老人送餐',
      '014中心社区',
      '养老服务',
      '空空导弹研究院 30份',
      5,
      '老人们很满意',
      10,
    ]);
    expect(values('单位排名', 1)).toEqual([
      '名次',
      '成员单位',
      '本月积分',
      '本月认领项目数',
      '本月完成项目数',
      '累计积分',
    ]);
    expect(values('单位排名', 2)).toEqual([1, '空空导弹研究院', 10, 1, 1, 10]);
    expect(values('单位排名', 3)).toEqual([2, '河南科技大学', 0, 0, 0, 20]);
    for (const sheet of workbook.worksheets)
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('prints a Chinese A4 page with the summary first and every text escaped', () => {
    const html = monthlyReportHtml(report);
    expect(html).toContain('<html lang="zh-CN">');
    expect(html).toContain('@page { size: A4;');
    expect(html).toContain('2026年11月（2026-11-01 至 2026-11-30，北京时间）· 生成于 2026-12-01 09:00');
    const summary = html.indexOf('本月概况');
    expect(summary).toBeGreaterThan(0);
    expect(summary).toBeLessThan(html.indexOf('一、项目清单'));
    expect(html).toContain('<dt>本月完成项目</dt><dd>1 个</dd>');
    expect(html).toContain('<dt>平均评分</dt><dd>5.0 星</dd>');
    expect(html).toContain('本月积分第一的成员单位是空空导弹研究院（10 分）');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('<td class="num">40</td>');
    // Ids are for files, not for the printed page.
    expect(html).not.toContain('项目编号');
    expect(html.indexOf('二、完成与评价')).toBeLessThan(html.indexOf('三、未满足需求'));
    expect(html.indexOf('三、未满足需求')).toBeLessThan(html.indexOf('四、单位排名'));
  });

  it('says so when a month had nothing', () => {
    const html = monthlyReportHtml({ ...report, projects: [], completions: [], unmet: [], rankings: [] });
    expect(html).toContain('本月无完成的项目。');
    expect(html).toContain('<dt>平均评分</dt><dd>暂无评分</dd>');
    expect(html).toContain('本月尚无成员单位获得积分。');
  });

  it('refuses to build a report for no month', async () => {
    expect(() => monthlyReportHtml({ ...report, month: '2026-13' })).toThrow('not a month');
    expect(() => monthlyWorkbook({ ...report, month: 'soon' })).toThrow('not a month');
  });
});
