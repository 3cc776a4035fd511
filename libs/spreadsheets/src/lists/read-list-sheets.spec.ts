import { Workbook } from 'exceljs';
import { DEFAULT_CATEGORIES } from '@redcrowd/contracts';
import { gazetteerFinder } from './gazetteer';
import { readListFile, type ListReading, type ListReadingContext } from './read-list';

/*
 * The reader on small workbooks built cell by cell (the template's own layout is read in
 * read-list.spec.ts): where it finds the list, what it makes of each kind of cell, the
 * list's own fields, and where it places a validation path.
 */

const RESOURCE_HEADERS = [
  '编号',
  '服务类别',
  '名称',
  '说明',
  '数量',
  '单位',
  '地点',
  '纬度',
  '经度',
  '服务半径(公里)',
  '可提供开始日期',
  '可提供截止日期',
  '标签',
];
const DEMAND_HEADERS = [
  '编号',
  '服务类别',
  '名称',
  '说明',
  '数量',
  '单位',
  '地点',
  '纬度',
  '经度',
  '需求开始日期',
  '需求截止日期',
  '紧急程度',
  '受益人数',
  '标签',
];
const INFO = { allianceId: 'mangling', submitterId: 'lyit', submitterName: '洛阳理工学院' };

const context = (overrides: Partial<ListReadingContext> = {}): ListReadingContext => ({
  kind: 'resource',
  categories: DEFAULT_CATEGORIES,
  submittedAt: new Date('2026-11-28T08:00:00Z'),
  defaults: INFO,
  ...overrides,
});

interface SheetSpec {
  name?: string;
  rows: unknown[][];
}

async function workbookOf(...sheets: SheetSpec[]): Promise<Buffer> {
  const workbook = new Workbook();
  for (const { name, rows } of sheets) {
    const sheet = workbook.addWorksheet(name ?? '资源清单');
    rows.forEach((values, row) =>
      values.forEach((value, column) => {
        if (value !== undefined) sheet.getRow(row + 1).getCell(column + 1).value = value as never;
      }),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function reading(bytes: Buffer, overrides: Partial<ListReadingContext> = {}): Promise<ListReading> {
  const result = await readListFile(bytes, 'xlsx', context(overrides));
  if (!result.ok) throw new Error(`not read: ${JSON.stringify(result.problems)}`);
  return result.reading;
}

async function refusal(
  bytes: Buffer,
  overrides: Partial<ListReadingContext> = {},
  format: 'xlsx' | 'csv' = 'xlsx',
) {
  const result = await readListFile(bytes, format, context(overrides));
  if (result.ok) throw new Error('read, but should have been refused');
  return result.problems;
}

/** A resource row whose cells are all right, with some replaced. */
const resourceRow = (changes: Record<number, unknown> = {}): unknown[] =>
  Object.assign(
    ['R001', '养老服务', '助餐', '', 30, '份', '', 34.6, 112.4, 5, '2026-12-01', '2026-12-02', ''],
    changes,
  );
const demandRow = (changes: Record<number, unknown> = {}): unknown[] =>
  Object.assign(
    ['D001', '养老服务', '助餐', '', 30, '份', '', 34.6, 112.4, '2026-12-01', '2026-12-02', '', '', ''],
    changes,
  );

const items = (read: ListReading) => read.document.items as Array<Record<string, unknown>>;
const NO_LIST_SHEET = {
  code: 'no-list-sheet',
  messageZh: '找不到清单工作表：请使用名为「资源清单」的工作表，首行为列标题（可下载模板）',
  message: 'no list sheet: name it 资源清单 with the column headers in its first row (download the template)',
};

describe('finding the list on a workbook', () => {
  it('finds the header row under up to nine rows of titles, not further down', async () => {
    const titles = (count: number) => Array.from({ length: count }, (_, index) => [`标题 ${index + 1}`]);
    const found = await reading(await workbookOf({ rows: [...titles(9), RESOURCE_HEADERS, resourceRow()] }));
    expect(found.problems).toEqual([]);
    expect(found.locate('items[0].quantity')).toMatchObject({ row: 11, column: 'E' });
    expect(
      await refusal(await workbookOf({ rows: [...titles(10), RESOURCE_HEADERS, resourceRow()] })),
    ).toEqual([NO_LIST_SHEET]);
  });

  it('takes a sheet that names three required columns as the list, and asks for the others', async () => {
    const problems = await refusal(
      await workbookOf({ name: 'Sheet1', rows: [['备注'], ['编号', '名称', '数量', '单位', '说明']] }),
    );
    expect(problems).toEqual([
      {
        sheet: 'Sheet1',
        row: 2,
        columnName: { zh: '服务类别', en: 'Category' },
        code: 'missing-column',
        messageZh: '缺少必需的列「服务类别」',
        message: 'the required column "服务类别" (Category) is missing',
      },
      expect.objectContaining({ columnName: { zh: '服务半径(公里)', en: 'Service radius (km)' } }),
      expect.objectContaining({ columnName: { zh: '可提供开始日期', en: 'Available from' } }),
      expect.objectContaining({ columnName: { zh: '可提供截止日期', en: 'Available until' } }),
    ]);
  });

  it('does not take two required columns, or optional columns only, for a list', async () => {
    for (const headers of [
      ['名称', '数量', '说明', '标签', '地点'],
      ['编号', '说明', '地点', '纬度', '经度', '标签'],
    ]) {
      expect(await refusal(await workbookOf({ name: 'Sheet1', rows: [headers] }))).toEqual([NO_LIST_SHEET]);
    }
  });

  it('reads the sheet named for the list, else the first sheet with list headers', async () => {
    const other = { name: '资源', rows: [RESOURCE_HEADERS, resourceRow({ 0: 'OTHER' })] };
    const named = { name: '资源清单', rows: [RESOURCE_HEADERS, resourceRow({ 0: 'NAMED' })] };
    expect(items(await reading(await workbookOf(other, named))).map((item) => item.itemId)).toEqual([
      'NAMED',
    ]);
    const notes = { name: '说明', rows: [['请在第二个工作表填写']] };
    const read = await reading(await workbookOf(notes, other));
    expect(items(read).map((item) => item.itemId)).toEqual(['OTHER']);
    expect(read.locate('items[0]')).toEqual({ sheet: '资源', row: 2 });
  });

  it('reads columns in any order, takes the first of two columns with one header, and names cells by the sheet’s letters', async () => {
    const headers = [
      '数量',
      '名称',
      '服务类别',
      '单位',
      '服务半径',
      '可提供开始日期',
      '可提供截止日期',
      '纬度',
      '经度',
      '名称',
    ];
    const read = await reading(
      await workbookOf({
        rows: [
          headers,
          ['三十', '助餐', '养老服务', '份', 5, '2026-12-01', '2026-12-02', 34.6, 112.4, '不是这个'],
        ],
      }),
    );
    expect(items(read)[0]).toMatchObject({ itemId: 'r2', title: '助餐' });
    expect(read.problems).toEqual([
      {
        sheet: '资源清单',
        row: 2,
        column: 'A',
        columnName: { zh: '数量', en: 'Quantity' },
        code: 'invalid-cell',
        messageZh: '不是数字',
        message: 'not a number',
      },
    ]);
  });

  it('refuses a list of more than 5,000 rows, saying how many it has', async () => {
    const text = `名称,数量,单位,服务类别,服务半径,可提供开始日期,可提供截止日期\r\n${'x\r\n'.repeat(5001)}`;
    expect(await refusal(Buffer.from(text), {}, 'csv')).toEqual([
      {
        sheet: '资源清单',
        code: 'too-many-rows',
        messageZh: '清单有 5001 行，超过上限 5000 行；请拆分为多份清单',
        message: 'the list has 5001 rows; at most 5000 are accepted (split it into several lists)',
      },
    ]);
  });
});

describe('reading the cells of a row', () => {
  it('numbers a row without an id by its row, and skips the field-key row, blank rows and the example', async () => {
    const read = await reading(
      await workbookOf({
        rows: [
          RESOURCE_HEADERS,
          ['itemId', 'category', 'title', undefined, 'quantity'],
          resourceRow({ 0: '示例' }),
          [],
          [' ', null, ''],
          resourceRow({ 0: '' }),
          resourceRow({ 0: 'R7', 3: '  ' }),
        ],
      }),
    );
    expect(read.problems).toEqual([]);
    expect(items(read).map((item) => item.itemId)).toEqual(['r6', 'R7']);
    expect(read.itemCount).toBe(2);
    expect(items(read)[1]).not.toHaveProperty('description');
  });

  it('says which words a category or a unit of measure may be', async () => {
    const read = await reading(
      await workbookOf({ rows: [RESOURCE_HEADERS, resourceRow({ 1: '养老', 5: '斤' })] }),
    );
    expect(read.problems.map(({ column, messageZh, message }) => ({ column, messageZh, message }))).toEqual([
      {
        column: 'B',
        messageZh: `「养老」不是可选的服务类别；可选：${'养老服务、托育服务、教育辅导、医疗健康、法律服务、文体活动、场地设施、志愿服务、资金支持、物资捐赠、维修服务、平安建设、环境整治、就业帮扶、助企服务'}`,
        message:
          '"养老" is not a category this list accepts; choose one of: 养老服务, 托育服务, 教育辅导, 医疗健康, 法律服务, 文体活动, 场地设施, 志愿服务, 资金支持, 物资捐赠, 维修服务, 平安建设, 环境整治, 就业帮扶, 助企服务',
      },
      {
        column: 'F',
        messageZh: '「斤」不是可选的单位；可选：人·时、场、人、件、元、平方米·天、份、次、小时、天、座、千克',
        message:
          '"斤" is not a unit of measure this list accepts; choose one of: 人·时, 场, 人, 件, 元, 平方米·天, 份, 次, 小时, 天, 座, 千克',
      },
    ]);
    expect(items(read)[0]).not.toHaveProperty('category');
    expect(items(read)[0]).not.toHaveProperty('unit');
  });

  it('reads a demand’s urgency, routine when blank or wrong, and its beneficiaries', async () => {
    const read = await reading(
      await workbookOf({
        name: '需求清单',
        rows: [
          DEMAND_HEADERS,
          demandRow({ 11: '特急', 12: '１２' }),
          demandRow({ 0: 'D002' }),
          demandRow({ 0: 'D003', 11: '很急', 12: '许多' }),
        ],
      }),
      { kind: 'demand', defaults: { ...INFO, submitterKind: 'unit' } },
    );
    expect(
      items(read).map(({ itemId, urgency, beneficiaries }) => ({ itemId, urgency, beneficiaries })),
    ).toEqual([
      { itemId: 'D001', urgency: 'critical', beneficiaries: 12 },
      { itemId: 'D002', urgency: 'routine', beneficiaries: undefined },
      { itemId: 'D003', urgency: 'routine', beneficiaries: undefined },
    ]);
    expect(items(read)[0]).toMatchObject({ window: { from: '2026-12-01', to: '2026-12-02' } });
    expect(items(read)[0]).not.toHaveProperty('available');
    expect(items(read)[0]).not.toHaveProperty('serviceRadiusKm');
    expect(
      read.problems.map(({ column, row, messageZh, message }) => ({ column, row, messageZh, message })),
    ).toEqual([
      {
        column: 'L',
        row: 4,
        messageZh: '「很急」不是可选的紧急程度；可选：常规、紧急、特急',
        message: '"很急" is not a urgency this list accepts; choose one of: 常规, 紧急, 特急',
      },
      { column: 'M', row: 4, messageZh: '不是数字', message: 'not a number' },
    ]);
    expect(read.document.submitter).toEqual({ kind: 'unit', id: 'lyit', name: '洛阳理工学院' });
    expect(read.document).not.toHaveProperty('unit');
  });

  it('splits tags at commas, enumeration commas, semicolons and line breaks', async () => {
    const read = await reading(
      await workbookOf({
        rows: [
          RESOURCE_HEADERS,
          resourceRow({ 12: '学生, 周末，暑期、老年人;助残；夜间\n节假日,,' }),
          resourceRow({ 0: 'R002', 12: ' 、 ' }),
        ],
      }),
    );
    expect(items(read)[0]!.tags).toEqual(['学生', '周末', '暑期', '老年人', '助残', '夜间', '节假日']);
    expect(items(read)[1]).not.toHaveProperty('tags');
  });

  it('reports a formula, shared or not, that was saved without its value', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('资源清单');
    sheet.addRow(RESOURCE_HEADERS);
    sheet.addRow(resourceRow());
    sheet.addRow(resourceRow({ 0: 'R002' }));
    sheet.getCell('J2').value = { formula: 'E2/6', shareType: 'shared', ref: 'J2:J3', result: 5 } as never;
    sheet.getCell('J3').value = { sharedFormula: 'J2' } as never;
    const read = await reading(Buffer.from(await workbook.xlsx.writeBuffer()));
    expect(read.problems).toEqual([
      {
        sheet: '资源清单',
        row: 3,
        column: 'J',
        columnName: { zh: '服务半径(公里)', en: 'Service radius (km)' },
        code: 'formula-without-value',
        messageZh: '公式没有计算结果；请在 Excel 中打开并保存后再上传（或改为数值）',
        message: 'the formula has no computed value; open and save the file in Excel, or type the value',
      },
    ]);
    expect(items(read).map((item) => item.serviceRadiusKm)).toEqual([5, undefined]);
  });
});

describe('reading where an item is', () => {
  const places = gazetteerFinder([
    { name: '正启小区', lat: 34.69, lng: 112.41 },
    { name: '中心社区52号楼', lat: 34.6879, lng: 112.4151, address: '014 中心社区 52 号楼' },
    ...['1号楼', '2号楼', '3号楼', '4号楼'].map((name, index) => ({ name, lat: index, lng: index })),
  ]);

  it('takes a known place’s coordinates, its address or else its name', async () => {
    const read = await reading(
      await workbookOf({
        rows: [
          RESOURCE_HEADERS,
          resourceRow({ 6: '正启小区', 7: '', 8: '' }),
          resourceRow({ 0: 'R002', 6: '中心社区 52 号楼', 7: null, 8: null }),
        ],
      }),
      { places },
    );
    expect(read.problems).toEqual([]);
    expect(items(read).map((item) => item.location)).toEqual([
      { lat: 34.69, lng: 112.41, address: '正启小区' },
      { lat: 34.6879, lng: 112.4151, address: '014 中心社区 52 号楼' },
    ]);
  });

  it('keeps the coordinates a row gives, even one alone, with its place as the address', async () => {
    const read = await reading(
      await workbookOf({
        rows: [
          RESOURCE_HEADERS,
          resourceRow({ 6: '正启小区', 7: 30.5, 8: 114.3 }),
          resourceRow({ 0: 'R002', 8: '' }),
          resourceRow({ 0: 'R003', 7: '', 8: 112.4 }),
          resourceRow({ 0: 'R004', 7: '北纬', 8: '' }),
        ],
      }),
      { places },
    );
    expect(items(read).map((item) => item.location)).toEqual([
      { lat: 30.5, lng: 114.3, address: '正启小区' },
      { lat: 34.6 },
      { lng: 112.4 },
      {},
    ]);
    expect(read.problems).toEqual([expect.objectContaining({ code: 'invalid-cell', row: 5, column: 'H' })]);
  });

  it('asks for a place or coordinates, and suggests at most three known names for an unknown place', async () => {
    const read = await reading(
      await workbookOf({
        rows: [
          RESOURCE_HEADERS,
          resourceRow({ 7: '', 8: '' }),
          resourceRow({ 0: 'R002', 6: '9号楼', 7: '', 8: '' }),
          resourceRow({ 0: 'R003', 6: '洛阳师范学院', 7: '', 8: '' }),
        ],
      }),
      { places },
    );
    expect(
      read.problems.map(({ row, column, code, messageZh, message }) => ({
        row,
        column,
        code,
        messageZh,
        message,
      })),
    ).toEqual([
      {
        row: 2,
        column: 'G',
        code: 'missing-place',
        messageZh: '请填写地点（联盟地名库中的社区、小区或楼栋），或填写经纬度',
        message:
          "give a place (a community, compound or building of the alliance's gazetteer) or its coordinates",
      },
      {
        row: 3,
        column: 'G',
        code: 'unknown-place',
        messageZh: '地名库中没有「9号楼」；是否指：1号楼、2号楼、3号楼',
        message: '"9号楼" is not in the alliance\'s gazetteer; did you mean 1号楼, 2号楼, 3号楼',
      },
      {
        row: 4,
        column: 'G',
        code: 'unknown-place',
        messageZh: '地名库中没有「洛阳师范学院」；请填写经纬度，或请协调员将其加入地名库',
        message:
          '"洛阳师范学院" is not in the alliance\'s gazetteer; give its coordinates, or ask a coordinator to add it',
      },
    ]);
    expect(items(read).map((item) => item.location)).toEqual([undefined, undefined, undefined]);
  });

  it('suggests up to three names however many the finder offers', async () => {
    const read = await reading(
      await workbookOf({ rows: [RESOURCE_HEADERS, resourceRow({ 6: '某处', 7: '', 8: '' })] }),
      {
        places: { find: () => ({ suggestions: ['甲', '乙', '丙', '丁'] }) },
      },
    );
    expect(read.problems[0]!.messageZh).toBe('地名库中没有「某处」；是否指：甲、乙、丙');
  });
});

describe('reading when an item is', () => {
  it('reads a window of one day, and one across the end of a month', async () => {
    const read = await reading(
      await workbookOf({
        rows: [
          RESOURCE_HEADERS,
          resourceRow({ 10: '2026-12-01', 11: '2026-12-01' }),
          resourceRow({ 0: 'R002', 10: '2027-01-30', 11: '2027-02-01' }),
          resourceRow({ 0: 'R003', 10: '2027-02-28', 11: '2027-03-01' }),
        ],
      }),
    );
    expect(read.problems).toEqual([]);
    expect(items(read).map((item) => item.available)).toEqual([
      { from: '2026-12-01', to: '2026-12-01' },
      { from: '2027-01-30', to: '2027-02-01' },
      { from: '2027-02-28', to: '2027-03-01' },
    ]);
  });

  it('says a window that ends before it starts is wrong, on its last day', async () => {
    const read = await reading(
      await workbookOf({ rows: [RESOURCE_HEADERS, resourceRow({ 10: '2027-02-01', 11: '2027-01-31' })] }),
    );
    expect(read.problems).toEqual([
      {
        sheet: '资源清单',
        row: 2,
        column: 'L',
        columnName: { zh: '可提供截止日期', en: 'Available until' },
        code: 'window-order',
        messageZh: '截止日期早于开始日期',
        message: 'the last day is before the first day',
      },
    ]);
  });

  it('keeps the days it could read, and no window when both are blank', async () => {
    const read = await reading(
      await workbookOf({
        rows: [
          RESOURCE_HEADERS,
          resourceRow({ 11: '下月' }),
          resourceRow({ 0: 'R002', 10: '', 11: '2026-12-02' }),
          resourceRow({ 0: 'R003', 10: '明天', 11: '下月' }),
          resourceRow({ 0: 'R004', 10: '', 11: '' }),
        ],
      }),
    );
    expect(items(read).map((item) => item.available)).toEqual([
      { from: '2026-12-01' },
      { to: '2026-12-02' },
      {},
      undefined,
    ]);
    expect(read.problems.map((p) => `${p.column}${p.row}`)).toEqual(['L2', 'K4', 'L4']);
  });
});

describe('reading the list’s own fields', () => {
  const infoSheet = (rows: unknown[][]) => ({
    name: '清单信息',
    rows: [['项目 Field', '填写 Value'], ...rows],
  });
  const list = { rows: [RESOURCE_HEADERS, resourceRow()] };

  it('reads the info sheet by Chinese label, English label or key, over the upload’s defaults', async () => {
    const read = await reading(
      await workbookOf(
        list,
        infoSheet([
          ['联盟编号', 'ｍａｎｇｌｉｎｇ '],
          ['Unit id', 'lyit-2'],
          ['submitterName', '洛阳理工学院'],
          ['清单编号', 'summer'],
          ['版本号', '３'],
          ['其他', '忽略'],
        ]),
      ),
      { defaults: { allianceId: 'other', submitterId: 'other', submitterName: 'other', listId: 'other' } },
    );
    expect(read.problems).toEqual([]);
    expect(read.document).toMatchObject({
      listId: 'summer',
      allianceId: 'mangling',
      revision: 3,
      unit: { id: 'lyit-2', name: '洛阳理工学院' },
    });
    expect(read.revisionAutomatic).toBe(false);
    expect(read.locate('listId')).toEqual({
      sheet: '清单信息',
      row: 5,
      column: 'B',
      columnName: { zh: '清单编号', en: 'List id' },
    });
  });

  it('takes the upload’s defaults for blank fields, and the standing list when none names one', async () => {
    const read = await reading(
      await workbookOf(
        list,
        infoSheet([
          ['联盟编号', ''],
          ['清单编号', ''],
        ]),
      ),
      {
        defaults: { ...INFO, revision: '7' },
      },
    );
    expect(read.document).toMatchObject({ listId: 'resource-list', allianceId: 'mangling', revision: 7 });
    expect(read.revisionAutomatic).toBe(false);
  });

  it('reports a revision that is not a whole number on its cell, and does not pick one itself', async () => {
    const read = await reading(await workbookOf(list, infoSheet([['版本号', '第二版']])));
    expect(read.problems).toEqual([
      {
        sheet: '清单信息',
        row: 2,
        column: 'B',
        columnName: { zh: '版本号', en: 'Revision' },
        code: 'invalid-cell',
        messageZh: '不是数字',
        message: 'not a number',
        path: 'revision',
      },
    ]);
    expect(read.document).not.toHaveProperty('revision');
    expect(read.revisionAutomatic).toBe(false);
    const given = await reading(await workbookOf(list), { defaults: { ...INFO, revision: '1.5' } });
    expect(given.problems).toEqual([
      expect.objectContaining({ sheet: '清单信息', code: 'invalid-cell', path: 'revision' }),
    ]);
    expect(given.problems[0]).not.toHaveProperty('row');
  });

  it('asks a demand list without an info sheet for its alliance and submitter, on the sheet it would be on', async () => {
    const read = await reading(await workbookOf({ name: '需求清单', rows: [DEMAND_HEADERS, demandRow()] }), {
      kind: 'demand',
      defaults: {},
    });
    expect(read.problems).toEqual([
      {
        sheet: '清单信息',
        columnName: { zh: '联盟编号', en: 'Alliance id' },
        code: 'missing-info',
        messageZh: '「清单信息」缺少「联盟编号」',
        message: 'Alliance id is missing (sheet 清单信息)',
        path: 'allianceId',
      },
      expect.objectContaining({
        code: 'missing-info',
        path: 'submitter.kind',
        message: 'Submitter kind is missing (sheet 清单信息)',
      }),
      expect.objectContaining({ code: 'missing-info', path: 'submitter.id' }),
      expect.objectContaining({
        code: 'missing-info',
        path: 'submitter.name',
        messageZh: '「清单信息」缺少「提交方名称」',
      }),
    ]);
    expect(read.document).toEqual(
      expect.objectContaining({
        listId: 'demand-list',
        submitter: {},
        submittedAt: '2026-11-28T08:00:00.000Z',
      }),
    );
    expect(read.revisionAutomatic).toBe(true);
  });

  it('keeps a submitter kind it does not know for validation to name', async () => {
    const read = await reading(await workbookOf({ name: '需求清单', rows: [DEMAND_HEADERS, demandRow()] }), {
      kind: 'demand',
      defaults: { ...INFO, submitterKind: '街道' },
    });
    expect(read.document.submitter).toEqual({ kind: '街道', id: 'lyit', name: '洛阳理工学院' });
  });
});

describe('placing a validation path on the sheet', () => {
  it('places each item field on its column and each list field on the info sheet', async () => {
    const resource = await reading(
      await workbookOf(
        { rows: [RESOURCE_HEADERS, resourceRow(), resourceRow({ 0: 'R002' })] },
        {
          name: '清单信息',
          rows: [
            ['联盟编号', 'mangling'],
            ['单位编号', 'lyit'],
            ['单位名称', '洛阳理工学院'],
          ],
        },
      ),
    );
    const cell = (path: string) => {
      const at = resource.locate(path);
      return at?.column ? `${at.sheet}!${at.column}${at.row}` : at;
    };
    expect(
      Object.fromEntries(
        [
          'items[1].itemId',
          'items[1].category',
          'items[1].title',
          'items[1].description',
          'items[1].quantity',
          'items[1].unit',
          'items[1].location',
          'items[1].location.address',
          'items[1].location.lat',
          'items[1].location.lng',
          'items[1].serviceRadiusKm',
          'items[1].available',
          'items[1].available.from',
          'items[1].available.to',
          'items[1].tags',
          'items[1].tags[2]',
          'allianceId',
          'unit',
          'unit.id',
          'unit.name',
        ].map((path) => [path, cell(path)]),
      ),
    ).toEqual({
      'items[1].itemId': '资源清单!A3',
      'items[1].category': '资源清单!B3',
      'items[1].title': '资源清单!C3',
      'items[1].description': '资源清单!D3',
      'items[1].quantity': '资源清单!E3',
      'items[1].unit': '资源清单!F3',
      'items[1].location': '资源清单!G3',
      'items[1].location.address': '资源清单!G3',
      'items[1].location.lat': '资源清单!H3',
      'items[1].location.lng': '资源清单!I3',
      'items[1].serviceRadiusKm': '资源清单!J3',
      'items[1].available': '资源清单!K3',
      'items[1].available.from': '资源清单!K3',
      'items[1].available.to': '资源清单!L3',
      'items[1].tags': '资源清单!M3',
      'items[1].tags[2]': '资源清单!M3',
      allianceId: '清单信息!B1',
      unit: '清单信息!B2',
      'unit.id': '清单信息!B2',
      'unit.name': '清单信息!B3',
    });
    expect(resource.locate('items[1].quantity')).toEqual({
      sheet: '资源清单',
      row: 3,
      column: 'E',
      columnName: { zh: '数量', en: 'Quantity' },
    });
    expect(resource.locate('items[1]')).toEqual({ sheet: '资源清单', row: 3 });
    expect(resource.locate('items[1].colour')).toEqual({ sheet: '资源清单', row: 3 });
    expect(resource.locate('items[2].quantity')).toEqual({ sheet: '资源清单' });
    expect(resource.locate('items')).toEqual({ sheet: '资源清单' });
    expect(resource.locate('revision')).toEqual({
      sheet: '清单信息',
      columnName: { zh: '版本号', en: 'Revision' },
    });
    expect(resource.locate('listId')).toEqual({
      sheet: '清单信息',
      columnName: { zh: '清单编号', en: 'List id' },
    });
    expect(resource.locate('submittedAt')).toBeUndefined();
    expect(resource.locate('xitems[0].quantity')).toBeUndefined();
    expect(resource.locate('items[0].quantity.')).toEqual({ sheet: '资源清单', row: 2 });

    const demand = await reading(
      await workbookOf({ name: '需求清单', rows: [DEMAND_HEADERS, demandRow()] }),
      {
        kind: 'demand',
        defaults: { ...INFO, submitterKind: 'community' },
      },
    );
    const columns = (paths: string[]) =>
      paths.map((path) => demand.locate(path)?.column ?? demand.locate(path));
    expect(
      columns([
        'items[0].window',
        'items[0].window.from',
        'items[0].window.to',
        'items[0].urgency',
        'items[0].beneficiaries',
      ]),
    ).toEqual(['J', 'J', 'K', 'L', 'M']);
    expect(
      ['submitter', 'submitter.id', 'submitter.name', 'submitter.kind'].map(
        (path) => demand.locate(path)?.columnName?.en,
      ),
    ).toEqual(['Submitter id', 'Submitter id', 'Submitter name', 'Submitter kind']);
  });
});

describe('reading CSV', () => {
  const csv = (text: string) => Buffer.from(text, 'utf8');

  it('keeps cells as typed (leading zeros, long numbers) and names the sheet for the list', async () => {
    const result = await readListFile(
      csv(
        '编号,服务类别,名称,数量,单位,纬度,经度,需求开始日期,需求截止日期,标签\r\n007,养老服务,助餐,三十,份,34.6,112.4,2026-12-01,2026-12-02,0012\r\n',
      ),
      'csv',
      context({ kind: 'demand', defaults: { ...INFO, submitterKind: '社区' } }),
    );
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(items(result.reading)[0]).toMatchObject({ itemId: '007', tags: ['0012'] });
    expect(result.reading.problems).toEqual([
      expect.objectContaining({ sheet: '需求清单', row: 2, column: 'D', code: 'invalid-cell' }),
    ]);
    expect(result.reading.workbook.worksheets.map((sheet) => sheet.name)).toEqual(['需求清单']);
  });

  it('says a list sheet is missing in the CSV’s words too', async () => {
    expect(await refusal(csv('a,b\r\n1,2\r\n'), {}, 'csv')).toEqual([NO_LIST_SHEET]);
  });
});

describe('unreadable files', () => {
  it('says a workbook exceljs cannot open could not be read, and why', async () => {
    const problems = await refusal(Buffer.from('PK\u0003\u0004 not really a zip'));
    expect(problems).toHaveLength(1);
    const [problem] = problems;
    expect(problem).toMatchObject({ code: 'unreadable-workbook' });
    const reason = /^the file could not be read \((.+)\); save it again in Excel and retry$/.exec(
      problem!.message,
    );
    expect(reason).not.toBeNull();
    expect(reason![1]).not.toMatch(/^Error:/);
    expect(problem!.messageZh).toBe(`文件无法读取（${reason![1]}）；请在 Excel 中重新保存后再试`);
  });
});
