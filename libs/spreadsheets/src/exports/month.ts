import { DateTime } from 'luxon';
import { ALLIANCE_TIME_ZONE } from './table';

/** A calendar month of the alliance (a joint meeting's month), as instants on its clocks. */
export interface ReportMonth {
  /** YYYY-MM */
  month: string;
  /** The first instant of the month, local midnight of its first day. */
  from: Date;
  /** The first instant of the next month: the month is [from, to). */
  to: Date;
  /** 2026年11月 */
  label: string;
  /** The first and the last day, for "2026-11-01 至 2026-11-30". */
  firstDay: string;
  lastDay: string;
}

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/**
 * The month named YYYY-MM in the time zone, or undefined when the text names none (2026-13,
 * 2026-1, 26-11). Boundaries are local midnights, so the last evening of a month in
 * Beijing (UTC 16:00 and later) still belongs to it.
 */
export function reportMonth(text: string, timeZone: string = ALLIANCE_TIME_ZONE): ReportMonth | undefined {
  const match = MONTH.exec(text);
  if (!match) return undefined;
  const start = DateTime.fromObject(
    { year: Number(match[1]), month: Number(match[2]), day: 1 },
    { zone: timeZone },
  );
  if (!start.isValid || start.year < 2000 || start.year > 2999) return undefined;
  const next = start.plus({ months: 1 });
  return {
    month: text,
    from: start.toJSDate(),
    to: next.toJSDate(),
    label: `${start.year}年${start.month}月`,
    firstDay: start.toFormat('yyyy-MM-dd'),
    lastDay: next.minus({ days: 1 }).toFormat('yyyy-MM-dd'),
  };
}

/** Today's date on the alliance's clocks, for file names: 2026-11-28. */
export function localToday(now: Date = new Date(), timeZone: string = ALLIANCE_TIME_ZONE): string {
  return DateTime.fromJSDate(now).setZone(timeZone).toFormat('yyyy-MM-dd');
}
