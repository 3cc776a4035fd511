import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { Workbook } from 'exceljs';
import iconv from 'iconv-lite';
import type { Client } from 'pg';
import { DEFAULT_CATEGORIES, daysFromToday, wholeDaysOf } from '@test/support/workbook-fixtures';
import { readListFile, writeListWorkbook } from '@redcrowd/spreadsheets';
import { ALLIANCE_ID, COMMUNITY_014 } from '@test/fixtures/lists';
import { eventually, type KafkaSubmitter } from '@test/support/answers';
import { startIntakeHarness, type IntakeHarness } from '@test/support/intake-harness';
import type { IntakeProcess } from '@test/support/intake-process';
import { enroll } from '@test/support/roster';
import { authHeaders, coordinatorOf, tokenFor, unitOf } from '@test/support/tokens';

const timeZone = 'Asia/Shanghai';
// Lists sent now must not have ended: windows from the day after tomorrow for a month.
const days = daysFromToday(2, 32, timeZone);

/** Excel lists in, over real intake, Kafka and Postgres: one file is one list revision, whole or not at all. */
describe('intake: lists as Excel workbooks and CSV files', () => {
  let harness: IntakeHarness;
  let intake: IntakeProcess;
  let kafka: KafkaSubmitter;
  let db: Client;
  const unitId = `unit-${randomUUID().slice(0, 8)}`;
  const unit = unitOf(ALLIANCE_ID, unitId);

  beforeAll(async () => {
    harness = await startIntakeHarness();
    ({ intake, kafka, db } = harness);
    await enroll(db, ALLIANCE_ID, { id: unitId, name: unitId }, COMMUNITY_014);
  }, 120_000);

  afterAll(() => harness?.stop(), 60_000);

  const upload = async (
    path: string,
    who: Parameters<typeof authHeaders>[0],
    file: Buffer,
    fileName: string,
    fields: Record<string, string> = {},
  ) => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)]), fileName);
    for (const [name, value] of Object.entries(fields)) form.append(name, value);
    const response = await fetch(`${intake.url}${path}`, {
      method: 'POST',
      body: form,
      headers: { authorization: (await authHeaders(who)).authorization as string },
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  const resourceItems = (count: number, listTag: string) =>
    Array.from({ length: count }, (_, index) => ({
      itemId: `${listTag}-${index + 1}`,
      category: index % 2 === 0 ? 'education' : 'venue',
      title: `课业辅导 ${index + 1}`,
      quantity: 10 + index,
      unit: 'person-hours',
      location: { lat: 34.68 + (index % 100) / 10_000, lng: 112.43, address: '014中心社区' },
      serviceRadiusKm: 5,
      available: wholeDaysOf(days.from, days.to),
    }));

  const storedItems = async (listId: string): Promise<number> => {
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM resource_items i JOIN lists l ON l.id = i.list_pk
       WHERE l.list_id = $1 AND l.submitter_id = $2 AND i.revision = l.revision`,
      [listId, unitId],
    );
    return rows[0].n as number;
  };

  it('serves the template with the caller’s alliance and unit filled in', async () => {
    const response = await fetch(`${intake.url}/templates/resource-list.xlsx`, {
      headers: await authHeaders(unit),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(response.headers.get('content-disposition')).toContain(encodeURIComponent('资源清单模板.xlsx'));
    const workbook = new Workbook();
    await workbook.xlsx.load((await response.arrayBuffer()) as never);
    const info = workbook.getWorksheet('清单信息')!;
    expect(info.getRow(2).values).toEqual(expect.arrayContaining(['联盟编号', ALLIANCE_ID]));
    expect(info.getRow(3).values).toEqual(expect.arrayContaining(['单位编号', unitId]));
  });

  it('stores a unit’s workbook as a list revision, answers unchanged for the same file, and the next revision for an edit', async () => {
    const listId = `wb-${randomUUID().slice(0, 8)}`;
    const items = resourceItems(3, listId);
    const file = await writeListWorkbook('resource', items, {
      categories: DEFAULT_CATEGORIES,
      timeZone,
      info: { listId },
    });
    const first = await upload('/resource-lists/workbook', unit, file, '资源清单.xlsx');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      listKind: 'resource',
      listId,
      revision: 1,
      outcome: 'stored',
      itemCount: 3,
    });
    await eventually(
      () => kafka.accepted.find((event) => event.value.eventId === first.body.eventId),
      () => `no accepted event for ${listId}`,
    );
    expect(await storedItems(listId)).toBe(3);

    const again = await upload('/resource-lists/workbook', unit, file, '资源清单.xlsx');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ revision: 1, outcome: 'unchanged' });

    const edited = await writeListWorkbook('resource', items.slice(0, 2), {
      categories: DEFAULT_CATEGORIES,
      timeZone,
      info: { listId },
    });
    const second = await upload('/resource-lists/workbook', unit, edited, '资源清单.xlsx');
    expect(second.status).toBe(201);
    expect(second.body).toMatchObject({ revision: 2, outcome: 'stored', itemCount: 2 });
    expect(await storedItems(listId)).toBe(2);
  });

  it('hands a stored list back as its workbook: read back, it is the same list; uploaded unchanged, unchanged; edited, the next revision', async () => {
    const listId = `wb-back-${randomUUID().slice(0, 8)}`;
    const items = resourceItems(3, listId);
    const file = await writeListWorkbook('resource', items, {
      categories: DEFAULT_CATEGORIES,
      timeZone,
      info: { listId },
    });
    expect((await upload('/resource-lists/workbook', unit, file, '资源清单.xlsx')).status).toBe(201);

    const download = async (who: Parameters<typeof authHeaders>[0], query = '') =>
      fetch(`${intake.url}/resource-lists/${listId}/workbook${query}`, { headers: await authHeaders(who) });
    const response = await download(unit);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain(
      encodeURIComponent(`资源清单-${listId}.xlsx`),
    );
    const back = Buffer.from(await response.arrayBuffer());

    // The same values: what the unit uploaded is what it gets back, cell for cell.
    const read = await readListFile(back, 'xlsx', { kind: 'resource', categories: DEFAULT_CATEGORIES });
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.reading.problems).toEqual([]);
    expect(read.reading.revisionAutomatic).toBe(true);
    expect(read.reading.document).toMatchObject({ listId, allianceId: ALLIANCE_ID, unit: { id: unitId } });
    expect(read.reading.document.items).toEqual(
      items.map(({ available: _window, ...item }) => ({
        ...item,
        available: { from: days.from, to: days.to },
      })),
    );

    const unchanged = await upload('/resource-lists/workbook', unit, back, `资源清单-${listId}.xlsx`);
    expect(unchanged).toMatchObject({ status: 200, body: { revision: 1, outcome: 'unchanged' } });

    const workbook = new Workbook();
    await workbook.xlsx.load(back as never);
    workbook.getWorksheet('资源清单')!.getCell('E3').value = 99; // the first item's quantity
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());
    const next = await upload('/resource-lists/workbook', unit, edited, `资源清单-${listId}.xlsx`);
    expect(next).toMatchObject({ status: 201, body: { revision: 2, outcome: 'stored', itemCount: 3 } });
    const { rows } = await db.query(
      `SELECT i.quantity FROM resource_items i JOIN lists l ON l.id = i.list_pk
       WHERE l.list_id = $1 AND i.item_id = $2`,
      [listId, `${listId}-1`],
    );
    expect(rows).toEqual([{ quantity: 99 }]);

    // A coordinator names the member; nobody else's list can be read, and no list is 404.
    const coordinator = coordinatorOf(ALLIANCE_ID);
    const unnamed = await download(coordinator);
    expect(unnamed.status).toBe(400);
    expect(await unnamed.json()).toMatchObject({ error: { code: 'invalid-request', field: 'submitterId' } });
    expect((await download(coordinator, `?submitterKind=unit&submitterId=${unitId}`)).status).toBe(200);
    const other = unitOf(ALLIANCE_ID, `unit-other-${randomUUID().slice(0, 6)}`);
    expect((await download(other, `?submitterId=${unitId}`)).status).toBe(403);
    const missing = await fetch(`${intake.url}/resource-lists/no-such-list/workbook`, {
      headers: await authHeaders(unit),
    });
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { code: 'not-found' } });
  });

  it('refuses a workbook with bad rows whole, names sheet, row and column, and returns it marked', async () => {
    const listId = `wb-bad-${randomUUID().slice(0, 8)}`;
    const good = await writeListWorkbook('resource', resourceItems(4, listId), {
      categories: DEFAULT_CATEGORIES,
      timeZone,
      info: { listId },
    });
    const workbook = new Workbook();
    await workbook.xlsx.load(good as never);
    const sheet = workbook.getWorksheet('资源清单')!;
    sheet.getCell('E4').value = '三十'; // quantity of the second item
    sheet.getCell('H6').value = 95; // latitude of the fourth
    const bad = Buffer.from(await workbook.xlsx.writeBuffer());

    const { status, body } = await upload('/resource-lists/workbook', unit, bad, '资源清单.xlsx');
    expect(status).toBe(400);
    expect(body.error).toMatchObject({
      code: 'invalid-list',
      message: expect.stringContaining('2 problems'),
    });
    expect(body.workbook.problems).toEqual([
      expect.objectContaining({
        sheet: '资源清单',
        row: 4,
        column: 'E',
        code: 'invalid-cell',
        messageZh: '不是数字',
      }),
      expect.objectContaining({
        sheet: '资源清单',
        row: 6,
        column: 'H',
        code: 'out-of-range',
        columnName: { zh: '纬度', en: 'Latitude' },
        messageZh: '「纬度」超出允许范围',
      }),
    ]);
    expect(await storedItems(listId)).toBe(0);

    const marked = new Workbook();
    await marked.xlsx.load(Buffer.from(body.workbook.markedCopy.base64, 'base64') as never);
    expect(body.workbook.markedCopy.fileName).toBe('资源清单-问题标注.xlsx');
    expect(String(marked.getWorksheet('资源清单')!.getCell('H6').note)).toContain('超出允许范围');
    expect(marked.getWorksheet('导入问题')!.rowCount).toBe(3);

    // Fixed in the marked copy, it goes through.
    const fixedSheet = marked.getWorksheet('资源清单')!;
    fixedSheet.getCell('E4').value = 30;
    fixedSheet.getCell('H6').value = 34.69;
    const fixed = await upload(
      '/resource-lists/workbook',
      unit,
      Buffer.from(await marked.xlsx.writeBuffer()),
      '资源清单-问题标注.xlsx',
    );
    expect(fixed.status).toBe(201);
    expect(await storedItems(listId)).toBe(4);
  });

  it('refuses files that are not lists with the reason: macros, an old .xls, no file, too large', async () => {
    const zip = await JSZip.loadAsync(
      await writeListWorkbook('resource', resourceItems(1, 'm'), {
        categories: DEFAULT_CATEGORIES,
        timeZone,
      }),
    );
    zip.file('xl/vbaProject.bin', 'macro');
    const macro = await upload(
      '/resource-lists/workbook',
      unit,
      await zip.generateAsync({ type: 'nodebuffer' }),
      'a.xlsm',
    );
    expect(macro.status).toBe(400);
    expect(macro.body.error.code).toBe('invalid-workbook');
    expect(macro.body.workbook.problems).toEqual([
      expect.objectContaining({ code: 'macro-enabled', messageZh: expect.stringContaining('含宏') }),
    ]);

    const legacy = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(2048)]);
    const old = await upload('/resource-lists/workbook', unit, legacy, '清单.xls');
    expect(old.body.workbook.problems[0]).toMatchObject({ code: 'legacy-workbook' });

    const form = new FormData();
    form.append('listId', 'x');
    const none = await fetch(`${intake.url}/resource-lists/workbook`, {
      method: 'POST',
      body: form,
      headers: { authorization: (await authHeaders(unit)).authorization as string },
    });
    expect(none.status).toBe(400);
    expect(((await none.json()) as any).error).toMatchObject({ code: 'invalid-request', field: 'file' });

    const big = await upload(
      '/resource-lists/workbook',
      unit,
      Buffer.alloc(11 * 1024 * 1024, 0x41),
      'big.csv',
    );
    expect(big.status).toBe(413);
    expect(big.body.error.code).toBe('payload-too-large');
    expect(big.body.workbook.problems[0].messageZh).toContain('超过上限 10 MB');
  });

  it('takes a GB18030 CSV from a coordinator on behalf of a community, the list’s fields given in the form', async () => {
    const listId = `csv-${randomUUID().slice(0, 8)}`;
    const csv = iconv.encode(
      '编号,服务类别,名称,数量,单位,地点,纬度,经度,需求开始日期,需求截止日期,紧急程度\r\n' +
        `D1,养老服务,独居老人助餐,300,份,52号楼,34.6852,112.4371,${days.day(2).toFormat('yyyy年M月d日')},${days.day(32).toFormat('yyyy年M月d日')},紧急\r\n`,
      'gb18030',
    );
    const { status, body } = await upload(
      '/demand-lists/workbook',
      coordinatorOf(ALLIANCE_ID),
      csv,
      '需求清单.csv',
      {
        submitterKind: 'community',
        submitterId: COMMUNITY_014.id,
        submitterName: COMMUNITY_014.name,
        listId,
      },
    );
    expect(status).toBe(201);
    expect(body).toMatchObject({
      listKind: 'demand',
      listId,
      submitter: { id: COMMUNITY_014.id },
      itemCount: 1,
    });
    const { rows } = await db.query(
      `SELECT i.title, i.urgency FROM demand_items i JOIN lists l ON l.id = i.list_pk WHERE l.list_id = $1`,
      [listId],
    );
    expect(rows).toEqual([{ title: '独居老人助餐', urgency: 'urgent' }]);
  });

  it('refuses a unit that is not on the roster, and another unit’s sheet', async () => {
    const stranger = unitOf(ALLIANCE_ID, `unit-stranger-${randomUUID().slice(0, 6)}`);
    const file = await writeListWorkbook('resource', resourceItems(1, 's'), {
      categories: DEFAULT_CATEGORIES,
      timeZone,
    });
    const refused = await upload('/resource-lists/workbook', stranger, file, 'a.xlsx');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('not-a-member');
    expect(refused.body.rejection).toMatchObject({ listKind: 'resource' });

    const othersSheet = await writeListWorkbook('resource', resourceItems(1, 'o'), {
      categories: DEFAULT_CATEGORIES,
      timeZone,
      info: { allianceId: ALLIANCE_ID, submitterId: unitId, submitterName: unitId },
    });
    const forbidden = await upload('/resource-lists/workbook', stranger, othersSheet, 'b.xlsx');
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.code).toBe('forbidden');
  });

  it('imports a 5,000-row workbook, the most a file may hold', async () => {
    const listId = `wb-5000-${randomUUID().slice(0, 8)}`;
    const file = await writeListWorkbook('resource', resourceItems(5000, listId), {
      categories: DEFAULT_CATEGORIES,
      timeZone,
      info: { listId },
    });
    const { status, body } = await upload('/resource-lists/workbook', unit, file, '资源清单.xlsx');
    expect(status).toBe(201);
    expect(body).toMatchObject({ listId, itemCount: 5000 });
    expect(await storedItems(listId)).toBe(5000);
  }, 120_000);

  it('npm run import: loads a folder of sheets for the operator, writes a refused file’s marked copy beside it', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'redcrowd-import-'));
    const listId = `cli-${randomUUID().slice(0, 8)}`;
    const info = { allianceId: ALLIANCE_ID, submitterId: unitId, submitterName: unitId, listId };
    await writeFile(
      path.join(folder, '理工资源清单.xlsx'),
      await writeListWorkbook('resource', resourceItems(3, listId), {
        categories: DEFAULT_CATEGORIES,
        timeZone,
        info,
      }),
    );
    const bad = new Workbook();
    await bad.xlsx.load(
      (await writeListWorkbook('resource', resourceItems(2, `${listId}-b`), {
        categories: DEFAULT_CATEGORIES,
        timeZone,
        info: { ...info, listId: `${listId}-b` },
      })) as never,
    );
    bad.getWorksheet('资源清单')!.getCell('E3').value = -5;
    await writeFile(path.join(folder, 'bad-resource.xlsx'), Buffer.from(await bad.xlsx.writeBuffer()));

    const token = await tokenFor(coordinatorOf(ALLIANCE_ID));
    const run = (...files: string[]) =>
      promisify(execFile)(
        process.execPath,
        [
          path.resolve('dist/tools/import.js'),
          '--intake',
          intake.url,
          ...files.map((file) => path.join(folder, file)),
        ],
        { env: { ...process.env, REDCROWD_TOKEN: token } },
      ).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    const both = await run('理工资源清单.xlsx', 'bad-resource.xlsx');
    expect(both.code).toBe(1);
    expect(both.stdout).toContain(`✓ 理工资源清单.xlsx: 资源清单 ${listId} revision 1 stored, 3 items`);
    expect(both.stdout).toContain('✗ bad-resource.xlsx');
    expect(both.stdout).toContain('资源清单!E3 「数量」超出允许范围');
    expect(both.stdout).toContain('1 of 2 files stored (3 items); refused: bad-resource.xlsx');
    expect(await readdir(folder)).toContain('bad-resource-问题标注.xlsx');
    expect(await storedItems(listId)).toBe(3);

    const again = await run('理工资源清单.xlsx');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('revision 1 unchanged, 3 items');
  });
});
