import path from 'node:path';
import { type BrowserContextOptions, type Page } from 'playwright-core';
import {
  DESKTOP,
  PHONE,
  SCREENSHOTS,
  SESSION_KEY,
  fitsTheScreen,
  signedInAs,
  storedSession,
} from '@test/support/browser';
import { eventually } from '@test/support/answers';
import { proposedAlliance, type ProposedAlliance } from '@test/support/alliance-scenario';
import { useDashboardSuite } from '@test/support/dashboard-suite';
import { ADMIN, authHeaders, coordinatorOf } from '@test/support/tokens';

/*
 * An alliance signs in, in a real browser (Debian's Chromium via playwright-core) against the
 * real matcher and intake: an admin sets up their account through a setup link and creates a
 * coordinator; the coordinator sets a password, keeps the roster and invites a unit's
 * representative; the representative accepts the invite on a phone-sized screen, signs in,
 * claims an offer, and signs out for good. Screenshots go to test-results/screenshots.
 */

const LIMIT_PER_LOGIN = 3;

describe('accounts in a browser', () => {
  const suite = useDashboardSuite({
    matcherEnv: {
      MATCHER_DEBOUNCE_MS: '50',
      // Every browser here comes from 127.0.0.1; only the per-name limit is under test.
      MATCHER_SIGN_IN_LIMIT_PER_ADDRESS: '1000',
      MATCHER_SIGN_IN_LIMIT_PER_LOGIN: String(LIMIT_PER_LOGIN),
    },
  });
  let a: ProposedAlliance;

  beforeAll(async () => {
    a = await proposedAlliance(suite.harness);
  }, 60_000);

  /** A fresh browser context: its own sessionStorage, so its own sign-in. */
  const freshPage = (who: string, options: BrowserContextOptions = DESKTOP): Promise<Page> =>
    suite.freshPage(who, options);

  /** Opens a one-time link's page; the links name MATCHER_PUBLIC_URL, this harness has its own port. */
  async function openLink(page: Page, url: string): Promise<void> {
    expect(url).toMatch(/\/dashboard\/#link=[\w-]+$/);
    const secret = url.split('#link=')[1]!;
    const response = await page.goto(`${suite.harness.matcher.url}/dashboard/#link=${secret}`);
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self';");
    await page.locator('[data-testid="link-page"] form').waitFor();
    // The secret leaves the address bar at once.
    expect(page.url()).not.toContain(secret);
  }

  async function chooseNewPassword(page: Page, password: string): Promise<void> {
    const form = page.locator('[data-testid="link-page"] form');
    await form.locator('[name="password"]').fill(password);
    await form.locator('[name="passwordAgain"]').fill(password);
    await form.locator('[data-action="accept-link"]').click();
  }

  async function api(method: string, url: string, body?: object, headers?: Record<string, string>) {
    const response = await fetch(`${suite.harness.matcher.url}${url}`, {
      method,
      headers: headers ?? { 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  const phone = (prefix: string) => `${prefix}${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

  it('an admin creates a coordinator, who invites a unit’s representative; the representative claims an offer and signs out for good', async () => {
    // The deployment's first admin gets a setup link (as `npm run admin` would print).
    const adminLogin = phone('135');
    const created = await api(
      'POST',
      '/accounts',
      { login: adminLogin, displayName: '平台管理员', membership: { role: 'admin' } },
      await authHeaders(ADMIN),
    );
    expect(created.status).toBe(201);

    const adminPage = await freshPage('admin');
    await openLink(adminPage, created.body.setupLink.url as string);
    expect(await adminPage.locator('[data-testid="link-intro"]').textContent()).toContain(adminLogin);
    // Two different passwords are caught on the page; a short one is the API's to refuse, under its field.
    const setup = adminPage.locator('[data-testid="setup-form"]');
    await setup.locator('[name="password"]').fill('manglinglu-admin-2026');
    await setup.locator('[name="passwordAgain"]').fill('manglinglu-admin-2027');
    await setup.locator('[data-action="accept-link"]').click();
    await setup.locator('.field-error[data-field="passwordAgain"]').waitFor();
    expect(await setup.locator('.field-error[data-field="passwordAgain"]').textContent()).toContain(
      '两次输入的密码不一致',
    );
    await chooseNewPassword(adminPage, 'short');
    const tooShort = setup.locator('.field-error[data-field="password"]');
    await tooShort.waitFor();
    expect(await tooShort.textContent()).toContain('密码不符合要求');
    expect(await tooShort.textContent()).toContain('密码需 10 到 128 个字符');
    await chooseNewPassword(adminPage, 'manglinglu-admin-2026');
    await signedInAs(adminPage, 'admin');

    // The admin creates the coordinator of the alliance; the setup link is shown once.
    await adminPage.locator('[data-tab="accounts"]').click();
    const coordinatorLogin = phone('136');
    const accountForm = adminPage.locator('[data-testid="account-create-form"]');
    await accountForm.locator('[name="login"]').fill(coordinatorLogin);
    await accountForm.locator('[name="displayName"]').fill('王书记');
    await accountForm.locator('[name="role"]').selectOption('coordinator');
    await accountForm.locator('[name="allianceId"]').fill(a.allianceId);
    await accountForm.locator('[data-action="create-account"]').click();
    const setupLink = adminPage.locator('[data-testid="setup-link"]');
    await setupLink.waitFor();
    const coordinatorSetupUrl = await setupLink.inputValue();
    await adminPage.locator(`[data-testid="account-row"][data-login="${coordinatorLogin}"]`).waitFor();
    await adminPage.screenshot({ path: path.join(SCREENSHOTS, 'accounts-created.png'), fullPage: true });

    // The coordinator chooses a password through the link and is signed in.
    const coordinatorPage = await freshPage('coordinator');
    await openLink(coordinatorPage, coordinatorSetupUrl);
    expect(await coordinatorPage.locator('[data-testid="link-intro"]').textContent()).toContain('王书记');
    await chooseNewPassword(coordinatorPage, 'manglinglu-red-2026');
    await signedInAs(coordinatorPage, 'coordinator');

    // Had the coordinator forgotten the password, the admin would hand out a new setup link.
    await adminPage
      .locator(`[data-testid="account-row"][data-login="${coordinatorLogin}"] [data-action="new-setup-link"]`)
      .click();
    await eventually(
      async () => (await setupLink.inputValue()) !== coordinatorSetupUrl,
      () => 'no new setup link was shown',
    );
    expect(await setupLink.inputValue()).toMatch(/\/dashboard\/#link=[A-Za-z0-9_-]{43}$/);
    expect(await adminPage.locator('[data-testid="account-created"] h3').textContent()).toContain(
      '生成新的设置链接',
    );

    // The roster: the alliance's unit is there; the coordinator adds a university as pending, then admits it.
    await coordinatorPage.locator('[data-tab="roster"]').click();
    const unitRow = coordinatorPage.locator(`[data-testid="member-row"][data-member-id="${a.unit.id}"]`);
    await unitRow.waitFor();
    expect(await unitRow.getAttribute('data-status')).toBe('active');
    await coordinatorPage.locator('[data-action="open-add-member"]').click();
    const addForm = coordinatorPage.locator('[data-testid="member-add-form"]');
    await addForm.locator('[name="kind"]').selectOption('unit');
    await addForm.locator('[name="memberId"]').fill('unit-lyit');
    await addForm.locator('[name="name"]').fill('洛阳理工学院');
    await addForm.locator('[name="unitKind"]').selectOption('university');
    await addForm.locator('[name="status"]').selectOption('pending');
    await addForm.locator('[name="contactPhone"]').fill('not a phone');
    await addForm.locator('[data-action="add-member"]').click();
    // The API's own problem, under the field it names.
    await addForm.locator('.field-error[data-field="contactPhone"]').waitFor();
    await addForm.locator('[name="contactPhone"]').fill('0379-65928000');
    await addForm.locator('[data-action="add-member"]').click();
    const university = coordinatorPage.locator('[data-testid="member-row"][data-member-id="unit-lyit"]');
    await university.waitFor();
    expect(await university.getAttribute('data-status')).toBe('pending');
    await university.locator('[data-action="admit"]').click();
    await eventually(
      async () => (await university.getAttribute('data-status')) === 'active',
      () => 'the university was not admitted',
    );
    await coordinatorPage.screenshot({ path: path.join(SCREENSHOTS, 'roster.png'), fullPage: true });

    // An invite for the unit's representative, from its roster row: link, copy, QR code.
    await unitRow.locator('[data-action="invite-member"]').click();
    const inviteForm = coordinatorPage.locator('[data-testid="invite-form"]');
    expect(await inviteForm.locator('[name="memberId"]').inputValue()).toBe(`unit:${a.unit.id}`);
    await inviteForm.locator('[name="validHours"]').selectOption('168');
    await inviteForm.locator('[data-action="create-invite"]').click();
    const invite = coordinatorPage.locator('[data-testid="invite-created"]');
    await invite.waitFor();
    expect(await invite.textContent()).toContain(a.unit.name);
    const inviteUrl = await invite.locator('[data-testid="invite-url"]').inputValue();
    expect(await invite.locator('[data-testid="invite-qr"]').getAttribute('src')).toMatch(
      /^data:image\/png;base64,/,
    );
    expect(await invite.locator('[data-action="download-qr"]').getAttribute('download')).toMatch(/\.png$/);
    await coordinatorPage.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await invite.locator('[data-action="copy-link"]').click();
    await eventually(
      async () => (await coordinatorPage.evaluate('navigator.clipboard.readText()')) === inviteUrl,
      () => 'the invite link was not copied',
    );
    const listed = coordinatorPage.locator('[data-testid="invite-row"]').first();
    await listed.waitFor();
    expect(await listed.getAttribute('data-status')).toBe('open');
    await coordinatorPage.screenshot({ path: path.join(SCREENSHOTS, 'invite-created.png'), fullPage: true });

    // The representative accepts on a phone and is signed in as the unit.
    const representativeLogin = phone('138');
    const password = 'kongkong-canteen-2026';
    const invitedPage = await freshPage('representative (invite)', PHONE);
    await openLink(invitedPage, inviteUrl);
    expect(await invitedPage.locator('[data-testid="link-intro"]').textContent()).toContain(a.unit.name);
    await fitsTheScreen(invitedPage, 'invite page');
    await invitedPage.screenshot({ path: path.join(SCREENSHOTS, 'invite-accept-phone.png'), fullPage: true });
    const acceptForm = invitedPage.locator('[data-testid="invite-form"]');
    await acceptForm.locator('[name="login"]').fill(representativeLogin);
    await acceptForm.locator('[name="displayName"]').fill('李主任');
    await chooseNewPassword(invitedPage, password);
    await signedInAs(invitedPage, 'unit');
    // Its tokens, left unused once the phone's tab is closed (used after the removal below).
    const invitedSession = await storedSession(invitedPage);
    await invitedPage.context().close();
    // The coordinator's list shows the invite used.
    await coordinatorPage.locator('[data-tab="roster"]').click();
    await coordinatorPage.locator('[data-tab="invites"]').click();
    await eventually(
      async () =>
        (await coordinatorPage.locator('[data-testid="invite-row"]').first().getAttribute('data-status')) ===
        'used',
      () => 'the invite is not shown as used',
    );

    // The members page, linked from the invites page, lists the representative with the
    // unit's name and who invited them; the coordinator cannot remove their own membership.
    await coordinatorPage.locator('[data-action="to-members"]').click();
    const representative = coordinatorPage.locator(
      `[data-testid="alliance-membership"][data-login="${representativeLogin}"]`,
    );
    await representative.waitFor();
    expect(await representative.getAttribute('data-role')).toBe('unit');
    expect(await representative.locator('[data-testid="membership-member"]').textContent()).toBe(a.unit.name);
    expect(await representative.locator('[data-testid="membership-login"]').textContent()).toBe(
      `${representativeLogin.slice(0, 3)} ${representativeLogin.slice(3, 7)} ${representativeLogin.slice(7)}`,
    );
    expect(await representative.textContent()).toContain('李主任');
    expect(await representative.textContent()).toContain('王书记');
    const ownMembership = coordinatorPage.locator(
      `[data-testid="alliance-membership"][data-login="${coordinatorLogin}"]`,
    );
    await ownMembership.waitFor();
    expect(await ownMembership.locator('[data-action="remove-membership"]').count()).toBe(0);
    await coordinatorPage.screenshot({ path: path.join(SCREENSHOTS, 'members.png'), fullPage: true });

    // The coordinator approves (over the API): the unit gets its offer.
    const approved = await api(
      'POST',
      `/projects/${a.projectId}/approve`,
      {},
      await authHeaders(coordinatorOf(a.allianceId)),
    );
    expect(approved.status).toBe(200);

    // Later, on the phone: a wrong password is refused in words, then the right one signs in.
    const page = await freshPage('representative', PHONE);
    await page.goto(`${suite.harness.matcher.url}/dashboard/`);
    const signIn = page.locator('[data-testid="sign-in-form"]');
    await signIn.locator('[name="login"]').fill(representativeLogin);
    await signIn.locator('[name="password"]').fill('not-the-password');
    await signIn.locator('[data-action="sign-in"]').click();
    const refusal = signIn.locator('[data-testid="row-message"]');
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('手机号或密码不正确');
    await fitsTheScreen(page, 'sign-in page');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'sign-in-refused-phone.png'), fullPage: true });
    await signIn.locator('[name="password"]').fill(password);
    await signIn.locator('[data-action="sign-in"]').click();
    await signedInAs(page, 'unit');

    // An access token the server refuses is renewed once with the refresh token, unnoticed.
    const before = await storedSession(page);
    await page.evaluate(
      `sessionStorage.setItem('${SESSION_KEY}', JSON.stringify({ ...JSON.parse(sessionStorage.getItem('${SESSION_KEY}')), accessToken: 'not-a-token' }))`,
    );
    await page.reload();
    const offer = page.locator(`[data-testid="offer-row"][data-project-id="${a.projectId}"]`);
    await offer.waitFor();
    const after = await storedSession(page);
    expect(after.refreshToken).toBeDefined();
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.accessToken).not.toBe('not-a-token');
    await fitsTheScreen(page, 'offers');

    await offer.locator('[name="quantity"]').fill('30');
    await offer.locator('button[data-action="claim"]').click();
    await eventually(
      async () => (await offer.getAttribute('data-status')) === 'claimed',
      () => 'the offer was not claimed',
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'unit-claimed-phone.png'), fullPage: true });

    // The account page lists this device, current; signing out ends the session on the server.
    await page.locator('[data-tab="account"]').click();
    await page.locator('[data-testid="session"][data-current="true"]').waitFor();
    expect(await page.locator('[data-testid="account-login"]').textContent()).toBe(representativeLogin);
    await fitsTheScreen(page, 'account');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'account-phone.png'), fullPage: true });
    const { refreshToken } = await storedSession(page);
    await page.locator('[data-action="sign-out"]').click();
    await page.locator('[data-testid="login-reason"][data-reason="login.reason.signedOut"]').waitFor();
    expect(await page.evaluate(`sessionStorage.getItem('${SESSION_KEY}')`)).toBeNull();
    const refreshed = await api('POST', '/auth/refresh', { refreshToken });
    expect(refreshed).toMatchObject({ status: 401, body: { error: { code: 'session-ended' } } });

    // The unit's representative changes: the coordinator removes 李主任's membership, after a
    // confirmation that says what it takes away, with the keyboard. The invite's session still
    // works until then.
    const beforeRemoval = await api('POST', '/auth/refresh', { refreshToken: invitedSession.refreshToken });
    expect(beforeRemoval.status).toBe(200);
    await representative.locator('[data-action="remove-membership"]').click();
    const confirmation = representative.locator('[data-testid="remove-confirm"]');
    await confirmation.waitFor();
    expect(await confirmation.textContent()).toContain(`李主任 将不能再代表 ${a.unit.name} 登录`);
    await coordinatorPage.screenshot({ path: path.join(SCREENSHOTS, 'members-remove.png'), fullPage: true });
    expect(await coordinatorPage.evaluate('document.activeElement?.dataset.action')).toBe(
      'confirm-remove-membership',
    );
    await coordinatorPage.keyboard.press('Enter');
    await representative.waitFor({ state: 'detached' });
    await coordinatorPage.locator('[data-testid="toast"]', { hasText: '已移除 李主任 的身份' }).waitFor();
    await ownMembership.waitFor();
    // Neither the session they had nor a new sign-in lets them act for the unit any more.
    const afterRemoval = await api('POST', '/auth/refresh', {
      refreshToken: beforeRemoval.body.refreshToken as string,
    });
    expect(afterRemoval.status).toBe(401);
    const signInAgain = await api('POST', '/auth/sign-in', { login: representativeLogin, password });
    expect(signInAgain).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });

    await page.context().close();
    await coordinatorPage.context().close();
    await adminPage.context().close();
  }, 120_000);

  it('lets an account with two roles pick one at sign-in and switch on the account page; renews the token before it expires; keeps a copied tab out of its session', async () => {
    // A coordinator (set up over the API) accepts an invite for the community with the same
    // account: one account, two memberships.
    const login = phone('139');
    const password = 'zhao-weiyuan-2026';
    const created = await api(
      'POST',
      '/accounts',
      { login, displayName: '赵委员', membership: { role: 'coordinator', allianceId: a.allianceId } },
      await authHeaders(ADMIN),
    );
    const setupSecret = (created.body.setupLink.url as string).split('#link=')[1]!;
    const coordinator = await api('POST', `/auth/links/${setupSecret}/accept`, { password });
    expect(coordinator.status).toBe(200);
    const invite = await api(
      'POST',
      `/alliances/${a.allianceId}/invites`,
      { role: 'community', memberId: a.community.id },
      {
        'content-type': 'application/json',
        authorization: `Bearer ${coordinator.body.accessToken as string}`,
      },
    );
    expect(invite.status).toBe(201);
    const inviteSecret = (invite.body.url as string).split('#link=')[1]!;
    const joined = await api('POST', `/auth/links/${inviteSecret}/accept`, {
      login,
      displayName: '赵委员',
      password,
    });
    expect(joined.status).toBe(200);
    expect(joined.body.memberships).toHaveLength(2);

    const page = await freshPage('two roles', PHONE);
    // The page's own clock, so that minutes can pass in a moment.
    await page.clock.install();
    await page.goto(`${suite.harness.matcher.url}/dashboard/`);
    const signIn = page.locator('[data-testid="sign-in-form"]');
    await signIn.locator('[name="login"]').fill(login);
    await signIn.locator('[name="password"]').fill(password);
    await signIn.locator('[name="password"]').press('Enter');
    const choices = page.locator('[data-testid="membership-chooser"] [data-action="choose-membership"]');
    await choices.first().waitFor();
    expect(await choices.count()).toBe(2);
    // The choice is in either language, and keeps its place across the switch.
    await page.locator('[data-testid="lang-switch"]').click();
    await eventually(
      async () => ((await page.locator('h1').textContent()) ?? '') === 'Choose a role',
      () => 'the chooser did not switch to English',
    );
    await page.locator('[data-testid="lang-switch"]').click();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'choose-membership.png'), fullPage: true });
    await page.locator('[data-action="choose-membership"][data-role="community"]').click();
    await signedInAs(page, 'community');
    await page.locator('[data-testid="demand-row"]').first().waitFor();

    // Nine and a half minutes on (access tokens live ten), the page has renewed its token.
    const beforeRenewal = await storedSession(page);
    await page.clock.fastForward('09:30');
    await eventually(
      async () => (await storedSession(page)).refreshToken !== beforeRenewal.refreshToken,
      () => 'the access token was not renewed before it expired',
    );
    await page.locator('[data-tab="demands"]').click();
    await page.locator('[data-testid="demand-row"]').first().waitFor();

    await page.locator('[data-tab="account"]').click();
    const current = page.locator('[data-testid="membership"][data-current="true"]');
    await current.waitFor();
    expect(await current.textContent()).toContain('014中心社区');
    await page.locator('[data-action="switch-membership"]').click();
    await signedInAs(page, 'coordinator');
    await eventually(
      async () =>
        (
          (await page
            .locator('[data-testid="membership"][data-current="true"]')
            .textContent()
            .catch(() => '')) ?? ''
        ).includes('联席会协调员'),
      () => 'the account page does not show the coordinator membership as current',
    );

    // A tab opened from this one starts with a copy of its sessionStorage; it must not use the
    // same refresh token (the server would end the session for both), so it signs in anew.
    const [copy] = await Promise.all([
      page.context().waitForEvent('page'),
      page.evaluate('void window.open(location.href)'),
    ]);
    suite.watch(copy, 'copied tab');
    await copy.locator('[data-testid="login-reason"][data-reason="login.reason.otherTab"]').waitFor();
    // The original tab goes on in its session.
    await page.locator('[data-tab="roster"]').click();
    await page.locator(`[data-testid="member-row"][data-member-id="${a.community.id}"]`).waitFor();
    await fitsTheScreen(page, 'roster');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'roster-phone.png'), fullPage: true });
    await page.locator('[data-tab="invites"]').click();
    await page.locator('[data-testid="invite-row"]').first().waitFor();
    await fitsTheScreen(page, 'invites');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'invites-phone.png'), fullPage: true });
    // Both memberships of this account are listed, and neither can be removed by its holder.
    await page.locator('[data-tab="members"]').click();
    const mine = page.locator(`[data-testid="alliance-membership"][data-login="${login}"]`);
    await mine.first().waitFor();
    expect(await mine.count()).toBe(2);
    expect(await mine.locator('[data-action="remove-membership"]').count()).toBe(0);
    await fitsTheScreen(page, 'members');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'members-phone.png'), fullPage: true });
    // Its session was not ended by a second use of the refresh token (this use is the last one).
    const refreshed = await api('POST', '/auth/refresh', {
      refreshToken: (await storedSession(page)).refreshToken,
    });
    expect(refreshed.status).toBe(200);
    await page.context().close();
  }, 60_000);

  it('says a used link cannot be used, and that a sign-in name was tried too often', async () => {
    const login = phone('137');
    const created = await api(
      'POST',
      '/accounts',
      {
        login,
        displayName: '孙干事',
        membership: { role: 'community', allianceId: a.allianceId, communityId: a.community.id },
      },
      await authHeaders(ADMIN),
    );
    const setupUrl = created.body.setupLink.url as string;
    const used = await api('POST', `/auth/links/${setupUrl.split('#link=')[1]!}/accept`, {
      password: 'sun-ganshi-2026',
    });
    expect(used.status).toBe(200);

    const page = await freshPage('throttled', PHONE);
    await page.goto(`${suite.harness.matcher.url}/dashboard/#link=${setupUrl.split('#link=')[1]!}`);
    const invalid = page.locator('[data-testid="link-invalid"]');
    await invalid.waitFor();
    expect(await invalid.textContent()).toContain('链接无效、已过期或已被使用');
    await page.locator('[data-action="to-sign-in"]').click();

    // Guessing: the name's attempts run out, and the page says so, in either language.
    const refusal = await throttledSignIn(page, login);
    expect(await refusal.textContent()).toContain('尝试次数过多。');
    await page.locator('[data-testid="lang-switch"]').click();
    await eventually(
      async () => ((await refusal.textContent()) ?? '').includes('Too many attempts.'),
      () => 'the refusal was not worded in English',
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'sign-in-throttled-phone.png'), fullPage: true });
    await page.context().close();
  }, 60_000);

  it('says how long to wait after too many sign-in attempts (Retry-After)', async () => {
    const page = await freshPage('throttled, waiting', PHONE);
    await page.goto(`${suite.harness.matcher.url}/dashboard/`);
    const refusal = await throttledSignIn(page, phone('137'));
    expect(await refusal.textContent()).toMatch(/尝试次数过多。请在 \d+ (分钟|秒)后再试。/);
    await page.context().close();
  }, 60_000);

  /** Uses up a sign-in name's attempts over the API, then tries once more on the page. */
  async function throttledSignIn(page: Page, login: string) {
    for (let attempt = 0; attempt < LIMIT_PER_LOGIN; attempt++) {
      const guess = await api('POST', '/auth/sign-in', { login, password: `guess-${attempt}-password` });
      expect(guess.status).toBe(401);
    }
    const signIn = page.locator('[data-testid="sign-in-form"]');
    await signIn.locator('[name="login"]').fill(login);
    await signIn.locator('[name="password"]').fill('sun-ganshi-2026');
    await signIn.locator('[data-action="sign-in"]').click();
    const refusal = signIn.locator('[data-testid="row-message"]');
    await refusal.waitFor();
    return refusal;
  }
});
