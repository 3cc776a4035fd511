import fc from 'fast-check';
import { DateTime } from 'luxon';
import { isCalendarDate } from '../common/calendar-date';
import { parseList, type ParseOptions } from './parse-list';
import { settleCalendarDates, windowOf } from './calendar-dates';
import type { SubmittedList } from './submitted-list';
import { demandItem, demandList, resourceItem, resourceList } from '@test/fixtures/lists';

const json = (value: unknown): string => JSON.stringify(value);
const firstWindow = (list: SubmittedList) => windowOf(list.payload.items[0]!).window;

function accepted(kind: 'resource' | 'demand', document: unknown, options: ParseOptions = {}) {
  const result = parseList(kind, json(document), options);
  if (!result.ok) throw new Error(`expected an accepted list, got ${json(result.problems)}`);
  return result.list;
}

function problems(kind: 'resource' | 'demand', document: unknown, options: ParseOptions = {}) {
  const result = parseList(kind, json(document), options);
  if (result.ok) throw new Error('expected a rejection');
  return result.problems;
}

describe('isCalendarDate', () => {
  it.each(['2026-12-01', '2028-02-29', '2026-01-31'])('takes the real day %s', (date) => {
    expect(isCalendarDate(date)).toBe(true);
  });

  it.each([
    '2026-02-29', // not a leap year
    '2026-13-01',
    '2026-12-32',
    '2026-12-1',
    '2026/12/01',
    ' 2026-12-01',
    '2026-12-01T00:00:00+08:00',
    20261201,
    null,
  ])('refuses %p', (value) => {
    expect(isCalendarDate(value)).toBe(false);
  });
});

describe('windows written as calendar dates', () => {
  it('are whole days in Asia/Shanghai when the alliance names no zone: the last day counts in full', () => {
    const item = resourceItem({ available: { from: '2026-12-01', to: '2026-12-31' } });
    const list = accepted('resource', resourceList({ items: [item] }));
    expect(firstWindow(list)).toEqual({
      from: '2026-12-01T00:00:00+08:00',
      to: '2027-01-01T00:00:00+08:00',
    });
  });

  it("are read in the alliance's own time zone", () => {
    const item = demandItem({ window: { from: '2026-12-05', to: '2026-12-05' } });
    const list = accepted('demand', demandList({ items: [item] }), { timeZoneFor: () => 'Asia/Urumqi' });
    expect(firstWindow(list)).toEqual({
      from: '2026-12-05T00:00:00+06:00',
      to: '2026-12-06T00:00:00+06:00',
    });
  });

  it('asks the zone of the list’s own alliance', () => {
    const asked: string[] = [];
    accepted(
      'resource',
      resourceList({ items: [resourceItem({ available: { from: '2026-12-01', to: '2026-12-02' } })] }),
      {
        timeZoneFor: (allianceId) => {
          asked.push(allianceId);
          return 'UTC';
        },
      },
    );
    expect(asked).toEqual([resourceList().allianceId]);
  });

  it('may meet a date-time in the same window', () => {
    const item = resourceItem({ available: { from: '2026-12-01T14:00:00+08:00', to: '2026-12-01' } });
    const list = accepted('resource', resourceList({ items: [item] }));
    expect(firstWindow(list)).toEqual({
      from: '2026-12-01T14:00:00+08:00',
      to: '2026-12-02T00:00:00+08:00',
    });
  });

  it('follow daylight saving time: a day in spring may be 23 hours long', () => {
    const item = resourceItem({ available: { from: '2027-03-14', to: '2027-03-14' } });
    const list = accepted('resource', resourceList({ items: [item] }), {
      timeZoneFor: () => 'America/New_York',
    });
    const { from, to } = firstWindow(list);
    expect([from, to]).toEqual(['2027-03-14T00:00:00-05:00', '2027-03-15T00:00:00-04:00']);
    expect(Date.parse(to) - Date.parse(from)).toBe(23 * 3_600_000);
  });

  it('are refused when the last day comes before the first, in the words the submitter wrote', () => {
    const item = demandItem({ window: { from: '2026-12-07', to: '2026-12-01' } });
    expect(problems('demand', demandList({ items: [item] }))).toEqual([
      {
        path: 'items[0].window.to',
        code: 'window-order',
        message: 'items[0].window.to (2026-12-01) must be later than window.from (2026-12-07)',
      },
    ]);
  });

  it('are refused when a date-time starts after the day that ends the window', () => {
    const item = resourceItem({ available: { from: '2026-12-02T00:00:00+08:00', to: '2026-12-01' } });
    expect(problems('resource', resourceList({ items: [item] })).map((p) => [p.path, p.code])).toEqual([
      ['items[0].available.to', 'window-order'],
    ]);
    // One hour earlier it is a one-hour window ending with the day.
    const ok = resourceItem({ available: { from: '2026-12-01T23:00:00+08:00', to: '2026-12-01' } });
    expect(firstWindow(accepted('resource', resourceList({ items: [ok] }))).to).toBe(
      '2026-12-02T00:00:00+08:00',
    );
  });

  it.each([
    ['an impossible day', '2026-02-30'],
    ['a day without its zero', '2026-12-1'],
    ['a date with slashes', '2026/12/01'],
    ['a date and a time without an offset', '2026-12-01 09:00'],
  ])('are refused as invalid-datetime when they are %s', (_name, from) => {
    const item = resourceItem({ available: { from, to: '2026-12-31' } });
    expect(problems('resource', resourceList({ items: [item] }))).toEqual([
      {
        path: 'items[0].available.from',
        code: 'invalid-datetime',
        message:
          "items[0].available.from must be a date such as 2026-12-01 (a whole day in the alliance's time zone) or an ISO 8601 date-time with a UTC offset, e.g. 2026-11-21T09:00:00+08:00",
      },
    ]);
  });

  it('are refused when the last day ended before the list was sent, in the dates the submitter wrote', () => {
    const item = demandItem({ window: { from: '2026-11-01', to: '2026-11-19' } });
    expect(
      problems('demand', demandList({ submittedAt: '2026-11-21T09:00:00+08:00', items: [item] })),
    ).toEqual([
      {
        path: 'items[0].window.to',
        code: 'window-ended',
        message:
          "items[0].window.to (2026-11-19) is before the list's submittedAt (2026-11-21T09:00:00+08:00): the window has ended",
      },
    ]);
    // The day it is sent still counts: it ends at midnight after.
    const today = demandItem({ window: { from: '2026-11-01', to: '2026-11-21' } });
    expect(
      accepted('demand', demandList({ submittedAt: '2026-11-21T23:59:00+08:00', items: [today] })),
    ).toBeTruthy();
  });

  it('refuses a window of instants that ended before the list was sent, and one ending as it is sent', () => {
    const ended = resourceItem({
      available: { from: '2026-11-01T08:00:00+08:00', to: '2026-11-21T09:00:00+08:00' },
    });
    expect(
      problems('resource', resourceList({ submittedAt: '2026-11-21T09:00:00+08:00', items: [ended] })).map(
        (p) => [p.path, p.code],
      ),
    ).toEqual([['items[0].available.to', 'window-ended']]);
    const open = resourceItem({
      available: { from: '2026-11-01T08:00:00+08:00', to: '2026-11-21T09:00:01+08:00' },
    });
    expect(
      accepted('resource', resourceList({ submittedAt: '2026-11-21T09:00:00+08:00', items: [open] })),
    ).toBeTruthy();
  });

  it('are kept as written when the caller settles them later, order unjudged until then', () => {
    const item = demandItem({ window: { from: '2026-12-07', to: '2026-12-01' } });
    const list = accepted('demand', demandList({ items: [item] }), { settleDatesLater: true });
    expect(firstWindow(list)).toEqual({ from: '2026-12-07', to: '2026-12-01' });
    expect(settleCalendarDates(list, 'Asia/Shanghai')).toEqual([
      {
        path: 'items[0].window.to',
        code: 'window-order',
        message: 'items[0].window.to (2026-12-01) must be later than window.from (2026-12-07)',
      },
    ]);
  });

  it('leave windows of instants alone when settled', () => {
    const available = { from: '2026-12-01T08:00:00+08:00', to: '2026-12-01T18:00:00+08:00' };
    const list = accepted('resource', resourceList({ items: [resourceItem({ available })] }), {
      settleDatesLater: true,
    });
    expect(settleCalendarDates(list, 'UTC')).toEqual([]);
    expect(firstWindow(list)).toEqual(available);
  });

  it('settle only the items that need it and name each by its index', () => {
    const items = [
      resourceItem({
        itemId: 'a',
        available: { from: '2026-12-01T08:00:00+08:00', to: '2026-12-01T07:00:00+08:00' },
      }),
      resourceItem({ itemId: 'b', available: { from: '2026-12-03', to: '2026-12-02' } }),
    ];
    const found = problems('resource', resourceList({ items }));
    expect(found.map((p) => p.path)).toEqual(['items[0].available.to', 'items[1].available.to']);
  });

  it('cover exactly the days from the first to the last, in any zone', () => {
    const zones = fc.constantFrom(
      'Asia/Shanghai',
      'UTC',
      'America/New_York',
      'Europe/Berlin',
      'Asia/Kolkata',
    );
    // After the fixtures' submittedAt (2026-11-21): an earlier window would have ended.
    const day = fc.date({ min: new Date('2026-12-01'), max: new Date('2035-12-31'), noInvalidDate: true });
    fc.assert(
      fc.property(zones, day, fc.integer({ min: 0, max: 400 }), (zone, first, length) => {
        const from = DateTime.fromJSDate(first, { zone: 'UTC' }).toISODate()!;
        const to = DateTime.fromISO(from).plus({ days: length }).toISODate()!;
        const item = resourceItem({ available: { from, to } });
        const window = firstWindow(
          accepted('resource', resourceList({ items: [item] }), { timeZoneFor: () => zone }),
        );
        const start = DateTime.fromISO(window.from, { setZone: true }).setZone(zone);
        const end = DateTime.fromISO(window.to, { setZone: true }).setZone(zone);
        expect(start.toISODate()).toBe(from);
        expect(start.toFormat('HH:mm:ss')).toBe('00:00:00');
        expect(end.toFormat('HH:mm:ss')).toBe('00:00:00');
        expect(end.diff(start, 'days').days).toBe(length + 1);
      }),
      { numRuns: 200 },
    );
  });
});
