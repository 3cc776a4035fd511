import { Workbook, type Worksheet } from 'exceljs';
import {
  claimsTable,
  contentDisposition,
  csvOf,
  exportFileName,
  pointsLedgerTable,
  projectTable,
  rankingTable,
  unmetTable,
  workbookOf,
  type ClaimHistoryRow,
  type ProjectExportRow,
  type UnmetExportRow,
} from './index';

/** Reads the bytes back as Excel would, to look at cells rather than at our own objects. */
async function readBack(bytes: Buffer): Promise<Workbook> {
  const workbook = new Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

const rowValues = (sheet: Worksheet, row: number) => (sheet.getRow(row).values as unknown[]).slice(1);

/** Two projects of 014中心社区: one served by two units (one claimed), one not yet allocated. */
const projects: ProjectExportRow[] = [
  {
    id: '5b7c0f7e-0000-4000-8000-000000000001',
    status: 'claimed',
    requested: 40,
    unmet: 0,
    submitterId: 'c014',
    submitterName: '014中心社区',
    demand: {
      title: '52号楼老人送餐',
      category: 'elderly-care',
      urgency: 'critical',
      quantityUnit: 'meals',
      address: '邙岭路52号楼',
      // Whole days in Beijing: 1 to 7 December (the end is the start of the 8th).
      windowFrom: '2026-11-30T16:00:00.000Z',
      windowTo: '2026-12-07T16:00:00.000Z',
    },
    allocations: [
      { unitId: 'kk', unitName: '空空导弹研究院', resourceTitle: '职工食堂', quantity: 30, score: 0.8731 },
      { unitId: 'hk', unitName: '河南科技大学', resourceTitle: '学生食堂', quantity: 10, score: 0.61 },
    ],
    claims: [{ unitId: 'kk', unitName: '空空导弹研究院', quantity: 30 }],
  },
  {
    id: '5b7c0f7e-0000-4000-8000-000000000002',
    status: 'proposed',
    requested: 8,
    unmet: 8,
    submitterId: 'c-mlr',
    submitterName: null,
    demand: {
      title: '家电维修, "小修"',
      category: 'my-own-category',
      urgency: 'routine',
      quantityUnit: 'visits',
      address: null,
      windowFrom: '2026-12-01T11:00:00+08:00',
      windowTo: '2026-12-07T13:00:00+08:00',
    },
    allocations: [],
    claims: [],
  },
];

describe('project list export', () => {
  it('writes one line per allocation with words, number cells and local days', async () => {
    const workbook = await readBack(await workbookOf([projectTable(projects)]));
    const sheet = workbook.getWorksheet('项目清单')!;
    expect(sheet).toBeDefined();
    expect(rowValues(sheet, 1)).toEqual([
      '项目编号',
      '需求',
      '提出社区/单位',
      '类别',
      '紧急程度',
      '需求数量',
      '未满足数量',
      '计量单位',
      '需求开始',
      '需求截止',
      '服务地点',
      '项目状态',
      '服务单位',
      '资源',
      '分配数量',
      '匹配得分',
      '认领单位',
      '已认领数量',
    ]);
    expect(sheet.rowCount).toBe(4); // header, two allocations, one project without any
    const first = rowValues(sheet, 2);
    expect(first.slice(1, 8)).toEqual(['52号楼老人送餐', '014中心社区', '养老服务', '特急', 40, 0, '份']);
    // Whole days: Excel date cells holding the local days, the last day inclusive.
    expect((first[8] as Date).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    expect((first[9] as Date).toISOString()).toBe('2026-12-07T00:00:00.000Z');
    expect(sheet.getCell('I2').numFmt).toBe('yyyy-mm-dd');
    expect(first.slice(10)).toEqual([
      '邙岭路52号楼',
      '已认领',
      '空空导弹研究院',
      '职工食堂',
      30,
      0.8731,
      '空空导弹研究院 30份',
      30,
    ]);
    expect(sheet.getCell('P2').numFmt).toBe('0.00');
    expect(sheet.getCell('F2').type).toBe(2); // ValueType.Number
    expect(rowValues(sheet, 3).slice(12, 15)).toEqual(['河南科技大学', '学生食堂', 10]);

    const second = rowValues(sheet, 4);
    // An alliance's own category shows as its code; a missing name falls back to the id.
    expect(second.slice(1, 5)).toEqual(['家电维修, "小修"', 'c-mlr', 'my-own-category', '常规']);
    // A window with hours shows local times.
    expect((second[8] as Date).toISOString()).toBe('2026-12-01T11:00:00.000Z');
    expect(sheet.getCell('I4').numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(second[11]).toBe('待审核');
    expect(second[12]).toBeUndefined(); // no allocation yet
    expect(second[17]).toBe(0);
  });

  it('freezes the header row and fits the columns to Chinese text', async () => {
    const workbook = await readBack(await workbookOf([projectTable(projects)]));
    const sheet = workbook.getWorksheet('项目清单')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // 项目编号 holds a 36-character uuid; 需求 a title of 7 Chinese characters (14 wide).
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(36);
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(16);
    expect(sheet.getColumn(2).width).toBeLessThan(36);
    expect(sheet.autoFilter).toBeDefined();
  });

  it('writes CSV as UTF-8 with a byte-order mark, quoted where needed, times in Beijing', () => {
    const bytes = csvOf(projectTable(projects));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines).toHaveLength(5); // header, three lines, and the final line end
    expect(lines[4]).toBe('');
    expect(lines[0]!.startsWith('项目编号,需求,提出社区/单位,类别,紧急程度,需求数量')).toBe(true);
    expect(lines[1]).toContain(',52号楼老人送餐,014中心社区,养老服务,特急,40,0,份,2026-12-01,2026-12-07,');
    expect(lines[3]).toContain(',"家电维修, ""小修""",c-mlr,');
    expect(lines[3]).toContain(',2026-12-01 11:00,2026-12-07 13:00,');
  });

  it('keeps text that looks like a formula from running in a spreadsheet', () => {
    const table = unmetTable([unmet({ title: '=HYPERLINK("http://x")', address: '-5号楼' })]);
    const line = csvOf(table).toString('utf8').split('\r\n')[1]!;
    expect(line.startsWith(`"'=HYPERLINK(""http://x"")",`)).toBe(true);
    expect(line).toContain(",'-5号楼,");
  });
});

function unmet(overrides: Partial<UnmetExportRow> = {}): UnmetExportRow {
  return {
    itemId: 'legal',
    title: '法律咨询',
    category: 'legal',
    urgency: 'urgent',
    submitterId: 'c014',
    submitterName: '014中心社区',
    quantity: 10,
    unmet: 10,
    quantityUnit: 'sessions',
    address: '邙岭路社区',
    reason: 'no-supply-in-category',
    ...overrides,
  };
}

describe('unmet, points, rankings and claims exports', () => {
  it('says why a demand is unmet in words', async () => {
    const workbook = await readBack(
      await workbookOf([unmetTable([unmet(), unmet({ itemId: 'm', reason: 'partly-met', unmet: 4 })])]),
    );
    const sheet = workbook.getWorksheet('未满足需求')!;
    expect(rowValues(sheet, 2)).toEqual([
      '法律咨询',
      '014中心社区',
      '法律服务',
      '紧急',
      10,
      10,
      '场',
      '该类别无资源供给',
      '邙岭路社区',
      'legal',
    ]);
    expect(rowValues(sheet, 3)[7]).toBe('部分满足');
  });

  it('ranks units by points, ties sharing a place', async () => {
    const rows = [
      { unitId: 'a', name: '洛阳理工学院', points: 10, projects: 1, completed: 1 },
      { unitId: 'b', name: '空空导弹研究院', points: 30, projects: 3, completed: 2 },
      { unitId: 'c', name: '河南科技大学', points: 30, projects: 2, completed: 2 },
      { unitId: 'd', name: null, points: 0, projects: 0, completed: 0 },
    ];
    const sheet = (await readBack(await workbookOf([rankingTable(rows)]))).getWorksheet('单位排名')!;
    expect(rowValues(sheet, 1)).toEqual(['名次', '成员单位', '积分', '认领项目数', '完成项目数']);
    expect([2, 3, 4, 5].map((row) => rowValues(sheet, row))).toEqual([
      [1, '空空导弹研究院', 30, 3, 2],
      [1, '河南科技大学', 30, 2, 2],
      [3, '洛阳理工学院', 10, 1, 1],
      [4, 'd', 0, 0, 0],
    ]);
  });

  it('shows ledger times on Beijing clocks and the rating as a number', async () => {
    const table = pointsLedgerTable([
      {
        at: new Date('2026-11-30T16:30:00Z'), // 00:30 on 1 December in Beijing
        unitId: 'kk',
        unitName: '空空导弹研究院',
        projectId: 'p1',
        projectTitle: '52号楼老人送餐',
        submitterName: '014中心社区',
        rating: 5,
        points: 10,
      },
    ]);
    const sheet = (await readBack(await workbookOf([table]))).getWorksheet('积分明细')!;
    const [at, ...rest] = rowValues(sheet, 2);
    expect((at as Date).toISOString()).toBe('2026-12-01T00:30:00.000Z');
    expect(rest).toEqual(['空空导弹研究院', '52号楼老人送餐', '014中心社区', 5, 10, 'p1']);
    expect(csvOf(table).toString('utf8')).toContain('\r\n2026-12-01 00:30,空空导弹研究院,');
  });

  it('gives claim decisions and refusal codes in words', async () => {
    const claim: ClaimHistoryRow = {
      at: '2026-12-02T01:00:00Z',
      claimId: 'claim-1',
      unitId: 'hk',
      unitName: '河南科技大学',
      projectId: 'p1',
      projectTitle: '52号楼老人送餐',
      submitterName: '014中心社区',
      quantity: 20,
      acceptedQuantity: 0,
      quantityUnit: 'meals',
      decision: 'rejected',
      code: 'over-quantity',
      projectStatus: 'claimed',
    };
    const sheet = (await readBack(await workbookOf([claimsTable([claim])]))).getWorksheet('认领记录')!;
    expect(rowValues(sheet, 2).slice(1)).toEqual([
      '河南科技大学',
      '52号楼老人送餐',
      '014中心社区',
      20,
      0,
      '份',
      '未通过',
      '超出派单数量',
      '已认领',
      'claim-1',
    ]);
  });
});

describe('download names', () => {
  it('names the file in Chinese for browsers and in ASCII for old clients', () => {
    const name = exportFileName(['项目清单', '西工区/邙岭路 联盟', '2026-11-28'], 'xlsx');
    expect(name).toBe('项目清单-西工区 邙岭路 联盟-2026-11-28.xlsx');
    expect(contentDisposition(name)).toBe(
      `attachment; filename="____-___ ___ __-2026-11-28.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    expect(contentDisposition("it's (1).html", 'inline')).toBe(
      `inline; filename="it's (1).html"; filename*=UTF-8''it%27s%20%281%29.html`,
    );
  });
});
