import { randomUUID } from 'node:crypto';
import { AccountAdministration, Invitations, SignInService } from '@redcrowd/accounts';
import { AccountsModule } from '../../apps/matcher/src/accounts/accounts.module';
import { enroll } from '@test/support/roster';
import { refusalOf } from '@test/support/refusals';
import { startServices, type ServicesContext } from '@test/support/services-context';

/** Invites against a real Postgres: a coordinator brings a unit's representative in. */
describe('invitations', () => {
  let context: ServicesContext;
  let invitations: Invitations;
  let accounts: AccountAdministration;
  let signIn: SignInService;

  beforeAll(async () => {
    context = await startServices([AccountsModule]);
    invitations = context.get(Invitations);
    accounts = context.get(AccountAdministration);
    signIn = context.get(SignInService);
  }, 60_000);

  afterAll(() => context?.close());

  const PASSWORD = 'kongkong-daodan-2026';
  const newPhone = () => `136${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

  /** An alliance whose roster holds 空空导弹研究院 (active) and a pending community. */
  async function alliance(): Promise<string> {
    const allianceId = `alliance-${randomUUID().slice(0, 8)}`;
    await enroll(context.db, allianceId, { kind: 'unit', id: 'unit-kongkong', name: '空空导弹研究院' });
    await enroll(context.db, allianceId, { kind: 'community', id: 'community-new', name: '新社区' });
    await context.db.query(
      `UPDATE alliance_members SET status = 'pending' WHERE alliance_id = $1 AND member_id = 'community-new'`,
      [allianceId],
    );
    return allianceId;
  }

  it('invites a unit representative, who accepts with a new account and acts for the unit', async () => {
    const allianceId = await alliance();
    const invite = await invitations.create(
      { allianceId, role: 'unit', memberId: 'unit-kongkong', validHours: 72 },
      'coordinator-1',
    );
    expect(invite).toMatchObject({ role: 'unit', memberId: 'unit-kongkong', memberName: '空空导弹研究院' });
    expect(await accounts.describeLink(invite.secret)).toMatchObject({
      purpose: 'invite',
      role: 'unit',
      allianceId,
      unitId: 'unit-kongkong',
      memberName: '空空导弹研究院',
      account: null,
    });
    const login = newPhone();
    const tokens = await invitations.accept(invite.secret, {
      login,
      displayName: '张工',
      password: PASSWORD,
    });
    expect(tokens.membership).toMatchObject({
      role: 'unit',
      allianceId,
      unitId: 'unit-kongkong',
      name: '空空导弹研究院',
    });
    await expect(signIn.signIn({ login, password: PASSWORD })).resolves.toMatchObject({
      account: { displayName: '张工' },
    });
    expect(
      await refusalOf(
        invitations.accept(invite.secret, { login: newPhone(), displayName: '别人', password: PASSWORD }),
      ),
    ).toEqual({
      code: 'link-invalid',
      message: 'this link has been used already; ask for a new one',
    });
    expect((await invitations.list(allianceId)).map((view) => [view.memberName, view.status])).toEqual([
      ['空空导弹研究院', 'used'],
    ]);
  });

  it('adds the membership to an existing account when its password is given, and refuses a wrong one', async () => {
    const allianceId = await alliance();
    const first = await invitations.create({ allianceId, role: 'coordinator', validHours: 1 }, 'admin-1');
    const login = newPhone();
    await invitations.accept(first.secret, { login, displayName: '王书记', password: PASSWORD });
    const second = await invitations.create(
      { allianceId, role: 'unit', memberId: 'unit-kongkong', validHours: 1 },
      'coordinator-1',
    );
    expect(
      await refusalOf(
        invitations.accept(second.secret, { login, displayName: '王书记', password: 'not-the-password-9' }),
      ),
    ).toEqual({
      code: 'account-exists',
      message: `an account signs in as ${login} already; give its password to add this membership to it`,
      field: 'login',
    });
    const tokens = await invitations.accept(second.secret, {
      login,
      displayName: '王书记',
      password: PASSWORD,
    });
    expect(tokens.memberships.map((membership) => membership.role)).toEqual(['coordinator', 'unit']);
    expect(tokens.membership.role).toBe('unit');
  });

  it('refuses invites for members not admitted or not on the roster, and a coordinator invite naming one', async () => {
    const allianceId = await alliance();
    expect(
      await refusalOf(
        invitations.create({ allianceId, role: 'community', memberId: 'community-new', validHours: 1 }, 'c'),
      ),
    ).toEqual({
      code: 'member-not-found',
      message: 'no admitted community community-new on the roster; add or admit it first',
      field: 'memberId',
    });
    expect(
      await refusalOf(
        invitations.create({ allianceId, role: 'unit', memberId: 'unit-nobody', validHours: 1 }, 'c'),
      ),
    ).toMatchObject({
      code: 'member-not-found',
    });
    expect(await refusalOf(invitations.create({ allianceId, role: 'unit', validHours: 1 }, 'c'))).toEqual({
      code: 'invalid-request',
      message: 'an invite for a unit names its roster member',
      field: 'memberId',
    });
    expect(
      await refusalOf(
        invitations.create(
          { allianceId, role: 'coordinator', memberId: 'unit-kongkong', validHours: 1 },
          'c',
        ),
      ),
    ).toMatchObject({ code: 'invalid-request', field: 'memberId' });
  });

  it('refuses an expired invite and a weak password, and keeps the invite usable after a refusal', async () => {
    const allianceId = await alliance();
    const invite = await invitations.create(
      { allianceId, role: 'unit', memberId: 'unit-kongkong', validHours: 1 },
      'c',
    );
    const login = newPhone();
    expect(
      await refusalOf(
        invitations.accept(invite.secret, { login, displayName: '张工', password: 'qwertyuiop' }),
      ),
    ).toEqual({
      code: 'invalid-request',
      message: 'this password is among the first ones guessed',
      field: 'password',
    });
    expect(
      await refusalOf(
        invitations.accept(invite.secret, { login: '12', displayName: '张工', password: PASSWORD }),
      ),
    ).toMatchObject({
      code: 'invalid-request',
      field: 'login',
    });
    await context.db.query(
      `UPDATE account_links SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [invite.id],
    );
    expect(
      await refusalOf(invitations.accept(invite.secret, { login, displayName: '张工', password: PASSWORD })),
    ).toEqual({
      code: 'link-invalid',
      message: 'this link has expired; ask for a new one',
    });
    expect((await invitations.list(allianceId))[0]!.status).toBe('expired');
    // Nothing was created by the refused attempts.
    const { rows } = await context.db.query(`SELECT count(*)::int AS n FROM accounts WHERE login = $1`, [
      login,
    ]);
    expect(rows[0].n).toBe(0);
  });

  it('lets only one of two simultaneous acceptances win', async () => {
    const allianceId = await alliance();
    const invite = await invitations.create(
      { allianceId, role: 'unit', memberId: 'unit-kongkong', validHours: 1 },
      'c',
    );
    const results = await Promise.allSettled([
      invitations.accept(invite.secret, { login: newPhone(), displayName: '甲', password: PASSWORD }),
      invitations.accept(invite.secret, { login: newPhone(), displayName: '乙', password: PASSWORD }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: 'link-invalid' });
  });

  it('lists who acts in the alliance, and ends a membership: its sessions stop, other memberships go on', async () => {
    const allianceId = await alliance();
    const asCoordinator = await invitations.accept(
      (await invitations.create({ allianceId, role: 'coordinator', validHours: 1 }, 'admin-1')).secret,
      { login: newPhone(), displayName: '王书记', password: PASSWORD },
    );
    const login = newPhone();
    const asUnit = await invitations.accept(
      (await invitations.create({ allianceId, role: 'unit', memberId: 'unit-kongkong', validHours: 1 }, 'c'))
        .secret,
      { login, displayName: '张工', password: PASSWORD },
    );
    const listed = await accounts.membershipsOf(allianceId);
    expect(listed.map((row) => [row.role, row.displayName, row.name])).toEqual([
      ['coordinator', '王书记', null],
      ['unit', '张工', '空空导弹研究院'],
    ]);
    expect(listed[1]).toMatchObject({
      login,
      status: 'active',
      grantedBy: 'c',
      lastActiveAt: expect.any(Date),
    });

    const coordinator = {
      subject: asCoordinator.account.id,
      role: 'coordinator' as const,
      name: '王书记',
      allianceId,
      expiresAt: new Date(),
    };
    await accounts.revokeMembership(allianceId, asUnit.membership.id, coordinator);
    expect(await refusalOf(signIn.refresh(asUnit.refreshToken))).toMatchObject({ code: 'session-ended' });
    expect((await accounts.membershipsOf(allianceId)).map((row) => row.role)).toEqual(['coordinator']);
    // The account stays; with no membership left it cannot sign in until invited again.
    expect(await refusalOf(signIn.signIn({ login, password: PASSWORD }))).toMatchObject({
      code: 'forbidden',
    });
    const { rows } = await context.db.query(
      `SELECT actor, action, details->>'unitId' AS unit FROM account_events WHERE account_id = $1 AND action = 'membership-revoked'`,
      [asUnit.account.id],
    );
    expect(rows).toEqual([
      { actor: asCoordinator.account.id, action: 'membership-revoked', unit: 'unit-kongkong' },
    ]);

    expect(
      await refusalOf(accounts.revokeMembership(allianceId, asCoordinator.membership.id, coordinator)),
    ).toEqual({
      code: 'forbidden',
      message: 'you cannot remove your own membership; ask another coordinator',
    });
    const elsewhere = await alliance();
    expect(
      await refusalOf(accounts.revokeMembership(elsewhere, asCoordinator.membership.id, coordinator)),
    ).toMatchObject({
      code: 'not-found',
    });
  });
});
