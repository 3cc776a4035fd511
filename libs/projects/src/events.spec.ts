import { statusChangedPayload, type ProjectStatusChangedEvent } from './events';

const event: ProjectStatusChangedEvent = {
  type: 'status-changed',
  projectId: 'p1',
  allianceId: 'jianxi',
  from: 'proposed',
  to: 'rejected',
  version: 4,
  actor: 'coordinator-1',
  action: 'rejected',
  reason: 'duplicate',
  at: Date.UTC(2026, 11, 1, 9, 30),
};

describe('statusChangedPayload', () => {
  it('is the projects.status-changed.v1 payload with the caller’s event id', () => {
    expect(statusChangedPayload(event, 'e1')).toEqual({
      eventId: 'e1',
      projectId: 'p1',
      allianceId: 'jianxi',
      from: 'proposed',
      to: 'rejected',
      version: 4,
      actor: 'coordinator-1',
      reason: 'duplicate',
      changedAt: '2026-12-01T09:30:00.000Z',
    });
  });

  it('leaves the reason out when there is none', () => {
    const { reason: _reason, ...withoutReason } = event;
    expect('reason' in statusChangedPayload(withoutReason, 'e2')).toBe(false);
  });
});
