import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { BrowserContextOptions, Page } from 'playwright-core';
import type { TokenSubject } from '@redcrowd/auth';
import { demandItem, demandList, resourceItem, resourceList } from '@test/fixtures/lists';
import { eventually } from '@test/support/answers';
import {
  DESKTOP,
  PHONE,
  SCREENSHOTS,
  fitsTheScreen,
  shownText,
  sidewaysScrollers,
  speaksChinese,
} from '@test/support/browser';
import { useDashboardSuite } from '@test/support/dashboard-suite';
import { enroll } from '@test/support/roster';
import { authHeaders, coordinatorOf, unitOf } from '@test/support/tokens';
import { wholeDaysOf } from '@test/support/workbook-fixtures';

/*
 * The overview, the map and the unmet list as a 联席会 coordinator reads them, on a desktop
 * and on a 390-pixel phone in WeChat (issue 13's "Overview charts" and "Phone and reading"):
 * coverage counted in demands, quantities only ever added within one unit of measure, empty
 * charts that say so, one way of writing dates, and nothing to scroll sideways.
 */

const ZONE = 'Asia/Shanghai';

/** A day as the dashboard writes it in Chinese: 12月5日, with the year when not this year. */
function chineseDay(day: DateTime, today: DateTime): string {
  const monthDay = `${day.month}月${day.day}日`;
  return day.year === today.year ? monthDay : `${day.year}年${monthDay}`;
}

describe('the overview, the map and the unmet list as a coordinator reads them', () => {
  const suite = useDashboardSuite();
  const allianceId = `alliance-${randomUUID().slice(0, 8)}`;
  const unit = { id: `unit-kongkong-${allianceId}`, name: '空空导弹研究院' };
  const community = { kind: 'community' as const, id: `community-014-${allianceId}`, name: '014中心社区' };
  const coordinator = { ...coordinatorOf(allianceId), name: '邙岭路街道联席会' };
  // The meals are wanted from tomorrow to 15 January next year, in whole days.
  const today = DateTime.now().setZone(ZONE).startOf('day');
  const firstDay = today.plus({ days: 1 });
  const lastDay = DateTime.fromObject({ year: today.year + 1, month: 1, day: 15 }, { zone: ZONE });

  /**
   * 空空导弹研究院 offers its canteen (30 meals) and a hall (700 m²·days); 014中心社区 asks for
   * 40 meals, 200 m²·days of the hall and 5 tutors nobody offers. Both proposals are approved
   * and claimed in full: the hall is met, the meals only in part, the tutors not at all.
   */
  beforeAll(async () => {
    await enroll(suite.harness.db, allianceId, unit, community);
    const available = wholeDaysOf(today.toISODate()!, lastDay.plus({ months: 1 }).toISODate()!);
    await suite.harness.kafka.submit(
      'resource',
      JSON.stringify(
        resourceList({
          listId: 'rl-1',
          allianceId,
          unit,
          items: [
            resourceItem({
              itemId: 'canteen',
              category: 'elderly-care',
              unit: 'meals',
              quantity: 30,
              available,
            }),
            resourceItem({ itemId: 'hall', category: 'venue', unit: 'sqm-days', quantity: 700, available }),
          ],
        }),
      ),
      unit.id,
    );
    const window = wholeDaysOf(firstDay.toISODate()!, lastDay.toISODate()!);
    await suite.harness.kafka.submit(
      'demand',
      JSON.stringify(
        demandList({
          listId: 'dl-1',
          allianceId,
          submitter: community,
          items: [
            demandItem({ itemId: 'meals', quantity: 40, window }),
            demandItem({
              itemId: 'hall',
              title: '党群活动场地',
              category: 'venue',
              unit: 'sqm-days',
              quantity: 200,
              window,
            }),
            demandItem({
              itemId: 'tutors',
              title: '课后辅导',
              category: 'education',
              unit: 'people',
              quantity: 5,
              window,
            }),
          ],
        }),
      ),
      community.id,
    );
    const projects = await eventually(
      async () => {
        const { rows } = await suite.harness.db.query(
          `SELECT id, requested - unmet AS allocated FROM projects WHERE alliance_id = $1`,
          [allianceId],
        );
        return rows.length === 2 ? (rows as Array<{ id: string; allocated: number }>) : undefined;
      },
      () => `no two proposals for ${allianceId}:\n${suite.harness.matcher.tail()}`,
    );
    for (const project of projects) {
      expect((await post(coordinator, `/projects/${project.id}/approve`)).status).toBe(200);
      const claim = await post(unitOf(allianceId, unit.id), '/claims', {
        claimId: `claim-${randomUUID().slice(0, 8)}`,
        projectId: project.id,
        quantity: project.allocated,
      });
      expect(claim.body.decision).toBe('accepted');
    }
  }, 180_000);

  async function post(who: TokenSubject, url: string, body: unknown = {}) {
    const response = await fetch(`${suite.harness.matcher.url}${url}`, {
      method: 'POST',
      headers: await authHeaders(who),
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  /** A fresh browser context signed in as `who` through a login link, on the tab named. */
  const signedIn = (who: TokenSubject, tab: string, device: BrowserContextOptions): Promise<Page> =>
    suite.signedIn(who, { tab, device });

  /** Nothing to scroll sideways, the page's or a frame's, and no developer text in Chinese mode. */
  async function readsOnAPhone(page: Page, what: string): Promise<void> {
    await fitsTheScreen(page, what);
    expect({ what, scrollers: await sidewaysScrollers(page) }).toEqual({ what, scrollers: [] });
    await speaksChinese(page, what);
  }

  it('counts demands met, never adds 份 to 平方米·天, and fits a phone', async () => {
    const page = await signedIn(coordinator, 'overview', PHONE);
    const met = page.locator('[data-testid="kpi-met-demands"]');
    expect(await shownText(met, (text) => text.includes('1/3'), 'the demands met')).toContain('已满足需求');
    expect(await page.locator('[data-testid="kpi-allocated-demands"]').textContent()).toContain('1/3');

    const units = page.locator('[data-testid="quantities-by-unit"]');
    await shownText(units, (text) => text.includes('平方米·天'), 'the units of measure');
    const row = async (unitCode: string) =>
      ((await units.locator(`[data-unit="${unitCode}"]`).textContent()) ?? '').replace(/\s+/g, ' ');
    expect(await row('sqm-days')).toContain('需求 200平方米·天：已分配 200平方米·天，已认领 200平方米·天');
    expect(await row('sqm-days')).toContain('资源已使用 200平方米·天 / 可提供 700平方米·天');
    expect(await row('meals')).toContain('需求 40份：已分配 30份，已认领 30份');
    expect(await row('meals')).toContain('资源已使用 30份 / 可提供 30份');
    expect(await row('people')).toContain('需求 5人：已分配 0人，已认领 0人');
    expect(await row('people')).toContain('暂无以此为单位的资源');
    // The category supply reads in its own unit, with what the resource can give.
    expect(await page.locator('[data-testid="supply-by-category"]').textContent()).toContain(
      '已使用 30份 / 可提供 30份',
    );

    // The units' chart draws one measure (points); the project count is said in words.
    const unitBars = async () =>
      (await page.evaluate(`(() => {
        const option = window.echarts.getInstanceByDom(document.getElementById('chart-units'))?.getOption();
        return option ? option.series.map((series) => series.name) : null;
      })()`)) as string[] | null;
    let drawn = '';
    await eventually(
      async () => (drawn = JSON.stringify(await unitBars())) === '["积分"]',
      () => `the units' chart draws ${drawn}`,
    );

    const body = (await page.evaluate('document.body.innerText')) as string;
    expect(body).not.toMatch(/覆盖率|中位数 — 小时|<1h|1–3d/);
    await readsOnAPhone(page, 'the overview on a phone');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'overview-phone.png'), fullPage: true });
    await page.context().close();
  });

  it('says in words that a chart has nothing to show, instead of drawing empty axes', async () => {
    const empty = { ...coordinatorOf(`alliance-${randomUUID().slice(0, 8)}`), name: '邙岭路街道联席会' };
    const page = await signedIn(empty, 'overview', DESKTOP);
    const card = (name: string) => page.locator(`#card-${name}`);
    expect(
      await shownText(card('demand-to-claim'), (text) => text.includes('暂无'), 'the waits card'),
    ).toContain('暂无已认领的项目，尚无时长可统计');
    expect(await card('coverage-community').textContent()).toContain('暂无需求清单');
    expect(await card('claimed-share').textContent()).toContain('暂无需求清单');
    expect(await card('status').textContent()).toContain('暂无项目');
    expect(await card('quantities-by-unit').textContent()).toContain('暂无需求清单或资源清单');
    expect(await card('demand-to-claim').textContent()).not.toContain('中位数');
    // No chart canvas stands where the words are.
    expect(await card('status').locator('.chart').isHidden()).toBe(true);
    await page.context().close();
  });

  it('writes a window crossing a year as 12月5日 至 2027年1月15日', async () => {
    const page = await signedIn(coordinator, 'review', DESKTOP);
    await page.locator('select[name="status"]').selectOption('');
    const expected = `${chineseDay(firstDay, today)} 至 ${chineseDay(lastDay, today)}`;
    expect(lastDay.year).toBe(today.year + 1);
    await shownText(page.locator('#view'), (text) => text.includes(expected), `the window ${expected}`);
    const body = (await page.evaluate('document.body.innerText')) as string;
    // Never the numeric form the page wrote before (12/05 11:00 – 01/15 13:00).
    expect(body).not.toMatch(/\d{2}\/\d{2} \d{2}:\d{2}/);
    await page.context().close();
  });

  it('lists unmet demands on a phone as cards: title, community and reason in view', async () => {
    const page = await signedIn(coordinator, 'unmet', PHONE);
    const rows = page.locator('[data-testid="unmet-row"]');
    let count = 0;
    await eventually(
      async () => (count = await rows.count()) === 2,
      () => `${count} unmet rows, not 2`,
    );
    const tutors = page.locator('[data-testid="unmet-row"][data-item-id="tutors"]');
    const text = ((await tutors.textContent()) ?? '').replace(/\s+/g, ' ');
    expect(text).toContain('课后辅导');
    expect(text).toContain('014中心社区');
    expect(text).toContain('5人');
    for (const part of [tutors.locator('th'), tutors.getByText('014中心社区'), tutors.locator('.chip')]) {
      const box = await part.first().boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    }
    await readsOnAPhone(page, 'the unmet demands on a phone');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'unmet-phone.png'), fullPage: true });
    await page.context().close();
  });

  it('fits the map to a touch screen: a hint for fingers, no tick labels squeezing the plot', async () => {
    const page = await signedIn(coordinator, 'map', PHONE);
    const hint = page.locator('[data-testid="map-hint"]');
    expect(await shownText(hint, (text) => text !== '', 'the map hint')).toContain('双指缩放');
    const axisLabelsShown = async () =>
      (await page.evaluate(`(() => {
        const chart = window.echarts.getInstanceByDom(document.getElementById('map-chart'));
        const option = chart && chart.getOption();
        return option ? [option.xAxis[0].axisLabel.show, option.yAxis[0].axisLabel.show] : null;
      })()`)) as boolean[] | null;
    let shown = '';
    await eventually(
      async () => (shown = JSON.stringify(await axisLabelsShown())) === '[false,false]',
      () => `the phone map's axis labels show: ${shown}`,
    );
    await readsOnAPhone(page, 'the map on a phone');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'map-phone.png') });
    await page.context().close();

    const desk = await signedIn(coordinator, 'map', DESKTOP);
    expect(
      await shownText(desk.locator('[data-testid="map-hint"]'), (text) => text !== '', 'the hint'),
    ).toContain('滚轮缩放');
    await eventually(
      async () =>
        JSON.stringify(
          await desk.evaluate(`(() => {
            const option = window.echarts.getInstanceByDom(document.getElementById('map-chart'))?.getOption();
            return option ? [option.xAxis[0].axisLabel.show, option.yAxis[0].axisLabel.show] : null;
          })()`),
        ) === '[true,true]',
      () => 'the desktop map shows no axis labels',
    );
    await desk.context().close();
  });
});
