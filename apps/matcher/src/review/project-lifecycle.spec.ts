import { PROJECT_STATUSES } from '@redcrowd/contracts';
import { assertTransition, NEXT_STATUSES } from './project-lifecycle';
import { ReviewError } from './review.errors';

describe('project lifecycle', () => {
  it('follows the 清单+接单 cycle from proposal to completion', () => {
    const path = ['proposed', 'approved', 'offered', 'claimed', 'in-progress', 'completed'] as const;
    for (let step = 1; step < path.length; step++) {
      expect(() => assertTransition('p1', path[step - 1]!, path[step]!)).not.toThrow();
    }
  });

  it.each([
    ['approved', 'approved'],
    ['proposed', 'claimed'],
    ['completed', 'cancelled'],
    ['rejected', 'approved'],
  ] as const)('refuses %s → %s with a clear error', (from, to) => {
    expect(() => assertTransition('p1', from, to)).toThrow(ReviewError);
    expect(() => assertTransition('p1', from, to)).toThrow(`project p1 is ${from} and cannot become ${to}`);
  });

  it('knows every status and closes the end states', () => {
    expect(Object.keys(NEXT_STATUSES).sort()).toEqual([...PROJECT_STATUSES].sort());
    for (const end of ['completed', 'rejected', 'cancelled', 'expired'] as const)
      expect(NEXT_STATUSES[end]).toEqual([]);
  });
});
