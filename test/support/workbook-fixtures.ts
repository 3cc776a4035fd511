import { DateTime } from 'luxon';
import { DEFAULT_CATEGORIES, dayEnd, dayStart } from '@redcrowd/contracts';

export { DEFAULT_CATEGORIES };

/** A window of whole days in the alliance's zone, as a workbook row gives it: 2026-12-01 to 2026-12-31. */
export function wholeDaysOf(
  first: string,
  last: string,
  timeZone = 'Asia/Shanghai',
): { from: string; to: string } {
  return { from: dayStart(first, timeZone), to: dayEnd(last, timeZone) };
}

/**
 * Days counted from today in the alliance's zone (YYYY-MM-DD), for lists sent now: a window
 * that ended before its list was sent is refused (window-ended), so fixed dates would expire.
 */
export function daysFromToday(
  first: number,
  last: number,
  timeZone = 'Asia/Shanghai',
): { from: string; to: string; day: (offset: number) => DateTime } {
  const today = DateTime.now().setZone(timeZone).startOf('day');
  const day = (offset: number) => today.plus({ days: offset });
  return { from: day(first).toISODate()!, to: day(last).toISODate()!, day };
}
