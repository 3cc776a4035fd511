import type { ProjectStatus } from '@redcrowd/contracts';
import {
  DEMAND_HOLDING_STATUSES,
  ENDED_WITHOUT_WORK_STATUSES,
  HOLDING_STATUSES,
  holdsCapacity,
  isLive,
  isOpenProposal,
  keepsDemandOutOfPool,
  keepsItemsMatched,
  LIVE_STATUSES,
  POOL_RETURNING_STATUSES,
  sqlList,
  WORK_IN_FLIGHT_STATUSES,
} from './capacity';
import { ALL_STATUSES } from './lifecycle';

describe('the capacity rule', () => {
  it('lists the statuses the repositories used to retype', () => {
    expect(WORK_IN_FLIGHT_STATUSES).toEqual(['approved', 'offered', 'claimed', 'in-progress']);
    expect(HOLDING_STATUSES).toEqual(['approved', 'offered', 'claimed', 'in-progress', 'completed']);
    expect(ENDED_WITHOUT_WORK_STATUSES).toEqual(['rejected', 'cancelled', 'expired']);
    expect(LIVE_STATUSES).toEqual(['proposed', 'approved', 'offered', 'claimed', 'in-progress', 'completed']);
    expect(POOL_RETURNING_STATUSES).toEqual(['proposed', 'cancelled', 'expired']);
    expect(DEMAND_HOLDING_STATUSES).toEqual([
      'approved',
      'offered',
      'claimed',
      'in-progress',
      'completed',
      'rejected',
    ]);
    for (const list of [
      WORK_IN_FLIGHT_STATUSES,
      HOLDING_STATUSES,
      ENDED_WITHOUT_WORK_STATUSES,
      LIVE_STATUSES,
      POOL_RETURNING_STATUSES,
      DEMAND_HOLDING_STATUSES,
    ]) {
      expect(Object.isFrozen(list)).toBe(true);
    }
  });

  it.each(ALL_STATUSES.map((status) => [status]))('answers the same as the lists for %s', (status) => {
    const holding = (HOLDING_STATUSES as readonly ProjectStatus[]).includes(status);
    expect(holdsCapacity(status, false)).toBe(holding);
    expect(holdsCapacity(status, true)).toBe(holding || status === 'proposed');
    expect(isLive(status)).toBe(LIVE_STATUSES.includes(status));
    expect(keepsDemandOutOfPool(status, false)).toBe(DEMAND_HOLDING_STATUSES.includes(status));
    expect(keepsDemandOutOfPool(status, true)).toBe(true);
    expect(keepsItemsMatched(status)).toBe(
      (WORK_IN_FLIGHT_STATUSES as readonly ProjectStatus[]).includes(status),
    );
  });

  it('holds capacity for a proposal only when its allocations are pinned', () => {
    expect(holdsCapacity('proposed', false)).toBe(false);
    expect(holdsCapacity('proposed', true)).toBe(true);
    expect(holdsCapacity('rejected', true)).toBe(false);
    expect(holdsCapacity('completed', false)).toBe(true);
  });

  it('keeps items matched only for work in flight, not for completed work', () => {
    expect(keepsItemsMatched('in-progress')).toBe(true);
    expect(keepsItemsMatched('completed')).toBe(false);
  });

  it('leaves a proposal to the rounds unless a coordinator pinned it', () => {
    const pinned = (flags: boolean[]) => flags.map((flag) => ({ pinned: flag }));
    expect(isOpenProposal({ status: 'proposed', allocations: pinned([false, false]) })).toBe(true);
    expect(isOpenProposal({ status: 'proposed', allocations: pinned([]) })).toBe(true);
    expect(isOpenProposal({ status: 'proposed', allocations: pinned([false, true]) })).toBe(false);
    expect(isOpenProposal({ status: 'approved', allocations: pinned([false]) })).toBe(false);
  });
});

describe('sqlList', () => {
  it('renders the SQL list the repositories had typed by hand', () => {
    expect(sqlList(HOLDING_STATUSES)).toBe(`('approved', 'offered', 'claimed', 'in-progress', 'completed')`);
    expect(`p.status NOT IN ${sqlList(ENDED_WITHOUT_WORK_STATUSES)}`).toBe(
      `p.status NOT IN ('rejected', 'cancelled', 'expired')`,
    );
    expect(sqlList(['one'])).toBe(`('one')`);
  });

  it('doubles every quote, so a value cannot end the literal', () => {
    expect(sqlList([`it's`, `'); DROP TABLE projects; --`])).toBe(
      `('it''s', '''); DROP TABLE projects; --')`,
    );
  });

  it('refuses an empty list, which is not SQL', () => {
    expect(() => sqlList([])).toThrow(new RangeError('an SQL list needs at least one value'));
  });
});
