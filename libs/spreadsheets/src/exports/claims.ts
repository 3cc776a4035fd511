import { asTime, type Column, type Instant, type Table } from './table';
import { claimCodeWord, claimDecisionWord, quantityUnitWord, statusWord } from './words';

/** One claim (认领) a unit made, with the answer it got. */
export interface ClaimHistoryRow {
  at: Instant;
  claimId: string;
  unitId: string;
  unitName: string | null;
  projectId: string | null;
  projectTitle: string | null;
  submitterName: string | null;
  quantity: number;
  acceptedQuantity: number;
  quantityUnit: string | null;
  decision: string;
  code: string | null;
  projectStatus: string | null;
}

/** 认领记录: every claim with its decision, newest first as given. */
export function claimsTable(rows: readonly ClaimHistoryRow[]): Table<ClaimHistoryRow> {
  const columns: Array<Column<ClaimHistoryRow>> = [
    { header: '认领时间', value: (row) => asTime(row.at) },
    { header: '成员单位', value: (row) => row.unitName ?? row.unitId },
    { header: '项目', value: (row) => row.projectTitle ?? row.projectId },
    { header: '提出社区/单位', value: (row) => row.submitterName },
    { header: '认领数量', value: (row) => row.quantity },
    { header: '接受数量', value: (row) => row.acceptedQuantity },
    { header: '计量单位', value: (row) => quantityUnitWord(row.quantityUnit) },
    { header: '结果', value: (row) => claimDecisionWord(row.decision) },
    { header: '未通过原因', value: (row) => claimCodeWord(row.code) },
    { header: '项目状态', value: (row) => statusWord(row.projectStatus) },
    { header: '认领编号', value: (row) => row.claimId, printed: false },
  ];
  return { sheet: '认领记录', columns, rows };
}
