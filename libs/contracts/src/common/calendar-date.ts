import { DateTime } from 'luxon';

/** Where an alliance's plain calendar dates fall when its policy names no time zone of its own. */
export const DEFAULT_ALLIANCE_TIME_ZONE = 'Asia/Shanghai';

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day as people write it in lists and spreadsheets, 2026-12-01: no time, no zone. */
export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = CALENDAR_DATE.exec(value);
  return match !== null && DateTime.utc(Number(match[1]), Number(match[2]), Number(match[3])).isValid;
}

/** The instant a calendar day starts in a time zone, as an ISO 8601 date-time with that zone's offset. */
export function dayStart(date: string, timeZone: string): string {
  return iso(DateTime.fromISO(date, { zone: timeZone }).startOf('day'));
}

/**
 * The instant a calendar day ends: the next day's start. A window's last day written as a date
 * counts in full, as people mean "至 12月31日".
 */
export function dayEnd(date: string, timeZone: string): string {
  return iso(DateTime.fromISO(date, { zone: timeZone }).startOf('day').plus({ days: 1 }));
}

function iso(instant: DateTime): string {
  return instant.toISO({ suppressMilliseconds: true })!;
}
