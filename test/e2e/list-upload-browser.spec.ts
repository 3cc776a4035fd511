import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Workbook } from 'exceljs';
import type { BrowserContextOptions, Page } from 'playwright-core';
import type { TokenSubject } from '@redcrowd/auth';
import { writeListWorkbook } from '@redcrowd/spreadsheets';
import { eventually } from '@test/support/answers';
import { DESKTOP, PHONE, SCREENSHOTS, fitsTheScreen } from '@test/support/browser';
import { useDashboardSuite } from '@test/support/dashboard-suite';
import { enroll } from '@test/support/roster';
import { coordinatorOf, unitOf } from '@test/support/tokens';
import { DEFAULT_CATEGORIES, daysFromToday, wholeDaysOf } from '@test/support/workbook-fixtures';

/*
 * Lists into the dashboard in a real browser, against the real intake, matcher, broker and
 * database: a unit uploads a workbook with a bad cell, sees it by row and column, downloads
 * the marked copy, fixes the cell and succeeds; a unit types its resource list row by row and
 * revises it; a coordinator uploads a community's demand list; and on a phone the problems
 * fit the screen.
 */

const timeZone = 'Asia/Shanghai';
const files = mkdtempSync(path.join(tmpdir(), 'redcrowd-upload-'));

describe('lists uploaded and typed in the dashboard', () => {
  const suite = useDashboardSuite({ observed: ['listAccepted'] });
  const allianceId = `alliance-${randomUUID().slice(0, 8)}`;
  const uploader = { id: `unit-shifan-${allianceId}`, name: '洛阳师范学院' };
  const typist = { id: `unit-kongkong-${allianceId}`, name: '空空导弹研究院' };
  const phoneUnit = { id: `unit-yiyuan-${allianceId}`, name: '洛阳市第一人民医院' };
  const community = { kind: 'community', id: `community-014-${allianceId}`, name: '014中心社区' };

  beforeAll(async () => {
    await enroll(suite.harness.db, allianceId, uploader, typist, phoneUnit, community);
  });

  /** The dashboard signed in as `who` (a login link's token), on the tab named. */
  async function dashboard(who: TokenSubject, tab: string, options: BrowserContextOptions = DESKTOP) {
    return suite.signedIn(who, { tab, device: { ...options, acceptDownloads: true } });
  }

  // Lists sent now must not have ended: a window from next month on, whenever the test runs.
  const upcoming = daysFromToday(30, 85, timeZone);
  const days = wholeDaysOf(upcoming.from, upcoming.to, timeZone);

  /** A resource list workbook from the template, its `count` rows all valid. */
  const resourceWorkbook = (count: number) =>
    writeListWorkbook(
      'resource',
      Array.from({ length: count }, (_, index) => ({
        itemId: `r${index + 1}`,
        category: 'education',
        title: `课后辅导 ${index + 1}`,
        quantity: 10 + index,
        unit: 'person-hours',
        location: { lat: 34.6841, lng: 112.4367, address: '邙岭路街道014中心社区' },
        serviceRadiusKm: 5,
        available: days,
      })),
      { categories: DEFAULT_CATEGORIES, timeZone },
    );

  /** The workbook with `cells` set (address to value), saved as a file to pick. */
  async function edited(
    bytes: Buffer,
    sheetName: string,
    cells: Record<string, string | number>,
    name: string,
  ) {
    const workbook = new Workbook();
    await workbook.xlsx.load(bytes as never);
    const sheet = workbook.getWorksheet(sheetName)!;
    for (const [address, value] of Object.entries(cells)) sheet.getCell(address).value = value;
    const file = path.join(files, name);
    writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
    return file;
  }

  async function upload(page: Page, file: string): Promise<void> {
    await page.locator('[data-testid="upload-file"]').setInputFiles(file);
    await page.locator('[data-action="upload-list"]').click();
  }

  /** A unit's stored resource lists: revision and items held now. */
  const storedLists = async (unitId: string) => {
    const { rows } = await suite.harness.db.query(
      `SELECT l.revision, count(i.id)::int AS items FROM lists l
       LEFT JOIN resource_items i ON i.list_pk = l.id
       WHERE l.alliance_id = $1 AND l.submitter_id = $2 AND l.kind = 'resource'
       GROUP BY l.id`,
      [allianceId, unitId],
    );
    return rows as Array<{ revision: number; items: number }>;
  };

  it('refuses a workbook with a bad cell at its row and column, hands back the marked copy, and stores the fixed one', async () => {
    const page = await dashboard({ ...unitOf(allianceId, uploader.id), name: uploader.name }, 'import');
    const template = await resourceWorkbook(3);
    // Row 4 is the second item; column E its quantity.
    const bad = await edited(template, '资源清单', { E4: '三十' }, '资源清单.xlsx');
    // Every change of the bar, to see it follow the bytes sent, then the checking.
    await page.locator('.upload-progress').waitFor({ state: 'attached' });
    await page.evaluate(`(() => {
      const bar = document.querySelector('.upload-progress');
      window.barSteps = [];
      new MutationObserver(() => window.barSteps.push([bar.dataset.phase, Number(bar.dataset.sent), Number(bar.dataset.total)]))
        .observe(bar, { attributes: true, attributeFilter: ['data-phase', 'data-sent'] });
    })()`);
    await upload(page, bad);

    const problem = page.locator('[data-testid="upload-problem"]');
    await problem.first().waitFor();
    expect(await problem.count()).toBe(1);
    expect(await problem.locator('[data-testid="problem-sheet"]').textContent()).toBe('资源清单');
    expect(await problem.locator('[data-testid="problem-row"]').textContent()).toBe('4');
    expect(await problem.locator('[data-testid="problem-column"]').textContent()).toBe('E 数量');
    expect(await problem.locator('[data-testid="problem-message"]').textContent()).toContain('不是数字');
    expect(await storedLists(uploader.id)).toEqual([]);

    const steps = (await page.evaluate('window.barSteps')) as Array<[string, number, number]>;
    const sent = steps.filter(([phase]) => phase === 'sending');
    expect(sent.length).toBeGreaterThan(0);
    expect(sent[sent.length - 1]![1]).toBe(sent[sent.length - 1]![2]);
    expect(sent[sent.length - 1]![2]).toBeGreaterThan(0);
    expect(steps.map(([phase]) => phase)).toContain('checking');
    // Answered: the bar is gone.
    expect(await page.locator('.upload-progress').isVisible()).toBe(false);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'upload-problems.png'), fullPage: true });

    // The marked copy: an .xlsx whose bad cell carries intake's note.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-action="download-marked-copy"]').click(),
    ]);
    expect(download.suggestedFilename()).toBe('资源清单-问题标注.xlsx');
    const marked = new Workbook();
    await marked.xlsx.readFile((await download.path())!);
    expect(String(marked.getWorksheet('资源清单')!.getCell('E4').note)).toContain('不是数字');

    // Fixed in the marked copy, it goes through.
    const fixed = await edited(
      Buffer.from(await marked.xlsx.writeBuffer()),
      '资源清单',
      { E4: 30 },
      '资源清单-问题标注.xlsx',
    );
    await upload(page, fixed);
    const answer = page.locator('.upload-panel [data-testid="row-message"][data-kind="success"]');
    await answer.waitFor();
    expect(await answer.textContent()).toContain('资源清单已保存：第 1 版，共 3 项');
    expect(await page.locator('[data-testid="upload-problem"]').count()).toBe(0);
    expect(await storedLists(uploader.id)).toEqual([{ revision: 1, items: 3 }]);
    await page.context().close();
  });

  it('takes a resource list row by row: a bad quantity is shown on its row, the fixed list is stored, and reopening revises it', async () => {
    const who = { ...unitOf(allianceId, typist.id), name: typist.name };
    let page = await dashboard(who, 'resource-list');
    const form = page.locator('[data-testid="resource-list-form"]');
    const row = (n: number) => form.locator(`[data-testid="resource-row"][data-row="${n}"]`);
    await row(1).waitFor();
    expect(await form.locator('[data-testid="resource-list-status"]').getAttribute('data-revision')).toBe(
      '0',
    );

    await row(1).locator('[name="title"]').fill('会议室借用');
    await row(1).locator('[name="category"]').selectOption('venue');
    await row(1).locator('[name="quantity"]').fill('12');
    await row(1).locator('[name="unit"]').selectOption('sessions');
    await row(1).locator('[name="serviceRadiusKm"]').fill('3');
    await row(1).locator('[name="address"]').fill('空空导弹研究院东门');
    await row(1).locator('[name="lat"]').fill('34.6862');
    await row(1).locator('[name="lng"]').fill('112.4418');
    await row(1).locator('[name="from"]').fill(upcoming.from);
    await row(1).locator('[name="to"]').fill(upcoming.to);
    await form.locator('[data-action="add-row"]').click();
    // The new row starts at the same place and days as the one above.
    expect(await row(2).locator('[name="lat"]').inputValue()).toBe('34.6862');
    await row(2).locator('[name="title"]').fill('青年志愿者课后辅导');
    await row(2).locator('[name="category"]').selectOption('education');
    await row(2).locator('[name="quantity"]').fill('2.5');
    await row(2).locator('[name="unit"]').selectOption('person-hours');
    await form.locator('[data-action="save-resource-list"]').click();

    const error = row(2).locator('.field-error[data-field="quantity"]');
    await error.waitFor();
    // In the words the API gives people: the row and field by name, never items[1].quantity.
    expect(await error.textContent()).toBe('第 2 项「数量」的格式不对');
    expect(await row(1).locator('.field-error').count()).toBe(0);
    expect(await storedLists(typist.id)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'resource-list-form-error.png'), fullPage: true });

    await row(2).locator('[name="quantity"]').fill('20');
    await form.locator('[data-action="save-resource-list"]').click();
    await eventually(
      async () =>
        (await form.locator('[data-testid="resource-list-status"]').getAttribute('data-revision')) === '1',
      () => 'the form does not show the stored revision 1',
    );
    expect(await storedLists(typist.id)).toEqual([{ revision: 1, items: 2 }]);
    expect(await form.locator('.field-error').count()).toBe(0);
    await page.context().close();

    // Opened again: the stored rows, to revise as revision 2.
    page = await dashboard(who, 'resource-list');
    const reopened = page.locator('[data-testid="resource-list-form"]');
    const again = (n: number) => reopened.locator(`[data-testid="resource-row"][data-row="${n}"]`);
    await again(2).waitFor();
    expect(await again(1).locator('[name="title"]').inputValue()).toBe('会议室借用');
    expect(await again(1).locator('[name="to"]').inputValue()).toBe(upcoming.to);
    expect(await again(2).locator('[name="quantity"]').inputValue()).toBe('20');
    await again(2).locator('[name="quantity"]').fill('24');
    await reopened.locator('[data-action="save-resource-list"]').click();
    await eventually(
      async () =>
        (await reopened.locator('[data-testid="resource-list-status"]').getAttribute('data-revision')) ===
        '2',
      () => 'the form does not show revision 2',
    );
    expect(await storedLists(typist.id)).toEqual([{ revision: 2, items: 2 }]);
    const { rows } = await suite.harness.db.query(
      `SELECT i.title, i.quantity FROM resource_items i JOIN lists l ON l.id = i.list_pk
       WHERE l.submitter_id = $1 ORDER BY i.title`,
      [typist.id],
    );
    expect(rows).toEqual([
      { title: '会议室借用', quantity: 12 },
      { title: '青年志愿者课后辅导', quantity: 24 },
    ]);
    expect(await again(2).locator('[name="quantity"]').inputValue()).toBe('24');
    await page.context().close();
  });

  it('shows the problems of an upload as cards on a 390-px phone, with nothing to scroll sideways', async () => {
    const page = await dashboard(
      { ...unitOf(allianceId, phoneUnit.id), name: phoneUnit.name },
      'import',
      PHONE,
    );
    const bad = await edited(
      await resourceWorkbook(4),
      '资源清单',
      { E4: '三十', H6: 95, C5: '' },
      '资源清单-手机.xlsx',
    );
    await upload(page, bad);
    const problems = page.locator('[data-testid="upload-problem"]');
    await problems.first().waitFor();
    expect(await problems.count()).toBe(3);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'upload-problems-phone.png'), fullPage: true });
    expect((await page.evaluate('document.documentElement.scrollWidth')) as number).toBeLessThanOrEqual(390);
    await fitsTheScreen(page, 'the upload problems on a phone');
    await page.context().close();
  });

  it('lets a coordinator upload a demand list for a community on the roster, from the template filled in for it', async () => {
    const page = await dashboard({ ...coordinatorOf(allianceId), name: '邙岭路街道联席会' }, 'import');
    await page.locator('[data-testid="upload-member"]').selectOption(`community:${community.id}`);
    const panel = page.locator('[data-testid="list-upload"]');
    await eventually(
      async () => (await panel.getAttribute('data-kind')) === 'demand',
      () => 'no demand-list upload for the community',
    );

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      panel.locator('[data-action="download-template"]').click(),
    ]);
    const template = new Workbook();
    await template.xlsx.readFile((await download.path())!);
    const info = template.getWorksheet('清单信息')!;
    expect(info.getColumn(2).values).toEqual(expect.arrayContaining([allianceId, community.id]));

    const filled = await writeListWorkbook(
      'demand',
      [
        {
          itemId: 'd1',
          category: 'elderly-care',
          title: '独居老人助餐',
          quantity: 300,
          unit: 'meals',
          location: { lat: 34.6852, lng: 112.4371, address: '014中心社区52号楼' },
          window: days,
          urgency: 'urgent',
        },
      ],
      { categories: DEFAULT_CATEGORIES, timeZone },
    );
    const file = path.join(files, '需求清单.xlsx');
    writeFileSync(file, filled);
    await upload(page, file);
    const answer = panel.locator('[data-testid="row-message"][data-kind="success"]');
    await answer.waitFor();
    expect(await answer.textContent()).toContain('需求清单已保存：第 1 版，共 1 项');
    const { rows } = await suite.harness.db.query(
      `SELECT l.submitter_kind, l.submitter_name, d.title FROM lists l JOIN demand_items d ON d.list_pk = l.id
       WHERE l.alliance_id = $1 AND l.submitter_id = $2`,
      [allianceId, community.id],
    );
    expect(rows).toEqual([
      { submitter_kind: 'community', submitter_name: community.name, title: '独居老人助餐' },
    ]);
    await page.context().close();
  });
});
