import {
  CLAIM_REJECTION_CODES,
  DomainError,
  type ClaimRejectionCode,
  type Problem,
} from '@redcrowd/contracts';
import { describeError } from '@redcrowd/runtime';

export interface ClaimRefusal {
  code: ClaimRejectionCode;
  reason: string;
  problems?: Problem[];
}

const CLAIM_CODES = new Set<string>(CLAIM_REJECTION_CODES);

/**
 * The one mapping from a failure to a claim's Kafka answer (a claims.decided.v1 rejection):
 * a domain error with a claim code keeps its code and message; anything else could not be
 * decided, and says so without pretending a reason.
 */
export function claimRefusalOf(error: unknown): ClaimRefusal {
  if (error instanceof DomainError && CLAIM_CODES.has(error.code)) {
    return {
      code: error.code as ClaimRejectionCode,
      reason: error.message,
      ...(error.problems ? { problems: error.problems } : {}),
    };
  }
  return {
    code: 'internal-error',
    reason: `the claim could not be decided (${describeError(error)}); nothing was applied, send it again later`,
  };
}
