import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { TokenSubject } from '@redcrowd/auth';
import { demandItem, demandList, resourceItem, resourceList } from '@test/fixtures/lists';
import { eventually } from '@test/support/answers';
import { proposedAlliance, type ProposedAlliance } from '@test/support/alliance-scenario';
import { PHONE, SCREENSHOTS, developerTextOn, sidewaysScrollers, signedInAs } from '@test/support/browser';
import { useDashboardSuite } from '@test/support/dashboard-suite';
import { authHeaders, communityOf, coordinatorOf, tokenFor, unitOf } from '@test/support/tokens';

/*
 * The phone check: a coordinator (联席会), a unit and a community each open every tab they
 * have on a 390-pixel phone in WeChat, over an alliance with projects in every state (one
 * completed and rated, one claimed, one offered, one proposed, and a demand no unit can serve).
 * Each tab must fit the screen (nothing to scroll sideways), show no field path or developer
 * English in Chinese mode, and leaves a screenshot in test-results/screenshots.
 */

/**
 * Checks a tab does not pass yet because of a view another change owns; each named with what
 * fails, so the exception is visible and is removed with the fix. Empty when every tab passes.
 */
const NOT_YET: Readonly<Record<string, readonly Check[]>> = {};

type Check = 'fits the screen' | 'speaks Chinese';
type Role = 'coordinator' | 'unit' | 'community';

/** The tab each role lands on, to know the tab bar is the role's. */
const FIRST_TAB: Readonly<Record<Role, string>> = {
  coordinator: 'review',
  unit: 'offers',
  community: 'demands',
};

describe('the dashboard on a phone', () => {
  const suite = useDashboardSuite();
  let a: ProposedAlliance;

  beforeAll(async () => {
    a = await allianceInEveryState();
  }, 240_000);

  const people: Readonly<Record<Role, () => TokenSubject>> = {
    coordinator: () => ({ ...coordinatorOf(a.allianceId), name: '邙岭路街道联席会' }),
    unit: () => ({ ...unitOf(a.allianceId, a.unit.id), name: a.unit.name }),
    community: () => ({ ...communityOf(a.allianceId, a.community.id), name: a.community.name }),
  };

  async function post(who: TokenSubject, url: string, body: unknown = {}) {
    const response = await fetch(`${suite.harness.matcher.url}${url}`, {
      method: 'POST',
      headers: await authHeaders(who),
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  /** The alliance's projects by their demand's category, once the matcher has proposed `count`. */
  async function projectsByCategory(count: number): Promise<Map<string, string>> {
    const byCategory = new Map<string, string>();
    await eventually(
      async () => {
        const { rows } = await suite.harness.db.query(
          `SELECT p.id, d.category FROM projects p JOIN demand_items d ON d.id = p.demand_item_pk
            WHERE p.alliance_id = $1`,
          [a.allianceId],
        );
        for (const row of rows) byCategory.set(row.category as string, row.id as string);
        return byCategory.size >= count;
      },
      () => `fewer than ${count} projects:\n${suite.harness.matcher.tail()}`,
    );
    return byCategory;
  }

  /**
   * One canteen project completed and rated; a tutoring project offered to the unit; a health
   * check claimed; a hall for a show left proposed for review; a legal-aid demand nobody offers;
   * an open invite.
   */
  async function allianceInEveryState(): Promise<ProposedAlliance> {
    a = await proposedAlliance(suite.harness);
    const coordinator = people.coordinator();
    const unit = people.unit();
    const window = { from: dayFromNow(0), to: dayFromNow(10) };
    await suite.harness.kafka.submit(
      'resource',
      JSON.stringify(
        resourceList({
          listId: 'rl-2',
          allianceId: a.allianceId,
          unit: a.unit,
          submittedAt: dayFromNow(0),
          items: [
            resourceItem({
              itemId: 'tutors',
              category: 'education',
              title: '大学生课业辅导',
              unit: 'sessions',
              quantity: 10,
              available: window,
            }),
            resourceItem({
              itemId: 'checks',
              category: 'health',
              title: '校医院上门体检',
              unit: 'visits',
              quantity: 8,
              available: window,
            }),
            resourceItem({
              itemId: 'hall',
              category: 'culture-sports',
              title: '学校礼堂',
              unit: 'seats',
              quantity: 200,
              available: window,
            }),
          ],
        }),
      ),
      a.unit.id,
    );
    await suite.harness.kafka.submit(
      'demand',
      JSON.stringify(
        demandList({
          listId: 'dl-2',
          allianceId: a.allianceId,
          submitter: a.community,
          submittedAt: dayFromNow(0),
          items: [
            demandItem({
              itemId: 'tutoring',
              category: 'education',
              title: '四点半课堂作业辅导',
              unit: 'sessions',
              quantity: 6,
              window,
            }),
            demandItem({
              itemId: 'checks',
              category: 'health',
              title: '独居老人上门体检',
              unit: 'visits',
              quantity: 5,
              window,
            }),
            demandItem({
              itemId: 'legal',
              category: 'legal',
              title: '遗嘱与赡养法律咨询',
              unit: 'visits',
              quantity: 2,
              window,
            }),
            demandItem({
              itemId: 'show',
              category: 'culture-sports',
              title: '重阳节文艺汇演场地',
              unit: 'seats',
              quantity: 120,
              window,
            }),
          ],
        }),
      ),
      a.community.id,
    );
    const projects = await projectsByCategory(4);
    // The canteen: approved, claimed, started and completed with a rating.
    expect((await post(coordinator, `/projects/${a.projectId}/approve`)).status).toBe(200);
    const claimed = await post(unit, '/claims', {
      claimId: `claim-${randomUUID().slice(0, 8)}`,
      projectId: a.projectId,
      quantity: 30,
    });
    expect(claimed.body.decision).toBe('accepted');
    expect((await post(unit, `/projects/${a.projectId}/start`)).status).toBe(200);
    const report = new FormData();
    report.set('note', '每日午间送餐到户，共 30 份');
    report.set('hours', '12');
    const reported = await fetch(`${suite.harness.matcher.url}/projects/${a.projectId}/report`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor(unit)}` },
      body: report,
    });
    expect(reported.status).toBe(200);
    const done = await post(people.community(), `/projects/${a.projectId}/complete`, {
      rating: 5,
      note: '老人们说饭菜可口',
    });
    expect(done.body.status).toBe('completed');
    // The health checks: approved and claimed. The tutoring: approved, an open offer.
    const checks = projects.get('health')!;
    expect((await post(coordinator, `/projects/${checks}/approve`)).status).toBe(200);
    const claim = await post(unit, '/claims', {
      claimId: `claim-${randomUUID().slice(0, 8)}`,
      projectId: checks,
      quantity: 5,
    });
    expect(claim.body.decision).toBe('accepted');
    expect((await post(coordinator, `/projects/${projects.get('education')!}/approve`)).status).toBe(200);
    // An open invite, for the invites table.
    const invite = await post(coordinator, `/alliances/${a.allianceId}/invites`, {
      role: 'unit',
      memberId: a.unit.id,
    });
    expect(invite.status).toBe(201);
    return a;
  }

  /** Waits until the tab's view has drawn its data (no loading placeholder, no refresh under way). */
  async function drawn(page: Page, tab: string): Promise<void> {
    await eventually(
      async () =>
        (await page.locator(`[data-tab="${tab}"][aria-selected="true"]`).count()) === 1 &&
        ((await page.locator('#view').textContent()) ?? '').trim() !== '' &&
        (await page.locator('#view .is-loading, #view [aria-busy="true"]').count()) === 0,
      () => `the ${tab} tab did not finish loading`,
    );
  }

  /**
   * What fails on a tab: a page wider than the phone or a frame in it to swipe sideways,
   * developer text in Chinese mode.
   */
  async function failuresOn(page: Page, role: Role, tab: string): Promise<string[]> {
    const known = NOT_YET[`${role}:${tab}`] ?? [];
    const failures: string[] = [];
    const widths = (await page.evaluate(
      '[document.documentElement.scrollWidth, window.innerWidth]',
    )) as number[];
    if (!known.includes('fits the screen')) {
      if (widths[0] !== widths[1]) {
        failures.push(
          `${role}:${tab} is ${widths[0]}px wide on a ${widths[1]}px screen (${await widestElement(page)})`,
        );
      }
      for (const scroller of await sidewaysScrollers(page)) failures.push(`${role}:${tab}: ${scroller}`);
    }
    const developerText = await developerTextOn(page);
    if (!known.includes('speaks Chinese') && developerText !== null) {
      failures.push(`${role}:${tab} shows developer text: "${developerText}"`);
    }
    return failures;
  }

  it.each(['coordinator', 'unit', 'community'] as const)(
    'shows the %s every tab on a phone: nothing to scroll sideways, no developer text, a screenshot each',
    async (role) => {
      const page = await suite.signedIn(people[role](), { device: PHONE });
      await signedInAs(page, role);
      const failures: string[] = [];
      // Every tab the page offers this role, as the person sees them in the tab bar.
      const tabs = await page
        .locator('[role="tablist"] [data-tab]')
        .evaluateAll((buttons) => buttons.map((button) => button.getAttribute('data-tab') ?? ''));
      expect(tabs).toContain(FIRST_TAB[role]);
      for (const tab of tabs) {
        await page.locator(`[data-tab="${tab}"]`).click();
        await drawn(page, tab);
        failures.push(...(await failuresOn(page, role, tab)));
        await page.screenshot({ path: path.join(SCREENSHOTS, `phone-${role}-${tab}.png`), fullPage: true });
      }
      expect(failures).toEqual([]);
      await page.context().close();
    },
    120_000,
  );
});

/** The element that sticks out furthest to the right, to say what makes a page too wide. */
async function widestElement(page: Page): Promise<string> {
  return (await page.evaluate(`(() => {
    let widest = null, right = 0;
    for (const element of document.querySelectorAll('body *')) {
      const box = element.getBoundingClientRect();
      if (box.right > right && box.width > 0) { right = box.right; widest = element; }
    }
    if (!widest) return 'nothing';
    const name = widest.tagName.toLowerCase() + (widest.className ? '.' + String(widest.className).split(' ').join('.') : '');
    return name + ' reaching ' + Math.round(right) + 'px';
  })()`)) as string;
}

/** An offset date-time `days` from now, as lists carry them. */
function dayFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().replace('Z', '+00:00');
}
