import { Workbook } from 'exceljs';
import iconv from 'iconv-lite';
import { DEFAULT_CATEGORIES, parseListDocument } from '@redcrowd/contracts';
import { guardUpload } from './file-guard';
import { listTemplate } from './list-template';
import { locateListProblems, mergeProblems, problemLine } from './list-problems';
import { markProblems } from './mark-problems';
import { readListFile, type ListReading, type ListReadingContext } from './read-list';

const context: ListReadingContext = {
  kind: 'resource',
  categories: DEFAULT_CATEGORIES,
  submittedAt: new Date('2026-11-28T08:00:00Z'),
};

/** The template as its user fills it in: rows from row 4 on (row 3 keeps the example). */
async function filledTemplate(
  rows: Array<Array<unknown>>,
  info: Record<string, string> = {
    allianceId: 'mangling',
    submitterId: 'lyit',
    submitterName: '洛阳理工学院',
  },
  kind: 'resource' | 'demand' = 'resource',
): Promise<Buffer> {
  const workbook = new Workbook();
  await workbook.xlsx.load((await listTemplate(kind, { categories: DEFAULT_CATEGORIES, info })) as never);
  const sheet = workbook.getWorksheet(kind === 'resource' ? '资源清单' : '需求清单')!;
  rows.forEach((values, index) => {
    values.forEach((value, column) => (sheet.getRow(4 + index).getCell(column + 1).value = value as never));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function read(bytes: Buffer, options: Partial<ListReadingContext> = {}): Promise<ListReading> {
  const guard = await guardUpload(bytes, 'list.xlsx');
  if (!guard.ok) throw new Error(`refused: ${guard.code}`);
  const result = await readListFile(bytes, guard.format, { ...context, ...options });
  if (!result.ok) throw new Error(`not read: ${JSON.stringify(result.problems)}`);
  return result.reading;
}

describe('list template', () => {
  it('has the list sheet with Chinese headers, keys, an example row and drop-downs, the info and instructions', async () => {
    const workbook = new Workbook();
    await workbook.xlsx.load(
      (await listTemplate('resource', {
        categories: [...DEFAULT_CATEGORIES, 'tea-culture'],
        info: { allianceId: 'mangling', submitterId: 'lyit', submitterName: '洛阳理工学院' },
      })) as never,
    );
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '资源清单',
      '清单信息',
      '填写说明',
      '选项',
    ]);
    const sheet = workbook.getWorksheet('资源清单')!;
    expect(sheet.getRow(1).getCell(2).value).toBe('服务类别*');
    expect(sheet.getRow(1).getCell(4).value).toBe('说明');
    expect(sheet.getRow(2).getCell(2).value).toBe('category');
    expect(sheet.getRow(3).getCell(1).value).toBe('示例');
    expect(sheet.getCell('B3').note).toBeUndefined();
    expect(String(sheet.getCell('B1').note)).toContain('从下拉列表选择');
    const validation = sheet.getCell('B100').dataValidation;
    expect(validation).toMatchObject({ type: 'list', formulae: ["'选项'!$A$1:$A$16"] });
    expect(sheet.getCell('F5000').dataValidation).toMatchObject({ formulae: ["'选项'!$B$1:$B$12"] });
    const choices = workbook.getWorksheet('选项')!;
    expect(choices.state).toBe('hidden');
    expect(choices.getCell('A16').value).toBe('tea-culture');
    const info = workbook.getWorksheet('清单信息')!;
    expect(info.getRow(2).values).toEqual(expect.arrayContaining(['联盟编号', 'mangling']));
    expect(info.getRow(4).values).toEqual(expect.arrayContaining(['单位名称', '洛阳理工学院']));
  });

  it('reads back as nothing but its example (an untouched template has no items)', async () => {
    const reading = await read(await listTemplate('demand', { categories: DEFAULT_CATEGORIES }), {
      kind: 'demand',
    });
    expect(reading.itemCount).toBe(0);
  });
});

describe('readListFile', () => {
  it('reads messy cells as the JSON contracts take them: labels, text numbers, full-width digits, typed and cell dates', async () => {
    const bytes = await filledTemplate([
      [
        'R001',
        '教育辅导',
        '课业辅导',
        '',
        '１２０',
        '人时',
        '014 中心社区',
        '34.6873',
        112.414,
        '5',
        '2026年12月1日',
        new Date(Date.UTC(2026, 11, 31)),
        '学生，周末、暑期',
      ],
      [
        'R002',
        'venue',
        '报告厅',
        '可容纳 200 人',
        '1,200',
        'sqm-days',
        '',
        34.69,
        112.42,
        1.5,
        '2026/12/5',
        '2027-1-15',
        '',
      ],
      [],
      ['', '', '', '', '', '', '', '', '', '', '', '', ''],
    ]);
    const reading = await read(bytes);
    expect(reading.problems).toEqual([]);
    expect(reading.revisionAutomatic).toBe(true);
    expect(reading.document).toEqual({
      listId: 'resource-list',
      allianceId: 'mangling',
      submittedAt: '2026-11-28T08:00:00.000Z',
      unit: { id: 'lyit', name: '洛阳理工学院' },
      items: [
        {
          itemId: 'R001',
          category: 'education',
          title: '课业辅导',
          quantity: 120,
          unit: 'person-hours',
          location: { lat: 34.6873, lng: 112.414, address: '014 中心社区' },
          tags: ['学生', '周末', '暑期'],
          serviceRadiusKm: 5,
          available: { from: '2026-12-01', to: '2026-12-31' },
        },
        {
          itemId: 'R002',
          category: 'venue',
          title: '报告厅',
          description: '可容纳 200 人',
          quantity: 1200,
          unit: 'sqm-days',
          location: { lat: 34.69, lng: 112.42 },
          serviceRadiusKm: 1.5,
          available: { from: '2026-12-05', to: '2027-01-15' },
        },
      ],
    });
    // Intake reads the dates as whole days of the alliance's zone, the last day included.
    const parsed = parseListDocument('resource', reading.document, { timeZoneFor: () => 'Asia/Shanghai' });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(
      parsed.list.payload.items.map((item) => ('available' in item ? item.available : undefined)),
    ).toEqual([
      { from: '2026-12-01T00:00:00+08:00', to: '2027-01-01T00:00:00+08:00' },
      { from: '2026-12-05T00:00:00+08:00', to: '2027-01-16T00:00:00+08:00' },
    ]);
  });

  it('says what is wrong with each cell, where, in Chinese and English', async () => {
    const bytes = await filledTemplate([
      ['R001', '养老', '助餐', '', '三十', '份', '', '', '', 5, '2026-12-01', '2026-11-01'],
      ['R002', '养老服务', '助餐', '', 30, '份', '不存在的小区', '', '', 5, '2026-12-01', '2026-12-02'],
    ]);
    const reading = await read(bytes);
    const where = reading.problems.map((p) => [p.sheet, `${p.column}${p.row}`, p.code]);
    expect(where).toEqual([
      ['资源清单', 'B4', 'invalid-cell'],
      ['资源清单', 'E4', 'invalid-cell'],
      ['资源清单', 'G4', 'missing-place'],
      ['资源清单', 'L4', 'window-order'],
      ['资源清单', 'G5', 'unknown-place'],
    ]);
    expect(reading.problems[0]).toMatchObject({
      columnName: { zh: '服务类别', en: 'Category' },
      messageZh: expect.stringContaining('「养老」不是可选的服务类别'),
      message: expect.stringContaining('"养老" is not a category'),
    });
    expect(reading.problems[1]).toMatchObject({ messageZh: '不是数字', message: 'not a number' });
  });

  it('suggests the closest gazetteer names and takes a known place’s coordinates', async () => {
    const bytes = await filledTemplate([
      ['R001', '养老服务', '助餐', '', 30, '份', '52号楼', '', '', 5, '2026-12-01', '2026-12-02'],
      ['R002', '养老服务', '助餐', '', 30, '份', '52 号楼 ', '', '', 5, '2026-12-01', '2026-12-02'],
    ]);
    const reading = await read(bytes, {
      places: {
        find: (name) =>
          name === '52号楼'
            ? { place: { name, lat: 34.7, lng: 112.4, address: '014 中心社区 52 号楼' } }
            : { suggestions: ['52号楼', '53号楼'] },
      },
    });
    expect((reading.document.items as Array<Record<string, unknown>>)[0]!.location).toEqual({
      lat: 34.7,
      lng: 112.4,
      address: '014 中心社区 52 号楼',
    });
    expect(reading.problems).toEqual([
      expect.objectContaining({
        code: 'unknown-place',
        row: 5,
        messageZh: expect.stringContaining('是否指：52号楼、53号楼'),
      }),
    ]);
  });

  it('places list validation problems back on their cells, one problem per cell', async () => {
    const bytes = await filledTemplate([
      ['R001', '养老服务', '助餐', '', 0, '份', '', 34.6, 112.4, 5, '2026-12-01', '2026-12-02'],
      ['R001', '养老服务', '助餐', '', 3, '份', '', 95, 112.4, 5, '2026-12-01', ''],
    ]);
    const reading = await read(bytes);
    const parsed = parseListDocument('resource', reading.document);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const located = mergeProblems(reading.problems, locateListProblems(parsed.problems, reading.locate));
    const byCell = Object.fromEntries(located.map((p) => [`${p.column}${p.row}`, p]));
    expect(Object.keys(byCell).sort()).toEqual(['E4', 'H5', 'L5']);
    expect(byCell.E4).toMatchObject({
      code: 'out-of-range',
      messageZh: '「数量」超出允许范围',
      message: 'quantity must be greater than 0',
    });
    expect(byCell.L5).toMatchObject({ code: 'required', messageZh: '请填写「可提供截止日期」' });

    // Rules across rows are judged once every row is well formed, as for JSON lists.
    const twice = await read(
      await filledTemplate([
        ['R001', '养老服务', '助餐', '', 2, '份', '', 34.6, 112.4, 5, '2026-12-01', '2026-12-02'],
        ['R001', '养老服务', '助餐', '', 3, '份', '', 34.6, 112.4, 5, '2026-12-01', '2026-12-03'],
      ]),
    );
    const duplicate = parseListDocument('resource', twice.document);
    expect(duplicate.ok).toBe(false);
    if (duplicate.ok) return;
    expect(locateListProblems(duplicate.problems, twice.locate)).toEqual([
      expect.objectContaining({
        code: 'duplicate-item-id',
        column: 'A',
        row: 5,
        messageZh: '编号与第 4 行重复；同一清单内编号不能重复',
      }),
    ]);
    expect(reading.locate('unit.id')).toMatchObject({ sheet: '清单信息', row: 3, column: 'B' });
  });

  it('reports a missing required column, and a sheet without list headers', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('资源清单');
    sheet.addRow(['编号', '服务类别', '名称', '单位', '纬度', '经度']);
    const result = await readListFile(Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx', context);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.code, p.columnName?.zh])).toEqual([
      ['missing-column', '数量'],
      ['missing-column', '服务半径(公里)'],
      ['missing-column', '可提供开始日期'],
      ['missing-column', '可提供截止日期'],
    ]);
    const empty = new Workbook();
    empty.addWorksheet('Sheet1').addRow(['随便', '写点']);
    const none = await readListFile(Buffer.from(await empty.xlsx.writeBuffer()), 'xlsx', context);
    expect(none).toMatchObject({ ok: false, problems: [{ code: 'no-list-sheet' }] });
  });

  it('refuses more than 5,000 rows and a formula without a computed value', async () => {
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('资源清单');
    sheet.addRow(['名称', '服务类别', '数量', '单位', '服务半径', '可提供开始日期', '可提供截止日期']);
    for (let row = 0; row < 5001; row++)
      sheet.addRow([`第${row}条`, '养老服务', 1, '份', 1, '2026-12-01', '2026-12-02']);
    const tooMany = await readListFile(Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx', context);
    expect(tooMany).toMatchObject({ ok: false, problems: [{ code: 'too-many-rows' }] });

    const bytes = await filledTemplate([
      [
        'R001',
        '养老服务',
        '助餐',
        '',
        { formula: 'B9*2' },
        '份',
        '',
        34.6,
        112.4,
        5,
        '2026-12-01',
        '2026-12-02',
      ],
    ]);
    const reading = await read(bytes);
    expect(reading.problems).toEqual([
      expect.objectContaining({ code: 'formula-without-value', column: 'E', row: 4 }),
    ]);
  });

  it('refuses a cell that shows an error, typed or as its formula’s result, at that cell', async () => {
    const row = (quantity: unknown, id: string) => [
      id,
      '养老服务',
      '助餐',
      '',
      quantity,
      '份',
      '',
      34.6,
      112.4,
      5,
      '2026-12-01',
      '2026-12-02',
    ];
    const bytes = await filledTemplate([
      row({ error: '#REF!' }, 'R001'),
      row({ formula: 'B9/0', result: { error: '#DIV/0!' } }, 'R002'),
      row(3, 'R003'),
    ]);
    const reading = await read(bytes);
    expect(reading.problems).toEqual([
      expect.objectContaining({
        code: 'invalid-cell',
        column: 'E',
        row: 4,
        messageZh: '单元格显示错误值 #REF!',
        message: 'the cell shows the error #REF!',
      }),
      expect.objectContaining({
        code: 'invalid-cell',
        column: 'E',
        row: 5,
        messageZh: '单元格显示错误值 #DIV/0!',
      }),
    ]);
  });

  it('reads CSV in UTF-8 with and without a byte order mark, and in GB18030', async () => {
    const text =
      '编号,服务类别,名称,数量,单位,纬度,经度,服务半径(公里),可提供开始日期,可提供截止日期\r\nR1,养老服务,"助餐, 送餐",30,份,34.6,112.4,5,2026/12/1,2026年12月3日\r\n,,,,,,,,,\r\n';
    for (const bytes of [
      Buffer.from(text, 'utf8'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
      iconv.encode(text, 'gb18030'),
    ]) {
      const guard = await guardUpload(bytes, 'list.csv');
      expect(guard).toEqual({ ok: true, format: 'csv' });
      const result = await readListFile(bytes, 'csv', {
        ...context,
        defaults: { allianceId: 'mangling', submitterId: 'lyit', submitterName: '洛阳理工学院' },
      });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.reading.problems).toEqual([]);
      expect(result.reading.document.items).toEqual([
        expect.objectContaining({
          itemId: 'R1',
          title: '助餐, 送餐',
          category: 'elderly-care',
          available: { from: '2026-12-01', to: '2026-12-03' },
        }),
      ]);
    }
  });

  it('asks for the list’s own fields when neither the info sheet nor the upload gives them', async () => {
    const bytes = await filledTemplate(
      [['R001', '养老服务', '助餐', '', 3, '份', '', 34.6, 112.4, 5, '2026-12-01', '2026-12-02']],
      {},
    );
    const reading = await read(bytes);
    expect(reading.problems.map((p) => [p.code, p.path, `${p.column}${p.row}`])).toEqual([
      ['missing-info', 'allianceId', 'B2'],
      ['missing-info', 'unit.id', 'B3'],
      ['missing-info', 'unit.name', 'B4'],
    ]);
    const filled = await read(bytes, {
      defaults: { allianceId: 'a', submitterId: 'u', submitterName: '单位' },
    });
    expect(filled.problems).toEqual([]);
  });
});

describe('markProblems', () => {
  it('fills each bad cell, notes why in both languages, and lists every problem on a sheet opened first', async () => {
    const bytes = await filledTemplate([
      ['R001', '养老', '助餐', '', '三十', '份', '', 34.6, 112.4, 5, '2026-12-01', '2026-12-02'],
    ]);
    const reading = await read(bytes);
    const copy = new Workbook();
    await copy.xlsx.load((await markProblems(reading.workbook, reading.problems)) as never);
    const sheet = copy.getWorksheet('资源清单')!;
    expect(sheet.getCell('E4').fill).toMatchObject({ fgColor: { argb: 'FFFFC7CE' } });
    expect(String(sheet.getCell('E4').note)).toContain('不是数字\nnot a number');
    expect(sheet.getCell('C4').fill).toBeUndefined();
    const problems = copy.getWorksheet('导入问题')!;
    expect(problems.getRow(2).values).toEqual(expect.arrayContaining(['资源清单', 'B4', '服务类别']));
    expect(problems.getRow(3).values).toEqual(
      expect.arrayContaining(['资源清单', 'E4', '数量', '不是数字', 'not a number']),
    );
    expect(copy.views[0]?.activeTab).toBe(copy.worksheets.indexOf(problems));
  });
});

describe('problemLine', () => {
  it('says where and what in one line per language, naming the column once', () => {
    const at = { sheet: '资源清单', row: 4, column: 'E', columnName: { zh: '数量', en: 'Quantity' } };
    expect(
      problemLine({ ...at, code: 'invalid-cell', message: 'not a number', messageZh: '不是数字' }),
    ).toEqual({
      zh: '资源清单!E4 「数量」不是数字',
      en: '资源清单!E4 Quantity: not a number',
    });
    expect(
      problemLine({
        ...at,
        code: 'out-of-range',
        message: 'quantity must be greater than 0',
        messageZh: '「数量」超出允许范围',
      }).zh,
    ).toBe('资源清单!E4 「数量」超出允许范围');
    expect(problemLine({ code: 'macro-enabled', message: 'macros', messageZh: '含宏' })).toEqual({
      zh: '含宏',
      en: 'macros',
    });
  });
});
