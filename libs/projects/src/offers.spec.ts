import {
  ACADEMY,
  allocation,
  ALLIANCE,
  HOSPITAL,
  HOUR,
  offerIds,
  openOffer,
  PROJECT_ID,
  project,
  T0,
  UNIVERSITY,
  refusal,
} from '../test/fixtures';
import type { Offer, Project } from './model';
import { decline, expire, offer, openHall, type MoveOn } from './offers';

const EXPIRES = T0 + 48 * HOUR;
const window = { actor: 'coordinator-1', at: T0, expiresAt: EXPIRES, newOfferId: offerIds };

const paired = (unitId: string, quantity: number, status: Offer['status'] = 'open'): Offer => ({
  ...openOffer(`paired:${unitId}`, unitId, quantity, EXPIRES),
  status,
});
const hall = (
  unitId: string,
  quantity: number,
  status: Offer['status'] = 'open',
  expiresAt = EXPIRES + 48 * HOUR,
): Offer => ({
  ...openOffer(`open-hall:${unitId}`, unitId, quantity, expiresAt, 'open-hall'),
  status,
});

/** Offered to the academy (6) and the university (4); the hospital fits the open hall. */
const offered = (overrides: Partial<Project> = {}): Project =>
  project({
    status: 'offered',
    version: 5,
    allocations: [allocation('101', ACADEMY, 6, true), allocation('202', UNIVERSITY, 4, true)],
    offers: [paired(ACADEMY, 6), paired(UNIVERSITY, 4)],
    ...overrides,
  });

const moveOn = (at: number, openHallUnits: string[] = [HOSPITAL]): MoveOn => ({
  actor: 'matcher',
  at,
  expiresAt: at + 48 * HOUR,
  newOfferId: offerIds,
  openHallUnits,
});

describe('offer', () => {
  it('offers an approved project to its paired units, each its summed share', () => {
    const approved = project({
      status: 'approved',
      version: 4,
      allocations: [
        allocation('101', ACADEMY, 5, true),
        allocation('202', UNIVERSITY, 4, true),
        allocation('303', ACADEMY, 1, true),
      ],
    });
    const { project: after, events } = offer(approved, window);
    expect(after.status).toBe('offered');
    expect(after.version).toBe(5);
    expect(after.offers).toEqual([paired(ACADEMY, 6), paired(UNIVERSITY, 4)]);
    expect(events).toEqual([
      { type: 'offer-made', projectId: PROJECT_ID, allianceId: ALLIANCE, offer: paired(ACADEMY, 6), at: T0 },
      {
        type: 'offer-made',
        projectId: PROJECT_ID,
        allianceId: ALLIANCE,
        offer: paired(UNIVERSITY, 4),
        at: T0,
      },
      {
        type: 'status-changed',
        projectId: PROJECT_ID,
        allianceId: ALLIANCE,
        from: 'approved',
        to: 'offered',
        version: 5,
        actor: 'coordinator-1',
        action: 'offered',
        reason: 'offered to the paired units',
        at: T0,
      },
    ]);
  });

  it('offers approved projects only', () => {
    expect(refusal(() => offer(project(), window)).message).toBe(
      `project ${PROJECT_ID} is proposed and cannot become offered; it can only become approved or rejected or cancelled`,
    );
  });

  it('refuses offers that would expire as they are made', () => {
    const error = refusal(() => offer(project({ status: 'approved' }), { ...window, expiresAt: T0 }));
    expect(error.code).toBe('invalid-request');
    expect(error.message).toBe('an offer must expire after it is made');
    expect(() => offer(project({ status: 'approved' }), { ...window, expiresAt: T0 + 1 })).not.toThrow();
  });
});

describe('openHall', () => {
  const hallWindow = { ...window, units: [HOSPITAL, ACADEMY, HOSPITAL] };

  it('offers what is left to every fitting unit, once each', () => {
    const partly = offered({ claims: [{ unitId: ACADEMY, quantity: 6 }] });
    const { project: after, events } = openHall(partly, hallWindow);
    const made = [hall(HOSPITAL, 4, 'open', EXPIRES), hall(ACADEMY, 4, 'open', EXPIRES)];
    expect(after.offers).toEqual([...partly.offers, ...made]);
    expect(after.version).toBe(partly.version);
    expect(events).toEqual(
      made.map((entry) => ({
        type: 'offer-made',
        projectId: PROJECT_ID,
        allianceId: ALLIANCE,
        offer: entry,
        at: T0,
      })),
    );
  });

  it('skips units that had an open-hall offer already', () => {
    const before = offered({ offers: [hall(HOSPITAL, 10, 'expired')] });
    expect(openHall(before, hallWindow).project.offers.map((entry) => entry.id)).toEqual([
      `open-hall:${HOSPITAL}`,
      `open-hall:${ACADEMY}`,
    ]);
  });

  it('offers nothing when nothing is left', () => {
    const full = offered({
      claims: [
        { unitId: ACADEMY, quantity: 6 },
        { unitId: UNIVERSITY, quantity: 4 },
      ],
    });
    expect(openHall(full, hallWindow)).toEqual({ project: full, events: [] });
  });

  it('offers the allocation, not what is unmet', () => {
    const short = offered({ unmet: 3, allocations: [allocation('101', ACADEMY, 7, true)], offers: [] });
    expect(openHall(short, { ...window, units: [HOSPITAL] }).project.offers[0]!.quantity).toBe(7);
  });

  it('opens offered projects only, with a window in the future', () => {
    expect(refusal(() => openHall(project({ status: 'claimed' }), hallWindow)).message).toBe(
      `project ${PROJECT_ID} is claimed; only offered projects can be offered in the open hall`,
    );
    expect(refusal(() => openHall(offered(), { ...hallWindow, expiresAt: T0 - 1 })).code).toBe(
      'invalid-request',
    );
  });
});

describe('expire', () => {
  it('leaves anything but an offered project as it is', () => {
    const claimed = offered({ status: 'claimed' });
    expect(expire(claimed, moveOn(EXPIRES))).toEqual({ project: claimed, events: [], rematch: false });
  });

  it('waits while an offer is still open', () => {
    const before = offered({
      offers: [paired(ACADEMY, 6), { ...paired(UNIVERSITY, 4), expiresAt: EXPIRES + 1 }],
    });
    const { project: after, events, rematch } = expire(before, moveOn(EXPIRES));
    expect(after.offers.map((entry) => entry.status)).toEqual(['expired', 'open']);
    expect(after.status).toBe('offered');
    expect(after.version).toBe(before.version);
    expect(events).toEqual([]);
    expect(rematch).toBe(false);
  });

  it('closes nothing before its time', () => {
    const before = offered();
    expect(expire(before, moveOn(EXPIRES - 1)).project.offers).toEqual(before.offers);
  });

  it('opens the hall once when the paired offers ran out and something is left', () => {
    const before = offered({
      claims: [{ unitId: ACADEMY, quantity: 6 }],
      offers: [paired(ACADEMY, 6, 'claimed'), paired(UNIVERSITY, 4)],
    });
    const { project: after, events, rematch } = expire(before, moveOn(EXPIRES));
    expect(after.status).toBe('offered');
    expect(after.offers).toEqual([
      paired(ACADEMY, 6, 'claimed'),
      paired(UNIVERSITY, 4, 'expired'),
      hall(HOSPITAL, 4, 'open', EXPIRES + 48 * HOUR),
    ]);
    expect(events).toEqual([
      {
        type: 'offer-made',
        projectId: PROJECT_ID,
        allianceId: ALLIANCE,
        offer: hall(HOSPITAL, 4, 'open', EXPIRES + 48 * HOUR),
        at: EXPIRES,
      },
    ]);
    expect(rematch).toBe(false);
  });

  it('goes ahead with what was claimed when the open hall ran out too', () => {
    const before = offered({
      claims: [{ unitId: ACADEMY, quantity: 6 }],
      offers: [paired(ACADEMY, 6, 'claimed'), paired(UNIVERSITY, 4, 'expired'), hall(HOSPITAL, 4)],
    });
    const at = EXPIRES + 48 * HOUR;
    const { project: after, events, rematch } = expire(before, moveOn(at));
    expect(after.status).toBe('claimed');
    expect(after.version).toBe(6);
    expect(after.offers[2]!.status).toBe('expired');
    expect(after.allocations).toEqual(before.allocations);
    expect(events).toEqual([
      {
        type: 'status-changed',
        projectId: PROJECT_ID,
        allianceId: ALLIANCE,
        from: 'offered',
        to: 'claimed',
        version: 6,
        actor: 'matcher',
        action: 'claimed',
        reason: 'partly claimed: 6 of 10',
        at,
      },
    ]);
    expect(rematch).toBe(false);
  });

  it('goes ahead at once when no unit fits the open hall', () => {
    const before = offered({
      claims: [{ unitId: ACADEMY, quantity: 2 }],
      offers: [paired(ACADEMY, 6, 'claimed'), paired(UNIVERSITY, 4)],
    });
    const { project: after, events } = expire(before, moveOn(EXPIRES, []));
    expect(after.status).toBe('claimed');
    expect(events[0]).toMatchObject({ reason: 'partly claimed: 2 of 10' });
  });

  it('expires an unclaimed project, releases its items and asks for a new round', () => {
    const before = offered({
      offers: [paired(ACADEMY, 6), paired(UNIVERSITY, 4), hall(HOSPITAL, 10, 'expired')],
    });
    const { project: after, events, rematch } = expire(before, moveOn(EXPIRES));
    expect(after.status).toBe('expired');
    expect(after.allocations).toEqual([allocation('101', ACADEMY, 6), allocation('202', UNIVERSITY, 4)]);
    expect(after.offers.map((entry) => entry.status)).toEqual(['expired', 'expired', 'expired']);
    expect(events).toEqual([
      {
        type: 'status-changed',
        projectId: PROJECT_ID,
        allianceId: ALLIANCE,
        from: 'offered',
        to: 'expired',
        version: 6,
        actor: 'matcher',
        action: 'expired',
        reason: 'nobody claimed it in time',
        at: EXPIRES,
      },
    ]);
    expect(rematch).toBe(true);
  });

  it('opens the hall only once, even for units that fit it since', () => {
    const before = offered({
      offers: [paired(ACADEMY, 6, 'declined'), paired(UNIVERSITY, 4), hall(UNIVERSITY, 10, 'expired')],
    });
    const { project: after, rematch } = expire(before, moveOn(EXPIRES, [HOSPITAL]));
    expect(after.status).toBe('expired');
    expect(after.offers).toHaveLength(3);
    expect(rematch).toBe(true);
  });

  it('does not open the hall for a project with nothing left to claim', () => {
    const before = offered({ unmet: 10, allocations: [], offers: [] });
    const { project: after } = expire(before, moveOn(EXPIRES));
    expect(after.status).toBe('expired');
    expect(after.offers).toEqual([]);
  });
});

describe('decline', () => {
  it('closes the unit’s open offer and waits for the others', () => {
    const {
      project: after,
      events,
      rematch,
    } = decline(offered(), { offerId: `paired:${ACADEMY}`, unitId: ACADEMY }, moveOn(T0));
    expect(after.offers).toEqual([paired(ACADEMY, 6, 'declined'), paired(UNIVERSITY, 4)]);
    expect(events).toEqual([]);
    expect(rematch).toBe(false);
  });

  it('moves on to the open hall when the last open offer is declined', () => {
    const before = offered({ offers: [paired(ACADEMY, 6, 'declined'), paired(UNIVERSITY, 4)] });
    const { project: after, events } = decline(
      before,
      { offerId: `paired:${UNIVERSITY}`, unitId: UNIVERSITY },
      moveOn(T0),
    );
    expect(after.offers.map((entry) => [entry.unitId, entry.stage, entry.status])).toEqual([
      [ACADEMY, 'paired', 'declined'],
      [UNIVERSITY, 'paired', 'declined'],
      [HOSPITAL, 'open-hall', 'open'],
    ]);
    expect(events.map((event) => event.type)).toEqual(['offer-made']);
  });

  it('keeps the reason the unit gave, trimmed, and none when it gave only spaces', () => {
    const said = decline(
      offered(),
      { offerId: `paired:${ACADEMY}`, unitId: ACADEMY, reason: '  本月场地已排满  ' },
      moveOn(T0),
    );
    expect(said.project.offers[0]).toEqual({
      ...paired(ACADEMY, 6, 'declined'),
      declineReason: '本月场地已排满',
    });
    const blank = decline(
      offered(),
      { offerId: `paired:${ACADEMY}`, unitId: ACADEMY, reason: '   ' },
      moveOn(T0),
    );
    expect(blank.project.offers[0]).toEqual(paired(ACADEMY, 6, 'declined'));
  });

  it.each([42, 'x'.repeat(501)])('refuses a reason that is not short text: %p', (reason) => {
    const error = refusal(() =>
      decline(offered(), { offerId: `paired:${ACADEMY}`, unitId: ACADEMY, reason }, moveOn(T0)),
    );
    expect([error.code, error.field, error.message]).toEqual([
      'invalid-request',
      'reason',
      'reason must be text of at most 500 characters',
    ]);
    // 500 characters are fine.
    expect(() =>
      decline(
        offered(),
        { offerId: `paired:${ACADEMY}`, unitId: ACADEMY, reason: 'x'.repeat(500) },
        moveOn(T0),
      ),
    ).not.toThrow();
  });

  it('never offers the project in the open hall to a unit that declined it', () => {
    const before = offered({ offers: [paired(ACADEMY, 6, 'declined'), paired(UNIVERSITY, 4)] });
    const { project: after } = decline(
      before,
      { offerId: `paired:${UNIVERSITY}`, unitId: UNIVERSITY },
      moveOn(T0, [ACADEMY, UNIVERSITY, HOSPITAL]),
    );
    expect(after.offers.filter((entry) => entry.stage === 'open-hall').map((entry) => entry.unitId)).toEqual([
      HOSPITAL,
    ]);
  });

  it('refuses an offer that does not exist or is another unit’s', () => {
    for (const [offerId, unitId] of [
      ['nope', ACADEMY],
      [`paired:${ACADEMY}`, UNIVERSITY],
    ] as const) {
      const error = refusal(() => decline(offered(), { offerId, unitId }, moveOn(T0)));
      expect(error.code).toBe('offer-not-found');
      expect(error.message).toBe(`no offer ${offerId} to unit ${unitId}`);
    }
  });

  it('refuses an offer that is no longer open', () => {
    const before = offered({ offers: [paired(ACADEMY, 6, 'claimed'), paired(UNIVERSITY, 4)] });
    const error = refusal(() =>
      decline(before, { offerId: `paired:${ACADEMY}`, unitId: ACADEMY }, moveOn(T0)),
    );
    expect(error.code).toBe('illegal-transition');
    expect(error.message).toBe(`offer paired:${ACADEMY} is claimed; only open offers can be declined`);
  });
});
