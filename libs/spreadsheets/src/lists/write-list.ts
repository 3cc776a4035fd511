import { Workbook } from 'exceljs';
import { DateTime } from 'luxon';
import type { ListKind } from '@redcrowd/contracts';
import { URGENCY_CHOICES, UNIT_CHOICES, categoryChoices } from './choices';
import { SHEET_NAMES, columnsOf, type ColumnKey } from './columns';
import type { ListInfoKey } from './list-info';
import { listTemplate } from './list-template';

/** An item as the list contracts have it (a resource or demand item). */
type ListItem = Record<string, unknown> & {
  location?: { lat?: number; lng?: number; address?: string };
  available?: { from: string; to: string };
  window?: { from: string; to: string };
};

export interface WriteListOptions {
  categories: readonly string[];
  timeZone: string;
  info?: Partial<Record<ListInfoKey, string>>;
}

/**
 * A list's items written into its template, as a person would fill it in: words for codes,
 * windows as whole days (the last day included). Reading the result gives the same list
 * back when its windows are whole days; used to hand a stored list back for revision, and
 * by tests and the import benchmark.
 */
export async function writeListWorkbook(
  kind: ListKind,
  items: readonly ListItem[],
  options: WriteListOptions,
): Promise<Buffer> {
  const workbook = new Workbook();
  await workbook.xlsx.load(
    (await listTemplate(kind, { categories: options.categories, info: options.info })) as never,
  );
  const sheet = workbook.getWorksheet(SHEET_NAMES[kind])!;
  sheet.spliceRows(3, 1); // the example row
  const columns = columnsOf(kind);
  const categories = categoryChoices(options.categories);
  items.forEach((item, index) => {
    const row = sheet.getRow(3 + index);
    const values = cellValues(item, options.timeZone, (code) => categories.labelOf(code)?.zh ?? code);
    columns.forEach((column, position) => {
      const value = values[column.key];
      if (value !== undefined) row.getCell(position + 1).value = value;
    });
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function cellValues(
  item: ListItem,
  timeZone: string,
  categoryWords: (code: string) => string,
): Partial<Record<ColumnKey, string | number>> {
  const window = item.available ?? item.window;
  return {
    itemId: item.itemId as string,
    category: categoryWords(item.category as string),
    title: item.title as string,
    description: item.description as string | undefined,
    quantity: item.quantity as number,
    unit: UNIT_CHOICES.labelOf(item.unit as string)?.zh,
    place: item.location?.address,
    lat: item.location?.lat,
    lng: item.location?.lng,
    serviceRadiusKm: item.serviceRadiusKm as number | undefined,
    from: window ? firstDay(window.from, timeZone) : undefined,
    to: window ? lastDay(window.to, timeZone) : undefined,
    urgency: item.urgency ? URGENCY_CHOICES.labelOf(item.urgency as string)?.zh : undefined,
    beneficiaries: item.beneficiaries as number | undefined,
    tags: Array.isArray(item.tags) ? (item.tags as string[]).join('、') : undefined,
  };
}

function firstDay(instant: string, timeZone: string): string {
  return DateTime.fromISO(instant, { zone: timeZone }).toISODate()!;
}

// A window ends at the start of the day after its last day; an end within a day keeps that day.
function lastDay(instant: string, timeZone: string): string {
  const end = DateTime.fromISO(instant, { zone: timeZone });
  const last = end.equals(end.startOf('day')) ? end.minus({ days: 1 }) : end;
  return last.toISODate()!;
}
