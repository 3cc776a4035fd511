import type { ListKind } from '@redcrowd/contracts';
import type { Words } from '../cells';

/** What one column of a list sheet holds; the reader and the template both follow this model. */
export type ColumnKey =
  | 'itemId'
  | 'category'
  | 'title'
  | 'description'
  | 'quantity'
  | 'unit'
  | 'place'
  | 'lat'
  | 'lng'
  | 'serviceRadiusKm'
  | 'from'
  | 'to'
  | 'urgency'
  | 'beneficiaries'
  | 'tags';

export interface ListColumn {
  key: ColumnKey;
  /** The header people see (zh) and its English words, for problems and the instructions. */
  header: Words;
  /** Must the column be on the sheet? (A required column may still allow a blank cell, see note.) */
  required: boolean;
  /** How to fill it in, for the template's header note and the instructions sheet. */
  note: Words;
  /** Column width in the template, in characters. */
  width: number;
}

const column = (
  key: ColumnKey,
  zh: string,
  en: string,
  required: boolean,
  width: number,
  note: Words,
): ListColumn => ({ key, header: { zh, en }, required, note, width });

const ITEM_ID = column('itemId', '编号', 'Item id', false, 10, {
  zh: '本清单内不重复的编号，如 R001。修订清单时保持不变，已在实施的条目才能保留；留空则按行号编号。',
  en: 'Unique within the list, e.g. R001. Keep it across revisions so items in progress are kept; blank: numbered by row.',
});
const CATEGORY = column('category', '服务类别', 'Category', true, 12, {
  zh: '从下拉列表选择，如 养老服务。',
  en: 'Pick from the list, e.g. 养老服务 (elderly care).',
});
const TITLE = column('title', '名称', 'Title', true, 24, {
  zh: '一句话说明，如 “暑期托管志愿者”。',
  en: 'One line, e.g. summer childcare volunteers.',
});
const DESCRIPTION = column('description', '说明', 'Description', false, 30, {
  zh: '可选：具体内容、联系人等。',
  en: 'Optional: details, contact person.',
});
const QUANTITY = column('quantity', '数量', 'Quantity', true, 8, {
  zh: '正整数；小数请改用更小的单位（如 人·时）。',
  en: 'A whole number above 0; use a finer unit for fractions.',
});
const UNIT = column('unit', '单位', 'Unit of measure', true, 10, {
  zh: '从下拉列表选择，如 人·时、份、平方米·天。',
  en: 'Pick from the list, e.g. 人·时 (person-hours).',
});
const PLACE = column('place', '地点', 'Place', false, 24, {
  zh: '联盟地名库中的社区、小区或楼栋名称；填写经纬度时作为地址显示。',
  en: "A community, compound or building of the alliance's gazetteer; with coordinates, shown as the address.",
});
const LAT = column('lat', '纬度', 'Latitude', false, 10, {
  zh: '可选：WGS 84 纬度，如 34.6873。地点不在地名库时必填。',
  en: 'Optional: WGS 84 latitude, e.g. 34.6873; needed when the place is not in the gazetteer.',
});
const LNG = column('lng', '经度', 'Longitude', false, 10, {
  zh: '可选：WGS 84 经度，如 112.4140。',
  en: 'Optional: WGS 84 longitude, e.g. 112.4140.',
});
const RADIUS = column('serviceRadiusKm', '服务半径(公里)', 'Service radius (km)', true, 12, {
  zh: '愿意服务的范围，公里数。',
  en: 'How far from the place the unit will serve, km.',
});
const FROM = (zh: string, en: string): ListColumn =>
  column('from', zh, en, true, 12, {
    zh: '日期，如 2026-12-01、2026/12/1 或 2026年12月1日。',
    en: 'A date: 2026-12-01, 2026/12/1 or 2026年12月1日.',
  });
const TO = (zh: string, en: string): ListColumn =>
  column('to', zh, en, true, 12, {
    zh: '日期（含当天），不早于开始日期。',
    en: 'A date (that day included), not before the first day.',
  });
const URGENCY = column('urgency', '紧急程度', 'Urgency', false, 10, {
  zh: '常规、紧急或特急；留空为常规。',
  en: 'Routine, urgent or critical; blank: routine.',
});
const BENEFICIARIES = column('beneficiaries', '受益人数', 'Beneficiaries', false, 10, {
  zh: '可选：受益居民人数。',
  en: 'Optional: how many residents benefit.',
});
const TAGS = column('tags', '标签', 'Tags', false, 16, {
  zh: '可选：用逗号或顿号分隔，如 老年人、周末。',
  en: 'Optional: separated by commas, e.g. 老年人、周末.',
});

/** The columns of a 资源清单 sheet, in the template's order. */
export const RESOURCE_COLUMNS: readonly ListColumn[] = [
  ITEM_ID,
  CATEGORY,
  TITLE,
  DESCRIPTION,
  QUANTITY,
  UNIT,
  PLACE,
  LAT,
  LNG,
  RADIUS,
  FROM('可提供开始日期', 'Available from'),
  TO('可提供截止日期', 'Available until'),
  TAGS,
];

/** The columns of a 需求清单 sheet, in the template's order. */
export const DEMAND_COLUMNS: readonly ListColumn[] = [
  ITEM_ID,
  CATEGORY,
  TITLE,
  DESCRIPTION,
  QUANTITY,
  UNIT,
  PLACE,
  LAT,
  LNG,
  FROM('需求开始日期', 'Needed from'),
  TO('需求截止日期', 'Needed until'),
  URGENCY,
  BENEFICIARIES,
  TAGS,
];

export function columnsOf(kind: ListKind): readonly ListColumn[] {
  return kind === 'resource' ? RESOURCE_COLUMNS : DEMAND_COLUMNS;
}

/** The sheet names a list workbook uses; imports also accept a workbook whose first sheet holds the list. */
export const SHEET_NAMES = {
  resource: '资源清单',
  demand: '需求清单',
  info: '清单信息',
  instructions: '填写说明',
  choices: '选项',
  problems: '导入问题',
} as const;

/** An example row's id: the template's example row is skipped on import, so it may stay. */
export const EXAMPLE_ITEM_ID = '示例';

/**
 * How a header cell names its column: the Chinese header (a trailing * or a note in
 * brackets allowed), the English words or the field key, in any case and width.
 */
export function headerKey(text: string): string {
  return text.normalize('NFKC').replace(/[*＊]/g, '').replace(/\s+/g, '').toLowerCase();
}

export function findColumn(columns: readonly ListColumn[], headerText: string): ListColumn | undefined {
  const wanted = headerKey(headerText);
  if (wanted === '') return undefined;
  return columns.find(
    (candidate) =>
      [candidate.header.zh, candidate.header.en, candidate.key].map(headerKey).includes(wanted) ||
      // 服务半径(公里) written without its unit, or with other brackets.
      headerKey(candidate.header.zh.replace(/\(.*\)$/, '')) === wanted.replace(/\(.*\)$/, ''),
  );
}
