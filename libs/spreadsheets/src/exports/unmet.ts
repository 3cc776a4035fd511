import type { Column, Table } from './table';
import { categoryWord, quantityUnitWord, unmetReasonWord, urgencyWord } from './words';

/** An unmet demand as GET /alliance/unmet lists it, with why it is unmet. */
export interface UnmetExportRow {
  itemId: string;
  title: string;
  category: string;
  urgency: string;
  submitterId: string;
  submitterName: string | null;
  quantity: number;
  unmet: number;
  quantityUnit: string;
  address: string | null;
  reason: string;
}

/** 未满足需求: what no member unit serves yet, and why (in the order given: most urgent first). */
export function unmetTable(rows: readonly UnmetExportRow[]): Table<UnmetExportRow> {
  const columns: Array<Column<UnmetExportRow>> = [
    { header: '需求', value: (row) => row.title },
    { header: '提出社区/单位', value: (row) => row.submitterName ?? row.submitterId },
    { header: '类别', value: (row) => categoryWord(row.category) },
    { header: '紧急程度', value: (row) => urgencyWord(row.urgency) },
    { header: '需求数量', value: (row) => row.quantity },
    { header: '未满足数量', value: (row) => row.unmet },
    { header: '计量单位', value: (row) => quantityUnitWord(row.quantityUnit) },
    { header: '未满足原因', value: (row) => unmetReasonWord(row.reason) },
    { header: '服务地点', value: (row) => row.address },
    { header: '需求编号', value: (row) => row.itemId, printed: false },
  ];
  return { sheet: '未满足需求', columns, rows };
}
