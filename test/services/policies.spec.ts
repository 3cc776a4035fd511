import { AlliancePolicyService } from '../../apps/matcher/src/policies/alliance-policy.service';
import { PoliciesModule } from '../../apps/matcher/src/policies/policies.module';
import { startServices, type ServicesContext } from '@test/support/services-context';

/** An alliance's own rules (联席会 policy) against a real Postgres: defaults, overrides, refusals. */
describe('alliance policy use cases', () => {
  let context: ServicesContext;
  let policies: AlliancePolicyService;

  beforeAll(async () => {
    context = await startServices([PoliciesModule]);
    policies = context.get(AlliancePolicyService);
  }, 60_000);

  afterAll(() => context?.close());

  const alliance = () => `alliance-policy-${Math.random().toString(36).slice(2, 10)}`;

  it("falls back to the deployment's defaults until the alliance sets its own", async () => {
    const allianceId = alliance();
    const defaults = await policies.get(allianceId);
    expect(defaults).toMatchObject({ offerWindowMs: 48 * 3_600_000, pointsPerProject: 10 });
    const set = await policies.put(allianceId, {
      pointsPerProject: 20,
      matching: { weights: { category: 2, tags: 0, distance: 1, window: 1 } },
    });
    expect(set).toMatchObject({
      offerWindowMs: 48 * 3_600_000,
      pointsPerProject: 20,
      matching: { weights: { category: 2, tags: 0, distance: 1, window: 1 } },
    });
    expect(await policies.get(allianceId)).toEqual({
      ...set,
      matching: { ...set.matching, now: expect.any(Number) },
    });
    // null gives a value back to the deployment's default.
    expect(await policies.put(allianceId, { pointsPerProject: null })).toMatchObject({
      pointsPerProject: 10,
    });
  });

  it('keeps registration closed until the alliance opens it; left out or null closes it again', async () => {
    const allianceId = alliance();
    expect(await policies.get(allianceId)).toMatchObject({ openRegistration: false });
    expect(await policies.put(allianceId, { openRegistration: true })).toMatchObject({
      openRegistration: true,
    });
    const { rows } = await context.db.query(
      `SELECT open_registration FROM alliance_policies WHERE alliance_id = $1`,
      [allianceId],
    );
    expect(rows).toEqual([{ open_registration: true }]);
    expect(await policies.put(allianceId, { pointsPerProject: 20 })).toMatchObject({
      openRegistration: false,
    });
    await policies.put(allianceId, { openRegistration: true });
    expect(await policies.put(allianceId, { openRegistration: null })).toMatchObject({
      openRegistration: false,
    });
  });

  it('reads calendar dates in Asia/Shanghai until the alliance names its own time zone', async () => {
    const allianceId = alliance();
    expect(await policies.get(allianceId)).toMatchObject({ timeZone: 'Asia/Shanghai' });
    expect(await policies.put(allianceId, { timeZone: 'Asia/Urumqi' })).toMatchObject({
      timeZone: 'Asia/Urumqi',
    });
    const { rows } = await context.db.query(
      `SELECT time_zone FROM alliance_policies WHERE alliance_id = $1`,
      [allianceId],
    );
    expect(rows).toEqual([{ time_zone: 'Asia/Urumqi' }]);
    // Like every top-level value, leaving it out gives it back to the deployment's default.
    expect(await policies.put(allianceId, { pointsPerProject: 20 })).toMatchObject({
      timeZone: 'Asia/Shanghai',
    });
  });

  it('refuses a policy matching could not work with, and stores nothing', async () => {
    const allianceId = alliance();
    await expect(
      policies.put(allianceId, { matching: { weights: { category: 0, tags: 0, distance: 0, window: 0 } } }),
    ).rejects.toMatchObject({
      code: 'invalid-request',
      field: 'matching',
      message: 'invalid matching policy: weights must not all be zero',
    });
    const { rows } = await context.db.query(
      `SELECT count(*)::int AS n FROM alliance_policies WHERE alliance_id = $1`,
      [allianceId],
    );
    expect(rows[0].n).toBe(0);
  });
});
