import {
  ACADEMY,
  allocation,
  ALLIANCE,
  COMMUNITY,
  openOffer,
  PROJECT_ID,
  project,
  T0,
  UNIVERSITY,
  refusal,
} from '../test/fixtures';
import { cancel, propose, revise, type AllocationInput } from './proposal';

const round = { actor: 'matcher', at: T0 };
const input = (requested: number, allocations: AllocationInput[]) => ({
  ...round,
  id: PROJECT_ID,
  allianceId: ALLIANCE,
  submitterId: COMMUNITY,
  requested,
  allocations,
});

describe('propose', () => {
  it('creates a proposed project at version 1 with what the allocations leave unmet', () => {
    const { project: created, events } = propose(
      input(12, [
        { resourceItemPk: '101', unitId: ACADEMY, quantity: 6 },
        { resourceItemPk: '202', unitId: UNIVERSITY, quantity: 4 },
      ]),
    );
    expect(created).toEqual({
      id: PROJECT_ID,
      allianceId: ALLIANCE,
      status: 'proposed',
      version: 1,
      requested: 12,
      unmet: 2,
      submitterId: COMMUNITY,
      allocations: [allocation('101', ACADEMY, 6), allocation('202', UNIVERSITY, 4)],
      offers: [],
      claims: [],
    });
    expect(events).toEqual([
      { type: 'proposed', projectId: PROJECT_ID, allianceId: ALLIANCE, version: 1, actor: 'matcher', at: T0 },
    ]);
  });

  it('accepts allocations that cover the demand exactly, and a demand of nothing', () => {
    expect(propose(input(6, [{ resourceItemPk: '101', unitId: ACADEMY, quantity: 6 }])).project.unmet).toBe(
      0,
    );
    expect(propose(input(0, [])).project.unmet).toBe(0);
  });

  it('keeps only what the aggregate needs of each allocation', () => {
    const extra = { resourceItemPk: '101', unitId: ACADEMY, quantity: 1, score: 0.9 } as AllocationInput;
    expect(propose(input(1, [extra])).project.allocations).toEqual([allocation('101', ACADEMY, 1)]);
  });

  it('refuses allocations that give more than the demand asks', () => {
    const error = refusal(() =>
      propose(
        input(5, [
          { resourceItemPk: '101', unitId: ACADEMY, quantity: 3 },
          { resourceItemPk: '202', unitId: UNIVERSITY, quantity: 3 },
        ]),
      ),
    );
    expect(error.code).toBe('invalid-request');
    expect(error.message).toBe('the allocations give 6, more than the 5 the demand asks for');
    expect(error.problems).toEqual([{ path: 'allocations', code: 'out-of-range', message: error.message }]);
  });

  it('lists every problem of a broken proposal', () => {
    const error = refusal(() =>
      propose(
        input(-1, [
          { resourceItemPk: '101', unitId: ACADEMY, quantity: 0 },
          { resourceItemPk: '101', unitId: ACADEMY, quantity: 1.5 },
          { resourceItemPk: '303', unitId: ACADEMY, quantity: 1 },
        ]),
      ),
    );
    expect(error.problems).toEqual([
      { path: 'requested', code: 'out-of-range', message: 'requested must be a whole number of at least 0' },
      {
        path: 'allocations[0].quantity',
        code: 'out-of-range',
        message: 'allocations[0].quantity must be a whole number of at least 1',
      },
      {
        path: 'allocations[1].quantity',
        code: 'out-of-range',
        message: 'allocations[1].quantity must be a whole number of at least 1',
      },
      {
        path: 'allocations[1].resourceItemPk',
        code: 'duplicate-item-id',
        message: 'resource item 101 is allocated twice',
      },
    ]);
    expect(error.message).toBe(error.problems!.map((problem) => problem.message).join('; '));
  });

  it('refuses a requested quantity that is not whole', () => {
    expect(refusal(() => propose(input(2.5, []))).problems).toHaveLength(1);
  });
});

describe('revise', () => {
  it('replaces the allocations of an open proposal, one version up', () => {
    const before = project({ version: 2 });
    const { project: after, events } = revise(before, {
      ...round,
      requested: 10,
      allocations: [{ resourceItemPk: '303', unitId: ACADEMY, quantity: 7 }],
    });
    expect(after).toEqual({ ...before, version: 3, unmet: 3, allocations: [allocation('303', ACADEMY, 7)] });
    expect(events).toEqual([
      {
        type: 'revised',
        projectId: PROJECT_ID,
        allianceId: ALLIANCE,
        previousVersion: 2,
        version: 3,
        actor: 'matcher',
        at: T0,
      },
    ]);
  });

  it('takes the demand’s new quantity', () => {
    const { project: after } = revise(project(), {
      ...round,
      requested: 20,
      allocations: [{ resourceItemPk: '101', unitId: ACADEMY, quantity: 6 }],
    });
    expect(after).toMatchObject({ requested: 20, unmet: 14 });
  });

  it('refuses a project that is no longer proposed', () => {
    const error = refusal(() =>
      revise(project({ status: 'approved' }), { ...round, requested: 10, allocations: [] }),
    );
    expect(error.code).toBe('illegal-transition');
    expect(error.message).toBe(`project ${PROJECT_ID} is approved; only proposed projects can be revised`);
  });

  it('keeps a proposal a coordinator edited', () => {
    const edited = project({ allocations: [allocation('101', ACADEMY, 6, true)] });
    const error = refusal(() => revise(edited, { ...round, requested: 10, allocations: [] }));
    expect(error.code).toBe('not-allowed');
    expect(error.message).toBe(
      `project ${PROJECT_ID} has allocations a coordinator edited; rounds keep them`,
    );
  });

  it('refuses allocations beyond the demand', () => {
    expect(
      refusal(() =>
        revise(project(), {
          ...round,
          requested: 1,
          allocations: [{ resourceItemPk: '1', unitId: ACADEMY, quantity: 2 }],
        }),
      ).code,
    ).toBe('invalid-request');
  });
});

describe('cancel', () => {
  it('cancels a proposal with the round’s reason', () => {
    const { project: after, events } = cancel(project(), {
      ...round,
      reason: 'no resource fits the demand any more',
    });
    expect(after.status).toBe('cancelled');
    expect(after.version).toBe(4);
    expect(events).toEqual([
      {
        type: 'status-changed',
        projectId: PROJECT_ID,
        allianceId: ALLIANCE,
        from: 'proposed',
        to: 'cancelled',
        version: 4,
        actor: 'matcher',
        action: 'cancelled',
        reason: 'no resource fits the demand any more',
        at: T0,
      },
    ]);
  });

  it('withdraws open offers and unpins the allocations, so it holds nothing', () => {
    const claimedOffer = { ...openOffer('o1', ACADEMY, 6), status: 'claimed' as const };
    const offered = project({
      status: 'offered',
      allocations: [allocation('101', ACADEMY, 6, true), allocation('202', UNIVERSITY, 4, true)],
      offers: [claimedOffer, openOffer('o2', UNIVERSITY, 4)],
    });
    const { project: after } = cancel(offered, { ...round, reason: '  the venue burned down  ' });
    expect(after.offers).toEqual([claimedOffer, { ...openOffer('o2', UNIVERSITY, 4), status: 'withdrawn' }]);
    expect(after.allocations.map((entry) => entry.pinned)).toEqual([false, false]);
  });

  it('trims the reason and needs one', () => {
    expect(cancel(project(), { ...round, reason: '  gone  ' }).events[0]).toMatchObject({ reason: 'gone' });
    const error = refusal(() => cancel(project(), { ...round, reason: '  ' }));
    expect(error.message).toBe('a cancellation needs a reason (field "reason")');
    expect(error.field).toBe('reason');
  });

  it('refuses to cancel a closed project', () => {
    expect(() => cancel(project({ status: 'completed' }), { ...round, reason: 'x' })).toThrow('it is closed');
  });
});
