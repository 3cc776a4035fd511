import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import { eventually } from '@test/support/answers';
import { proposedAlliance, type ProposedAlliance } from '@test/support/alliance-scenario';
import {
  DESKTOP,
  PHONE,
  SCREENSHOTS,
  fitsTheScreen,
  shownText,
  signedInAs,
  speaksChinese,
} from '@test/support/browser';
import { useDashboardSuite } from '@test/support/dashboard-suite';
import { ADMIN, authHeaders, communityOf, coordinatorOf, tokenFor } from '@test/support/tokens';

/*
 * Two things a person meets before anything else, in a real Chromium against the real intake
 * and matcher: where a community's demand is (picked, never typed as latitude and longitude),
 * and the account pages' refusals (wrong password, weak password, a used or expired link),
 * which must be in the person's words, never the server's English.
 */

// The community on the roster, and two places of the alliance gazetteer (地名库).
const COMMUNITY_PLACE = { address: '洛阳市西工区邙岭路014中心社区', lat: 34.6852, lng: 112.4371 };
const COMPOUND = { name: '幸福小区', kind: 'compound', lat: 34.687, lng: 112.44, address: '邙岭路幸福小区' };
const BUILDING = { name: '3号楼', kind: 'building', lat: 34.6881, lng: 112.4415, address: '幸福小区3号楼' };

describe('a demand’s place and the account pages’ words', () => {
  const suite = useDashboardSuite();
  const freshPage = (who: string, device: BrowserContextOptions) => suite.freshPage(who, device);

  async function api(method: string, url: string, headers: Record<string, string>, body?: object) {
    const response = await fetch(`${suite.harness.matcher.url}${url}`, {
      method,
      headers,
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : null };
  }

  describe('the demand form’s place picker', () => {
    let a: ProposedAlliance;

    beforeAll(async () => {
      a = await proposedAlliance(suite.harness);
      const coordinator = await authHeaders(coordinatorOf(a.allianceId));
      const roster = await api(
        'PATCH',
        `/alliances/${a.allianceId}/members/community/${a.community.id}`,
        coordinator,
        COMMUNITY_PLACE,
      );
      expect(roster.status).toBe(200);
      const compound = await api('POST', `/alliances/${a.allianceId}/places`, coordinator, COMPOUND);
      expect(compound.status).toBe(201);
      const building = await api('POST', `/alliances/${a.allianceId}/places`, coordinator, {
        ...BUILDING,
        parentId: compound.body.placeId,
      });
      expect(building.status).toBe(201);
    }, 120_000);

    /** The community's demand form, with what is needed and when filled in; the place left to the test. */
    async function demandForm(
      options: BrowserContextOptions,
      title: string,
    ): Promise<{ page: Page; form: Locator }> {
      const page = await freshPage('community', options);
      const who = { ...communityOf(a.allianceId, a.community.id), name: a.community.name };
      await page.goto(`${suite.harness.matcher.url}/dashboard/#token=${await tokenFor(who)}`);
      await signedInAs(page, 'community');
      await page.locator('[data-tab="post-demand"]').click();
      const form = page.locator('[data-testid="post-demand-form"]');
      await form.locator('[name="title"]').fill(title);
      await form.locator('[name="category"]').selectOption('elderly-care');
      await form.locator('[name="quantity"]').fill('12');
      await form.locator('[name="unit"]').selectOption('meals');
      await form.locator('[name="windowFrom"]').fill(localInput(1));
      await form.locator('[name="windowTo"]').fill(localInput(8));
      return { page, form };
    }

    /** Submits the form and reads back where intake stored the demand. */
    async function submitted(form: Locator, title: string) {
      await form.locator('[data-action="post-demand"]').click();
      await shownText(
        form.locator('[data-testid="row-message"]'),
        (text) => text.includes('需求已提交'),
        'not stored',
      );
      const { rows } = await suite.harness.db.query(
        `SELECT lat, lng, address FROM demand_items WHERE title = $1`,
        [title],
      );
      expect(rows).toHaveLength(1);
      return rows[0] as { lat: number; lng: number; address: string };
    }

    it.each([
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ])(
      'posts a demand at the community’s own place, a gazetteer building or a dropped pin, never typing coordinates (%s)',
      async (screen, options) => {
        // 1. The community's own place is the default: nothing to pick.
        const ownTitle = `老人助餐-${randomUUID().slice(0, 6)}`;
        const { page, form } = await demandForm(options, ownTitle);
        const picker = form.locator('[data-testid="place-picker"]');
        expect(await picker.getAttribute('data-source')).toBe('own');
        expect(
          await shownText(picker.locator('[data-testid="place-note"]'), (text) => text !== '', 'no place'),
        ).toBe(`014中心社区：${COMMUNITY_PLACE.address}`);
        // The coordinates are there to check, not to type.
        expect(await form.locator('input[name="lat"]').getAttribute('readonly')).not.toBeNull();
        if (screen === 'phone') await fitsTheScreen(page, 'the demand form on a phone');
        await speaksChinese(page, `the demand form (${screen})`);
        expect(await submitted(form, ownTitle)).toEqual(COMMUNITY_PLACE);

        // 2. A building from the gazetteer, named with the compound it stands in.
        const buildingTitle = `楼道清扫-${randomUUID().slice(0, 6)}`;
        await form.locator('[name="title"]').fill(buildingTitle);
        await form.locator('[name="category"]').selectOption('elderly-care');
        await form.locator('[name="quantity"]').fill('12');
        await form.locator('[name="unit"]').selectOption('meals');
        await form.locator('[name="windowFrom"]').fill(localInput(1));
        await form.locator('[name="windowTo"]').fill(localInput(8));
        await picker.locator('input[name="place-source"][value="gazetteer"]').check();
        await picker.locator('select[name="placeId"]').selectOption({ label: '3号楼（幸福小区）' });
        await eventually(
          async () => (await form.locator('input[name="address"]').inputValue()) === BUILDING.address,
          () => 'the building’s address did not fill the address',
        );
        expect(await submitted(form, buildingTitle)).toEqual({
          address: BUILDING.address,
          lat: BUILDING.lat,
          lng: BUILDING.lng,
        });

        // 3. A pin dropped on the map, where the compound is drawn.
        const pinTitle = `上门维修-${randomUUID().slice(0, 6)}`;
        await form.locator('[name="title"]').fill(pinTitle);
        await form.locator('[name="category"]').selectOption('elderly-care');
        await form.locator('[name="quantity"]').fill('12');
        await form.locator('[name="unit"]').selectOption('meals');
        await form.locator('[name="windowFrom"]').fill(localInput(1));
        await form.locator('[name="windowTo"]').fill(localInput(8));
        await picker.locator('input[name="place-source"][value="pin"]').check();
        const map = picker.locator('[data-testid="place-map"]');
        const mark = await map.locator('.place-landmark', { hasText: COMPOUND.name }).boundingBox();
        const box = await map.boundingBox();
        expect(mark && box).toBeTruthy();
        await map.click({
          position: { x: mark!.x + mark!.width / 2 - box!.x, y: mark!.y + mark!.height / 2 - box!.y },
        });
        await picker.locator('[data-testid="place-pin"]').waitFor();
        expect(
          await shownText(
            picker.locator('[data-testid="place-note"]'),
            (text) => text.startsWith('已选'),
            'no pin',
          ),
        ).toMatch(/^已选：幸福小区附近（34\.68\d*, 112\.44\d*）$/);
        if (screen === 'phone') await fitsTheScreen(page, 'the pin map on a phone');
        await page.screenshot({
          path: path.join(SCREENSHOTS, `demand-place-pin-${screen}.png`),
          fullPage: true,
        });
        const pinned = await submitted(form, pinTitle);
        // A tap is a few pixels wide: some metres off the compound, no more.
        expect(Math.abs(pinned.lat - COMPOUND.lat)).toBeLessThan(0.0003);
        expect(Math.abs(pinned.lng - COMPOUND.lng)).toBeLessThan(0.0003);
        expect(pinned.address).toBe('幸福小区附近');
        await page.context().close();
      },
      120_000,
    );
  });

  describe('the account pages’ refusals', () => {
    const phone = (prefix: string) => `${prefix}${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

    /** A new community account and its one-time setup link (as an admin creates them). */
    async function newAccount(allianceId: string, communityId: string) {
      const login = phone('137');
      const created = await api('POST', '/accounts', await authHeaders(ADMIN), {
        login,
        displayName: '王社工',
        membership: { role: 'community', allianceId, communityId },
      });
      expect(created.status).toBe(201);
      const secret = String(created.body.setupLink.url).split('#link=')[1]!;
      return { login, secret };
    }

    it('words a weak password, a used or expired link and a wrong password in Chinese, without the server’s English', async () => {
      const a = await proposedAlliance(suite.harness);
      const { login, secret } = await newAccount(a.allianceId, a.community.id);
      const page = await freshPage('new account', PHONE);
      await page.goto(`${suite.harness.matcher.url}/dashboard/#link=${secret}`);
      const setup = page.locator('[data-testid="setup-form"]');
      const choose = async (password: string) => {
        await setup.locator('[name="password"]').fill(password);
        await setup.locator('[name="passwordAgain"]').fill(password);
        await setup.locator('[data-action="accept-link"]').click();
      };

      // Too short, then containing the sign-in name: the rules in words, never "at least 10 characters".
      await choose('short-1');
      const problem = setup.locator('.field-error[data-field="password"]');
      expect(await shownText(problem, (text) => text !== '', 'no problem under the password')).toBe(
        '密码不符合要求 密码需 10 到 128 个字符，不能是常见密码（如 1234567890），也不能包含手机号或登录名。',
      );
      await speaksChinese(page, 'a weak password');
      await choose(`${login}-mine`);
      await shownText(
        problem,
        (text) => text.startsWith('密码不符合要求'),
        'the sign-in name in the password passed',
      );
      await speaksChinese(page, 'a password with the sign-in name');
      await fitsTheScreen(page, 'the setup link on a phone');
      await page.screenshot({
        path: path.join(SCREENSHOTS, 'account-weak-password-phone.png'),
        fullPage: true,
      });
      await choose('manglinglu-014-shegong');
      await signedInAs(page, 'community');

      // The link again: used.
      const again = await freshPage('used link', PHONE);
      await again.goto(`${suite.harness.matcher.url}/dashboard/#link=${secret}`);
      const invalid = again.locator('[data-testid="link-invalid"]');
      expect(await shownText(invalid, (text) => text !== '', 'the used link is not refused')).toBe(
        '链接无效、已过期或已被使用',
      );
      await speaksChinese(again, 'a used link');

      // Another person's link, expired before it was opened.
      const late = await newAccount(a.allianceId, a.community.id);
      await suite.harness.db.query(
        `UPDATE account_links SET expires_at = now() - interval '1 hour'
          WHERE account_id = (SELECT id FROM accounts WHERE login = $1)`,
        [late.login],
      );
      await again.goto('about:blank');
      await again.goto(`${suite.harness.matcher.url}/dashboard/#link=${late.secret}`);
      expect(await shownText(invalid, (text) => text !== '', 'the expired link is not refused')).toBe(
        '链接无效、已过期或已被使用',
      );
      await speaksChinese(again, 'an expired link');

      // Signing in with a wrong password.
      const signIn = await freshPage('sign-in', PHONE);
      await signIn.goto(`${suite.harness.matcher.url}/dashboard/`);
      const form = signIn.locator('[data-testid="sign-in-form"]');
      await form.locator('[name="login"]').fill(login);
      await form.locator('[name="password"]').fill('manglinglu-014-wrong');
      await form.locator('[data-action="sign-in"]').click();
      expect(
        await shownText(form.locator('[data-testid="row-message"]'), (text) => text !== '', 'no refusal'),
      ).toBe('手机号或密码不正确');
      await speaksChinese(signIn, 'a wrong password');

      // The account page: a wrong current password (the session goes on), then a weak new one.
      await form.locator('[name="password"]').fill('manglinglu-014-shegong');
      await form.locator('[data-action="sign-in"]').click();
      await signedInAs(signIn, 'community');
      await signIn.locator('[data-tab="account"]').click();
      const change = signIn.locator('[data-testid="password-form"]');
      await change.locator('[name="currentPassword"]').fill('not-the-password-1');
      await change.locator('[name="newPassword"]').fill('a-new-password-2027');
      await change.locator('[name="newPasswordAgain"]').fill('a-new-password-2027');
      await change.locator('[data-action="change-password"]').click();
      expect(
        await shownText(
          change.locator('.field-error[data-field="currentPassword"]'),
          (t) => t !== '',
          'no refusal of the wrong current password',
        ),
      ).toBe('当前密码不正确');
      await signedInAs(signIn, 'community');
      await change.locator('[name="currentPassword"]').fill('manglinglu-014-shegong');
      await change.locator('[name="newPassword"]').fill('1234567890');
      await change.locator('[name="newPasswordAgain"]').fill('1234567890');
      await change.locator('[data-action="change-password"]').click();
      expect(
        await shownText(
          change.locator('.field-error[data-field="newPassword"]'),
          (t) => t !== '',
          'no refusal',
        ),
      ).toMatch(/^密码不符合要求 密码需 10 到 128 个字符/);
      await speaksChinese(signIn, 'a weak new password');
      for (const opened of [page, again, signIn]) await opened.context().close();
    }, 120_000);
  });
});

/** A datetime-local value `days` from now at 09:00, as a person types it. */
function localInput(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T09:00`;
}
