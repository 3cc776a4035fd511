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
 * @param {unknown} quantity
 * @param {string | null | undefined} unit
 */
export function formatQuantity(quantity, unit) {
  return `${formatNumber(quantity)}${unitSuffix(unit)}`;
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

// A 24-hour clock reads the same in Chinese and English; bad input shows as a dash.
/**
 * @param {DateInput} value
 * @param {Intl.DateTimeFormatOptions} options
 */
function formatDate(value, options) {
  const date = toDate(value);
  if (!date) return t('common.none');
  return new Intl.DateTimeFormat(getLang(), { ...options, hour12: false }).format(date);
}

/** @param {DateInput} value */
export function formatDateTime(value) {
  return formatDate(value, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** @param {DateInput} value */
export function formatShortDateTime(value) {
  return formatDate(value, { month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
}

/** @param {DateInput} value */
export function formatTime(value) {
  return formatDate(value, { hour: '2-digit', minute: '2-digit' });
}

/**
 * @param {DateInput} from
 * @param {DateInput} to
 */
export function formatWindow(from, to) {
  if (!from && !to) return t('common.none');
  return `${formatShortDateTime(from)} – ${formatShortDateTime(to)}`;
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
