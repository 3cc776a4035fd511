import { Workbook, type DataValidation, type Worksheet } from 'exceljs';
import type { ListKind } from '@redcrowd/contracts';
import { URGENCY_CHOICES, UNIT_CHOICES, categoryChoices } from './choices';
import { EXAMPLE_ITEM_ID, SHEET_NAMES, columnsOf, type ColumnKey } from './columns';
import { UPLOAD_LIMITS } from './file-guard';
import { DEFAULT_LIST_IDS, listInfoFields, type ListInfoKey } from './list-info';

export interface TemplateOptions {
  /** The alliance's category codes, offered in the category drop-down. */
  categories: readonly string[];
  /** The list's own fields filled in for the one who downloads it (alliance, unit, list). */
  info?: Partial<Record<ListInfoKey, string>>;
}

const HEADER_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC00000' } } as const;
const OPTIONAL_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2DCDB' } } as const;
const KEY_FONT = { italic: true, size: 9, color: { argb: 'FF808080' } } as const;
const EXAMPLE_FONT = { italic: true, color: { argb: 'FF808080' } } as const;

/** The example row: what a filled row looks like (the reader skips it, so it may stay). */
const EXAMPLES: Record<ListKind, Partial<Record<ColumnKey, string | number>>> = {
  resource: {
    itemId: EXAMPLE_ITEM_ID,
    category: '教育辅导',
    title: '暑期课业辅导志愿者',
    description: '大学生志愿者每周两次，联系人 王老师',
    quantity: 40,
    unit: '人·时',
    place: '邙岭路街道 014 中心社区',
    lat: 34.6873,
    lng: 112.414,
    serviceRadiusKm: 5,
    from: '2026-07-01',
    to: '2026-08-31',
    tags: '学生、暑期',
  },
  demand: {
    itemId: EXAMPLE_ITEM_ID,
    category: '养老服务',
    title: '独居老人助餐',
    description: '每日午餐送餐上门',
    quantity: 300,
    unit: '份',
    place: '邙岭路街道 014 中心社区',
    lat: 34.6873,
    lng: 112.414,
    from: '2026-12-01',
    to: '2026-12-31',
    urgency: '紧急',
    beneficiaries: 10,
    tags: '老年人',
  },
};

/**
 * The .xlsx a unit or community fills in: the list sheet (Chinese headers with a note each,
 * the field keys in a second row, an example row, drop-downs for category, unit of measure
 * and urgency), the list's own fields, and instructions. Imports read exactly this layout.
 */
export async function listTemplate(kind: ListKind, options: TemplateOptions): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'redcrowd';
  const columns = columnsOf(kind);
  const sheet = workbook.addWorksheet(SHEET_NAMES[kind], { views: [{ state: 'frozen', ySplit: 2 }] });
  const info = workbook.addWorksheet(SHEET_NAMES.info);
  const instructions = workbook.addWorksheet(SHEET_NAMES.instructions);
  const choices = workbook.addWorksheet(SHEET_NAMES.choices, { state: 'hidden' });

  sheet.columns = columns.map((column) => ({ key: column.key, width: column.width + 4 }));
  const header = sheet.getRow(1);
  const keys = sheet.getRow(2);
  columns.forEach((column, index) => {
    const cell = header.getCell(index + 1);
    cell.value = column.required ? `${column.header.zh}*` : column.header.zh;
    cell.font = { bold: true, color: { argb: column.required ? 'FFFFFFFF' : 'FF000000' } };
    cell.fill = column.required ? HEADER_FILL : OPTIONAL_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.note = `${column.note.zh}\n${column.note.en}`;
    const key = keys.getCell(index + 1);
    key.value = column.key;
    key.font = KEY_FONT;
  });
  header.height = 30;
  const example = sheet.getRow(3);
  columns.forEach((column, index) => {
    const value = EXAMPLES[kind][column.key];
    if (value === undefined) return;
    const cell = example.getCell(index + 1);
    cell.value = value;
    cell.font = EXAMPLE_FONT;
  });

  const categories = categoryChoices(options.categories).dropDown();
  const vocabularies: Array<[ColumnKey, string[]]> = [
    ['category', categories],
    ['unit', UNIT_CHOICES.dropDown()],
    ['urgency', URGENCY_CHOICES.dropDown()],
  ];
  vocabularies.forEach(([key, values], index) => {
    const letter = choices.getColumn(index + 1).letter;
    values.forEach((value, row) => (choices.getCell(`${letter}${row + 1}`).value = value));
    const position = columns.findIndex((column) => column.key === key);
    if (position < 0) return;
    const target = sheet.getColumn(position + 1).letter;
    withRangeValidations(sheet).dataValidations.add(`${target}3:${target}${UPLOAD_LIMITS.maxRows + 3}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`'${SHEET_NAMES.choices}'!$${letter}$1:$${letter}$${values.length}`],
      showErrorMessage: true,
      errorStyle: 'warning',
      errorTitle: '请从列表中选择',
      error: `可选：${values.join('、')}`,
    });
  });

  fillInfo(info, kind, options.info ?? {});
  fillInstructions(instructions, kind);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * exceljs writes a validation for a whole range (one sqref) when it is added under the range's
 * address, but its typings only declare per-cell validations; a range keeps the file small.
 */
function withRangeValidations(sheet: Worksheet): Worksheet & {
  dataValidations: { add(range: string, validation: DataValidation): void };
} {
  return sheet as Worksheet & { dataValidations: { add(range: string, validation: DataValidation): void } };
}

function fillInfo(sheet: Worksheet, kind: ListKind, values: Partial<Record<ListInfoKey, string>>): void {
  sheet.columns = [{ width: 14 }, { width: 28 }, { width: 48 }];
  sheet.addRow(['项目 Field', '填写 Value', '说明 Note']).font = { bold: true };
  for (const field of listInfoFields(kind)) {
    const value = values[field.key] ?? (field.key === 'listId' ? DEFAULT_LIST_IDS[kind] : '');
    sheet.addRow([field.label.zh, value, `${field.note.zh} / ${field.note.en}`]);
  }
}

function fillInstructions(sheet: Worksheet, kind: ListKind): void {
  const listName = SHEET_NAMES[kind];
  sheet.columns = [{ width: 18 }, { width: 8 }, { width: 60 }, { width: 60 }];
  const lines = [
    `${listName}填写说明`,
    `1. 在「${listName}」工作表中每行填写一条；第 2 行是字段代码，请勿修改；第 3 行为示例（编号为“${EXAMPLE_ITEM_ID}”的行导入时自动跳过，可删除）。`,
    '2. 带 * 的列必填。服务类别、单位、紧急程度请从下拉列表选择。',
    '3. 日期可写成 2026-12-01、2026/12/1 或 2026年12月1日，按联盟所在时区整天计算（截止日期当天包含在内）。',
    '4. 地点：填写联盟地名库中的社区、小区或楼栋名称（也可写其别名；全角半角、空格不限），导入时自动取其经纬度和地址；名称有误时会提示最接近的名称。不在地名库中的地点请填写经纬度（或请协调员加入地名库）。',
    `5. 在「${SHEET_NAMES.info}」中填写联盟编号、单位（提交方）编号与名称。同一份清单修订时保持清单编号和各条编号不变。`,
    `6. 整份文件一次导入：全部正确才会保存；有问题时会返回标出问题单元格的副本，改正后重新上传即可。`,
    `7. 文件不超过 ${UPLOAD_LIMITS.maxFileBytes / 1024 / 1024} MB、${UPLOAD_LIMITS.maxRows} 行；不接收含宏 (.xlsm) 或加密的文件。也可上传 CSV（UTF-8 或 GB18030 编码）。`,
    '',
    'Fill one item per row of the list sheet; row 2 holds the field keys; the example row is skipped. Columns with * are required. A place may be named from the alliance gazetteer (its coordinates are taken) or given as latitude and longitude. Dates: 2026-12-01, 2026/12/1 or 2026年12月1日, whole days in the alliance time zone (last day included). A workbook is imported whole or not at all; a refused one comes back with its problems marked.',
    '',
  ];
  for (const line of lines) sheet.addRow([line]);
  sheet.getRow(1).font = { bold: true, size: 14 };
  sheet.addRow(['列 Column', '必填', '说明', 'Note']).font = { bold: true };
  for (const column of columnsOf(kind)) {
    sheet.addRow([column.header.zh, column.required ? '是' : '', column.note.zh, column.note.en]);
  }
}
