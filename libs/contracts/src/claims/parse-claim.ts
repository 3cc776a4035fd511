import { LIMITS } from '../limits';
import { capProblems, readJsonObject, validatePayload } from '../validation/json-payload';
import type { Problem } from '../validation/problem';
import { ClaimSubmitted } from './submitted/value';

/** What a rejection can still say about a claim that did not validate. */
export interface ClaimRejectionHints {
  claimId?: string;
  unitId?: string;
  projectId?: string;
  quantity?: number;
}

export type ClaimParseResult =
  { ok: true; claim: ClaimSubmitted } | { ok: false; problems: Problem[]; hints: ClaimRejectionHints };

/**
 * Turns raw message bytes into a validated 认领 claim or every problem found, by the same
 * rules as lists (see parse-list.ts), so Kafka and HTTP claims are judged alike.
 * `messageKey` is the Kafka key, which must name the claiming unit; absent over HTTP.
 */
export function parseClaim(raw: Buffer | string | null, messageKey?: string | null): ClaimParseResult {
  const keyHint: ClaimRejectionHints = messageKey ? { unitId: messageKey } : {};
  const read = readJsonObject(raw, 'a claim');
  if (!read.ok) return reject([read.problem], keyHint);

  const hints = { ...keyHint, ...readHints(read.fields) };
  const { payload: claim, problems } = validatePayload(ClaimSubmitted, read.fields);
  if (!claim) return reject(problems, hints);
  // Kafka orders messages per key; a claim keyed by another unit could overtake that unit's own.
  if (problems.length === 0 && messageKey != null && messageKey !== claim.unitId) {
    problems.push({
      path: 'unitId',
      code: 'key-mismatch',
      message: `the message key "${messageKey}" must equal unitId "${claim.unitId}"`,
    });
  }
  return problems.length > 0 ? reject(problems, hints) : { ok: true, claim };
}

function reject(problems: Problem[], hints: ClaimRejectionHints): ClaimParseResult {
  return { ok: false, problems: capProblems(problems), hints };
}

/** Best-effort reading of the claim's identity from an invalid document, for the decision. */
function readHints(document: Record<string, unknown>): ClaimRejectionHints {
  const hints: ClaimRejectionHints = {};
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' && value.length <= LIMITS.maxIdLength ? value : undefined;
  const claimId = text(document.claimId);
  if (claimId) hints.claimId = claimId;
  const unitId = text(document.unitId);
  if (unitId) hints.unitId = unitId;
  const projectId = text(document.projectId);
  if (projectId && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(projectId)) {
    hints.projectId = projectId;
  }
  if (Number.isSafeInteger(document.quantity) && (document.quantity as number) >= 1) {
    hints.quantity = document.quantity as number;
  }
  return hints;
}
