import { validateSync } from 'class-validator';
import { instantiate } from '../common/nested';
import { LIMITS } from '../limits';
import { MAX_REPORTED_PROBLEMS } from '../validation/parse-list';
import type { Problem } from '../validation/problem';
import { findStructuralProblems } from '../validation/structural-problems';
import { problemsFromValidationErrors } from '../validation/validation-errors';
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
  const size = raw == null ? 0 : Buffer.byteLength(raw);
  if (size === 0 || String(raw).trim() === '') {
    return reject([{ path: '', code: 'empty-message', message: 'the message is empty' }], keyHint);
  }
  if (size > LIMITS.maxMessageBytes) {
    return reject(
      [
        {
          path: '',
          code: 'message-too-large',
          message: `the message is ${size} bytes; a claim may be at most ${LIMITS.maxMessageBytes} bytes`,
        },
      ],
      keyHint,
    );
  }

  let document: unknown;
  try {
    document = JSON.parse(String(raw));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return reject([{ path: '', code: 'invalid-json', message: `not valid JSON: ${reason}` }], keyHint);
  }
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    const found = document === null ? 'null' : Array.isArray(document) ? 'an array' : typeof document;
    return reject(
      [{ path: '', code: 'not-an-object', message: `a claim must be a JSON object, got ${found}` }],
      keyHint,
    );
  }

  const fields = document as Record<string, unknown>;
  const hints = { ...keyHint, ...readHints(fields) };
  const structural = findStructuralProblems(document);
  if (structural.length > 0) return reject(structural, hints);

  const claim = instantiate(ClaimSubmitted, fields);
  const errors = validateSync(claim, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: false, value: true },
  });
  const problems = problemsFromValidationErrors(errors);
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
  if (problems.length <= MAX_REPORTED_PROBLEMS) return { ok: false, problems, hints };
  const shown = problems.slice(0, MAX_REPORTED_PROBLEMS);
  shown.push({
    path: '',
    code: 'too-many-problems',
    message: `${problems.length - MAX_REPORTED_PROBLEMS} more problems not listed; fix the ones above and resubmit`,
  });
  return { ok: false, problems: shown, hints };
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
