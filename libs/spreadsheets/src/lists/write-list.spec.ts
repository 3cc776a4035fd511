import { Workbook } from 'exceljs';
import fc from 'fast-check';
import {
  DEFAULT_CATEGORIES,
  QUANTITY_UNITS,
  URGENCIES,
  dayEnd,
  dayStart,
  parseListDocument,
} from '@redcrowd/contracts';
import { isoDay } from '../cells';
import { guardUpload } from './file-guard';
import { readListFile } from './read-list';
import { writeListWorkbook } from './write-list';

const timeZone = 'Asia/Shanghai';
const info = {
  allianceId: 'mangling',
  submitterKind: 'community',
  submitterId: 'c-014',
  submitterName: '014中心社区',
};

const day = fc
  .date({ min: new Date('2027-01-01T00:00:00Z'), max: new Date('2032-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => ({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }));

const demandItem = fc
  .record({
    category: fc.constantFrom(...DEFAULT_CATEGORIES),
    title: fc
      .string({ minLength: 1, maxLength: 30 })
      .filter((title) => title.trim() === title && title !== ''),
    quantity: fc.integer({ min: 1, max: 1_000_000 }),
    unit: fc.constantFrom(...QUANTITY_UNITS),
    lat: fc.integer({ min: -89_000, max: 89_000 }).map((n) => n / 1000),
    lng: fc.integer({ min: -179_000, max: 179_000 }).map((n) => n / 1000),
    first: day,
    days: fc.integer({ min: 0, max: 400 }),
    urgency: fc.constantFrom(...URGENCIES),
    tags: fc.array(fc.constantFrom('老年人', '周末', '学生'), { maxLength: 3 }),
  })
  .map(({ lat, lng, first, days, tags, ...rest }) => {
    const lastDate = new Date(Date.UTC(first.year, first.month - 1, first.day + days));
    const last = {
      year: lastDate.getUTCFullYear(),
      month: lastDate.getUTCMonth() + 1,
      day: lastDate.getUTCDate(),
    };
    return {
      ...rest,
      location: { lat, lng },
      days: { from: isoDay(first), to: isoDay(last) },
      ...(tags.length > 0 ? { tags: [...new Set(tags)] } : {}),
    };
  });

describe('writeListWorkbook', () => {
  it('writes a list that reads back as the same items (whole-day windows, words for codes)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(demandItem, { minLength: 1, maxLength: 8 }), async (generated) => {
        // Stored items hold instants; the sheet holds the days they cover; intake reads them back.
        const asRead = generated.map(({ days, ...item }, index) => ({
          itemId: `D${index + 1}`,
          ...item,
          window: days,
        }));
        const stored = asRead.map(({ window, ...item }) => ({
          ...item,
          window: { from: dayStart(window.from, timeZone), to: dayEnd(window.to, timeZone) },
        }));
        const bytes = await writeListWorkbook('demand', stored, {
          categories: DEFAULT_CATEGORIES,
          timeZone,
          info,
        });
        const guard = await guardUpload(bytes, 'list.xlsx');
        expect(guard).toEqual({ ok: true, format: 'xlsx' });
        const read = await readListFile(bytes, 'xlsx', {
          kind: 'demand',
          categories: DEFAULT_CATEGORIES,
        });
        if (!read.ok) throw new Error(JSON.stringify(read.problems));
        expect(read.reading.problems).toEqual([]);
        expect(read.reading.document.items).toEqual(asRead);
        expect(read.reading.document.submitter).toEqual({
          kind: 'community',
          id: 'c-014',
          name: '014中心社区',
        });
        const parsed = parseListDocument('demand', read.reading.document, { timeZoneFor: () => timeZone });
        if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
        expect(JSON.parse(JSON.stringify(parsed.list.payload.items))).toEqual(stored);
      }),
      // Each run writes and reads a whole workbook (about half a second): a few runs of up to
      // eight items each, within a budget that also holds inside Stryker's instrumented runs.
      { numRuns: 6 },
    );
  }, 60_000);
});

describe('writeListWorkbook, field by field', () => {
  it('writes a resource item with every field as a person would, and reads it back', async () => {
    const bytes = await writeListWorkbook(
      'resource',
      [
        {
          itemId: 'R001',
          category: 'tea-culture',
          title: '茶艺课',
          description: '每周六上午',
          quantity: 12,
          unit: 'sessions',
          location: { lat: 34.6873, lng: 112.414, address: '014 中心社区' },
          serviceRadiusKm: 2.5,
          // Ends within a day: that day is the last; ends at midnight: the day before is.
          available: { from: '2027-03-01T00:00:00+08:00', to: '2027-03-05T18:00:00+08:00' },
          tags: ['茶', '周末'],
        },
        {
          itemId: 'R002',
          category: 'venue',
          title: '报告厅',
          quantity: 1,
          unit: 'sqm-days',
          location: { lat: 34.69, lng: 112.42 },
          serviceRadiusKm: 1,
          available: { from: '2027-03-01T09:00:00+08:00', to: '2027-03-08T00:00:00+08:00' },
        },
      ],
      { categories: [...DEFAULT_CATEGORIES, 'tea-culture'], timeZone, info: { allianceId: 'mangling' } },
    );
    const read = await readListFile(bytes, 'xlsx', {
      kind: 'resource',
      categories: [...DEFAULT_CATEGORIES, 'tea-culture'],
      defaults: { submitterId: 'lyit', submitterName: '洛阳理工学院' },
    });
    if (!read.ok) throw new Error(JSON.stringify(read.problems));
    expect(read.reading.problems).toEqual([]);
    expect(read.reading.document.allianceId).toBe('mangling');
    expect(read.reading.document.items).toEqual([
      {
        itemId: 'R001',
        category: 'tea-culture',
        title: '茶艺课',
        description: '每周六上午',
        quantity: 12,
        unit: 'sessions',
        location: { lat: 34.6873, lng: 112.414, address: '014 中心社区' },
        serviceRadiusKm: 2.5,
        available: { from: '2027-03-01', to: '2027-03-05' },
        tags: ['茶', '周末'],
      },
      {
        itemId: 'R002',
        category: 'venue',
        title: '报告厅',
        quantity: 1,
        unit: 'sqm-days',
        location: { lat: 34.69, lng: 112.42 },
        serviceRadiusKm: 1,
        available: { from: '2027-03-01', to: '2027-03-07' },
      },
    ]);
  });

  it('writes a demand’s urgency and beneficiaries in words and numbers, and leaves the example row out', async () => {
    const bytes = await writeListWorkbook(
      'demand',
      [
        {
          itemId: 'D001',
          category: 'elderly-care',
          title: '助餐',
          quantity: 30,
          unit: 'meals',
          urgency: 'critical',
          beneficiaries: 12,
          window: { from: '2027-03-01T00:00:00+08:00', to: '2027-03-02T00:00:00+08:00' },
        },
      ],
      { categories: DEFAULT_CATEGORIES, timeZone },
    );
    const workbook = new Workbook();
    await workbook.xlsx.load(bytes as never);
    const sheet = workbook.getWorksheet('需求清单')!;
    expect(sheet.getRow(3).values).toEqual([
      undefined,
      'D001',
      '养老服务',
      '助餐',
      undefined,
      30,
      '份',
      undefined,
      undefined,
      undefined,
      '2027-03-01',
      '2027-03-01',
      '特急',
      12,
    ]);
    expect(sheet.getCell('A4').value).toBeNull();
  });
});
