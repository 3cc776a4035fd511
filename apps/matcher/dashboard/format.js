// @ts-check

import { getLang, t, unitSuffix } from './i18n.js';

/** Numbers, dates and quantities in the reader's language; bad input shows as a dash. */

/**
 * @param {unknown} value
 * @param {number} [digits]
 */
export function formatNumber(value, digits = 0) {
  if (typeof value !== 'number' || !Number.isFinite(value)) return t('common.none');
  return new Intl.NumberFormat(getLang(), { maximumFractionDigits: digits }).format(value);
}

/** @param {unknown} ratio */
export function formatPercent(ratio) {
  if (typeof ratio !== 'number' || !Number.isFinite(ratio)) return t('common.none');
  return new Intl.NumberFormat(getLang(), { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/**
 * A quantity with its unit of measure ("20人", "20 people"); with `capacity`, also what the
 * resource can give in the same unit ("20人 / 可提供 30人", "20 people of 30 people available").
 * Use it wherever a quantity is shown: a bare number leaves the reader guessing 人 or 份.
 * @param {unknown} quantity
 * @param {string | null | undefined} unit the quantity unit code (people, meals, sqm-days ...)
 * @param {{ capacity?: unknown }} [options] capacity: the resource's quantity, when known
 */
export function formatQuantity(quantity, unit, { capacity } = {}) {
  const shown = `${formatNumber(quantity)}${unitSuffix(unit)}`;
  if (capacity === undefined || capacity === null) return shown;
  return t('quantity.ofCapacity', {
    quantity: shown,
    capacity: `${formatNumber(capacity)}${unitSuffix(unit)}`,
  });
}

/**
 * A sign-in name as people read it: a mainland mobile number in groups of 3, 4 and 4
 * ("138 0013 8000"), anything else as it is.
 * @param {string} login
 */
export function formatLogin(login) {
  const mobile = /^1\d{10}$/.exec(login);
  return mobile ? `${login.slice(0, 3)} ${login.slice(3, 7)} ${login.slice(7)}` : login;
}

/** @typedef {Date | string | number | undefined} DateInput */

/** @param {DateInput} value */
function toDate(value) {
  // new Date(NaN) is as invalid as new Date(undefined), and typed.
  const date = value instanceof Date ? value : new Date(value ?? NaN);
  return Number.isNaN(date.getTime()) ? null : date;
}

/*
 * One way of writing dates everywhere, on the alliance's clocks (ALLIANCE_TIME_ZONE, below):
 * month and day (12月5日, Dec 5), with the year when the date is not in the current year
 * (2027年1月15日, Jan 15, 2027), so that a window crossing a year says so; times on a 24-hour
 * clock. Bad input shows as a dash.
 */

/**
 * @param {Date} date
 * @param {number} now
 */
function inCurrentYear(date, now) {
  const year = (/** @type {Date} */ at) =>
    new Intl.DateTimeFormat('en', { timeZone: ALLIANCE_TIME_ZONE, year: 'numeric' }).format(at);
  return year(date) === year(new Date(now));
}

/**
 * @param {Date} date
 * @param {{ time: boolean, now: number, withYear?: boolean }} options
 */
function writeDate(date, { time, now, withYear = false }) {
  const english = getLang() === 'en';
  return new Intl.DateTimeFormat(getLang(), {
    timeZone: ALLIANCE_TIME_ZONE,
    ...(withYear || !inCurrentYear(date, now) ? { year: 'numeric' } : {}),
    month: english ? 'short' : 'long',
    day: 'numeric',
    ...(time ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
  }).format(date);
}

/**
 * A day: 12月5日 (Dec 5), with its year when not this year (2027年1月15日, Jan 15, 2027).
 * @param {DateInput} value
 * @param {number} [now]
 */
export function formatDay(value, now = Date.now()) {
  const date = toDate(value);
  return date ? writeDate(date, { time: false, now }) : t('common.none');
}

/**
 * A day with its year always (2026年12月6日, Dec 6, 2026), for what is kept on paper.
 * @param {DateInput} value
 */
export function formatFullDay(value) {
  const date = toDate(value);
  return date ? writeDate(date, { time: false, now: Date.now(), withYear: true }) : t('common.none');
}

/**
 * A moment: 12月5日 14:00 (Dec 5, 14:00), with its year when not this year.
 * @param {DateInput} value
 * @param {number} [now]
 */
export function formatDateTime(value, now = Date.now()) {
  const date = toDate(value);
  return date ? writeDate(date, { time: true, now }) : t('common.none');
}

/**
 * A clock time on its own (14:03), for what happened today.
 * @param {DateInput} value
 */
export function formatTime(value) {
  const date = toDate(value);
  if (!date) return t('common.none');
  return new Intl.DateTimeFormat(getLang(), {
    timeZone: ALLIANCE_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
}

/**
 * The days a window [from, to) covers, whatever its clock times: its end is exclusive, so a
 * window ending at midnight ends the day before. 12月5日 至 2027年1月15日; one day reads once.
 * @param {DateInput} from
 * @param {DateInput} to
 * @param {number} [now]
 */
export function formatDayRange(from, to, now = Date.now()) {
  const start = toDate(from);
  const end = toDate(to);
  if (!start || !end) return t('common.none');
  const lastDay = new Date(Math.max(start.getTime(), end.getTime() - 1));
  const first = formatDay(start, now);
  const last = formatDay(lastDay, now);
  return first === last ? first : t('date.range', { from: first, to: last });
}

/**
 * A time window [from, to). Whole days (both ends at midnight, as lists keep availability)
 * read as their days (formatDayRange): 12月5日 至 2027年1月15日. Otherwise with the times,
 * the day said once when both ends fall on it: 12月5日 11:00 至 13:00.
 * @param {DateInput} from
 * @param {DateInput} to
 * @param {number} [now]
 */
export function formatWindow(from, to, now = Date.now()) {
  const start = toDate(from);
  const end = toDate(to);
  if (!start && !end) return t('common.none');
  if (!start || !end)
    return t('date.range', { from: formatDateTime(from, now), to: formatDateTime(to, now) });
  if (isMidnight(start) && isMidnight(end)) return formatDayRange(start, end, now);
  const sameDay = allianceDay(start.toISOString()) === allianceDay(end.toISOString());
  return t('date.range', {
    from: formatDateTime(start, now),
    to: sameDay ? formatTime(end) : formatDateTime(end, now),
  });
}

/**
 * Whether an instant is midnight on the alliance's clocks, where whole-day windows start and end.
 * @param {Date} date
 */
function isMidnight(date) {
  const clock = new Intl.DateTimeFormat('en-GB', {
    timeZone: ALLIANCE_TIME_ZONE,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  });
  return clock.format(date) === '00:00:00';
}

/** @type {readonly [Intl.RelativeTimeFormatUnit, number][]} */
const RELATIVE_STEPS = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/**
 * "in 3 hours", "2 天前": how near a deadline is matters more than its clock time.
 * @param {DateInput} value
 * @param {number} [now]
 */
export function formatRelative(value, now = Date.now()) {
  const date = toDate(value);
  if (!date) return t('common.none');
  const diff = date.getTime() - now;
  const format = new Intl.RelativeTimeFormat(getLang(), { numeric: 'auto' });
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(diff) >= size) return format.format(Math.round(diff / size), unit);
  }
  return format.format(0, 'minute');
}

/**
 * An ISO 8601 date-time with the local UTC offset, as intake requires: a bare local time is
 * ambiguous between Beijing time and UTC (libs/contracts/src/common/is-offset-date-time.ts).
 * @param {Date} date
 */
export function toOffsetDateTime(date) {
  /** @param {number} n */
  const pad = (n) => String(Math.trunc(Math.abs(n))).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}` +
    `T${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}` +
    `${sign}${pad(offset / 60)}:${pad(offset % 60)}`
  );
}

/**
 * A datetime-local input's value ("2026-12-01T11:00", local time) with its offset.
 * @param {string | undefined} value
 */
export function localInputToOffsetDateTime(value) {
  if (!value) return undefined;
  const date = new Date(value);
  // An unparsable value goes to the server as typed, so its validation reports it.
  return Number.isNaN(date.getTime()) ? value : toOffsetDateTime(date);
}

/*
 * Whole days on the alliance's clocks, as lists keep availability: a window [from, to) covers
 * its first day to its last day included. Forms send days as typed (2026-12-01) and intake
 * reads them in the alliance's time zone; stored instants are shown as Beijing days, where the
 * alliances are (+08:00 all year since 1991).
 */
const ALLIANCE_TIME_ZONE = 'Asia/Shanghai';

/**
 * The day an instant falls on, for a date input; `last: true` reads a window's end as its
 * last day included.
 * @param {string | undefined} instant
 * @param {{ last?: boolean }} [options]
 */
export function allianceDay(instant, { last = false } = {}) {
  const at = Date.parse(instant ?? '');
  if (!Number.isFinite(at)) return '';
  // en-CA writes dates as YYYY-MM-DD, the form a date input takes.
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: ALLIANCE_TIME_ZONE,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(last ? at - 1 : at));
}
