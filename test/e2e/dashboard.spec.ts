import path from 'node:path';
import { type Page } from 'playwright-core';
import { SCREENSHOTS } from '@test/support/browser';
import { useDashboardSuite } from '@test/support/dashboard-suite';
import type { TokenSubject } from '@redcrowd/auth';
import { TINY_PNG } from '@test/fixtures/photos';
import { eventually } from '@test/support/answers';
import { proposedAlliance, type ProposedAlliance } from '@test/support/alliance-scenario';
import { ADMIN, communityOf, coordinatorOf, tokenFor, unitOf } from '@test/support/tokens';

/*
 * The joint meeting's screen in a real browser: Debian's Chromium driven by playwright-core
 * against the real matcher, intake, broker and database. A coordinator approves a proposed
 * project and the unit's view shows the offer; screenshots go to test-results/screenshots.
 */

describe('dashboard in a browser', () => {
  const suite = useDashboardSuite();
  let a: ProposedAlliance;

  beforeAll(async () => {
    a = await proposedAlliance(suite.harness);
  }, 60_000);

  /** A fresh browser context (own sessionStorage) signed in as `who` through a login link. */
  async function signedIn(who: TokenSubject): Promise<Page> {
    const page = await suite.freshPage(who.role, { viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const response = await page.goto(`${suite.harness.matcher.url}/dashboard/#token=${await tokenFor(who)}`);
    // The page holds a token: it must come with a policy that refuses foreign and inline script
    // (a violation would also show up below as a console error and fail the test).
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self';");
    // The token leaves the address bar at once, so it is not shared by copying the URL.
    await eventually(
      () => !page.url().includes('token='),
      () => `the token is still in the URL: ${page.url()}`,
    );
    return page;
  }

  const coordinator = () => ({ ...coordinatorOf(a.allianceId), name: '邙岭路街道联席会' });
  const projectRow = (page: Page) =>
    page.locator(`[data-testid="project-row"][data-project-id="${a.projectId}"]`);

  let lastStatus = '';
  async function projectStatus(): Promise<string> {
    const { rows } = await suite.harness.db.query(`SELECT status FROM projects WHERE id = $1`, [a.projectId]);
    return (lastStatus = rows[0].status as string);
  }

  it('shows the proposed project with its explanation in Chinese, and switches to English', async () => {
    const page = await signedIn(coordinator());
    const row = projectRow(page);
    await row.waitFor();
    const text = (await row.textContent()) ?? '';
    expect(text).toContain('幸福食堂老人送餐');
    expect(text).toContain('空空导弹研究院');
    expect(text).toContain('待审核');
    // The allocation's score explanation, in Chinese: component, weight and the reason.
    expect(text).toContain('类别相同：养老服务');
    expect(text).toMatch(/距离 [\d.]+ 公里，服务半径 3 公里/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-zh.png'), fullPage: true });

    await page.locator('[data-testid="lang-switch"]').click();
    await eventually(
      async () => {
        const english = (await projectRow(page).textContent()) ?? '';
        return english.includes('Proposed') && english.includes('Same category: Elderly care');
      },
      () => 'the review screen did not switch to English',
    );
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-en.png'), fullPage: true });
    await page.context().close();
  });

  it('answers a rejection without a reason inline, next to the reason field', async () => {
    const page = await signedIn(coordinator());
    const row = projectRow(page);
    await row.locator('button[data-action="reject"]').click();
    await row.locator('[data-action="confirm-reject"]').click();
    const error = row.locator('.field-error[data-field="reason"]');
    await error.waitFor();
    // What the field needs, in the page's words: never the API's developer sentence.
    expect(await error.textContent()).toBe('请填写理由（不超过 500 字）');
    expect(await projectStatus()).toBe('proposed');
    await page.context().close();
  });

  it('lets the coordinator approve; the unit claims the offer (live on the coordinator’s page) and starts it; the community confirms with a rating', async () => {
    const coordinatorPage = await signedIn(coordinator());
    await projectRow(coordinatorPage).locator('button[data-action="approve"]').click();
    await eventually(
      async () => (await projectStatus()) === 'offered',
      () => `the project is ${lastStatus} after approval`,
    );
    await coordinatorPage.screenshot({
      path: path.join(SCREENSHOTS, 'review-after-approval.png'),
      fullPage: true,
    });
    await eventually(
      async () =>
        (await coordinatorPage.locator('[data-testid="live-status"]').getAttribute('data-state')) === 'open',
      () => 'the live stream did not connect',
    );

    // Every status on the coordinator's list, so the project stays in view as it moves on.
    await coordinatorPage.locator('select[name="status"]').selectOption('');
    const status = projectRow(coordinatorPage).locator('[data-testid="project-status"]');
    await eventually(
      async () => (await status.textContent())?.includes('已派单') ?? false,
      () => 'the approved project is not shown as offered',
    );

    const unitPage = await signedIn({ ...unitOf(a.allianceId, a.unit.id), name: a.unit.name });
    const offer = unitPage.locator(`[data-testid="offer-row"][data-project-id="${a.projectId}"]`);
    await offer.waitFor();
    expect(await offer.textContent()).toContain('幸福食堂老人送餐');
    await unitPage.screenshot({ path: path.join(SCREENSHOTS, 'unit-offer.png'), fullPage: true });

    await offer.locator('[name="quantity"]').fill('30');
    await offer.locator('button[data-action="claim"]').click();
    await eventually(
      async () => (await projectStatus()) === 'claimed',
      () => `the project is ${lastStatus} after the claim`,
    );
    // The coordinator's page hears the claim over the live stream, without a reload or a click.
    await eventually(
      async () => (await status.textContent())?.includes('已认领') ?? false,
      () => 'the coordinator page did not show the claim',
    );
    await coordinatorPage.screenshot({
      path: path.join(SCREENSHOTS, 'review-live-claimed.png'),
      fullPage: true,
    });

    // The unit starts the work; the community confirms it done with a rating; the unit's
    // points (积分) show the credit.
    await offer.locator('button[data-action="start"]').click();
    await eventually(
      async () => (await projectStatus()) === 'in-progress',
      () => `the project is ${lastStatus} after start`,
    );
    const communityPage = await signedIn({
      ...communityOf(a.allianceId, a.community.id),
      name: a.community.name,
    });
    const demand = communityPage.locator(`[data-testid="demand-row"][data-project-id="${a.projectId}"]`);
    // Before the unit reports its work done (完成报告) the community cannot confirm it.
    await eventually(
      async () =>
        (
          (await demand
            .locator('[data-testid="awaiting-reports"]')
            .textContent()
            .catch(() => '')) ?? ''
        ).includes(a.unit.name),
      () => 'the community is not told which unit has yet to report',
    );
    expect(await demand.locator('button[data-action="confirm-complete"]').count()).toBe(0);

    await unitPage.locator('[data-tab="claims"]').click();
    const claimRow = unitPage.locator(`[data-testid="claim-row"][data-project-id="${a.projectId}"]`);
    await claimRow.locator('button[data-action="open-report"]').click();
    const reportForm = claimRow.locator('[data-testid="work-report-form"]');
    await reportForm.locator('[name="note"]').fill('送餐 30 份，老人均已签收');
    await reportForm.locator('[name="hours"]').fill('12.5');
    await reportForm
      .locator('input[name="photo"]')
      .setInputFiles({ name: '送餐现场.png', mimeType: 'image/png', buffer: TINY_PNG });
    await unitPage.screenshot({ path: path.join(SCREENSHOTS, 'unit-work-report.png'), fullPage: true });
    await reportForm.locator('button[data-action="send-report"]').click();
    await eventually(
      async () =>
        ((await claimRow
          .locator('[data-testid="work-report-note"]')
          .textContent()
          .catch(() => '')) ?? '') === '送餐 30 份，老人均已签收',
      () => 'the unit does not see the report it sent',
    );

    // The community reads the report, opens its photo, then confirms with a rating.
    const report = demand.locator('[data-testid="work-report"]');
    await report.waitFor();
    expect(await report.textContent()).toContain('服务 12.5 小时');
    await report.locator('button[data-action="show-photo"]').click();
    await eventually(
      async () =>
        (await report
          .locator('img[data-testid="work-report-photo"]')
          .evaluate((image) => {
            const shown = image as unknown as { complete: boolean; naturalWidth: number };
            return shown.complete && shown.naturalWidth === 2;
          })
          .catch(() => false)) === true,
      () => 'the report’s photo did not show',
    );
    await demand.locator('button[data-action="confirm-complete"]').waitFor();
    await demand.locator('input[name="rating"][value="5"]').check();
    await demand.locator('[name="note"]').fill('老人们很满意');
    await communityPage.screenshot({ path: path.join(SCREENSHOTS, 'community-confirm.png'), fullPage: true });
    await demand.locator('button[data-action="confirm-complete"]').click();
    await eventually(
      async () => (await projectStatus()) === 'completed',
      () => `the project is ${lastStatus} after the community's confirmation`,
    );
    await unitPage.locator('[data-tab="points"]').click();
    await eventually(
      async () =>
        ((await unitPage.locator('[data-testid="points-total"]').textContent()) ?? '').trim() === '10',
      () => 'the unit page does not show the 10 points of the completed project',
    );
    // One credit still draws a step: the total starts from 0 the day before.
    const trend = async () =>
      JSON.stringify(
        await unitPage.evaluate(`(() => {
          const option = window.echarts.getInstanceByDom(document.getElementById('chart-points'))?.getOption();
          return option ? option.series[0].data.map((point) => point[1]) : null;
        })()`),
      );
    let drawn = '';
    await eventually(
      async () => (drawn = await trend()) === '[0,10]',
      () => `the points chart draws ${drawn}`,
    );
    await unitPage.screenshot({ path: path.join(SCREENSHOTS, 'unit-points.png'), fullPage: true });
    await communityPage.context().close();
    await unitPage.context().close();
    await coordinatorPage.context().close();
  });

  it('lets an admin, who belongs to no alliance, pick one and review it', async () => {
    const page = await signedIn(ADMIN);
    const alliance = page.locator('input[name="allianceId"]');
    // Opened on the first alliance of the deployment rather than on an error.
    await eventually(
      async () => ((await alliance.inputValue()) ?? '') !== '',
      () => 'the admin page chose no alliance',
    );
    const offered = await page
      .locator('#admin-alliances option')
      .evaluateAll((options) => options.map((option) => (option as unknown as { value: string }).value));
    expect(offered).toContain(a.allianceId);
    await alliance.fill(a.allianceId);
    await alliance.press('Enter');
    // Earlier tests took the project through to completion: list every status.
    await page.locator('select[name="status"]').selectOption('');
    await projectRow(page).waitFor();
    expect(await page.locator('[data-testid="load-error"]').count()).toBe(0);
    await page.context().close();
  });

  it('shows a community its demand, and a bad demand form gets the API’s problems inline', async () => {
    const page = await signedIn({ ...communityOf(a.allianceId, a.community.id), name: a.community.name });
    await page.locator('[data-testid="demand-row"]').first().waitFor();
    expect(await page.locator('[data-testid="demand-row"]').first().textContent()).toContain(
      '幸福食堂老人送餐',
    );
    await page.locator('[data-tab="post-demand"]').click();
    const form = page.locator('[data-testid="post-demand-form"]');
    await form.locator('[name="title"]').fill('楼道灯维修');
    await form.locator('[name="quantity"]').fill('0');
    await form.locator('[data-action="post-demand"]').click();
    const errors = form.locator('.field-error[data-field="quantity"]');
    await errors.first().waitFor();
    // Intake's own problem, under the field it names, in the words the API gives people
    // (the field by its human name, not its path), and nothing under the fields that were right.
    expect(await errors.count()).toBe(1);
    expect(await errors.textContent()).toBe('第 1 项「数量」超出允许范围');
    expect(await form.locator('.field-error[data-field="title"]').count()).toBe(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'community-form-errors.png'), fullPage: true });
    await page.context().close();
  });
});
