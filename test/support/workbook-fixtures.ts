import { DEFAULT_CATEGORIES } from '@redcrowd/contracts';
import { wholeDays } from '@redcrowd/spreadsheets';

export { DEFAULT_CATEGORIES };

/** A window of whole days in the alliance's zone, as a workbook row gives it: 2026-12-01 to 2026-12-31. */
export function wholeDaysOf(
  first: string,
  last: string,
  timeZone = 'Asia/Shanghai',
): { from: string; to: string } {
  const day = (text: string) => {
    const [year, month, date] = text.split('-').map(Number) as [number, number, number];
    return { year, month, day: date };
  };
  return wholeDays(day(first), day(last), timeZone);
}
