import {
  ACADEMY,
  allocation,
  ALLIANCE,
  HOSPITAL,
  PROJECT_ID,
  project,
  T0,
  UNIVERSITY,
  refusal,
} from '../test/fixtures';
import { MAX_REASON_LENGTH } from './reason';
import {
  approve,
  checkAllocationQuantity,
  editAllocation,
  reject,
  swapAllocation,
  type AllocationQuantity,
} from './review';

const coordinator = { actor: 'coordinator-1', at: T0 };

describe('approve', () => {
  it('approves a proposal and pins its allocations', () => {
    const { project: after, events } = approve(project({ version: 3 }), coordinator);
    expect(after.status).toBe('approved');
    expect(after.version).toBe(4);
    expect(after.allocations).toEqual([
      allocation('101', ACADEMY, 6, true),
      allocation('202', UNIVERSITY, 4, true),
    ]);
    expect(events).toEqual([
      {
        type: 'status-changed',
        projectId: PROJECT_ID,
        allianceId: ALLIANCE,
        from: 'proposed',
        to: 'approved',
        version: 4,
        actor: 'coordinator-1',
        action: 'approved',
        at: T0,
      },
    ]);
  });

  it('checks the version the coordinator saw', () => {
    expect(approve(project({ version: 3 }), { ...coordinator, expectedVersion: 3 }).project.status).toBe(
      'approved',
    );
    expect(refusal(() => approve(project({ version: 3 }), { ...coordinator, expectedVersion: 2 })).code).toBe(
      'version-conflict',
    );
  });

  it('refuses to approve twice', () => {
    expect(refusal(() => approve(project({ status: 'approved' }), coordinator)).message).toBe(
      `project ${PROJECT_ID} is approved and cannot become approved; it can only become offered or cancelled`,
    );
  });
});

describe('reject', () => {
  it('rejects a proposal with its reason, trimmed', () => {
    const { project: after, events } = reject(project(), { ...coordinator, reason: '  资源重复  ' });
    expect(after.status).toBe('rejected');
    expect(after.allocations).toEqual(project().allocations);
    expect(events[0]).toMatchObject({ from: 'proposed', to: 'rejected', reason: '资源重复', version: 4 });
  });

  it.each([undefined, 42, '', '   '])('needs a reason (%p)', (reason) => {
    const error = refusal(() => reject(project(), { ...coordinator, reason }));
    expect(error.code).toBe('invalid-request');
    expect(error.message).toBe('a rejection needs a reason (field "reason")');
    expect(error.field).toBe('reason');
  });

  it('takes a reason of at most 500 characters', () => {
    expect(MAX_REASON_LENGTH).toBe(500);
    expect(() => reject(project(), { ...coordinator, reason: 'x'.repeat(500) })).not.toThrow();
    const error = refusal(() => reject(project(), { ...coordinator, reason: 'x'.repeat(501) }));
    expect(error.message).toBe('the reason may be at most 500 characters');
    expect(error.field).toBe('reason');
  });

  it('checks the reason before the version, and the version before the status', () => {
    expect(refusal(() => reject(project({ status: 'approved' }), { ...coordinator, reason: '' })).code).toBe(
      'invalid-request',
    );
    expect(
      refusal(() =>
        reject(project({ status: 'approved' }), { ...coordinator, reason: 'r', expectedVersion: 1 }),
      ).code,
    ).toBe('version-conflict');
    expect(refusal(() => reject(project({ status: 'approved' }), { ...coordinator, reason: 'r' })).code).toBe(
      'illegal-transition',
    );
  });
});

describe('checkAllocationQuantity', () => {
  const check = (overrides: Partial<AllocationQuantity>): AllocationQuantity => ({
    kind: 'edit',
    requested: 10,
    others: 4,
    amount: 6,
    resourceItemPk: '101',
    remainingCapacity: 6,
    ...overrides,
  });

  it('lets an allocation fill the demand and use up the item exactly', () => {
    expect(() => checkAllocationQuantity(check({}))).not.toThrow();
  });

  it('refuses an edit that gives the demand more than it asks', () => {
    const error = refusal(() => checkAllocationQuantity(check({ amount: 7, remainingCapacity: 50 })));
    expect(error.code).toBe('capacity-exceeded');
    expect(error.message).toBe(
      'the demand asks for 10; with the other allocations (4) at most 6 can come from this resource',
    );
    expect(error.field).toBe('quantity');
  });

  it('words the same refusal for a swap', () => {
    expect(
      refusal(() => checkAllocationQuantity(check({ kind: 'swap', amount: 7, remainingCapacity: 50 })))
        .message,
    ).toBe('the demand asks for 10; at most 6 can come from the new resource');
  });

  it('refuses more than the item has left, for edits and swaps alike', () => {
    for (const kind of ['edit', 'swap'] as const) {
      const error = refusal(() => checkAllocationQuantity(check({ kind, amount: 5, remainingCapacity: 4 })));
      expect(error.code).toBe('capacity-exceeded');
      expect(error.message).toBe('resource item 101 has only 4 left for this project');
      expect(error.field).toBe('quantity');
    }
  });
});

describe('editAllocation', () => {
  const edit = (quantity: unknown, remainingCapacity = 100, resourceItemPk = '101') => ({
    ...coordinator,
    resourceItemPk,
    quantity,
    remainingCapacity,
  });

  it('sets the quantity, pins the whole proposal and records the edit', () => {
    const { project: after, events } = editAllocation(project({ version: 3 }), edit(5));
    expect(after.status).toBe('proposed');
    expect(after.version).toBe(4);
    expect(after.allocations).toEqual([
      allocation('101', ACADEMY, 5, true),
      allocation('202', UNIVERSITY, 4, true),
    ]);
    expect(after.unmet).toBe(1);
    expect(events).toEqual([
      {
        type: 'status-changed',
        projectId: PROJECT_ID,
        allianceId: ALLIANCE,
        from: 'proposed',
        to: 'proposed',
        version: 4,
        actor: 'coordinator-1',
        action: 'allocation-edited',
        reason: 'allocation of 101 set to 5',
        details: { resourceItemPk: '101', from: 6, to: 5 },
        at: T0,
      },
    ]);
  });

  it('may fill what was unmet', () => {
    const { project: after } = editAllocation(
      project({ unmet: 3, allocations: [allocation('101', ACADEMY, 7)] }),
      edit(10),
    );
    expect(after.unmet).toBe(0);
  });

  it.each([0, -1, 1.5, '3', undefined, Number.MAX_SAFE_INTEGER + 1])('refuses quantity %p', (quantity) => {
    const error = refusal(() => editAllocation(project(), edit(quantity)));
    expect(error.code).toBe('invalid-request');
    expect(error.message).toBe('quantity must be a whole number of at least 1');
    expect(error.field).toBe('quantity');
  });

  it('edits proposals only', () => {
    const error = refusal(() => editAllocation(project({ status: 'approved' }), edit(5)));
    expect(error.code).toBe('illegal-transition');
    expect(error.message).toBe(`project ${PROJECT_ID} is approved; only proposed projects can be edited`);
  });

  it('refuses an item the project does not use', () => {
    const error = refusal(() => editAllocation(project(), edit(1, 100, '999')));
    expect(error.code).toBe('allocation-not-found');
    expect(error.message).toBe(`project ${PROJECT_ID} has no allocation from resource item 999`);
  });

  it('counts the other allocations, not the edited one, against the demand', () => {
    expect(() => editAllocation(project(), edit(6))).not.toThrow();
    expect(refusal(() => editAllocation(project(), edit(7))).message).toBe(
      'the demand asks for 10; with the other allocations (4) at most 6 can come from this resource',
    );
  });

  it('refuses more than the item has left', () => {
    expect(refusal(() => editAllocation(project(), edit(3, 2))).message).toBe(
      'resource item 101 has only 2 left for this project',
    );
  });
});

describe('swapAllocation', () => {
  const target = { unitId: HOSPITAL, remainingCapacity: 100 };
  const swap = (overrides: Record<string, unknown> = {}) => ({
    ...coordinator,
    fromResourceItemPk: '101',
    toResourceItemPk: '303',
    target,
    ...overrides,
  });

  it('moves the allocation to the new item with the same quantity and pins the proposal', () => {
    const { project: after, events } = swapAllocation(project({ version: 3 }), swap());
    expect(after.allocations).toEqual([
      allocation('303', HOSPITAL, 6, true),
      allocation('202', UNIVERSITY, 4, true),
    ]);
    expect(after.unmet).toBe(0);
    expect(after.version).toBe(4);
    expect(events).toEqual([
      {
        type: 'status-changed',
        projectId: PROJECT_ID,
        allianceId: ALLIANCE,
        from: 'proposed',
        to: 'proposed',
        version: 4,
        actor: 'coordinator-1',
        action: 'allocation-swapped',
        reason: 'allocation moved from 101 to 303',
        details: { from: '101', to: '303', quantity: 6 },
        at: T0,
      },
    ]);
  });

  it('takes another quantity when asked', () => {
    const { project: after, events } = swapAllocation(project(), swap({ quantity: 2 }));
    expect(after.allocations[0]).toEqual(allocation('303', HOSPITAL, 2, true));
    expect(after.unmet).toBe(4);
    expect(events[0]).toMatchObject({ details: { quantity: 2 } });
  });

  it.each([undefined, 303, '', 'abc', '3a', 'a3'])('refuses swapTo %p', (toResourceItemPk) => {
    const error = refusal(() => swapAllocation(project(), swap({ toResourceItemPk })));
    expect(error.code).toBe('invalid-request');
    expect(error.message).toBe(
      'swapTo must be the resourceItemPk of a candidate (see GET /projects/{projectId}/candidates)',
    );
    expect(error.field).toBe('swapTo');
  });

  it.each([0, 1.5, '2', null])('refuses quantity %p', (quantity) => {
    const error = refusal(() => swapAllocation(project(), swap({ quantity })));
    expect(error.message).toBe('quantity must be a whole number of at least 1');
    expect(error.field).toBe('quantity');
  });

  it('swaps in proposals only', () => {
    expect(refusal(() => swapAllocation(project({ status: 'offered' }), swap())).message).toBe(
      `project ${PROJECT_ID} is offered; only proposed projects can be edited`,
    );
  });

  it('refuses an allocation the project does not have', () => {
    const error = refusal(() => swapAllocation(project(), swap({ fromResourceItemPk: '999' })));
    expect(error.code).toBe('allocation-not-found');
    expect(error.message).toBe(`project ${PROJECT_ID} has no allocation from resource item 999`);
  });

  it('refuses an item that already serves the project', () => {
    const error = refusal(() => swapAllocation(project(), swap({ toResourceItemPk: '202' })));
    expect(error.code).toBe('invalid-request');
    expect(error.message).toBe('resource item 202 already serves this project; edit its quantity instead');
    expect(error.field).toBe('swapTo');
  });

  it('refuses an item that is not a candidate', () => {
    const error = refusal(() => swapAllocation(project(), swap({ target: undefined })));
    expect(error.code).toBe('not-a-candidate');
    expect(error.message).toBe(
      'resource item 303 cannot serve this demand (category, unit, place, time or capacity)',
    );
    expect(error.field).toBeUndefined();
  });

  it('applies the one capacity check with the swap’s wording', () => {
    expect(refusal(() => swapAllocation(project(), swap({ quantity: 7 }))).message).toBe(
      'the demand asks for 10; at most 6 can come from the new resource',
    );
    expect(
      refusal(() => swapAllocation(project(), swap({ target: { unitId: HOSPITAL, remainingCapacity: 5 } })))
        .message,
    ).toBe('resource item 303 has only 5 left for this project');
  });
});
