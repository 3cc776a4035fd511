import { PROJECT_STATUSES, type ProjectStatus } from '@redcrowd/contracts';
import { PROJECT_ID, project, T0 } from '../test/fixtures';
import { ProjectError } from './errors';
import {
  ALL_STATUSES,
  assertTransition,
  assertVersion,
  canBecome,
  END_STATUSES,
  moveTo,
  NEXT_STATUSES,
  recordEdit,
  requireStatus,
} from './lifecycle';

const EDGES: Array<[ProjectStatus, ProjectStatus]> = [
  ['proposed', 'approved'],
  ['proposed', 'rejected'],
  ['proposed', 'cancelled'],
  ['approved', 'offered'],
  ['approved', 'cancelled'],
  ['offered', 'claimed'],
  ['offered', 'expired'],
  ['offered', 'cancelled'],
  ['claimed', 'in-progress'],
  ['claimed', 'cancelled'],
  ['in-progress', 'completed'],
  ['in-progress', 'cancelled'],
];

function thrown(action: () => unknown): ProjectError {
  try {
    action();
  } catch (error) {
    if (error instanceof ProjectError) return error;
    throw error;
  }
  throw new Error('expected a ProjectError');
}

describe('project lifecycle', () => {
  it('knows every status of the contract, in its order', () => {
    expect(ALL_STATUSES).toEqual([...PROJECT_STATUSES]);
    expect(Object.keys(NEXT_STATUSES)).toEqual([...PROJECT_STATUSES]);
  });

  it('allows exactly the edges of the 清单+接单 cycle and its ends', () => {
    for (const from of ALL_STATUSES) {
      for (const to of ALL_STATUSES) {
        const edge = EDGES.some(([a, b]) => a === from && b === to);
        expect([from, to, canBecome(from, to)]).toEqual([from, to, edge]);
      }
    }
    expect(NEXT_STATUSES.proposed).toEqual(['approved', 'rejected', 'cancelled']);
    expect(NEXT_STATUSES.offered).toEqual(['claimed', 'expired', 'cancelled']);
  });

  it('closes completed, rejected, cancelled and expired', () => {
    expect(END_STATUSES).toEqual(['completed', 'rejected', 'cancelled', 'expired']);
    for (const end of END_STATUSES) expect(NEXT_STATUSES[end]).toEqual([]);
    expect(Object.isFrozen(NEXT_STATUSES)).toBe(true);
    expect(Object.isFrozen(ALL_STATUSES)).toBe(true);
    expect(Object.isFrozen(END_STATUSES)).toBe(true);
  });

  it('lets every edge pass', () => {
    for (const [from, to] of EDGES) expect(() => assertTransition('p1', from, to)).not.toThrow();
  });

  it('refuses a skipped step and says what the project can become instead', () => {
    const error = thrown(() => assertTransition('p1', 'proposed', 'claimed'));
    expect(error.code).toBe('illegal-transition');
    expect(error.message).toBe(
      'project p1 is proposed and cannot become claimed; it can only become approved or rejected or cancelled',
    );
    expect(error.name).toBe('ProjectError');
    expect(error).toBeInstanceOf(Error);
  });

  it('refuses a repeated decision', () => {
    expect(thrown(() => assertTransition('p1', 'approved', 'approved')).message).toBe(
      'project p1 is approved and cannot become approved; it can only become offered or cancelled',
    );
  });

  it('refuses any change of a closed project', () => {
    expect(thrown(() => assertTransition('p1', 'completed', 'cancelled')).message).toBe(
      'project p1 is completed and cannot become cancelled; it is closed',
    );
    expect(thrown(() => assertTransition('p1', 'rejected', 'approved')).message).toBe(
      'project p1 is rejected and cannot become approved; it is closed',
    );
  });
});

describe('assertVersion', () => {
  it('accepts a decision on the current version or without one', () => {
    expect(() => assertVersion(project({ version: 3 }), 3)).not.toThrow();
    expect(() => assertVersion(project({ version: 3 }), undefined)).not.toThrow();
  });

  it('refuses a decision taken on another version', () => {
    const error = thrown(() => assertVersion(project({ version: 3 }), 2));
    expect(error.code).toBe('version-conflict');
    expect(error.message).toBe(`project ${PROJECT_ID} is at version 3, not 2: reload it and decide again`);
  });
});

describe('moveTo and recordEdit', () => {
  it('moves along the graph, one version up, with the event that says so', () => {
    const before = project({ status: 'proposed', version: 3 });
    const { project: after, event } = moveTo(before, 'approved', { actor: 'coordinator-1', at: T0 });
    expect(after).toEqual({ ...before, status: 'approved', version: 4 });
    expect(before.status).toBe('proposed');
    expect(event).toEqual({
      type: 'status-changed',
      projectId: PROJECT_ID,
      allianceId: 'jianxi',
      from: 'proposed',
      to: 'approved',
      version: 4,
      actor: 'coordinator-1',
      action: 'approved',
      at: T0,
    });
    expect('reason' in event).toBe(false);
    expect('details' in event).toBe(false);
  });

  it('carries a reason when there is one', () => {
    const { event } = moveTo(project(), 'rejected', { actor: 'c', at: T0, reason: 'duplicate' });
    expect(event.reason).toBe('duplicate');
  });

  it('refuses an illegal move', () => {
    expect(() => moveTo(project({ status: 'offered' }), 'approved', { actor: 'c', at: T0 })).toThrow(
      'cannot become approved',
    );
  });

  it('records an edit in place as a versioned change of the same status', () => {
    const { project: after, event } = recordEdit(project({ version: 5 }), {
      actor: 'c',
      at: T0,
      action: 'allocation-edited',
      reason: 'why',
      details: { resourceItemPk: '101', from: 6, to: 5 },
    });
    expect(after.version).toBe(6);
    expect(after.status).toBe('proposed');
    expect(event).toMatchObject({
      from: 'proposed',
      to: 'proposed',
      version: 6,
      action: 'allocation-edited',
      reason: 'why',
      details: { resourceItemPk: '101', from: 6, to: 5 },
    });
  });
});

describe('requireStatus', () => {
  it('passes the status it asks for and refuses others by name', () => {
    expect(() => requireStatus(project({ status: 'proposed' }), 'proposed', 'edited')).not.toThrow();
    const error = thrown(() => requireStatus(project({ status: 'approved' }), 'proposed', 'edited'));
    expect(error.code).toBe('illegal-transition');
    expect(error.message).toBe(`project ${PROJECT_ID} is approved; only proposed projects can be edited`);
  });
});
