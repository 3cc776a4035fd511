import type { ClaimDecided } from '@redcrowd/contracts';
import { claimDecisionLabels, closedOfferLabels } from './claim-outcome';

const decided = (fields: Partial<ClaimDecided>): ClaimDecided => ({
  eventId: 'event-1',
  unitId: 'unit-kongkong',
  decision: 'accepted',
  acceptedQuantity: 10,
  decidedAt: '2026-12-01T09:00:00+08:00',
  ...fields,
});

describe('claim outcome labels', () => {
  it('labels an accepted claim with no code', () => {
    expect(claimDecisionLabels(decided({}))).toEqual({ outcome: 'accepted', code: 'none' });
  });

  it('labels a rejected claim with its refusal code', () => {
    const rejected = decided({ decision: 'rejected', acceptedQuantity: 0, code: 'over-quantity' });
    expect(claimDecisionLabels(rejected)).toEqual({ outcome: 'rejected', code: 'over-quantity' });
  });

  it('labels an offer that ran out or was turned down by how it closed', () => {
    expect(closedOfferLabels({ offerId: 'offer-1', status: 'expired' })).toEqual({
      outcome: 'expired',
      code: 'none',
    });
    expect(closedOfferLabels({ offerId: 'offer-2', status: 'declined' })).toEqual({
      outcome: 'declined',
      code: 'none',
    });
  });
});
