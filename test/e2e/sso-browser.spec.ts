import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import {
  DESKTOP,
  PHONE,
  SCREENSHOTS,
  SESSION_KEY,
  fitsTheScreen,
  launchChromium,
  signedInAs,
  storedSession,
} from '@test/support/browser';
import { eventually } from '@test/support/answers';
import { startMatcherHarness, type MatcherHarness } from '@test/support/intake-harness';
import { freePort } from '@test/support/intake-process';
import { startIdentityProvider, type TestIdentityProvider } from '@test/support/oidc-provider';
import { enroll } from '@test/support/roster';
import { authHeaders, coordinatorOf } from '@test/support/tokens';

/*
 * Single sign-on in a real browser (Debian's Chromium via playwright-core), against the real
 * matcher and a real OpenID Connect provider in its own process (oidc-provider, with its
 * development pages: any login name signs in as that person). Someone the matcher does not
 * know is turned away with words; a unit's representative accepts a coordinator's invite
 * through the provider instead of choosing a password, and later signs in with one click.
 * Screenshots go to test-results/screenshots.
 */

const LINK_KEY = 'redcrowd.link';
const PROVIDER_NAME = '测试统一身份认证';

describe('single sign-on in a browser', () => {
  let provider: TestIdentityProvider;
  let harness: MatcherHarness;
  let browser: Browser;
  const pageErrors: string[] = [];
  const allianceId = `alliance-sso-${Math.random().toString(36).slice(2, 10)}`;
  const unit = { id: `unit-kongkong-${allianceId}`, name: '空空导弹研究院' };
  const community = { kind: 'community', id: `community-014-${allianceId}`, name: '014中心社区' };
  const phone = (prefix: string) => `${prefix}${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  // The representatives' mobile numbers as the provider vouches for them, and as they sign in here.
  const mobile = phone('138');
  const secondMobile = phone('139');

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    // The provider must know the matcher's callback and the matcher the provider: the port first.
    const matcherPort = await freePort();
    provider = await startIdentityProvider(`http://127.0.0.1:${matcherPort}`, {
      'li.zhuren': { name: '李主任', phone_number: `+86 ${mobile}` },
      'lu.renjia': { name: '路人甲' },
      'zhao.weiyuan': { name: '赵委员', phone_number: secondMobile },
    });
    harness = await startMatcherHarness(
      // Every browser here comes from 127.0.0.1.
      { ...provider.matcherEnv, MATCHER_SIGN_IN_LIMIT_PER_ADDRESS: '1000' },
      ['projectsProposed'],
      { dashboard: true, matcherPort },
    );
    await enroll(harness.db, allianceId, unit, community);
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
    await provider?.stop();
  }, 60_000);

  afterEach(() => {
    expect(pageErrors).toEqual([]);
  });

  /** A fresh browser context: its own sessionStorage, and its own cookies at the provider. */
  async function freshPage(who: string, options: BrowserContextOptions = DESKTOP): Promise<Page> {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(`${who}: ${error.message}`));
    page.on('console', (message) => {
      // The provider's development pages are not ours (they load a web font from the internet).
      if (!page.url().startsWith(harness.matcher.url)) return;
      // Chromium logs every 4xx answer, including the refusals these tests provoke on purpose.
      const expectedRefusal = /^Failed to load resource: the server responded with a status of 4\d\d/;
      if (message.type() === 'error' && !expectedRefusal.test(message.text())) {
        pageErrors.push(`${who} console: ${message.text()}`);
      }
    });
    return page;
  }

  /**
   * Signs in at the provider's development pages as `login` (any password does) and gives
   * consent; the provider then sends the browser back through the matcher to the dashboard.
   */
  async function signInAtProvider(page: Page, login: string): Promise<void> {
    await page.waitForURL((url) => url.origin === provider.issuer);
    const loginPage = page.url();
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('any password will do');
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.origin === provider.issuer && url.href !== loginPage);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.origin === harness.matcher.url);
  }

  async function api(method: string, url: string, body?: object, headers?: Record<string, string>) {
    const response = await fetch(`${harness.matcher.url}${url}`, {
      method,
      headers: headers ?? { 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  /** A coordinator's invite for a roster member (over the API): its link's secret. */
  async function inviteSecret(role: 'unit' | 'community', memberId: string): Promise<string> {
    const invite = await api(
      'POST',
      `/alliances/${allianceId}/invites`,
      { role, memberId },
      await authHeaders(coordinatorOf(allianceId)),
    );
    expect(invite.status).toBe(201);
    return (invite.body.url as string).split('#link=')[1]!;
  }

  /** Opens an invite's page and accepts it at the provider as `login`. */
  async function acceptWithProvider(page: Page, secret: string, login: string): Promise<void> {
    await page.goto(`${harness.matcher.url}/dashboard/#link=${secret}`);
    await page.locator('[data-testid="invite-form"]').waitFor();
    await page.locator('[data-action="sso-accept-invite"]').click();
    await signInAtProvider(page, login);
  }

  /** GET /account as the page's session. */
  async function accountOf(page: Page) {
    const { accessToken } = await storedSession(page);
    return api('GET', '/account', undefined, { authorization: `Bearer ${accessToken}` });
  }

  it('turns away a person the matcher does not know; a representative accepts an invite through the provider and signs in with it again', async () => {
    // The sign-in page offers the provider by the name the deployment gave it.
    const stranger = await freshPage('not linked', DESKTOP);
    await stranger.goto(`${harness.matcher.url}/dashboard/`);
    const ssoButton = stranger.locator('[data-action="sso-sign-in"]');
    await ssoButton.waitFor();
    expect(await ssoButton.textContent()).toBe(`使用${PROVIDER_NAME}登录`);
    await stranger.screenshot({ path: path.join(SCREENSHOTS, 'sso-sign-in.png'), fullPage: true });

    // Someone the provider knows but nobody invited here comes back to a refusal in words.
    await ssoButton.click();
    await signInAtProvider(stranger, 'lu.renjia');
    const refusal = stranger.locator('[data-testid="sso-refusal"]');
    await refusal.waitFor();
    expect(stranger.url()).toBe(`${harness.matcher.url}/dashboard/`);
    expect(await refusal.locator('.row-message-text').textContent()).toBe(
      '这个统一身份认证账号还没有关联本系统的账户。第一次使用？请先打开联席会协调员发给您的邀请链接，接受邀请。',
    );
    // The server's English sentence is not shown beside the words.
    expect(await refusal.locator('.row-message-detail').count()).toBe(0);
    expect(await stranger.evaluate(`sessionStorage.getItem('${SESSION_KEY}')`)).toBeNull();
    // The password form is still there, and the refusal is worded in English too.
    await stranger.locator('[data-testid="sign-in-form"]').waitFor();
    await stranger.locator('[data-testid="lang-switch"]').click();
    await eventually(
      async () =>
        ((await refusal.locator('.row-message-text').textContent()) ?? '').startsWith(
          'This single sign-on identity is not linked to an account here yet.',
        ),
      () => 'the refusal was not worded in English',
    );
    expect(await stranger.locator('[data-action="sso-sign-in"]').textContent()).toBe(
      `Sign in with ${PROVIDER_NAME}`,
    );
    await stranger.screenshot({ path: path.join(SCREENSHOTS, 'sso-refused.png'), fullPage: true });
    await stranger.context().close();

    // The coordinator invites the unit's representative, who opens the invite on a phone and
    // accepts it with the provider.
    const secret = await inviteSecret('unit', unit.id);
    const page = await freshPage('representative', PHONE);
    await page.goto(`${harness.matcher.url}/dashboard/#link=${secret}`);
    await page.locator('[data-testid="invite-form"]').waitFor();
    expect(page.url()).not.toContain(secret);
    const accept = page.locator('[data-action="sso-accept-invite"]');
    expect(await accept.textContent()).toBe(`用${PROVIDER_NAME}接受邀请`);
    await fitsTheScreen(page, 'invite page with single sign-on');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'sso-invite-phone.png'), fullPage: true });
    await accept.click();
    await signInAtProvider(page, 'li.zhuren');
    await signedInAs(page, 'unit');
    // The hand-off left the address bar, and the used invite this tab.
    expect(page.url()).toBe(`${harness.matcher.url}/dashboard/`);
    expect(await page.evaluate(`sessionStorage.getItem('${LINK_KEY}')`)).toBeNull();
    expect(await page.locator('[data-testid="user-name"]').textContent()).toBe('李主任');
    expect((await api('GET', `/auth/links/${secret}`)).status).toBe(410);

    // An account named after the provider's claims, signing in by the mobile number it gave, without a password.
    const account = await accountOf(page);
    expect(account.status).toBe(200);
    expect(account.body.account).toMatchObject({
      login: mobile,
      displayName: '李主任',
      hasPassword: false,
      memberships: [{ role: 'unit', allianceId, unitId: unit.id }],
    });
    await page.locator('[data-tab="account"]').click();
    const noPassword = page.locator('[data-testid="no-password"]');
    await noPassword.waitFor();
    expect(await noPassword.textContent()).toBe('此账户通过统一身份认证登录，未设置密码。');
    expect(await page.locator('[data-testid="password-form"]').count()).toBe(0);
    expect(await page.locator('[data-testid="account-login"]').textContent()).toBe(mobile);
    await fitsTheScreen(page, 'account without a password');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'sso-account-phone.png'), fullPage: true });

    // Signed out, one click signs the same person in again (the provider remembers them).
    await page.locator('[data-action="sign-out"]').click();
    await page.locator('[data-testid="login-reason"][data-reason="login.reason.signedOut"]').waitFor();
    const handoffs: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('/auth/sso/complete')) {
        handoffs.push((JSON.parse(request.postData() ?? '{}') as { handoff: string }).handoff);
      }
    });
    await page.locator('[data-action="sso-sign-in"]').click();
    await signedInAs(page, 'unit');
    expect(page.url()).toBe(`${harness.matcher.url}/dashboard/`);
    const again = await accountOf(page);
    expect(again.body.account).toMatchObject({ id: account.body.account.id, login: mobile });
    expect(handoffs).toHaveLength(1);
    await page.context().close();

    // A hand-off works once: opened again, it is refused in words.
    const replay = await freshPage('replayed hand-off', PHONE);
    await replay.goto(`${harness.matcher.url}/dashboard/#sso=${handoffs[0]!}`);
    const replayed = replay.locator('[data-testid="sso-refusal"]');
    await replayed.waitFor();
    expect(replay.url()).not.toContain(handoffs[0]!);
    expect(await replayed.locator('.row-message-text').textContent()).toBe('未能通过统一身份认证登录');
    expect(await replayed.locator('.row-message-detail').count()).toBe(0);
    expect(await replay.evaluate(`sessionStorage.getItem('${SESSION_KEY}')`)).toBeNull();
    await replay.context().close();
  }, 120_000);

  it('brings a person who cancels at the provider back to the invite; opens the session in the membership an accepted invite gave; with two, the next sign-on asks which', async () => {
    const page = await freshPage('two roles', PHONE);
    await page.goto(`${harness.matcher.url}/dashboard/#link=${await inviteSecret('unit', unit.id)}`);
    await page.locator('[data-testid="invite-form"]').waitFor();
    await page.locator('[data-action="sso-accept-invite"]').click();
    // Cancelled at the provider: back on the invite's page, told why, free to try again or to
    // choose a password instead.
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.locator('a', { hasText: 'Cancel' }).click();
    const refusal = page.locator('[data-testid="link-page"] [data-testid="sso-refusal"]');
    await refusal.waitFor();
    expect(await refusal.locator('.row-message-text').textContent()).toBe('未能通过统一身份认证登录');
    expect(await refusal.locator('.row-message-detail').count()).toBe(0);
    await page.locator('[data-testid="invite-form"]').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'sso-invite-cancelled-phone.png'), fullPage: true });
    await page.locator('[data-action="sso-accept-invite"]').click();
    await signInAtProvider(page, 'zhao.weiyuan');
    await signedInAs(page, 'unit');
    await page.context().close();

    // The same person accepts a second invite, elsewhere: straight into the community, no choice asked.
    const second = await freshPage('two roles, second invite', PHONE);
    await acceptWithProvider(second, await inviteSecret('community', community.id), 'zhao.weiyuan');
    await signedInAs(second, 'community');
    const account = await accountOf(second);
    expect(account.body.account).toMatchObject({
      login: secondMobile,
      displayName: '赵委员',
      hasPassword: false,
    });
    expect(account.body.account.memberships).toHaveLength(2);

    // Signed out, the next sign-on asks which of the two roles to act in, as a password sign-in does.
    await second.locator('[data-action="logout"]').click();
    await second.locator('[data-testid="login-reason"][data-reason="login.reason.signedOut"]').waitFor();
    await second.locator('[data-action="sso-sign-in"]').click();
    const choices = second.locator('[data-testid="membership-chooser"] [data-action="choose-membership"]');
    await choices.first().waitFor();
    expect(await choices.count()).toBe(2);
    await second.screenshot({
      path: path.join(SCREENSHOTS, 'sso-choose-membership-phone.png'),
      fullPage: true,
    });
    await second.locator('[data-action="choose-membership"][data-role="unit"]').click();
    await signedInAs(second, 'unit');
    await second.context().close();
  }, 60_000);
});
