import { Readable } from 'node:stream';
import { Workbook, type Worksheet } from 'exceljs';
import type { ListKind } from '@redcrowd/contracts';
import {
  cellText,
  halfWidth,
  isBlank,
  readDay,
  readDecimal,
  readWholeNumber,
  cellError,
  isoDay,
  type CalendarDay,
  type CellContent,
  type Words,
} from '../cells';
import { URGENCY_CHOICES, UNIT_CHOICES, categoryChoices, type Choices } from './choices';
import {
  EXAMPLE_ITEM_ID,
  SHEET_NAMES,
  columnsOf,
  findColumn,
  type ColumnKey,
  type ListColumn,
} from './columns';
import { UPLOAD_LIMITS, type UploadFormat } from './file-guard';
import { DEFAULT_LIST_IDS, listInfoFields, submitterKindOf, type ListInfoKey } from './list-info';
import { NO_GAZETTEER, type PlaceFinder } from './places';
import { problemAt, type CellLocation, type WorkbookProblem } from './workbook-problem';
import { decodeText } from './text-encoding';

/** What the reader needs to know about the alliance and the upload besides the file. */
export interface ListReadingContext {
  kind: ListKind;
  /** Category codes the alliance accepts (the defaults and its own). */
  categories: readonly string[];
  /** Values for the list's own fields that the sheet leaves blank (or a CSV cannot hold). */
  defaults?: Partial<Record<ListInfoKey, string>>;
  places?: PlaceFinder;
  /** When the list is submitted; defaults to now. */
  submittedAt?: Date;
}

/**
 * A file read as a list document. `document` is what the JSON contracts take (judged next
 * by the same parser as Kafka and HTTP lists); `problems` are what the cells themselves got
 * wrong. `locate` places a list validation path (items[3].quantity) back on the sheet.
 */
export interface ListReading {
  document: Record<string, unknown>;
  problems: WorkbookProblem[];
  /** The revision was left blank: intake picks the next one (or the same, if nothing changed). */
  revisionAutomatic: boolean;
  itemCount: number;
  locate(path: string): CellLocation | undefined;
  /** The workbook as read (a CSV becomes one sheet), for marking problems on a copy. */
  workbook: Workbook;
}

export type ListFileReading = { ok: true; reading: ListReading } | { ok: false; problems: WorkbookProblem[] };

export async function readListFile(
  bytes: Buffer,
  format: UploadFormat,
  context: ListReadingContext,
): Promise<ListFileReading> {
  const workbook = new Workbook();
  try {
    if (format === 'xlsx') {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } else {
      await workbook.csv.read(Readable.from([decodeText(bytes)]), {
        sheetName: SHEET_NAMES[context.kind],
        // Cells stay text: the readers below know what Chinese sheets write, fast-csv's guesses do not.
        map: (datum: string) => (datum === '' ? null : datum),
      } as never);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [
        problemAt(undefined, 'unreadable-workbook', {
          zh: `文件无法读取（${reason}）；请在 Excel 中重新保存后再试`,
          en: `the file could not be read (${reason}); save it again in Excel and retry`,
        }),
      ],
    };
  }
  return new ListSheetReader(workbook, context).read();
}

interface ItemRow {
  rowNumber: number;
  cells: Map<ColumnKey, CellContent>;
}

/** Reads one workbook; one instance per upload. */
class ListSheetReader {
  private readonly columns: readonly ListColumn[];
  private readonly problems: WorkbookProblem[] = [];
  private readonly categories: Choices;
  private readonly places: PlaceFinder;
  private sheet!: Worksheet;
  private readonly letters = new Map<ColumnKey, string>();
  private readonly itemRows: number[] = [];
  private readonly infoCells = new Map<ListInfoKey, CellLocation>();

  constructor(
    private readonly workbook: Workbook,
    private readonly context: ListReadingContext,
  ) {
    this.columns = columnsOf(context.kind);
    this.categories = categoryChoices(context.categories);
    this.places = context.places ?? NO_GAZETTEER;
  }

  read(): ListFileReading {
    const sheet = this.findListSheet();
    if (!sheet) {
      return {
        ok: false,
        problems: [
          problemAt(undefined, 'no-list-sheet', {
            zh: `找不到清单工作表：请使用名为「${SHEET_NAMES[this.context.kind]}」的工作表，首行为列标题（可下载模板）`,
            en: `no list sheet: name it ${SHEET_NAMES[this.context.kind]} with the column headers in its first row (download the template)`,
          }),
        ],
      };
    }
    this.sheet = sheet.sheet;
    const missing = this.columns.filter((column) => column.required && !sheet.columns.has(column.key));
    if (missing.length > 0) {
      return {
        ok: false,
        problems: missing.map((column) =>
          problemAt(
            { sheet: this.sheet.name, row: sheet.headerRow, columnName: column.header },
            'missing-column',
            {
              zh: `缺少必需的列「${column.header.zh}」`,
              en: `the required column "${column.header.zh}" (${column.header.en}) is missing`,
            },
          ),
        ),
      };
    }
    for (const [key, index] of sheet.columns) this.letters.set(key, this.sheet.getColumn(index).letter);

    const rows = this.itemRowsOf(sheet.headerRow, sheet.columns);
    if (rows.length > UPLOAD_LIMITS.maxRows) {
      return {
        ok: false,
        problems: [
          problemAt({ sheet: this.sheet.name }, 'too-many-rows', {
            zh: `清单有 ${rows.length} 行，超过上限 ${UPLOAD_LIMITS.maxRows} 行；请拆分为多份清单`,
            en: `the list has ${rows.length} rows; at most ${UPLOAD_LIMITS.maxRows} are accepted (split it into several lists)`,
          }),
        ],
      };
    }
    const items = rows.map((row) => this.itemOf(row));
    const info = this.readInfo();
    const document: Record<string, unknown> = {
      listId: info.listId || DEFAULT_LIST_IDS[this.context.kind],
      allianceId: info.allianceId,
      submittedAt: (this.context.submittedAt ?? new Date()).toISOString(),
      items,
    };
    const revision = this.revisionOf(info.revision);
    if (revision !== undefined) document.revision = revision;
    const submitter = { id: info.submitterId, name: info.submitterName };
    if (this.context.kind === 'resource') document.unit = submitter;
    else
      document.submitter = {
        kind: submitterKindOf(info.submitterKind ?? '') ?? info.submitterKind,
        ...submitter,
      };

    return {
      ok: true,
      reading: {
        document: withoutUndefined(document),
        problems: this.problems,
        revisionAutomatic: revision === undefined && !this.problems.some((p) => p.path === 'revision'),
        itemCount: items.length,
        locate: (path) => this.locate(path),
        workbook: this.workbook,
      },
    };
  }

  /** The list sheet by name, else the first sheet whose header row names required columns. */
  private findListSheet():
    { sheet: Worksheet; headerRow: number; columns: Map<ColumnKey, number> } | undefined {
    const named = this.workbook.getWorksheet(SHEET_NAMES[this.context.kind]);
    const candidates = named ? [named] : this.workbook.worksheets;
    for (const sheet of candidates) {
      // Titles or notes may sit above the header; it is within the first rows.
      for (let rowNumber = 1; rowNumber <= Math.min(10, sheet.rowCount); rowNumber++) {
        const columns = new Map<ColumnKey, number>();
        sheet.getRow(rowNumber).eachCell((cell, index) => {
          const column = findColumn(this.columns, cellText(cell.value as CellContent));
          if (column && !columns.has(column.key)) columns.set(column.key, index);
        });
        const requiredFound = this.columns.filter((c) => c.required && columns.has(c.key)).length;
        if (requiredFound >= 3) return { sheet, headerRow: rowNumber, columns };
      }
    }
    return undefined;
  }

  private itemRowsOf(headerRow: number, columns: Map<ColumnKey, number>): ItemRow[] {
    const rows: ItemRow[] = [];
    this.sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber <= headerRow) return;
      const cells = new Map<ColumnKey, CellContent>();
      for (const [key, index] of columns) cells.set(key, row.getCell(index).value as CellContent);
      if ([...cells.values()].every((content) => isBlank(content))) return;
      // The template's second header row (field keys) and its example row are not items.
      if ([...columns].every(([key, index]) => headerOrBlank(row.getCell(index).value as CellContent, key)))
        return;
      if (halfWidth(cellText(cells.get('itemId'))) === EXAMPLE_ITEM_ID) return;
      rows.push({ rowNumber, cells });
    });
    return rows;
  }

  private itemOf(row: ItemRow): Record<string, unknown> {
    this.itemRows.push(row.rowNumber);
    const read = <T>(key: ColumnKey, reader: (content: CellContent) => { value: T } | { problem: Words }) =>
      this.readCell(row, key, reader);
    const text = (key: ColumnKey) => read(key, (content) => ({ value: cellText(content) }));

    const item: Record<string, unknown> = {
      itemId: text('itemId') || `r${row.rowNumber}`,
      category: read('category', (content) => this.choose(content, this.categories, '服务类别', 'category')),
      title: text('title'),
      description: text('description'),
      quantity: read('quantity', readWholeNumber),
      unit: read('unit', (content) => this.choose(content, UNIT_CHOICES, '单位', 'unit of measure')),
      location: this.locationOf(row),
      tags: read('tags', (content) => ({ value: tagsOf(cellText(content)) })),
    };
    const window = this.windowOf(row);
    if (this.context.kind === 'resource') {
      item.serviceRadiusKm = read('serviceRadiusKm', readDecimal);
      item.available = window;
    } else {
      item.window = window;
      item.urgency =
        read('urgency', (content) => this.choose(content, URGENCY_CHOICES, '紧急程度', 'urgency')) ??
        'routine';
      item.beneficiaries = read('beneficiaries', readWholeNumber);
    }
    return withoutUndefined(item);
  }

  /** A cell's value, or undefined when blank or wrong (a wrong cell is reported here). */
  private readCell<T>(
    row: ItemRow,
    key: ColumnKey,
    reader: (content: CellContent) => { value: T } | { problem: Words },
  ): T | undefined {
    const content = row.cells.get(key);
    // An error shows no text, so it is looked for before the cell counts as blank.
    const error = content === undefined ? undefined : cellError(content);
    if (error !== undefined) {
      this.problems.push(
        problemAt(this.cellAt(row.rowNumber, key), 'invalid-cell', {
          zh: `单元格显示错误值 ${error}`,
          en: `the cell shows the error ${error}`,
        }),
      );
      return undefined;
    }
    if (content === undefined || isBlank(content)) {
      if (isFormulaWithoutValue(content)) {
        this.problems.push(
          problemAt(this.cellAt(row.rowNumber, key), 'formula-without-value', {
            zh: '公式没有计算结果；请在 Excel 中打开并保存后再上传（或改为数值）',
            en: 'the formula has no computed value; open and save the file in Excel, or type the value',
          }),
        );
      }
      return undefined;
    }
    const reading = reader(content);
    if ('value' in reading) return reading.value;
    this.problems.push(problemAt(this.cellAt(row.rowNumber, key), 'invalid-cell', reading.problem));
    return undefined;
  }

  private choose(
    content: CellContent,
    choices: Choices,
    zhName: string,
    enName: string,
  ): { value: string } | { problem: Words } {
    const text = cellText(content);
    const code = choices.codeOf(text);
    if (code) return { value: code };
    const offered = choices.dropDown();
    return {
      problem: {
        zh: `「${text}」不是可选的${zhName}；可选：${offered.join('、')}`,
        en: `"${text}" is not a ${enName} this list accepts; choose one of: ${offered.join(', ')}`,
      },
    };
  }

  private locationOf(row: ItemRow): Record<string, unknown> | undefined {
    const place = this.readCell(row, 'place', (content) => ({ value: cellText(content) }));
    const lat = this.readCell(row, 'lat', readDecimal);
    const lng = this.readCell(row, 'lng', readDecimal);
    const latBlank = isBlank(row.cells.get('lat'));
    const lngBlank = isBlank(row.cells.get('lng'));
    if (!latBlank || !lngBlank) {
      // Coordinates given (one of them may be wrong or missing: validation names it).
      return withoutUndefined({ lat, lng, address: place });
    }
    if (!place) {
      this.problems.push(
        problemAt(this.cellAt(row.rowNumber, 'place'), 'missing-place', {
          zh: '请填写地点（联盟地名库中的社区、小区或楼栋），或填写经纬度',
          en: "give a place (a community, compound or building of the alliance's gazetteer) or its coordinates",
        }),
      );
      return undefined;
    }
    const found = this.places.find(place);
    if ('place' in found) {
      return withoutUndefined({
        lat: found.place.lat,
        lng: found.place.lng,
        address: found.place.address ?? found.place.name,
      });
    }
    const closest = found.suggestions.slice(0, 3);
    this.problems.push(
      problemAt(this.cellAt(row.rowNumber, 'place'), 'unknown-place', {
        zh: `地名库中没有「${place}」${closest.length > 0 ? `；是否指：${closest.join('、')}` : '；请填写经纬度，或请协调员将其加入地名库'}`,
        en: `"${place}" is not in the alliance's gazetteer${closest.length > 0 ? `; did you mean ${closest.join(', ')}` : '; give its coordinates, or ask a coordinator to add it'}`,
      }),
    );
    return undefined;
  }

  private windowOf(row: ItemRow): Record<string, string> | undefined {
    const first = this.readCell(row, 'from', readDay);
    const last = this.readCell(row, 'to', readDay);
    if (!first && !last)
      return isBlank(row.cells.get('from')) && isBlank(row.cells.get('to')) ? undefined : {};
    if (first && last && dayNumber(last) < dayNumber(first)) {
      // Intake would refuse the inverted window by its field path; say it in the sheet's words.
      this.problems.push(
        problemAt(this.cellAt(row.rowNumber, 'to'), 'window-order', {
          zh: '截止日期早于开始日期',
          en: 'the last day is before the first day',
        }),
      );
    }
    // Calendar dates, as the contracts take them: intake reads them as whole days of the
    // alliance's own time zone (its policy), the last day included, as it does for JSON lists.
    const window: Record<string, string> = {};
    if (first) window.from = isoDay(first);
    if (last) window.to = isoDay(last);
    return window;
  }

  /** The list's own fields: the info sheet's values, then the upload's defaults. */
  private readInfo(): Partial<Record<ListInfoKey, string>> {
    const values: Partial<Record<ListInfoKey, string>> = {};
    const sheet = this.workbook.getWorksheet(SHEET_NAMES.info);
    const fields = listInfoFields(this.context.kind);
    if (sheet) {
      sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
        const label = halfWidth(cellText(row.getCell(1).value as CellContent));
        const field = fields.find((f) => [f.label.zh, f.label.en, f.key].includes(label));
        if (!field) return;
        this.infoCells.set(field.key, {
          sheet: sheet.name,
          row: rowNumber,
          column: 'B',
          columnName: field.label,
        });
        const value = cellText(row.getCell(2).value as CellContent);
        if (value) values[field.key] = halfWidth(value);
      });
    }
    for (const field of fields) {
      const fallback = this.context.defaults?.[field.key];
      if (!values[field.key] && fallback) values[field.key] = fallback;
      if (!values[field.key] && field.key !== 'revision' && field.key !== 'listId') {
        this.problems.push(
          problemAt(
            this.infoCells.get(field.key) ?? { sheet: SHEET_NAMES.info, columnName: field.label },
            'missing-info',
            {
              zh: `「${SHEET_NAMES.info}」缺少「${field.label.zh}」`,
              en: `${field.label.en} is missing (sheet ${SHEET_NAMES.info})`,
            },
            infoPath(this.context.kind, field.key),
          ),
        );
      }
    }
    return values;
  }

  private revisionOf(text: string | undefined): number | undefined {
    if (!text) return undefined;
    const reading = readWholeNumber(text);
    if ('value' in reading) return reading.value;
    this.problems.push(
      problemAt(
        this.infoCells.get('revision') ?? { sheet: SHEET_NAMES.info },
        'invalid-cell',
        reading.problem,
        'revision',
      ),
    );
    return undefined;
  }

  private cellAt(rowNumber: number, key: ColumnKey): CellLocation {
    const column = this.columns.find((c) => c.key === key)!;
    return {
      sheet: this.sheet.name,
      row: rowNumber,
      column: this.letters.get(key),
      columnName: column.header,
    };
  }

  /** Places a list validation path on the sheet: an item's field, or a list field on the info sheet. */
  private locate(path: string): CellLocation | undefined {
    const item = /^items\[(\d+)\](?:\.(.+))?$/.exec(path);
    if (item) {
      const rowNumber = this.itemRows[Number(item[1])];
      if (rowNumber === undefined) return { sheet: this.sheet.name };
      const key = columnOfField(item[2] ?? '');
      return key ? this.cellAt(rowNumber, key) : { sheet: this.sheet.name, row: rowNumber };
    }
    if (path === 'items') return { sheet: this.sheet.name };
    const infoKey = infoKeyOfPath(path);
    if (infoKey)
      return (
        this.infoCells.get(infoKey) ?? {
          sheet: SHEET_NAMES.info,
          columnName: listInfoFields(this.context.kind).find((f) => f.key === infoKey)?.label,
        }
      );
    return undefined;
  }
}

/** Which column an item field path (location.lat, window.to, tags[2]) was read from. */
function columnOfField(field: string): ColumnKey | undefined {
  const head = field.replace(/\[\d+\]$/, '');
  const byPath: Record<string, ColumnKey> = {
    itemId: 'itemId',
    category: 'category',
    title: 'title',
    description: 'description',
    quantity: 'quantity',
    unit: 'unit',
    location: 'place',
    'location.address': 'place',
    'location.lat': 'lat',
    'location.lng': 'lng',
    serviceRadiusKm: 'serviceRadiusKm',
    available: 'from',
    'available.from': 'from',
    'available.to': 'to',
    window: 'from',
    'window.from': 'from',
    'window.to': 'to',
    urgency: 'urgency',
    beneficiaries: 'beneficiaries',
    tags: 'tags',
  };
  return byPath[head];
}

function infoKeyOfPath(path: string): ListInfoKey | undefined {
  const byPath: Record<string, ListInfoKey> = {
    listId: 'listId',
    revision: 'revision',
    allianceId: 'allianceId',
    'unit.id': 'submitterId',
    'unit.name': 'submitterName',
    unit: 'submitterId',
    'submitter.id': 'submitterId',
    'submitter.name': 'submitterName',
    'submitter.kind': 'submitterKind',
    submitter: 'submitterId',
  };
  return byPath[path];
}

function infoPath(kind: ListKind, key: ListInfoKey): string {
  const who = kind === 'resource' ? 'unit' : 'submitter';
  const paths: Record<ListInfoKey, string> = {
    allianceId: 'allianceId',
    submitterKind: `${who}.kind`,
    submitterId: `${who}.id`,
    submitterName: `${who}.name`,
    listId: 'listId',
    revision: 'revision',
  };
  return paths[key];
}

function tagsOf(text: string): string[] | undefined {
  const tags = text
    .split(/[,，、;；\n]+/)
    .map((tag) => tag.trim())
    .filter(Boolean);
  return tags.length > 0 ? tags : undefined;
}

function headerOrBlank(content: CellContent, key: ColumnKey): boolean {
  const text = cellText(content);
  return text === '' || text === key;
}

function isFormulaWithoutValue(content: CellContent): boolean {
  return (
    typeof content === 'object' &&
    content !== null &&
    !(content instanceof Date) &&
    ('formula' in content || 'sharedFormula' in content) &&
    (content.result === undefined || content.result === null)
  );
}

function dayNumber(day: CalendarDay): number {
  return Date.UTC(day.year, day.month - 1, day.day);
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== undefined && value !== ''),
  );
}
