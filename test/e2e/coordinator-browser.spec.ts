import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { BrowserContextOptions, Page } from 'playwright-core';
import type { TokenSubject } from '@redcrowd/auth';
import { demandItem, demandList, resourceItem, resourceList } from '@test/fixtures/lists';
import { eventually } from '@test/support/answers';
import { DESKTOP, PHONE, SCREENSHOTS, fitsTheScreen, shownText, signedInAs } from '@test/support/browser';
import { useDashboardSuite } from '@test/support/dashboard-suite';
import { enroll } from '@test/support/roster';
import { authHeaders, coordinatorOf } from '@test/support/tokens';

/*
 * The joint meeting's (联席会) review screen as a coordinator meets it (issue 13, "what a
 * coordinator still lacks"): search, bulk approval with confirmation and undo, swapping an
 * allocation to another unit, the printed 项目清单 on A4, and scores read as 匹配度 91% with
 * the decision buttons first on a phone. A real Chromium against the real intake, matcher,
 * broker and database; each test builds an alliance of its own.
 */

/** A4's width in CSS pixels (210 mm at 96 px per inch), the widest a printed table may be. */
const A4_WIDTH = 794;

const CANTEEN_NEAR = { lat: 34.6841, lng: 112.4367, address: '西工区邙岭路街道014中心社区' };
// About 1.1 km north of the first canteen: within reach, but the first is the better match.
const CANTEEN_FARTHER = { lat: 34.6941, lng: 112.4367, address: '洛阳市涧西区河南科技大学' };

const LONG_TITLE =
  '邙岭路社区独居与高龄老人周末助餐送餐到户服务（含少数民族清真餐、糖尿病低糖餐和流食）ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** An instant `days` from now, as lists give them. */
function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toISOString();
}

/** A day on the alliance's clock in Chinese, with its year only when it is not this year's. */
function chineseDay(iso: string, endOfWindow = false): string {
  const at = new Date(new Date(iso).getTime() - (endOfWindow ? 1 : 0));
  const zone = { timeZone: 'Asia/Shanghai' } as const;
  const year = (date: Date) => new Intl.DateTimeFormat('en', { ...zone, year: 'numeric' }).format(date);
  const withYear = year(at) !== year(new Date());
  return new Intl.DateTimeFormat('zh-CN', {
    ...zone,
    ...(withYear ? { year: 'numeric' } : {}),
    month: 'long',
    day: 'numeric',
  }).format(at);
}

interface Demand {
  itemId: string;
  title: string;
  quantity: number;
  from: string;
  to: string;
}

interface ReviewAlliance {
  allianceId: string;
  near: { id: string; name: string };
  farther: { id: string; name: string };
  communities: { kind: 'community'; id: string; name: string }[];
  /** Project ids by demand title. */
  projects: Map<string, string>;
}

describe('the joint meeting’s review screen', () => {
  const suite = useDashboardSuite();

  const coordinator = (a: ReviewAlliance): TokenSubject => ({
    ...coordinatorOf(a.allianceId),
    name: '邙岭路街道联席会',
  });

  async function call(who: TokenSubject, method: string, url: string, body?: unknown) {
    const response = await fetch(`${suite.harness.matcher.url}${url}`, {
      method,
      headers: await authHeaders(who),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  /**
   * Two units with a canteen each (空空导弹研究院 nearer with 30 meals, 河南科技大学 farther
   * with 25), two communities with contacts on the roster, and the demands given (by default
   * one from 014中心社区 and two from 邙岭路社区), all proposed.
   */
  async function reviewAlliance(demands?: Demand[]): Promise<ReviewAlliance> {
    const allianceId = `alliance-${randomUUID().slice(0, 8)}`;
    const near = { id: `unit-kongkong-${allianceId}`, name: '空空导弹研究院' };
    const farther = { id: `unit-haust-${allianceId}`, name: '河南科技大学' };
    const c014 = { kind: 'community' as const, id: `community-014-${allianceId}`, name: '014中心社区' };
    const mangling = {
      kind: 'community' as const,
      id: `community-mangling-${allianceId}`,
      name: '邙岭路社区',
    };
    await enroll(suite.harness.db, allianceId, near, farther, c014, mangling);
    const a: ReviewAlliance = {
      allianceId,
      near,
      farther,
      communities: [c014, mangling],
      projects: new Map(),
    };
    const contacts: [string, string, string, string][] = [
      ['community', c014.id, '张老师', '13800138000'],
      ['community', mangling.id, '李书记', '13900139000'],
      ['unit', near.id, '王主任', '0379-64231234'],
    ];
    for (const [kind, id, contactName, contactPhone] of contacts) {
      const answer = await call(coordinator(a), 'PATCH', `/alliances/${allianceId}/members/${kind}/${id}`, {
        contactName,
        contactPhone,
      });
      expect(answer.status).toBe(200);
    }
    const available = { from: daysFromNow(-1), to: daysFromNow(120) };
    for (const [unit, itemId, quantity, location] of [
      [near, 'canteen', 30, CANTEEN_NEAR],
      [farther, 'canteen-haust', 25, CANTEEN_FARTHER],
    ] as const) {
      await suite.harness.kafka.submit(
        'resource',
        JSON.stringify(
          resourceList({
            listId: `rl-${itemId}`,
            allianceId,
            unit,
            submittedAt: new Date().toISOString(),
            items: [
              resourceItem({
                itemId,
                category: 'elderly-care',
                title: `${unit.name}食堂`,
                unit: 'meals',
                quantity,
                location,
                available,
              }),
            ],
          }),
        ),
        unit.id,
      );
    }
    const wanted = demands ?? [
      {
        itemId: 'meals-52',
        title: '幸福食堂老人送餐',
        quantity: 20,
        from: daysFromNow(3),
        to: daysFromNow(10),
      },
      {
        itemId: 'meals-ml',
        title: '邙岭路社区助餐',
        quantity: 15,
        from: daysFromNow(5),
        to: daysFromNow(60),
      },
      { itemId: 'meals-long', title: LONG_TITLE, quantity: 10, from: daysFromNow(4), to: daysFromNow(12) },
    ];
    const bySubmitter = new Map<string, Demand[]>();
    for (const demand of wanted) {
      const submitter = demand.itemId === 'meals-52' ? c014 : mangling;
      bySubmitter.set(submitter.id, [...(bySubmitter.get(submitter.id) ?? []), demand]);
    }
    for (const submitter of a.communities) {
      const items = bySubmitter.get(submitter.id);
      if (!items) continue;
      await suite.harness.kafka.submit(
        'demand',
        JSON.stringify(
          demandList({
            listId: `dl-${submitter.name}`,
            allianceId,
            submitter,
            submittedAt: new Date().toISOString(),
            items: items.map(({ itemId, title, quantity, from, to }) =>
              demandItem({ itemId, title, quantity, window: { from, to } }),
            ),
          }),
        ),
        submitter.id,
      );
    }
    let found: { id: string; title: string }[] = [];
    await eventually(
      async () => {
        const { rows } = await suite.harness.db.query(
          `SELECT p.id, d.title FROM projects p JOIN demand_items d ON d.id = p.demand_item_pk
            WHERE p.alliance_id = $1 AND p.status = 'proposed'`,
          [allianceId],
        );
        found = rows as { id: string; title: string }[];
        return found.length === wanted.length;
      },
      () => `${found.length} of ${wanted.length} projects proposed:\n${suite.harness.matcher.tail()}`,
    );
    for (const { id, title } of found) a.projects.set(title, id);
    return a;
  }

  async function reviewPage(a: ReviewAlliance, options: BrowserContextOptions = DESKTOP): Promise<Page> {
    const page = await suite.signedIn(coordinator(a), { device: options });
    await signedInAs(page, 'coordinator');
    await eventually(
      async () => (await page.locator('[data-testid="project-row"]').count()) === a.projects.size,
      () => 'the review screen does not list the proposals',
    );
    return page;
  }

  const card = (page: Page, a: ReviewAlliance, title: string) =>
    page.locator(`[data-testid="project-row"][data-project-id="${a.projects.get(title)}"]`);

  async function statuses(a: ReviewAlliance): Promise<Record<string, string>> {
    const { rows } = await suite.harness.db.query(
      `SELECT d.title, p.status FROM projects p JOIN demand_items d ON d.id = p.demand_item_pk
        WHERE p.alliance_id = $1`,
      [a.allianceId],
    );
    return Object.fromEntries(
      (rows as { title: string; status: string }[]).map((row) => [row.title, row.status]),
    );
  }

  async function shownTitles(page: Page): Promise<string[]> {
    return page.locator('[data-testid="project-row"] .card-title').allTextContents();
  }

  it('finds projects by title, community or unit name as one types, and says when nothing matches', async () => {
    const a = await reviewAlliance();
    const page = await reviewPage(a);
    // The projects 河南科技大学 is proposed for, before any search.
    const unitProjects = await page
      .locator('[data-testid="allocation-unit"]', { hasText: '河南科技大学' })
      .count();
    expect(unitProjects).toBeGreaterThan(0);
    const search = page.getByRole('searchbox', { name: '搜索' });

    await search.pressSequentially('邙岭路社');
    await eventually(
      async () => (await shownTitles(page)).length === 2,
      () => 'typing a community name does not narrow the list to its two projects',
    );
    expect((await shownTitles(page)).sort()).toEqual([LONG_TITLE, '邙岭路社区助餐'].sort());
    expect(await page.locator('.view-count').textContent()).toBe('共 2 项');
    // Focus stays in the box while the list redraws under it.
    expect(await page.evaluate('document.activeElement?.name')).toBe('search');

    // Typed with a Chinese input method: pinyin composes in the box, and the list follows once
    // the word is chosen (redrawing mid-word would keep the pinyin and lose the word).
    await search.fill('');
    const ime = await page.context().newCDPSession(page);
    await ime.send('Input.imeSetComposition', { text: 'mangling', selectionStart: 8, selectionEnd: 8 });
    await ime.send('Input.insertText', { text: '邙岭路' });
    await eventually(
      async () => (await shownTitles(page)).length === 2,
      () => 'a word typed with an input method does not narrow the list',
    );
    expect(await search.inputValue()).toBe('邙岭路');

    await search.fill('幸福 送餐');
    await eventually(
      async () => JSON.stringify(await shownTitles(page)) === JSON.stringify(['幸福食堂老人送餐']),
      () => 'two words of a title do not find it',
    );

    // A unit's name finds the projects it is proposed for.
    await search.fill('河南科技');
    await eventually(
      async () => (await page.locator('[data-testid="project-row"]').count()) === unitProjects,
      () => 'a unit name does not find its projects',
    );
    for (const row of await page.locator('[data-testid="project-row"]').all()) {
      expect(await row.locator('[data-testid="allocation-unit"]').allTextContents()).toContain(
        '河南科技大学',
      );
    }

    await search.fill('南昌路');
    await shownText(
      page.locator('[data-testid="empty"]'),
      (text) => text === '没有与「南昌路」匹配的项目',
      'no "no match" message',
    );
    await search.fill('');
    await eventually(
      async () => (await page.locator('[data-testid="project-row"]').count()) === 3,
      () => 'clearing the search does not bring the list back',
    );
    await page.context().close();
  });

  it('approves the ticked projects after asking, and only once the undo window has passed', async () => {
    const a = await reviewAlliance();
    const page = await reviewPage(a);
    const approvals: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST' && request.url().endsWith('/approve')) approvals.push(request.url());
    });

    // Select all of the visible ones: the two of 邙岭路社区 once the search shows only them.
    await page.getByRole('searchbox', { name: '搜索' }).fill('邙岭路社区');
    await eventually(
      async () => (await page.locator('[data-testid="project-row"]').count()) === 2,
      () => 'the search does not narrow the list',
    );
    await page.getByLabel('全选当前显示的 2 个待审核项目').check();
    expect(await page.locator('[data-testid="bulk-count"]').textContent()).toBe('已选 2 个');

    await page.locator('[data-action="bulk-approve"]').click();
    const question = await shownText(
      page.locator('[data-testid="bulk-question"]'),
      (text) => text.includes('确定通过以下 2 个项目吗'),
      'no confirmation naming how many',
    );
    expect(question).toContain('邙岭路社区助餐');
    expect(question).toContain(LONG_TITLE);
    await page.locator('[data-action="confirm-bulk-approve"]').click();

    // The undo bar counts down; nothing has been sent yet, and 撤销 has the focus.
    await shownText(
      page.locator('[data-testid="undo-bar"]'),
      (text) => /^2 个项目将在 \d 秒后通过 ?撤销$/.test(text),
      'no undo bar with a countdown',
    );
    expect(await page.evaluate('document.activeElement?.dataset.action')).toBe('undo-bulk-approve');
    expect(Object.values(await statuses(a))).toEqual(['proposed', 'proposed', 'proposed']);
    await page.locator('[data-action="undo-bulk-approve"]').click();
    await shownText(
      page.locator('[data-testid="bulk-outcome"]'),
      (text) => text.includes('已撤销，没有通过任何项目'),
      'the undo is not confirmed',
    );
    // The two stay ticked after the undo.
    expect(await page.locator('[data-testid="bulk-count"]').textContent()).toBe('已选 2 个');

    // Again, and this time one of them is rejected by another coordinator during the countdown:
    // its approval is refused and said so by its title, in words.
    await page.locator('[data-action="bulk-approve"]').click();
    await page.locator('[data-action="confirm-bulk-approve"]').click();
    await page.locator('[data-testid="undo-bar"]').waitFor();
    expect(approvals).toEqual([]);
    const rejected = await call(
      coordinator(a),
      'POST',
      `/projects/${a.projects.get('邙岭路社区助餐')}/reject`,
      {
        reason: '已由街道食堂安排',
      },
    );
    expect(rejected.status).toBe(200);

    const outcome = await shownText(
      page.locator('[data-testid="bulk-outcome"]'),
      (text) => text.includes('已通过 1 个项目，1 个未能通过'),
      'the partial failure is not reported',
    );
    expect(outcome).toMatch(/「邙岭路社区助餐」：(项目当前状态不允许此操作|项目已被他人更新)/);
    expect(outcome).not.toMatch(/[a-z]+-[a-z]+/);
    // The undone batch was never sent: exactly one approval per project of the second batch.
    expect(approvals).toHaveLength(2);
    expect(await statuses(a)).toEqual({
      幸福食堂老人送餐: 'proposed',
      邙岭路社区助餐: 'rejected',
      [LONG_TITLE]: 'offered',
    });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-bulk-approve.png'), fullPage: true });
    await page.context().close();
  });

  it('swaps an allocation to another unit from its candidates, and tells a refusal in words', async () => {
    const a = await reviewAlliance([
      {
        itemId: 'meals-52',
        title: '幸福食堂老人送餐',
        quantity: 20,
        from: daysFromNow(3),
        to: daysFromNow(10),
      },
    ]);
    const page = await reviewPage(a);
    const row = card(page, a, '幸福食堂老人送餐');
    const allocation = row.locator('[data-testid="allocation-row"]');
    expect(await allocation.locator('[data-testid="allocation-unit"]').textContent()).toBe('空空导弹研究院');

    await allocation.locator('[data-action="swap-open"]').click();
    const choice = row.locator('[data-testid="swap-candidate"]', { hasText: '河南科技大学' });
    const offered = await shownText(
      choice,
      (text) => text.includes('可提供'),
      'the candidates are not listed',
    );
    expect(offered).toMatch(/河南科技大学.*可提供 25份.*距离 1(\.\d)? 公里.*匹配度 \d{1,3}%/);
    // The unit that serves the project now is no candidate to swap to.
    expect(await row.locator('[data-testid="swap-candidate"]').allTextContents()).not.toContainEqual(
      expect.stringContaining('空空导弹研究院'),
    );
    await choice.locator('input[type="radio"]').check();
    await row.locator('[data-action="swap-apply"]').click();

    await shownText(
      row.locator('[data-testid="allocation-unit"]'),
      (text) => text === '河南科技大学',
      'the card does not show the new unit',
    );
    await shownText(
      row.locator('[data-testid="row-message"]'),
      (text) => text.includes('已改由「河南科技大学」提供 20份'),
      'no note of the swap',
    );

    // The other canteen goes while the picker is open (空空导弹研究院 sends a new revision of
    // its list without it): the swap to it is refused, in words, where it was asked for.
    await row.locator('[data-testid="allocation-row"] [data-action="swap-open"]').click();
    const gone = row.locator('[data-testid="swap-candidate"]', { hasText: '空空导弹研究院' });
    await gone.locator('input').check();
    const gonePk = await gone.getAttribute('data-resource-item-pk');
    await suite.harness.kafka.submit(
      'resource',
      JSON.stringify(
        resourceList({
          listId: 'rl-canteen',
          revision: 2,
          allianceId: a.allianceId,
          unit: a.near,
          submittedAt: new Date().toISOString(),
          items: [
            resourceItem({ itemId: 'hall', available: { from: daysFromNow(-1), to: daysFromNow(120) } }),
          ],
        }),
      ),
      a.near.id,
    );
    await eventually(
      async () =>
        (
          await suite.harness.db.query(`SELECT 1 FROM resource_items WHERE id = $1 AND status = 'open'`, [
            gonePk,
          ])
        ).rowCount === 0,
      () => `the canteen is still open:\n${suite.harness.matcher.tail()}`,
    );
    await row.locator('[data-action="swap-apply"]').click();
    await shownText(
      row.locator('[data-testid="swap-panel"] [data-testid="row-message"]'),
      (text) => text === '该资源不能服务此需求',
      'the refusal is not told in words',
    );
    // The choices are read again: the canteen that went is no longer offered.
    await shownText(
      row.locator('[data-testid="swap-panel"]'),
      (text) => text.includes('没有其他能服务这项需求的单位'),
      'the candidates are not read again after the refusal',
    );
    expect(await row.locator('[data-testid="allocation-unit"]').textContent()).toBe('河南科技大学');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-swap.png'), fullPage: true });
    await page.context().close();
  });

  it('prints the project list as a table that fits an A4 page', async () => {
    // 60 days: a window that crosses into next year in December says which year it ends in.
    const mealsWindow = { from: daysFromNow(5), to: daysFromNow(60) };
    const a = await reviewAlliance([
      {
        itemId: 'meals-52',
        title: '幸福食堂老人送餐',
        quantity: 20,
        from: daysFromNow(3),
        to: daysFromNow(10),
      },
      { itemId: 'meals-ml', title: '邙岭路社区助餐', quantity: 15, ...mealsWindow },
      { itemId: 'meals-long', title: LONG_TITLE, quantity: 10, from: daysFromNow(4), to: daysFromNow(12) },
    ]);
    const page = await reviewPage(a);
    await page.locator('[data-action="print-projects"]').click();
    const sheet = page.locator('[data-testid="print-sheet"]');
    await shownText(sheet, (text) => text.includes('张老师'), 'the sheet has no contacts');
    expect(await sheet.locator('th').allTextContents()).toEqual([
      '序号',
      '项目',
      '社区',
      '单位',
      '数量',
      '时间',
      '联系人',
    ]);
    const rows = sheet.locator('[data-testid="print-row"]');
    expect(await rows.count()).toBe(3);
    const meals = (await rows.filter({ hasText: '幸福食堂老人送餐' }).textContent())!.replace(/\s+/g, ' ');
    expect(meals).toContain('014中心社区');
    // Each unit with what it gives (the solver may split the 20 meals between the canteens).
    expect(meals).toMatch(/(空空导弹研究院|河南科技大学) \d+份/);
    expect(meals).toContain('需求 20份');
    expect(meals).toContain('已分配 20份');
    expect(meals).toContain('张老师 138 0013 8000');
    const days = (await rows.filter({ hasText: '邙岭路社区助餐' }).locator('td').nth(5).textContent())!;
    expect(days.trim()).toBe(`${chineseDay(mealsWindow.from)} 至 ${chineseDay(mealsWindow.to, true)}`);

    // On paper: A4 portrait's width, print styles.
    await page.setViewportSize({ width: A4_WIDTH, height: 1123 });
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.app-header', '.tabs', '[data-testid="print-toolbar"]', '.filter-bar']) {
      expect({ hidden, visible: await page.locator(hidden).first().isVisible() }).toEqual({
        hidden,
        visible: false,
      });
    }
    const table = sheet.locator('[data-testid="print-table"]');
    const box = (await table.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(A4_WIDTH);
    // Nothing sticks out of the table or the page: the long title wraps inside its cell.
    const widths = await table.evaluate((element) => [element.scrollWidth, element.clientWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(A4_WIDTH);
    const titleCell = rows.filter({ hasText: 'ABCDEFGHIJ' }).locator('td').nth(1);
    expect(await titleCell.evaluate((cell) => cell.scrollWidth <= cell.clientWidth)).toBe(true);
    await page.pdf({ path: path.join(SCREENSHOTS, 'project-list-a4.pdf'), format: 'A4' });
    await page.screenshot({ path: path.join(SCREENSHOTS, 'project-list-print.png'), fullPage: true });
    await page.context().close();
  });

  it('reads scores as 匹配度 with the breakdown folded, and puts the decision first on a phone', async () => {
    const a = await reviewAlliance();
    const page = await reviewPage(a, PHONE);
    const row = card(page, a, '幸福食堂老人送餐');
    const score = await shownText(
      row.locator('[data-testid="allocation-score"]').first(),
      (text) => text.length > 0,
      'no score',
    );
    expect(score).toMatch(/^匹配度 \d{1,3}%$/);
    const detail = row.locator('[data-testid="score-detail"]').first();
    expect(await detail.getAttribute('open')).toBeNull();
    expect(await detail.locator('.component').first().isVisible()).toBe(false);

    // Decision buttons come before the score's detail on the card.
    const approve = (await row.locator('button[data-action="approve"]').boundingBox())!;
    const reject = (await row.locator('button[data-action="reject"]').boundingBox())!;
    const summary = (await detail.locator('summary').boundingBox())!;
    expect(approve.y).toBeLessThan(summary.y);
    expect(reject.y).toBeLessThan(summary.y);

    await detail.locator('summary').click();
    const reasons = await shownText(detail, (text) => text.includes('权重'), 'the breakdown does not unfold');
    expect(reasons).toMatch(/类别 ?\d{1,3}% ?权重 \d{1,3}%/);
    expect(reasons).not.toMatch(/0\.\d\d/);
    await fitsTheScreen(page, 'review card with its score detail');

    await row.locator('[data-action="swap-open"]').first().click();
    // Candidates, or the word that there are none (the solver may have used both canteens).
    await shownText(
      row.locator('[data-testid="swap-panel"]'),
      (text) => text.includes('改由哪个单位提供') || text.includes('没有其他能服务这项需求的单位'),
      'the swap picker does not open',
    );
    await fitsTheScreen(page, 'review card with the swap picker');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-phone.png'), fullPage: true });

    await page.locator('[data-action="print-projects"]').click();
    await page.locator('[data-testid="print-row"]').first().waitFor();
    await fitsTheScreen(page, 'project list on a phone');
    await page.context().close();
  });
});
