import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '@test/support/browser';
import { startMatcherHarness, type MatcherHarness } from '@test/support/intake-harness';
import { freePort } from '@test/support/intake-process';
import { startIdentityProvider, type TestIdentityProvider } from '@test/support/oidc-provider';
import { enroll } from '@test/support/roster';
import { authHeaders, coordinatorOf } from '@test/support/tokens';

/*
 * Single sign-on against a real OpenID Connect provider (the `oidc-provider` package in its
 * own process), the matcher and Chromium for the provider's own pages: an unknown identity is
 * refused, an invite links one to a new account, a linked identity signs in again, and
 * replayed or forged answers get nowhere. The provider's redirect back is caught before it
 * reaches the matcher, so each answer can be replayed on purpose.
 */
describe('single sign-on with an OpenID Connect provider', () => {
  let harness: MatcherHarness;
  let provider: TestIdentityProvider;
  let browser: Browser;
  let matcherUrl: string;
  // A number of its own per run: accounts of earlier runs stay in the database.
  const PHONE = `135${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const PEOPLE = {
    zhanggong: {
      name: '张工',
      phone_number: `+86 ${PHONE.slice(0, 3)} ${PHONE.slice(3, 7)} ${PHONE.slice(7)}`,
    },
    stranger: { name: '路人' },
  };

  beforeAll(async () => {
    const matcherPort = await freePort();
    matcherUrl = `http://127.0.0.1:${matcherPort}`;
    provider = await startIdentityProvider(matcherUrl, PEOPLE);
    harness = await startMatcherHarness(provider.matcherEnv, [], { matcherPort });
    browser = await launchChromium();
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
    await provider?.stop();
  }, 60_000);

  /**
   * Goes from `start` through the provider's login and consent pages as `login`, and returns the
   * provider's redirect back to the matcher, caught before the matcher sees it. (Playwright
   * cannot intercept the later requests of a redirect chain, so the consent form's submission,
   * which starts the chain, is performed by hand and its redirects followed up to the callback.)
   */
  async function providerAnswer(start: string, login: string): Promise<string> {
    const context = await browser.newContext();
    const page: Page = await context.newPage();
    let callback: string | undefined;
    await page.route(`${provider.issuer}/interaction/*`, async (route) => {
      if (route.request().method() !== 'POST' || !route.request().postData()?.includes('prompt=consent')) {
        return route.continue();
      }
      let response = await route.fetch({ maxRedirects: 0 });
      let location = response.headers()['location'];
      while (location && !location.startsWith(`${matcherUrl}/auth/sso/callback`)) {
        response = await context.request.get(new URL(location, provider.issuer).href, { maxRedirects: 0 });
        location = response.headers()['location'];
      }
      callback = location;
      await route.fulfill({ status: 200, contentType: 'text/plain', body: 'caught' });
    });
    // `start` answers a redirect to the provider, which the browser follows.
    await page.goto(start);
    await page.locator('input[name="login"]').fill(login);
    await page.locator('input[name="password"]').fill('anything');
    await page.locator('button[type="submit"]').click();
    await page.locator('button[type="submit"]').click(); // the consent page
    await page.getByText('caught').waitFor();
    await context.close();
    if (!callback) throw new Error('the provider never redirected back to the matcher');
    return callback;
  }

  /** The matcher's answer to a callback: the dashboard fragment it redirects to. */
  async function fragmentOf(callback: string): Promise<URLSearchParams> {
    const answer = await fetch(callback, { redirect: 'manual' });
    expect(answer.status).toBe(302);
    const location = new URL(answer.headers.get('location')!);
    expect(`${location.origin}${location.pathname}`).toBe(`${matcherUrl}/dashboard/`);
    return new URLSearchParams(location.hash.slice(1));
  }

  const complete = (handoff: string) =>
    fetch(`${matcherUrl}/auth/sso/complete`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ handoff }),
    });

  it('says it is offered, under the configured name', async () => {
    expect(await (await fetch(`${matcherUrl}/auth/sso`)).json()).toEqual({
      enabled: true,
      name: '测试统一身份认证',
    });
  });

  it('refuses an identity linked to no account, with the reason, on the dashboard', async () => {
    const fragment = await fragmentOf(await providerAnswer(`${matcherUrl}/auth/sso/start`, 'stranger'));
    expect(fragment.get('sso-error')).toBe('sign-on-not-linked');
    expect(fragment.get('message')).toBe(
      'this sign-on is not linked to an account here; accept an invite from your alliance coordinator first',
    );
  });

  it('links an invited identity to a new account, then signs it in without an invite; answers work once', async () => {
    const allianceId = `alliance-${randomUUID().slice(0, 8)}`;
    await enroll(harness.db, allianceId, { kind: 'unit', id: 'unit-kongkong', name: '空空导弹研究院' });
    const invite = await fetch(`${matcherUrl}/alliances/${allianceId}/invites`, {
      method: 'POST',
      headers: await authHeaders(coordinatorOf(allianceId)),
      body: JSON.stringify({ role: 'unit', memberId: 'unit-kongkong' }),
    });
    const secret = ((await invite.json()) as { url: string }).url.split('#link=')[1]!;

    const callback = await providerAnswer(`${matcherUrl}/auth/sso/start?invite=${secret}`, 'zhanggong');
    const handoff = (await fragmentOf(callback)).get('sso')!;
    expect(handoff).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const signedIn = await complete(handoff);
    expect(signedIn.status).toBe(200);
    const tokens = (await signedIn.json()) as {
      accessToken: string;
      account: { login: string; displayName: string };
      membership: { role: string; unitId: string };
    };
    // The account signs in by the mobile number the provider vouched for, named as it says.
    expect(tokens.account).toMatchObject({ login: PHONE, displayName: '张工' });
    expect(tokens.membership).toMatchObject({ role: 'unit', unitId: 'unit-kongkong' });
    const account = await fetch(`${matcherUrl}/account`, {
      headers: { authorization: `Bearer ${tokens.accessToken}` },
    });
    expect(await account.json()).toMatchObject({ account: { hasPassword: false } });

    // The same answer again, and the same hand-off again, get nowhere; the invite is spent.
    expect((await fragmentOf(callback)).get('sso-error')).toBe('sign-in-failed');
    expect((await complete(handoff)).status).toBe(401);
    const reused = await fetch(`${matcherUrl}/auth/sso/start?invite=${secret}`, { redirect: 'manual' });
    expect(reused.status).toBe(302);
    const refusal = new URLSearchParams(new URL(reused.headers.get('location')!).hash.slice(1));
    expect(refusal.get('sso-error')).toBe('link-invalid');

    // Next time the identity is known: no invite needed.
    const again = (await fragmentOf(await providerAnswer(`${matcherUrl}/auth/sso/start`, 'zhanggong'))).get(
      'sso',
    )!;
    const second = await complete(again);
    expect(await second.json()).toMatchObject({
      account: { login: PHONE },
      membership: { unitId: 'unit-kongkong' },
    });
  });

  it('refuses a forged answer: an unknown state, or a code that does not match the attempt', async () => {
    const callback = new URL(await providerAnswer(`${matcherUrl}/auth/sso/start`, 'zhanggong'));
    const forgedState = new URL(callback);
    forgedState.searchParams.set('state', 'not-the-state-of-any-attempt');
    expect((await fragmentOf(forgedState.href)).get('message')).toBe(
      'this sign-on attempt is unknown, used or expired; start again',
    );
    const forgedCode = new URL(callback);
    forgedCode.searchParams.set('code', 'a-code-the-provider-never-issued');
    const refused = await fragmentOf(forgedCode.href);
    expect(refused.get('sso-error')).toBe('sign-in-failed');
    expect(refused.get('message')).toMatch(/^the sign-on provider did not sign you in/);
    // The real answer was spent by the forged one (same state): it gets nowhere either.
    expect((await fragmentOf(callback.href)).get('sso-error')).toBe('sign-in-failed');
  });
});
