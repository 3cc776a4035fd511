import fc from 'fast-check';
import type { ProjectStatus } from '@redcrowd/contracts';
import {
  ACADEMY,
  allocation,
  ALLIANCE,
  HOSPITAL,
  HOUR,
  openOffer,
  PROJECT_ID,
  project,
  T0,
  UNIVERSITY,
} from '../test/fixtures';
import { claim, decideClaim, type ClaimContext } from './claims';
import { claimedQuantity, type Offer, type Project } from './model';
import { expire } from './offers';

const EXPIRES = T0 + 48 * HOUR;
type Header = {
  id: string;
  allianceId: string;
  status: ProjectStatus;
  version: number;
  requested: number;
  unmet: number;
};
const header = (overrides: Partial<Header> = {}): Header => ({
  id: PROJECT_ID,
  allianceId: ALLIANCE,
  status: 'offered',
  version: 5,
  requested: 10,
  unmet: 0,
  ...overrides,
});
const context = (overrides: Partial<ClaimContext<Header>> = {}): ClaimContext<Header> => ({
  claim: { projectId: PROJECT_ID, unitId: UNIVERSITY, quantity: 4 },
  project: header(),
  accepted: new Map([[ACADEMY, 6]]),
  openOffer: { quantity: 4, expiresAt: EXPIRES },
  now: T0,
  ...overrides,
});

describe('decideClaim', () => {
  it('accepts the claim that completes the allocation and moves the project to claimed', () => {
    expect(decideClaim(context())).toEqual({
      verdict: { decision: 'accepted', acceptedQuantity: 4, fullyClaimed: true },
      project: header({ status: 'claimed', version: 6 }),
      events: [
        {
          type: 'status-changed',
          projectId: PROJECT_ID,
          allianceId: ALLIANCE,
          from: 'offered',
          to: 'claimed',
          version: 6,
          actor: UNIVERSITY,
          action: 'claimed',
          reason: 'fully claimed',
          at: T0,
        },
      ],
    });
  });

  it('accepts part of the allocation and leaves the project offered', () => {
    expect(
      decideClaim(context({ claim: { projectId: PROJECT_ID, unitId: UNIVERSITY, quantity: 3 } })),
    ).toEqual({
      verdict: { decision: 'accepted', acceptedQuantity: 3, fullyClaimed: false },
      project: header(),
      events: [],
    });
  });

  it.each([
    ['no project', { project: undefined }, 'project-not-claimable', `no project ${PROJECT_ID}`],
    [
      'a project not offered',
      { project: header({ status: 'claimed' }) },
      'project-not-claimable',
      `project ${PROJECT_ID} is claimed, not open for claims`,
    ],
    [
      'a unit that claimed already',
      { accepted: new Map([[UNIVERSITY, 1]]) },
      'already-claimed',
      `unit ${UNIVERSITY} already claimed project ${PROJECT_ID}`,
    ],
    [
      'a unit without an offer',
      { openOffer: undefined },
      'not-offered',
      `project ${PROJECT_ID} is not offered to unit ${UNIVERSITY}`,
    ],
    [
      'an offer expired right now',
      { now: EXPIRES },
      'offer-expired',
      'the offer expired at 2026-12-03T01:00:00.000Z',
    ],
    [
      'more than the offer',
      { openOffer: { quantity: 3, expiresAt: EXPIRES } },
      'over-quantity',
      '4 asked, but only 3 can be claimed by this unit now',
    ],
    [
      'more than is left',
      { accepted: new Map([[ACADEMY, 7]]) },
      'over-quantity',
      '4 asked, but only 3 can be claimed by this unit now',
    ],
    [
      'more than the allocation (what is unmet cannot be claimed)',
      { project: header({ unmet: 1 }) },
      'over-quantity',
      '4 asked, but only 3 can be claimed by this unit now',
    ],
    [
      'a quantity of nothing',
      { claim: { projectId: PROJECT_ID, unitId: UNIVERSITY, quantity: 0 } },
      'invalid-claim',
      'quantity must be a whole number of at least 1',
    ],
    [
      'a part of a unit',
      { claim: { projectId: PROJECT_ID, unitId: UNIVERSITY, quantity: 1.5 } },
      'invalid-claim',
      'quantity must be a whole number of at least 1',
    ],
  ] as const)('rejects %s', (_name, overrides, code, reason) => {
    const before = context(overrides as Partial<ClaimContext<Header>>);
    expect(decideClaim(before)).toEqual({
      verdict: { decision: 'rejected', acceptedQuantity: 0, code, reason },
      project: before.project,
      events: [],
    });
  });

  it('accepts a claim one millisecond before its offer expires', () => {
    expect(decideClaim(context({ now: EXPIRES - 1 })).verdict.decision).toBe('accepted');
  });

  it('checks in today’s order: project, unit, offer, expiry, quantity', () => {
    const everythingWrong = context({
      claim: { projectId: PROJECT_ID, unitId: UNIVERSITY, quantity: 99 },
      accepted: new Map([[UNIVERSITY, 1]]),
      openOffer: { quantity: 1, expiresAt: T0 - 1 },
    });
    expect(
      decideClaim({ ...everythingWrong, project: header({ status: 'approved' }) }).verdict,
    ).toMatchObject({
      code: 'project-not-claimable',
    });
    expect(decideClaim(everythingWrong).verdict).toMatchObject({ code: 'already-claimed' });
    expect(
      decideClaim({ ...everythingWrong, accepted: new Map(), openOffer: undefined }).verdict,
    ).toMatchObject({
      code: 'not-offered',
    });
    expect(decideClaim({ ...everythingWrong, accepted: new Map() }).verdict).toMatchObject({
      code: 'offer-expired',
    });
  });
});

const paired = (unitId: string, quantity: number): Offer =>
  openOffer(`paired:${unitId}`, unitId, quantity, EXPIRES);

describe('claim', () => {
  const offered = (overrides: Partial<Project> = {}): Project =>
    project({
      status: 'offered',
      version: 5,
      allocations: [allocation('101', ACADEMY, 6, true), allocation('202', UNIVERSITY, 4, true)],
      offers: [paired(ACADEMY, 6), paired(UNIVERSITY, 4)],
      ...overrides,
    });

  it('records the claim and closes the unit’s offer', () => {
    const { project: after, events, verdict } = claim(offered(), { unitId: ACADEMY, quantity: 5 }, T0);
    expect(verdict).toEqual({ decision: 'accepted', acceptedQuantity: 5, fullyClaimed: false });
    expect(after.claims).toEqual([{ unitId: ACADEMY, quantity: 5 }]);
    expect(after.offers).toEqual([{ ...paired(ACADEMY, 6), status: 'claimed' }, paired(UNIVERSITY, 4)]);
    expect(after.status).toBe('offered');
    expect(events).toEqual([]);
  });

  it('withdraws the other open offers once the project is fully claimed', () => {
    const before = offered({
      claims: [{ unitId: ACADEMY, quantity: 6 }],
      offers: [
        { ...paired(ACADEMY, 6), status: 'claimed' },
        paired(UNIVERSITY, 4),
        openOffer('x', HOSPITAL, 4, EXPIRES, 'open-hall'),
      ],
    });
    const { project: after, events } = claim(before, { unitId: UNIVERSITY, quantity: 4 }, T0);
    expect(after.status).toBe('claimed');
    expect(after.version).toBe(6);
    expect(after.offers.map((entry) => entry.status)).toEqual(['claimed', 'claimed', 'withdrawn']);
    expect(after.claims).toEqual([
      { unitId: ACADEMY, quantity: 6 },
      { unitId: UNIVERSITY, quantity: 4 },
    ]);
    expect(events).toMatchObject([{ to: 'claimed', reason: 'fully claimed', actor: UNIVERSITY }]);
  });

  it('claims through the open-hall offer before a paired one', () => {
    const hall = openOffer('h', ACADEMY, 10, EXPIRES + HOUR, 'open-hall');
    const before = offered({ offers: [{ ...paired(ACADEMY, 6), expiresAt: T0 - 1 }, hall] });
    const { project: after, verdict } = claim(before, { unitId: ACADEMY, quantity: 8 }, T0);
    expect(verdict.decision).toBe('accepted');
    expect(after.offers.map((entry) => entry.status)).toEqual(['open', 'claimed']);
  });

  it('does not claim through an offer that is no longer open', () => {
    for (const status of ['declined', 'expired', 'withdrawn', 'claimed'] as const) {
      const before = offered({ offers: [{ ...paired(ACADEMY, 6), status }, paired(UNIVERSITY, 4)] });
      expect(claim(before, { unitId: ACADEMY, quantity: 1 }, T0).verdict).toMatchObject({
        code: 'not-offered',
      });
    }
  });

  it('leaves the project as it was when it rejects', () => {
    const before = offered();
    const outcome = claim(before, { unitId: HOSPITAL, quantity: 1 }, T0);
    expect(outcome).toEqual({
      project: before,
      events: [],
      verdict: {
        decision: 'rejected',
        acceptedQuantity: 0,
        code: 'not-offered',
        reason: `project ${PROJECT_ID} is not offered to unit ${HOSPITAL}`,
      },
    });
  });

  it('never accepts more than the allocation, whatever claims arrive in whatever order', () => {
    const units = [ACADEMY, UNIVERSITY, HOSPITAL, 'unit-4'];
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('claim' as const),
        unit: fc.constantFrom(...units),
        quantity: fc.integer({ min: -1, max: 12 }),
        hours: fc.integer({ min: 0, max: 60 }),
      }),
      fc.record({ kind: fc.constant('sweep' as const), hours: fc.integer({ min: 0, max: 120 }) }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...units), fc.integer({ min: 1, max: 6 })), {
          minLength: 1,
          maxLength: 4,
        }),
        fc.integer({ min: 0, max: 5 }),
        fc.array(step, { maxLength: 25 }),
        (shares, unmet, steps) => {
          const allocations = shares.map(([unitId, quantity], index) =>
            allocation(String(index), unitId, quantity, true),
          );
          const given = allocations.reduce((sum, entry) => sum + entry.quantity, 0);
          const perUnit = new Map<string, number>();
          for (const entry of allocations)
            perUnit.set(entry.unitId, (perUnit.get(entry.unitId) ?? 0) + entry.quantity);
          let state = project({
            status: 'offered',
            requested: given + unmet,
            unmet,
            allocations,
            offers: [...perUnit].map(([unitId, quantity]) => paired(unitId, quantity)),
          });
          let now = T0;
          for (const next of steps) {
            now += next.hours * HOUR;
            state =
              next.kind === 'claim'
                ? claim(state, { unitId: next.unit, quantity: next.quantity }, now).project
                : expire(state, {
                    actor: 'matcher',
                    at: now,
                    expiresAt: now + 48 * HOUR,
                    newOfferId: (unitId, stage) => `${stage}:${unitId}`,
                    openHallUnits: units,
                  }).project;
            expect(claimedQuantity(state.claims)).toBeLessThanOrEqual(state.requested - state.unmet);
            expect(new Set(state.claims.map((entry) => entry.unitId)).size).toBe(state.claims.length);
            expect(state.claims.every((entry) => entry.quantity >= 1)).toBe(true);
            if (state.status === 'claimed' && state.claims.length > 0) {
              expect(state.offers.some((entry) => entry.status === 'open')).toBe(false);
            }
          }
        },
      ),
    );
  });
});
