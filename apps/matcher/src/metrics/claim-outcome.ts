import type { ClaimDecided } from '@redcrowd/contracts';
import type { ClosedOffer } from '../claims/offer-expiry.service';

/** Labels of redcrowd_claims_decided_total: how a claim or an unclaimed offer ended, and the refusal code. */
export interface ClaimOutcomeLabels {
  outcome: 'accepted' | 'rejected' | 'expired' | 'declined';
  code: string;
}

/** A claim's answer: accepted, or rejected with its code (invalid-claim, over-quantity, ...). */
export function claimDecisionLabels(decision: ClaimDecided): ClaimOutcomeLabels {
  if (decision.decision === 'accepted') return { outcome: 'accepted', code: 'none' };
  return { outcome: 'rejected', code: decision.code ?? 'unknown' };
}

/** An offer no claim took: it ran out (expired) or its unit turned it down (declined). */
export function closedOfferLabels(closed: ClosedOffer): ClaimOutcomeLabels {
  return { outcome: closed.status, code: 'none' };
}
