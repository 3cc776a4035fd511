import fc from 'fast-check';
import { DEFAULT_CATEGORIES, QUANTITY_UNITS, URGENCIES, parseListDocument } from '@redcrowd/contracts';
import { wholeDays } from '../cells';
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
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
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
      window: wholeDays(first, last, timeZone),
      ...(tags.length > 0 ? { tags: [...new Set(tags)] } : {}),
    };
  });

describe('writeListWorkbook', () => {
  it('writes a list that reads back as the same items (whole-day windows, words for codes)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(demandItem, { minLength: 1, maxLength: 8 }), async (generated) => {
        const items = generated.map((item, index) => ({ itemId: `D${index + 1}`, ...item }));
        const bytes = await writeListWorkbook('demand', items, {
          categories: DEFAULT_CATEGORIES,
          timeZone,
          info,
        });
        const guard = await guardUpload(bytes, 'list.xlsx');
        expect(guard).toEqual({ ok: true, format: 'xlsx' });
        const read = await readListFile(bytes, 'xlsx', {
          kind: 'demand',
          categories: DEFAULT_CATEGORIES,
          timeZone,
        });
        if (!read.ok) throw new Error(JSON.stringify(read.problems));
        expect(read.reading.problems).toEqual([]);
        expect(read.reading.document.items).toEqual(items);
        expect(read.reading.document.submitter).toEqual({
          kind: 'community',
          id: 'c-014',
          name: '014中心社区',
        });
        expect(parseListDocument('demand', read.reading.document).ok).toBe(true);
      }),
      { numRuns: 15 },
    );
  });
});
