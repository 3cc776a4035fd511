import { randomUUID } from 'node:crypto';
import { AccountAdministration, SignInService, TokenKeys, type SessionTokens } from '@redcrowd/accounts';
import { RefreshingKeySet, verifyToken, type Principal } from '@redcrowd/auth';
import { SigningKeyRepository } from '@redcrowd/persistence';
import { AccountsModule } from '../../apps/matcher/src/accounts/accounts.module';
import { refusalOf } from '@test/support/refusals';
import { startServices, type ServicesContext } from '@test/support/services-context';

/** Accounts, sign-in and sessions against a real Postgres: what a deployment's people go through. */
describe('accounts and sign-in', () => {
  let context: ServicesContext;
  let accounts: AccountAdministration;
  let signIn: SignInService;
  let keys: TokenKeys;

  beforeAll(async () => {
    context = await startServices([AccountsModule]);
    accounts = context.get(AccountAdministration);
    signIn = context.get(SignInService);
    keys = context.get(TokenKeys);
  }, 60_000);

  afterAll(() => context?.close());

  const PASSWORD = 'luoyang-manglinglu-2026';
  const newAlliance = () => `alliance-${randomUUID().slice(0, 8)}`;
  /** A fresh mobile number, as people sign in here. */
  const newPhone = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

  /** The principal a token stands for, verified with the keys published in the database. */
  async function principalOf(tokens: SessionTokens): Promise<Principal> {
    const repository = new SigningKeyRepository();
    const published = new RefreshingKeySet(
      () => repository.published(context.dataSource.manager, new Date()),
      {
        maxAgeMs: 0,
        cooldownMs: 0,
      },
    );
    return verifyToken(tokens.accessToken, published.resolver, {
      issuer: 'redcrowd',
      audience: 'redcrowd-api',
    });
  }

  /** A coordinator account of a new alliance, set up through its link, and its first session. */
  async function coordinator(): Promise<{
    login: string;
    allianceId: string;
    accountId: string;
    tokens: SessionTokens;
  }> {
    const allianceId = newAlliance();
    const login = newPhone();
    const { account, setupLink } = await accounts.createAccount(
      {
        login: `+86 ${login.slice(0, 3)} ${login.slice(3, 7)} ${login.slice(7)}`,
        displayName: '邙岭路街道联席会 王书记',
        membership: { role: 'coordinator', allianceId, unitId: null, communityId: null },
      },
      'admin-1',
    );
    const tokens = await accounts.acceptSetupLink(setupLink.secret, PASSWORD, { userAgent: 'jest' });
    return { login, allianceId, accountId: account.id, tokens };
  }

  it('creates an account without a password and a one-time setup link; the link sets it and signs in', async () => {
    const allianceId = newAlliance();
    const login = newPhone();
    const { account, setupLink } = await accounts.createAccount(
      {
        login: login.replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit))), // full-width
        displayName: '王书记',
        membership: { role: 'coordinator', allianceId, unitId: null, communityId: null },
      },
      'admin-1',
    );
    expect(account).toMatchObject({ login, status: 'active', hasPassword: false });
    expect(setupLink.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await accounts.describeLink(setupLink.secret)).toMatchObject({
      purpose: 'setup',
      role: 'coordinator',
      allianceId,
      account: { login, displayName: '王书记' },
    });
    // Nobody can sign in before the password is chosen, not even with an empty one.
    expect(await refusalOf(signIn.signIn({ login, password: '' }))).toMatchObject({ code: 'sign-in-failed' });

    const tokens = await accounts.acceptSetupLink(setupLink.secret, PASSWORD);
    expect(await principalOf(tokens)).toMatchObject({
      subject: account.id,
      role: 'coordinator',
      name: '王书记',
      allianceId,
      sessionId: tokens.sessionId,
    });
    expect(tokens).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 600,
      membership: { role: 'coordinator', allianceId },
    });
    const { rows } = await context.db.query(`SELECT password_hash FROM accounts WHERE id = $1`, [account.id]);
    expect(rows[0].password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);

    // The link worked once.
    expect(await refusalOf(accounts.acceptSetupLink(setupLink.secret, 'another-password-2026'))).toEqual({
      code: 'link-invalid',
      message: 'this link has been used already; ask for a new one',
    });
    const audit = await context.db.query(
      `SELECT actor, action FROM account_events WHERE account_id = $1 ORDER BY id`,
      [account.id],
    );
    expect(audit.rows).toEqual([
      { actor: 'admin-1', action: 'created' },
      { actor: account.id, action: 'sign-in-failed' }, // the attempt before the password was set
      { actor: account.id, action: 'password-set' },
    ]);
  });

  it('refuses a weak password, a login taken already, an unknown link and an expired one', async () => {
    const { login, allianceId } = await coordinator();
    const again = accounts.createAccount(
      {
        login,
        displayName: '重复',
        membership: { role: 'coordinator', allianceId, unitId: null, communityId: null },
      },
      'admin-1',
    );
    expect(await refusalOf(again)).toEqual({
      code: 'account-exists',
      message: `an account signs in as ${login} already`,
      field: 'login',
    });
    const unscoped = accounts.createAccount(
      {
        login: newPhone(),
        displayName: '李',
        membership: { role: 'unit', allianceId, unitId: null, communityId: null },
      },
      'admin-1',
    );
    expect(await refusalOf(unscoped)).toEqual({
      code: 'invalid-request',
      message: 'a unit membership must name its unit',
      field: 'membership',
    });
    const fresh = await accounts.createAccount(
      {
        login: newPhone(),
        displayName: '李',
        membership: { role: 'unit', allianceId, unitId: 'unit-a', communityId: null },
      },
      'admin-1',
    );
    expect(await refusalOf(accounts.acceptSetupLink(fresh.setupLink.secret, '1234567890'))).toEqual({
      code: 'invalid-request',
      message: 'this password is among the first ones guessed',
      field: 'password',
    });
    expect(
      await refusalOf(accounts.describeLink('no-such-link-at-all-0000000000000000000000')),
    ).toMatchObject({
      code: 'link-invalid',
    });
    await context.db.query(
      `UPDATE account_links SET expires_at = now() - interval '1 second' WHERE account_id = $1`,
      [fresh.account.id],
    );
    expect(await refusalOf(accounts.acceptSetupLink(fresh.setupLink.secret, PASSWORD))).toEqual({
      code: 'link-invalid',
      message: 'this link has expired; ask for a new one',
    });
  });

  it('answers a wrong password and an unknown account with the same refusal', async () => {
    const { login } = await coordinator();
    const wrong = await refusalOf(signIn.signIn({ login, password: 'not-the-password-1' }));
    const unknown = await refusalOf(signIn.signIn({ login: newPhone(), password: 'not-the-password-1' }));
    const malformed = await refusalOf(signIn.signIn({ login: '12', password: 'not-the-password-1' }));
    expect(wrong).toEqual({ code: 'sign-in-failed', message: 'the sign-in name or password is not right' });
    expect(unknown).toEqual(wrong);
    expect(malformed).toEqual(wrong);
    // The same person, typed another way, is the same account.
    const tokens = await signIn.signIn({
      login: `${login.slice(0, 3)}-${login.slice(3)}`,
      password: PASSWORD,
    });
    expect(tokens.account.login).toBe(login);
  });

  it('rotates the refresh token on every use; a used one revokes the whole session', async () => {
    const { login } = await coordinator();
    const first = await signIn.signIn({ login, password: PASSWORD });
    const second = await signIn.refresh(first.refreshToken);
    expect(second.sessionId).toBe(first.sessionId);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const third = await signIn.refresh(second.refreshToken);

    // Someone replays the first token: the session ends, for the thief and the owner alike.
    expect(await refusalOf(signIn.refresh(first.refreshToken))).toEqual({
      code: 'session-ended',
      message: 'this sign-in was ended because its refresh token was used twice; sign in again',
    });
    expect(await refusalOf(signIn.refresh(third.refreshToken))).toEqual({
      code: 'session-ended',
      message: 'this sign-in has ended (revoked); sign in again',
    });
    const { rows } = await context.db.query(`SELECT revoked_reason FROM auth_sessions WHERE id = $1`, [
      first.sessionId,
    ]);
    expect(rows[0].revoked_reason).toBe('refresh-reused');
  });

  it('signs out: the refresh token works no more, other sessions go on', async () => {
    const { login } = await coordinator();
    const phone = await signIn.signIn({ login, password: PASSWORD });
    const desktop = await signIn.signIn({ login, password: PASSWORD });
    await signIn.signOut(phone.refreshToken);
    await signIn.signOut(phone.refreshToken); // twice is the same as once
    expect(await refusalOf(signIn.refresh(phone.refreshToken))).toMatchObject({ code: 'session-ended' });
    await expect(signIn.refresh(desktop.refreshToken)).resolves.toMatchObject({
      sessionId: desktop.sessionId,
    });
  });

  it('a disabled account signs in no more and its sessions end; enabled again, it signs in', async () => {
    const { login, accountId, tokens } = await coordinator();
    expect(await accounts.setStatus(accountId, 'disabled', 'admin-1')).toMatchObject({ status: 'disabled' });
    expect(await refusalOf(signIn.refresh(tokens.refreshToken))).toMatchObject({ code: 'session-ended' });
    expect(await refusalOf(signIn.signIn({ login, password: PASSWORD }))).toEqual({
      code: 'sign-in-failed',
      message: 'this account is disabled; ask your alliance coordinator',
    });
    // A wrong password is not told the account is disabled.
    expect(await refusalOf(signIn.signIn({ login, password: 'wrong-password-000' }))).toEqual({
      code: 'sign-in-failed',
      message: 'the sign-in name or password is not right',
    });
    await accounts.setStatus(accountId, 'active', 'admin-1');
    await expect(signIn.signIn({ login, password: PASSWORD })).resolves.toMatchObject({ account: { login } });
    const audit = await context.db.query(
      `SELECT action, details FROM account_events WHERE account_id = $1 AND actor = 'admin-1' ORDER BY id`,
      [accountId],
    );
    expect(audit.rows.map((row) => row.action)).toEqual(['created', 'disabled', 'enabled']);
    expect(audit.rows[1].details).toEqual({ sessionsEnded: 1 });
  });

  it('changing the password ends every other session and needs the current one', async () => {
    const { login, tokens } = await coordinator();
    const other = await signIn.signIn({ login, password: PASSWORD });
    const caller = await principalOf(tokens);
    expect(
      await refusalOf(accounts.changePassword(caller, 'not-it-at-all-1', 'a-new-password-2027')),
    ).toEqual({
      code: 'wrong-password',
      message: 'the current password is not right',
      field: 'currentPassword',
    });
    expect(await accounts.changePassword(caller, PASSWORD, 'a-new-password-2027')).toEqual({
      sessionsEnded: 1,
    });
    expect(await refusalOf(signIn.refresh(other.refreshToken))).toMatchObject({ code: 'session-ended' });
    await expect(signIn.refresh(tokens.refreshToken)).resolves.toMatchObject({ sessionId: tokens.sessionId });
    await expect(signIn.signIn({ login, password: 'a-new-password-2027' })).resolves.toBeDefined();
    expect(await refusalOf(signIn.signIn({ login, password: PASSWORD }))).toMatchObject({
      code: 'sign-in-failed',
    });
  });

  it('shows a person their account and open sessions, and ends one of them', async () => {
    const { login, tokens } = await coordinator();
    const other = await signIn.signIn(
      { login, password: PASSWORD },
      { userAgent: 'WeChat/8.0', address: '10.0.0.8' },
    );
    const caller = await principalOf(tokens);
    const demo = { ...caller, subject: 'rep-unit-kongkong', sessionId: undefined };
    expect(await accounts.me(demo)).toEqual({ account: null, sessions: [] }); // a token with no account behind it
    expect(await refusalOf(accounts.changePassword(demo, PASSWORD, 'a-new-password-2027'))).toMatchObject({
      code: 'account-not-found',
    });
    const mine = await accounts.me(caller);
    expect(mine.account).toMatchObject({ login, hasPassword: true, memberships: [{ role: 'coordinator' }] });
    expect(mine.sessions).toHaveLength(2);
    expect(mine.sessions.find((session) => session.current)!.id).toBe(tokens.sessionId);
    expect(mine.sessions.find((session) => !session.current)).toMatchObject({
      userAgent: 'WeChat/8.0',
      address: '10.0.0.8',
    });
    await accounts.endSession(caller, other.sessionId);
    expect(await refusalOf(signIn.refresh(other.refreshToken))).toMatchObject({ code: 'session-ended' });
    // Somebody else's session is not found, not ended.
    const stranger = await coordinator();
    expect(await refusalOf(accounts.endSession(caller, stranger.tokens.sessionId))).toMatchObject({
      code: 'not-found',
    });
  });

  it('lets a person with two memberships pick one at sign-in and switch on refresh', async () => {
    const { login, accountId, allianceId } = await coordinator();
    const unitMembership = randomUUID();
    await context.db.query(
      `INSERT INTO account_memberships (id, account_id, role, alliance_id, unit_id, granted_by)
       VALUES ($1, $2, 'unit', $3, 'unit-kongkong', 'admin-1')`,
      [unitMembership, accountId, allianceId],
    );
    const asCoordinator = await signIn.signIn({ login, password: PASSWORD });
    expect(asCoordinator.memberships.map((membership) => membership.role)).toEqual(['coordinator', 'unit']);
    const asUnit = await signIn.refresh(asCoordinator.refreshToken, unitMembership);
    expect(await principalOf(asUnit)).toMatchObject({ role: 'unit', unitId: 'unit-kongkong', allianceId });
    const direct = await signIn.signIn({ login, password: PASSWORD, membershipId: unitMembership });
    expect(direct.membership).toMatchObject({ id: unitMembership, role: 'unit' });
    expect(
      await refusalOf(signIn.signIn({ login, password: PASSWORD, membershipId: randomUUID() })),
    ).toMatchObject({
      code: 'invalid-request',
      field: 'membershipId',
    });
  });

  it('rotates the signing key: new tokens use the new key, tokens of the old one still verify', async () => {
    const { login } = await coordinator();
    const before = await signIn.signIn({ login, password: PASSWORD });
    const rotation = await keys.rotate();
    const after = await signIn.signIn({ login, password: PASSWORD });
    const kidOf = (token: string) =>
      JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString()).kid;
    expect(kidOf(after.accessToken)).toBe(rotation.kid);
    expect(rotation.retired).toContain(kidOf(before.accessToken));
    await expect(principalOf(before)).resolves.toMatchObject({ role: 'coordinator' });
    await expect(principalOf(after)).resolves.toMatchObject({ role: 'coordinator' });
    expect(rotation.publishedUntil.getTime() - Date.now()).toBeGreaterThan(600_000);
  });

  it('issues a new setup link to a person who forgot their password: the old ones and every session end', async () => {
    const { login, accountId, tokens } = await coordinator();
    const first = await accounts.issueSetupLink(accountId, 'admin-1');
    const second = await accounts.issueSetupLink(accountId, 'admin-1');
    // Only the newest link works.
    expect(await refusalOf(accounts.acceptSetupLink(first.secret, 'a-brand-new-password-1'))).toEqual({
      code: 'link-invalid',
      message: 'this link has expired; ask for a new one',
    });
    const reset = await accounts.acceptSetupLink(second.secret, 'a-brand-new-password-1');
    expect(reset.membership.role).toBe('coordinator');
    expect(await refusalOf(signIn.refresh(tokens.refreshToken))).toMatchObject({ code: 'session-ended' });
    await expect(signIn.signIn({ login, password: 'a-brand-new-password-1' })).resolves.toBeDefined();
    expect(await refusalOf(accounts.issueSetupLink(randomUUID(), 'admin-1'))).toMatchObject({
      code: 'account-not-found',
    });
    // A disabled account's link does not sign it in.
    const third = await accounts.issueSetupLink(accountId, 'admin-1');
    await accounts.setStatus(accountId, 'disabled', 'admin-1');
    expect(await refusalOf(accounts.acceptSetupLink(third.secret, 'another-new-password-2'))).toEqual({
      code: 'link-invalid',
      message: 'this account is disabled; ask your alliance coordinator',
    });
  });
});
