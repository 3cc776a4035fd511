import type { ServiceMetrics } from '@redcrowd/nest-kafka';
import type { ClaimDecisionService } from '../claims/claim-decision.service';
import type { OfferExpiryService } from '../claims/offer-expiry.service';
import { claimDecisionLabels, closedOfferLabels } from './claim-outcome';

/**
 * redcrowd_claims_decided_total: claims (认领) accepted or rejected by code, over Kafka and
 * HTTP, and offers that ended without a claim (expired, declined).
 */
export function recordClaims(
  metrics: ServiceMetrics,
  decisions: ClaimDecisionService,
  expiry: OfferExpiryService,
): void {
  const decided = metrics.addCounter(
    'redcrowd_claims_decided_total',
    'Claims decided (accepted, or rejected with its code) and offers that ended unclaimed (expired, declined); a claim sent again is not counted twice.',
    ['outcome', 'code'],
  );
  decisions.onDecided((decision) => decided.inc(claimDecisionLabels(decision)));
  expiry.onOffersClosed((closed) => {
    for (const offer of closed) decided.inc(closedOfferLabels(offer));
  });
}
