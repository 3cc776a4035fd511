import type { RoundReport, RoundSummary } from '../rounds/matching-round.service';
import { roundOutcome } from './round-outcome';

const summary = (changes: Partial<RoundSummary> = {}): RoundSummary => ({
  allianceId: 'alliance-luoyang',
  proposed: 0,
  revised: 0,
  cancelled: 0,
  unchanged: 0,
  unmatchedDemands: 0,
  objective: 0,
  ms: 12,
  ...changes,
});

const finished = (changes: Partial<RoundSummary>, resources: number, demands: number): RoundReport => ({
  type: 'finished',
  summary: summary(changes),
  solverMs: 0.4,
  pool: { resources, demands },
});

describe('roundOutcome', () => {
  it.each([
    ['proposed', { proposed: 1 }],
    ['revised', { revised: 2, unchanged: 1 }],
    ['cancelled', { cancelled: 1 }],
  ])('calls a round that %s projects changed', (_, changes) => {
    expect(roundOutcome(finished(changes, 3, 3))).toBe('changed');
  });

  it('calls a round that found the proposals as they were unchanged', () => {
    expect(roundOutcome(finished({ unchanged: 2 }, 3, 2))).toBe('unchanged');
  });

  it('calls a round without a resource or without a demand in the pool nothing-to-match', () => {
    expect(roundOutcome(finished({}, 0, 4))).toBe('nothing-to-match');
    expect(roundOutcome(finished({}, 4, 0))).toBe('nothing-to-match');
  });

  it('calls a round that cancelled the last proposals of an emptied pool changed, not nothing-to-match', () => {
    expect(roundOutcome(finished({ cancelled: 1 }, 0, 0))).toBe('changed');
  });

  it('calls a rolled back round failed', () => {
    expect(roundOutcome({ type: 'failed', allianceId: 'alliance-luoyang', ms: 30 })).toBe('failed');
  });
});
