import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import type { TokenSubject } from '@redcrowd/auth';
import { eventually } from '@test/support/answers';
import { proposedAlliance, type ProposedAlliance } from '@test/support/alliance-scenario';
import { PDF_NAMED_PHOTO, TINY_PNG } from '@test/fixtures/photos';
import { DESKTOP, PHONE, SCREENSHOTS, fitsTheScreen, shownText, speaksChinese } from '@test/support/browser';
import { useDashboardSuite } from '@test/support/dashboard-suite';
import { authHeaders, communityOf, coordinatorOf, unitOf } from '@test/support/tokens';

/*
 * The dashboard as a coordinator (联席会), a unit and a community meet it (issue 13's defects),
 * in a real Chromium against the real intake, matcher, broker and database: each test drives
 * an alliance of its own to the screen in question and reads what the person sees there —
 * words, never codes, field paths or developer English.
 */

describe('the dashboard as its users meet it', () => {
  const suite = useDashboardSuite();

  const coordinator = (a: ProposedAlliance) => ({ ...coordinatorOf(a.allianceId), name: '邙岭路街道联席会' });
  const unit = (a: ProposedAlliance) => ({ ...unitOf(a.allianceId, a.unit.id), name: a.unit.name });
  const community = (a: ProposedAlliance) => ({
    ...communityOf(a.allianceId, a.community.id),
    name: a.community.name,
  });

  /** A fresh browser context signed in as `who` through a login link, on the tab named. */
  const signedIn = (who: TokenSubject, tab?: string, device = DESKTOP): Promise<Page> =>
    suite.signedIn(who, { tab, device });

  /** The coordinator's review page listing projects of every status. */
  async function reviewAll(a: ProposedAlliance): Promise<Page> {
    const page = await signedIn(coordinator(a));
    await page.locator('select[name="status"]').selectOption('');
    return page;
  }

  const projectRow = (page: Page, a: ProposedAlliance) =>
    page.locator(`[data-testid="project-row"][data-project-id="${a.projectId}"]`);
  const demandRow = (page: Page) => page.locator('[data-testid="demand-row"]').first();

  async function post(
    who: TokenSubject,
    url: string,
    body: unknown = {},
  ): Promise<{ status: number; body: any }> {
    const response = await fetch(`${suite.harness.matcher.url}${url}`, {
      method: 'POST',
      headers: await authHeaders(who),
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  }

  async function projectStatus(a: ProposedAlliance): Promise<string> {
    const { rows } = await suite.harness.db.query(`SELECT status FROM projects WHERE id = $1`, [a.projectId]);
    return rows[0].status as string;
  }

  async function reaches(a: ProposedAlliance, status: string): Promise<void> {
    let last = '';
    await eventually(
      async () => (last = await projectStatus(a)) === status,
      () => `the project is ${last}, not ${status}:\n${suite.harness.matcher.tail()}`,
    );
  }

  /** Approves (coordinator) and claims all of it (unit) over the API. */
  async function approvedAndClaimed(a: ProposedAlliance): Promise<void> {
    expect((await post(coordinator(a), `/projects/${a.projectId}/approve`)).status).toBe(200);
    const claim = await post(unit(a), '/claims', {
      claimId: `claim-${randomUUID().slice(0, 8)}`,
      projectId: a.projectId,
      quantity: 30,
    });
    expect(claim.body.decision).toBe('accepted');
    await reaches(a, 'claimed');
  }

  it('shows the review history: who decided what, when and why, in words', async () => {
    const a = await proposedAlliance(suite.harness);
    const page = await signedIn(coordinator(a));
    const row = projectRow(page, a);
    // An allocation edit and the approval, made on the page (the approval once the list shows
    // the edited version, which it must name).
    const version = await row.getAttribute('data-version');
    // The quantity says its unit and what the resource offers in all.
    expect(
      await shownText(
        row.locator('[data-testid="allocation-row"] .field-hint'),
        (text) => text !== '',
        'no unit beside the quantity',
      ),
    ).toBe('单位：份 · 该资源共 30份');
    await row.locator('[data-testid="allocation-row"] [name="quantity"]').fill('20');
    await row.locator('[data-action="save-quantity"]').click();
    await eventually(
      async () => ((await row.getAttribute('data-version')) ?? version) !== version,
      () => 'the edit did not reach the list',
    );
    await row.locator('button[data-action="approve"]').click();
    await reaches(a, 'offered');
    // Every status, so the approved project stays in view.
    await page.locator('select[name="status"]').selectOption('');
    await shownText(
      row.locator('[data-testid="project-status"]'),
      (text) => text === '已派单',
      'not listed as offered',
    );

    await row.locator('details.audit summary').click();
    const history = await shownText(
      row.locator('.audit-list'),
      (text) => text.includes('审核通过') && text.includes('派单'),
      'the history does not show the approval',
    );
    expect(history).toContain('系统（自动匹配）');
    expect(history).toContain('生成项目方案');
    expect(history).toMatch(/调整分配数量 ?空空导弹研究院：30份 → 20份/);
    // The coordinator who decided, by name, and when (a date on the page's clock).
    expect(history).toMatch(/\d{1,2}:\d{2} ?邙岭路街道联席会 ?调整分配数量/);
    expect(history).toMatch(/邙岭路街道联席会 ?审核通过/);
    expect(history).not.toContain('coordinator-');
    expect(history).not.toContain('offered to the paired units');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'review-history.png'), fullPage: true });
    await speaksChinese(page, 'review with its history');
    await page.context().close();
  });

  it('tells the community why the joint meeting rejected its demand, and never calls it unmatched', async () => {
    const a = await proposedAlliance(suite.harness);
    const reason = '本月已有街道食堂送餐，暂不重复安排';
    const reviewer = await signedIn(coordinator(a));
    const row = projectRow(reviewer, a);
    await row.locator('button[data-action="reject"]').click();
    await row.locator('[name="reason"]').fill(reason);
    await row.locator('[data-action="confirm-reject"]').click();
    await reaches(a, 'rejected');

    const page = await signedIn(community(a));
    const card = demandRow(page);
    const text = await shownText(
      card,
      (shown) => shown.includes('联席会未通过'),
      'the community is not told',
    );
    expect(text).toContain(`联席会未通过：${reason}`);
    expect(text).toContain('已驳回');
    expect(text).not.toContain('尚未形成项目');
    expect(text).not.toContain('未满足');
    expect(text).not.toContain('尚未匹配');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'community-rejected.png'), fullPage: true });
    await speaksChinese(page, 'the community’s demands');

    // The joint meeting's unmet list gives the same reason, not "not matched yet".
    await reviewer.locator('[data-tab="unmet"]').click();
    const unmet = reviewer.locator('[data-testid="unmet-row"]').first();
    expect(await unmet.getAttribute('data-reason')).toBe('rejected');
    const unmetText = await shownText(
      unmet,
      (shown) => shown.includes(reason),
      'the unmet list has no reason',
    );
    expect(unmetText).toContain('联席会未通过');
    expect(unmetText).not.toContain('尚未匹配');
    await speaksChinese(reviewer, 'unmet demands');

    // The rejected project's card: no "unmet 0", and the history says who rejected it and why.
    await reviewer.locator('[data-tab="review"]').click();
    await reviewer.locator('select[name="status"]').selectOption('rejected');
    const rejected = projectRow(reviewer, a);
    const card2 = await shownText(
      rejected,
      (shown) => shown.includes('已驳回'),
      'the rejected project is not listed',
    );
    expect(card2).not.toContain('未满足');
    await rejected.locator('details.audit summary').click();
    const history = await shownText(
      rejected.locator('.audit-list'),
      (shown) => shown.includes('驳回'),
      'the history does not show the rejection',
    );
    expect(history).toMatch(new RegExp(`邙岭路街道联席会 ?驳回 ?理由：${reason}`));
    await speaksChinese(reviewer, 'the rejected project');
    await page.context().close();
    await reviewer.context().close();
  });

  it('keeps the community’s rating and comment in view after completion, on every side', async () => {
    const a = await proposedAlliance(suite.harness);
    await approvedAndClaimed(a);
    expect((await post(unit(a), `/projects/${a.projectId}/start`)).status).toBe(200);
    expect(
      (await post(unit(a), `/projects/${a.projectId}/report`, { note: '送餐 30 份', hours: '8' })).status,
    ).toBe(200);
    const done = await post(community(a), `/projects/${a.projectId}/complete`, {
      rating: 4,
      note: '老人们说饭菜可口',
    });
    expect(done.body.status).toBe('completed');

    const page = await signedIn(community(a));
    const card = await shownText(
      demandRow(page),
      (text) => text.includes('服务评分'),
      'the community’s card has no rating',
    );
    expect(card).toContain('服务评分 4/5');
    expect(card).toContain('评价：老人们说饭菜可口');
    await speaksChinese(page, 'the community’s completed demand');

    const reviewer = await reviewAll(a);
    const project = await shownText(
      projectRow(reviewer, a).locator('[data-testid="completion"]'),
      (text) => text.includes('服务评分'),
      'the coordinator’s card has no rating',
    );
    expect(project).toContain('服务评分 4/5');
    expect(project).toContain('评价：老人们说饭菜可口');
    await reviewer.screenshot({
      path: path.join(SCREENSHOTS, 'review-completed-rating.png'),
      fullPage: true,
    });
    await speaksChinese(reviewer, 'the completed project');

    // The unit's claims show the community's rating; its points say what they were for in
    // words, not the ledger's "completed, rated 4".
    const unitPage = await signedIn(unit(a), 'claims');
    const claim = await shownText(
      unitPage.locator('[data-testid="claim-row"]').first(),
      (text) => text.includes('服务评分'),
      'the unit’s claim has no rating',
    );
    expect(claim).toContain('服务评分 4/5');
    expect(claim).toContain('评价：老人们说饭菜可口');
    await speaksChinese(unitPage, 'the unit’s claims');
    await unitPage.locator('[data-tab="points"]').click();
    const reasonCell = unitPage.locator('[data-testid="points-reason"]').first();
    await shownText(reasonCell, (text) => text === '完成验收 · 评分 4', 'the points have no reason in words');
    await speaksChinese(unitPage, 'the unit’s points');
    await unitPage.context().close();
    await reviewer.context().close();
    await page.context().close();
  });

  it('words every problem for the person: the field by its name, in their language, and the right cap', async () => {
    const a = await proposedAlliance(suite.harness);
    // A community's bad demand: intake's problem in words under the field.
    const page = await signedIn(community(a), 'post-demand');
    const form = page.locator('[data-testid="post-demand-form"]');
    await form.locator('[name="title"]').fill('楼道灯维修');
    await form.locator('[name="quantity"]').fill('0');
    await form.locator('[data-action="post-demand"]').click();
    const quantityError = form.locator('.field-error[data-field="quantity"]');
    expect(await shownText(quantityError, (text) => text !== '', 'no problem under quantity')).toBe(
      '第 1 项「数量」超出允许范围',
    );
    await speaksChinese(page, 'the refused demand form');
    await page.locator('[data-testid="lang-switch"]').click();
    await shownText(quantityError, (text) => text === 'item 1: quantity is out of range', 'not in English');
    await page.context().close();

    // A rejection without a reason: the field's need in words, not the API's sentence.
    const reviewer = await signedIn(coordinator(a));
    const row = projectRow(reviewer, a);
    await row.locator('button[data-action="reject"]').click();
    await row.locator('[data-action="confirm-reject"]').click();
    const reasonError = await shownText(
      row.locator('.field-error[data-field="reason"]'),
      (text) => text !== '',
      'no problem under the reason',
    );
    expect(reasonError).toBe('请填写理由（不超过 500 字）');
    await row.locator('[data-action="cancel-reject"]').click();

    // The canteen has 30 meals for a demand of 40: 45 passes the demand, 35 only the resource.
    const quantity = row.locator('[data-testid="allocation-row"] [name="quantity"]');
    const capError = row.locator('[data-testid="allocation-row"] .field-error[data-field="quantity"]');
    await quantity.fill('45');
    await row.locator('[data-action="save-quantity"]').click();
    expect(await shownText(capError, (text) => text !== '', 'no cap problem')).toBe(
      '超出需求数量：需求共 40份，其他分配已占 0份，此处最多 40份',
    );
    await quantity.fill('35');
    await row.locator('[data-action="save-quantity"]').click();
    await shownText(
      capError,
      (text) => text === '超出该资源剩余的可用数量',
      'the resource’s cap is not named',
    );
    await speaksChinese(reviewer, 'review with refused edits');
    expect(await projectStatus(a)).toBe('proposed');
    await reviewer.context().close();
  });

  it('asks before declining an offer, takes a reason, and shows the decline to the coordinator', async () => {
    const a = await proposedAlliance(suite.harness);
    expect((await post(coordinator(a), `/projects/${a.projectId}/approve`)).status).toBe(200);
    const page = await signedIn(unit(a));
    const offerOf = (status: string) =>
      page.locator(`[data-testid="offer-row"][data-project-id="${a.projectId}"][data-status="${status}"]`);
    await offerOf('open').waitFor();
    await offerOf('open').locator('button[data-action="decline"]').click();
    // Nothing is sent yet: the unit is asked, and may say why.
    await shownText(
      offerOf('open'),
      (text) => text.includes('确定婉拒这个派单吗？'),
      'the unit is not asked first',
    );
    expect(await projectStatus(a)).toBe('offered');
    const ask = offerOf('open').locator('[data-testid="decline-form"]');
    await ask.locator('[name="reason"]').fill('本月食堂检修，无法供餐');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'unit-decline.png'), fullPage: true });
    await ask.locator('[data-action="confirm-decline"]').click();

    const declined = offerOf('declined');
    await shownText(
      declined.locator('[data-testid="offer-status"]'),
      (text) => text === '已婉拒',
      'not shown declined',
    );
    expect(await offerOf('open').count()).toBe(0);
    // Read again from the server: still declined, and not back among the offers to claim.
    await page.reload();
    await declined.waitFor();
    expect(await offerOf('open').count()).toBe(0);
    await speaksChinese(page, 'the unit’s offers');

    const reviewer = await reviewAll(a);
    const offer = projectRow(reviewer, a).locator(
      `[data-testid="project-offer"][data-unit-id="${a.unit.id}"]`,
    );
    const state = await shownText(
      offer,
      (text) => text.includes('已婉拒'),
      'the coordinator does not see the decline',
    );
    expect(state).toContain('空空导弹研究院');
    expect(state).toContain('已婉拒（理由：本月食堂检修，无法供餐）');
    expect(state).not.toContain('待认领');
    await reviewer.screenshot({ path: path.join(SCREENSHOTS, 'review-declined-offer.png'), fullPage: true });
    await speaksChinese(reviewer, 'review with a declined offer');
    await reviewer.locator('[data-testid="lang-switch"]').click();
    await shownText(
      offer,
      (text) => text.includes('Declined (reason: 本月食堂检修，无法供餐)'),
      'not in English',
    );
    await reviewer.context().close();
    await page.context().close();
  });

  it('calls a proposal’s units proposed (拟派单位) until a claim is accepted, serving (承接单位) after', async () => {
    const a = await proposedAlliance(suite.harness);
    const page = await signedIn(community(a));
    const card = await shownText(
      demandRow(page),
      (text) => text.includes('空空导弹研究院'),
      'no units on the card',
    );
    expect(card).toContain('拟派单位：空空导弹研究院');
    expect(card).not.toContain('承接单位');
    const units = demandRow(page).locator('[data-testid="demand-units"]');
    const reviewer = await signedIn(coordinator(a));
    const who = projectRow(reviewer, a).locator('.alloc-who');
    expect(await shownText(who, (text) => text.includes('空空导弹研究院'), 'no allocation')).toMatch(
      /^拟派单位/,
    );
    const role = projectRow(reviewer, a).locator('[data-testid="allocation-role"]');
    await speaksChinese(page, 'the community’s proposed demand');

    await approvedAndClaimed(a);
    await page.reload();
    await shownText(
      units,
      (text) => text === '承接单位：空空导弹研究院',
      'the claimed unit is not shown as serving',
    );
    await reviewer.locator('select[name="status"]').selectOption('');
    await shownText(role, (text) => text === '承接单位', 'the coordinator does not see the unit serving');
    await speaksChinese(reviewer, 'review of a claimed project');
    await reviewer.context().close();
    await page.context().close();
  });

  it('has the unit report its work done on a phone, photo checked, before the community can confirm', async () => {
    const a = await proposedAlliance(suite.harness);
    await approvedAndClaimed(a);
    expect((await post(unit(a), `/projects/${a.projectId}/start`)).status).toBe(200);

    const worker = await signedIn(community(a), undefined, PHONE);
    await shownText(
      demandRow(worker).locator('[data-testid="awaiting-reports"]'),
      (text) => text.includes('空空导弹研究院'),
      'the community is not told who has yet to report',
    );
    expect(await demandRow(worker).locator('button[data-action="confirm-complete"]').count()).toBe(0);

    const page = await signedIn(unit(a), 'claims', PHONE);
    const row = page.locator(`[data-testid="claim-row"][data-project-id="${a.projectId}"]`);
    await row.locator('button[data-action="open-report"]').click();
    const form = row.locator('[data-testid="work-report-form"]');
    await form.locator('[name="note"]').fill('送餐 30 份，老人均已签收');
    await form.locator('[name="hours"]').fill('6');
    // A PDF named like a phone photo: the server reads its bytes and refuses it, in words.
    await form
      .locator('input[name="photo"]')
      .setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: PDF_NAMED_PHOTO });
    await form.locator('button[data-action="send-report"]').click();
    expect(
      await shownText(
        form.locator('.field-error[data-field="photo"]'),
        (text) => text !== '',
        'no photo refusal',
      ),
    ).toContain('不是可用的照片');
    await fitsTheScreen(page, 'the report form on a phone');
    await speaksChinese(page, 'the refused photo');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'phone-work-report.png'), fullPage: true });
    await form
      .locator('input[name="photo"]')
      .setInputFiles({ name: '送餐现场.png', mimeType: 'image/png', buffer: TINY_PNG });
    await form.locator('button[data-action="send-report"]').click();
    await shownText(
      row.locator('[data-testid="work-report-note"]'),
      (text) => text === '送餐 30 份，老人均已签收',
      'the unit does not see its report',
    );

    await worker.reload();
    const report = demandRow(worker).locator('[data-testid="work-report"]');
    expect(await shownText(report, (text) => text.includes('空空导弹研究院'), 'no report')).toContain(
      '服务 6 小时',
    );
    await demandRow(worker).locator('button[data-action="confirm-complete"]').waitFor();
    await fitsTheScreen(worker, 'the community’s card with the report on a phone');
    await speaksChinese(worker, 'the report the community reads');
    await worker.screenshot({ path: path.join(SCREENSHOTS, 'phone-community-report.png'), fullPage: true });
    await worker.context().close();
    await page.context().close();
  });
});
