import { DateTime } from 'luxon';

/*
 * What people type into the cells of an Excel list, read as the contracts need it. Real
 * sheets are messy: numbers stored as text, full-width digits from a Chinese input method,
 * thousands separators, dates as date cells or typed as 2022-08-01, 2022/8/1 or 2022年8月1日.
 * Each reader answers a value or the problem with it, in words a sheet's author understands.
 */

/** What is wrong with a cell, in both languages of the alliance's papers. */
export interface Words {
  zh: string;
  en: string;
}

export type CellReading<T> = { value: T } | { problem: Words };

const NOT_A_NUMBER: Words = { zh: '不是数字', en: 'not a number' };

/** A cell's content as exceljs gives it: text, number, date, a rich text, a formula's result, or empty. */
export type CellContent = string | number | boolean | Date | null | undefined | { [key: string]: unknown };

/** Full-width digits and punctuation (０-９, ／, －) as their ASCII forms; spaces trimmed. */
export function halfWidth(text: string): string {
  return text.normalize('NFKC').trim();
}

/** The text of a cell: rich text joined, a formula's cached result, numbers as written. */
export function cellText(content: CellContent): string {
  if (content === null || content === undefined) return '';
  if (content instanceof Date) return content.toISOString();
  if (typeof content === 'object') {
    if (Array.isArray(content.richText)) {
      return (content.richText as Array<{ text?: unknown }>)
        .map((run) => String(run.text ?? ''))
        .join('')
        .trim();
    }
    if ('result' in content) return cellText(content.result as CellContent);
    if (typeof content.text === 'string') return content.text.trim();
    return '';
  }
  return String(content).trim();
}

/** The error a cell shows (#REF!, #DIV/0!), itself or as its formula's result; exceljs hands both over. */
export function cellError(content: CellContent): string | undefined {
  if (content === null || typeof content !== 'object' || content instanceof Date) return undefined;
  if ('error' in content && content.error !== undefined) return String(content.error);
  if ('result' in content) return cellError(content.result as CellContent);
  return undefined;
}

/** Whether a cell holds nothing worth reading (trailing blank rows are full of these). */
export function isBlank(content: CellContent): boolean {
  return cellText(content) === '';
}

/** A whole number: a number cell, or text such as "1,200", "１２００" or " 30 ". */
export function readWholeNumber(content: CellContent): CellReading<number> {
  const number = numberOf(content);
  if (number === undefined) return { problem: NOT_A_NUMBER };
  if (!Number.isInteger(number)) {
    return {
      problem: {
        zh: '须为整数（小数请改用更小的单位，如“人·时”）',
        en: 'a whole number is needed (use a finer unit for fractions)',
      },
    };
  }
  return { value: number };
}

/** A decimal number (coordinates, kilometres), from a number cell or numeric text. */
export function readDecimal(content: CellContent): CellReading<number> {
  const number = numberOf(content);
  return number === undefined ? { problem: NOT_A_NUMBER } : { value: number };
}

function numberOf(content: CellContent): number | undefined {
  if (typeof content === 'number') return Number.isFinite(content) ? content : undefined;
  if (content && typeof content === 'object' && !(content instanceof Date) && 'result' in content) {
    return numberOf(content.result as CellContent);
  }
  const text = halfWidth(cellText(content)).replace(/(\d),(?=\d{3}\b)/g, '$1');
  if (!/^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return undefined;
  return Number(text);
}

export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const TYPED_DAY = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/, // 2022-08-01
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/, // 2022/8/1
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/, // 2022.8.1
  /^(\d{4})年(\d{1,2})月(\d{1,2})日$/, // 2022年8月1日
];

/**
 * A calendar day: a date cell, or a date typed as text. Excel keeps a date cell as a day
 * without a zone; exceljs hands it over as that day's midnight in UTC, so its UTC fields are
 * the day the author saw.
 */
export function readDay(content: CellContent): CellReading<CalendarDay> {
  if (content instanceof Date) {
    if (Number.isNaN(content.getTime())) return { problem: { zh: '不是日期', en: 'not a date' } };
    return {
      value: { year: content.getUTCFullYear(), month: content.getUTCMonth() + 1, day: content.getUTCDate() },
    };
  }
  if (content && typeof content === 'object' && 'result' in content)
    return readDay(content.result as CellContent);
  const text = halfWidth(cellText(content)).replace(/\s+/g, '');
  for (const pattern of TYPED_DAY) {
    const match = pattern.exec(text);
    if (!match) continue;
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (!DateTime.utc(year, month, day).isValid) {
      return { problem: { zh: `没有 ${text} 这一天`, en: `there is no day ${text}` } };
    }
    return { value: { year, month, day } };
  }
  return {
    problem: {
      zh: '不是日期（请写成 2022-08-01、2022/8/1 或 2022年8月1日，或使用日期单元格）',
      en: 'not a date (write it as 2022-08-01, 2022/8/1 or 2022年8月1日, or use a date cell)',
    },
  };
}

/** A calendar day as the list contracts take it, 2026-12-01: a whole day of the alliance's time zone. */
export function isoDay({ year, month, day }: CalendarDay): string {
  const pad = (value: number, width: number) => String(value).padStart(width, '0');
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}
