import { Workbook, type Worksheet } from 'exceljs';
import { DateTime } from 'luxon';

/*
 * One table, two files: the same columns and rows become an Excel sheet (number cells,
 * date cells, a frozen header row, widths that fit) or a CSV that Excel on a Chinese Windows
 * opens without garbling (UTF-8 with a byte-order mark). Every export and the monthly report
 * are tables described this way.
 */

/** The alliances' time zone (联盟所在地): days and times in exports are read on its clocks. */
export const ALLIANCE_TIME_ZONE = 'Asia/Shanghai';

/** An instant as the read models hand it over: a Date, or ISO 8601 text from JSON. */
export type Instant = Date | string;

/** An instant shown as a whole day or as a local time, in the export's time zone. */
export interface Moment {
  at: Instant;
  precision: 'day' | 'minute';
}

export const asDay = (at: Instant): Moment => ({ at, precision: 'day' });
export const asTime = (at: Instant): Moment => ({ at, precision: 'minute' });

export type CellValue = string | number | Moment | null | undefined;

export interface Column<Row> {
  /** Chinese words for people, never a code. */
  header: string;
  // A method, not a function property, so a Table<ProjectRow> is also a Table<unknown>.
  value(row: Row): CellValue;
  /** Excel's number format for number cells of the column; whole numbers by default. */
  numberFormat?: string;
  /** False for columns a printed page can do without (long ids); files always have them. */
  printed?: boolean;
}

export interface Table<Row> {
  /** The sheet's name (at most 31 characters, as Excel allows). */
  sheet: string;
  columns: ReadonlyArray<Column<Row>>;
  rows: readonly Row[];
}

export interface ExportOptions {
  /** Where days and times are read; the alliance's time zone by default. */
  timeZone?: string;
}

const WHOLE_NUMBER = '#,##0';
const DAY_FORMAT = { excel: 'yyyy-mm-dd', luxon: 'yyyy-MM-dd' };
const TIME_FORMAT = { excel: 'yyyy-mm-dd hh:mm', luxon: 'yyyy-MM-dd HH:mm' };
const MIN_WIDTH = 6;
const MAX_WIDTH = 48;

/** A workbook of one or more tables, one sheet each, as the bytes of an .xlsx file. */
export async function workbookOf(
  tables: ReadonlyArray<Table<unknown>>,
  options: ExportOptions = {},
): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'redcrowd';
  workbook.created = new Date();
  for (const table of tables) addSheet(workbook, table, options.timeZone ?? ALLIANCE_TIME_ZONE);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** One table as CSV: UTF-8 with a byte-order mark, CRLF line ends, quoted where needed. */
export function csvOf<Row>(table: Table<Row>, options: ExportOptions = {}): Buffer {
  const zone = options.timeZone ?? ALLIANCE_TIME_ZONE;
  const lines = [
    table.columns.map((column) => csvField(column.header)),
    ...table.rows.map((row) => table.columns.map((column) => csvField(textOf(column.value(row), zone)))),
  ].map((fields) => fields.join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

function addSheet<Row>(workbook: Workbook, table: Table<Row>, zone: string): Worksheet {
  const sheet = workbook.addWorksheet(sheetName(table.sheet), {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
  });
  const widths = table.columns.map((column) => displayWidth(column.header));
  const header = sheet.addRow(table.columns.map((column) => column.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle' };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2DEDE' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FFB22222' } } };
  });
  for (const row of table.rows) {
    const values = table.columns.map((column) => column.value(row));
    const added = sheet.addRow(values.map((value) => cellOf(value, zone)));
    values.forEach((value, index) => {
      const cell = added.getCell(index + 1);
      if (typeof value === 'number') cell.numFmt = table.columns[index]!.numberFormat ?? WHOLE_NUMBER;
      else if (isMoment(value)) cell.numFmt = formatOf(value).excel;
      widths[index] = Math.max(widths[index]!, displayWidth(textOf(value, zone)));
    });
  }
  widths.forEach((width, index) => {
    sheet.getColumn(index + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, width + 2));
  });
  if (table.columns.length > 0) {
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  }
  return sheet;
}

function cellOf(value: CellValue, zone: string): string | number | Date | null {
  if (value === null || value === undefined) return null;
  if (isMoment(value)) {
    const local = localTime(value.at, zone);
    const shown = value.precision === 'day' ? local.startOf('day') : local.startOf('minute');
    // Excel keeps a date without a zone; exceljs writes a Date's UTC fields, so the cell
    // gets the local day and time people read on the alliance's clocks.
    return shown.setZone('UTC', { keepLocalTime: true }).toJSDate();
  }
  return value;
}

/** A cell as text, the way CSV and the printable report show it. */
export function textOf(value: CellValue, zone: string = ALLIANCE_TIME_ZONE): string {
  if (value === null || value === undefined) return '';
  if (isMoment(value)) return localTime(value.at, zone).toFormat(formatOf(value).luxon);
  return String(value);
}

export function localTime(at: Instant, zone: string = ALLIANCE_TIME_ZONE): DateTime {
  const instant = at instanceof Date ? DateTime.fromJSDate(at) : DateTime.fromISO(at, { setZone: true });
  if (!instant.isValid) throw new Error(`not an instant: ${String(at)}`);
  return instant.setZone(zone);
}

function isMoment(value: CellValue): value is Moment {
  return typeof value === 'object' && value !== null && 'precision' in value;
}

function formatOf(moment: Moment): { excel: string; luxon: string } {
  return moment.precision === 'day' ? DAY_FORMAT : TIME_FORMAT;
}

/**
 * A CSV field: quoted when it holds a comma, quote or line break. Text that a spreadsheet
 * would run as a formula (=, +, -, @ first) gets a leading apostrophe, so a title typed into
 * a list cannot become a formula on a coordinator's computer.
 */
function csvField(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) && !/^[-+]?\d+(\.\d+)?$/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Excel refuses sheet names longer than 31 characters or with []:*?/\ in them. */
function sheetName(name: string): string {
  return name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}

/** Columns fit their text: a Chinese character takes about two Latin ones' width. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const line of text.split('\n')) {
    let lineWidth = 0;
    for (const character of line) lineWidth += /[\u1100-\uffff]/.test(character) ? 2 : 1;
    width = Math.max(width, lineWidth);
  }
  return width;
}
