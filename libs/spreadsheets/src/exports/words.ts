import {
  categoryLabel,
  PROJECT_STATUS_LABELS,
  QUANTITY_UNIT_LABELS,
  URGENCY_LABELS,
  type ClaimRejectionCode,
} from '@redcrowd/contracts';
import type { NoCandidateReason } from '@redcrowd/matching';

/*
 * The Chinese words an export shows for a code. The vocabularies' words are the contracts'
 * (libs/contracts/src/vocabulary/labels.ts); the few an export needs beyond them are here,
 * keyed by the codes' types so a new code does not compile without its words. A code no
 * table knows (an alliance's own category, a newer status) shows as itself.
 */

/** Why a demand is unmet (GET /alliance/unmet's `reason`). */
export const UNMET_REASON_WORDS: Readonly<
  Record<Exclude<NoCandidateReason, 'nothing-requested'> | 'partly-met' | 'not-matched-yet', string>
> = {
  'no-supply-in-category': '该类别无资源供给',
  'none-in-radius': '服务半径内无资源',
  'no-window-overlap': '时间窗口不重叠',
  'no-capacity': '资源容量已用尽',
  'partly-met': '部分满足',
  'not-matched-yet': '尚未匹配',
};

export const CLAIM_DECISION_WORDS: Readonly<Record<'accepted' | 'rejected', string>> = {
  accepted: '已接受',
  rejected: '未通过',
};

/** Why a claim was refused (claims.decided.v1's `code`). */
export const CLAIM_CODE_WORDS: Readonly<Record<ClaimRejectionCode, string>> = {
  'invalid-claim': '认领信息无效',
  'not-offered': '该项目未向本单位派单',
  'project-not-claimable': '项目当前不可认领',
  'already-claimed': '项目已被认领',
  'over-quantity': '超出派单数量',
  'offer-expired': '派单已过期',
  'internal-error': '系统错误',
};

const wordOf = (table: Readonly<Record<string, string>>, code: string | null | undefined): string =>
  code === null || code === undefined ? '' : (table[code] ?? code);
const zhOf = (table: Readonly<Record<string, { zh: string }>>, code: string | null | undefined): string =>
  code === null || code === undefined ? '' : (table[code]?.zh ?? code);

export const statusWord = (code: string | null | undefined) => zhOf(PROJECT_STATUS_LABELS, code);
export const urgencyWord = (code: string | null | undefined) => zhOf(URGENCY_LABELS, code);
export const quantityUnitWord = (code: string | null | undefined) => zhOf(QUANTITY_UNIT_LABELS, code);
export const categoryWord = (code: string | null | undefined) =>
  code === null || code === undefined ? '' : categoryLabel(code).zh;
export const unmetReasonWord = (code: string | null | undefined) => wordOf(UNMET_REASON_WORDS, code);
export const claimDecisionWord = (code: string | null | undefined) => wordOf(CLAIM_DECISION_WORDS, code);
export const claimCodeWord = (code: string | null | undefined) => wordOf(CLAIM_CODE_WORDS, code);

/** A quantity with its unit's word, as a sentence shows it: 30份, 12人·时. */
export function quantityText(quantity: number, unit: string | null | undefined): string {
  return `${quantity}${quantityUnitWord(unit)}`;
}
