import { randomUUID } from 'node:crypto';
import path from 'node:path';
import type { BrowserContextOptions, Locator, Page } from 'playwright-core';
import type { TokenSubject } from '@redcrowd/auth';
import { DESKTOP, PHONE, SCREENSHOTS, signedInAs } from '@test/support/browser';
import { useDashboardSuite } from '@test/support/dashboard-suite';
import { enroll } from '@test/support/roster';
import { coordinatorOf, unitOf } from '@test/support/tokens';

/*
 * The coordinators' gazetteer (地名库) in a real browser, against the real matcher, intake,
 * broker and database: a coordinator adds 邙岭路街道中心社区 and a building inside it, is told
 * which place already answers to a name and where a latitude is out of range, changes the
 * building's address and deletes it after confirming; a unit gets no such tab; and on a phone
 * the screen fits.
 */

const COMMUNITY = '邙岭路街道中心社区';
const BUILDING = '中心社区52号楼';

describe('the gazetteer in the dashboard', () => {
  const suite = useDashboardSuite({ matcherEnv: {}, observed: [] });
  const allianceId = `alliance-${randomUUID().slice(0, 8)}`;
  const unit = { id: `unit-keji-${allianceId}`, name: '河南科技大学' };

  beforeAll(async () => {
    await enroll(suite.harness.db, allianceId, unit);
  });

  /** The dashboard signed in as `who` through a login link. */
  async function signedIn(who: TokenSubject, options: BrowserContextOptions = DESKTOP): Promise<Page> {
    const page = await suite.signedIn(who, { device: options });
    await signedInAs(page, who.role);
    return page;
  }

  async function gazetteer(options: BrowserContextOptions = DESKTOP): Promise<Page> {
    const page = await signedIn(coordinatorOf(allianceId), options);
    await page.locator('[data-tab="gazetteer"]').click();
    await page.locator('[data-action="open-add-place"]').waitFor();
    return page;
  }

  /** The card of the place named exactly `name`. */
  const placeRow = (page: Page, name: string): Locator =>
    page.locator('[data-testid="place-row"]').filter({
      has: page.locator('[data-testid="place-name"]', { hasText: new RegExp(`^${escaped(name)}$`) }),
    });

  /** The messages under one field of `form`. */
  const errorsAt = (form: Locator, field: string) => form.locator(`.field-error[data-field="${field}"]`);

  interface PlaceTyped {
    name: string;
    kind: string;
    lat: string;
    lng: string;
    address?: string;
    parent?: string;
    aliases?: string;
  }

  /** Fills the open add form and sends it. */
  async function addPlace(page: Page, place: PlaceTyped): Promise<Locator> {
    const form = page.locator('[data-testid="place-add-form"]');
    if (!(await form.isVisible())) await page.locator('[data-action="open-add-place"]').click();
    await form.locator('[name="name"]').fill(place.name);
    await form.locator('[name="kind"]').selectOption(place.kind);
    if (place.parent) await form.locator('[name="parentId"]').selectOption({ label: place.parent });
    await form.locator('[name="lat"]').fill(place.lat);
    await form.locator('[name="lng"]').fill(place.lng);
    await form.locator('[name="address"]').fill(place.address ?? '');
    await form.locator('[name="aliases"]').fill(place.aliases ?? '');
    await form.locator('[data-action="add-place"]').click();
    return form;
  }

  it('adds a community and a building inside it, names the place that has a name already, shows a bad latitude at its field, changes and deletes the building', async () => {
    const page = await gazetteer();
    expect(await page.locator('[data-testid="empty"]').textContent()).toBe('地名库还没有地点');

    await addPlace(page, {
      name: COMMUNITY,
      kind: 'community',
      lat: '34.6873',
      lng: '112.414',
      address: '洛阳市西工区邙岭路街道 014 中心社区',
      aliases: '中心社区',
    });
    const community = placeRow(page, COMMUNITY);
    await community.waitFor();
    expect(await community.getAttribute('data-kind')).toBe('community');
    expect(await community.locator('[data-testid="place-alias"]').allTextContents()).toEqual(['中心社区']);
    expect(await community.locator('[data-testid="place-address"]').textContent()).toBe(
      '洛阳市西工区邙岭路街道 014 中心社区',
    );
    expect(await community.locator('[data-testid="place-coordinates"]').textContent()).toBe(
      '坐标 34.6873, 112.414',
    );

    await addPlace(page, {
      name: BUILDING,
      kind: 'building',
      parent: COMMUNITY,
      lat: '34.6869',
      lng: '112.4146',
      address: '邙岭路街道中心社区 52 号楼',
    });
    const building = placeRow(page, BUILDING);
    await building.waitFor();
    expect(await building.locator('[data-testid="place-parent"]').textContent()).toBe(`位于 ${COMMUNITY}`);
    expect(await building.getAttribute('data-kind')).toBe('building');
    // Grouped by kind: the community under 社区, the building under 楼栋.
    expect(
      await page.locator('.place-group[data-kind="community"] [data-testid="place-name"]').allTextContents(),
    ).toEqual([COMMUNITY]);
    expect(
      await page.locator('.place-group[data-kind="building"] [data-testid="place-name"]').allTextContents(),
    ).toEqual([BUILDING]);

    // 中心社区 is the community's alias: the clash names the community, at the name field.
    const form = await addPlace(page, {
      name: '中心社区',
      kind: 'community',
      lat: '34.6873',
      lng: '112.414',
    });
    const nameError = errorsAt(form, 'name');
    await nameError.waitFor();
    expect(await nameError.textContent()).toBe(`这个名称已属于地名库中的「${COMMUNITY}」`);
    expect(await form.locator('[name="name"]').getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('[data-testid="place-row"]').count()).toBe(2);

    // A latitude of 95 is refused at the latitude field, in words, not the developer message.
    await form.locator('[name="name"]').fill('正启小区');
    await form.locator('[name="kind"]').selectOption('compound');
    await form.locator('[name="lat"]').fill('95');
    await form.locator('[data-action="add-place"]').click();
    const latError = errorsAt(form, 'lat');
    await latError.waitFor();
    expect(await latError.textContent()).toContain('纬度');
    expect(await latError.textContent()).not.toMatch(/\blat\b|must not be greater/);
    expect(await errorsAt(form, 'name').count()).toBe(0);
    expect(await page.locator('[data-testid="place-row"]').count()).toBe(2);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'gazetteer-errors.png'), fullPage: true });
    await form.locator('[data-action="cancel-add-place"]').click();
    expect(await form.count()).toBe(0);

    // The building's address changed in place.
    await building.locator('[data-action="edit-place"]').click();
    const editForm = building.locator('[data-testid="place-edit-form"]');
    await editForm.locator('[name="address"]').fill('洛阳市西工区邙岭路街道中心社区 52 号楼 2 单元');
    await editForm.locator('[data-action="save-place"]').click();
    await editForm.waitFor({ state: 'detached' });
    await readsAs(
      building.locator('[data-testid="place-address"]'),
      '洛阳市西工区邙岭路街道中心社区 52 号楼 2 单元',
    );
    expect(await building.locator('[data-testid="place-parent"]').textContent()).toBe(`位于 ${COMMUNITY}`);

    // Deleting asks first; only the confirmation deletes.
    await building.locator('[data-action="remove-place"]').click();
    const confirm = building.locator('[data-testid="remove-confirm"]');
    expect(await confirm.textContent()).toContain(`从地名库删除「${BUILDING}」？`);
    await confirm.locator('[data-action="cancel-remove-place"]').click();
    expect(await confirm.count()).toBe(0);
    expect(await building.count()).toBe(1);
    await building.locator('[data-action="remove-place"]').click();
    await confirm.locator('[data-action="confirm-remove-place"]').click();
    await building.waitFor({ state: 'detached' });
    expect(await page.locator('[data-testid="place-name"]').allTextContents()).toEqual([COMMUNITY]);
    await page.context().close();
  });

  it('finds places by name, alias or address, and says when none match', async () => {
    const page = await gazetteer();
    await placeRow(page, COMMUNITY).waitFor();
    const search = page.locator('[name="search"]');
    await search.fill('014');
    expect(await page.locator('[data-testid="place-name"]').allTextContents()).toEqual([COMMUNITY]);
    await search.fill('正启');
    expect(await page.locator('[data-testid="empty"]').textContent()).toBe('没有符合条件的地点');
    await page.context().close();
  });

  it('is not among the tabs of a unit', async () => {
    const page = await signedIn({ ...unitOf(allianceId, unit.id), name: unit.name });
    await page.locator('[data-tab="account"]').waitFor();
    expect(
      await page.locator('[data-tab]').evaluateAll((tabs) => tabs.map((tab) => tab.textContent)),
    ).not.toContain('地名库');
    expect(await page.locator('[data-tab="gazetteer"]').count()).toBe(0);
    await page.context().close();
  });

  it('fits a 390-px phone, add form open, without scrolling sideways', async () => {
    const page = await gazetteer(PHONE);
    await placeRow(page, COMMUNITY).waitFor();
    await page.locator('[data-action="open-add-place"]').click();
    await page.locator('[data-testid="place-add-form"]').waitFor();
    await placeRow(page, COMMUNITY).locator('[data-action="remove-place"]').click();
    await page.locator('[data-testid="remove-confirm"]').waitFor();
    const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
    expect(width).toBeLessThanOrEqual(390);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'gazetteer-phone.png'), fullPage: true });
    await page.context().close();
  });
});

/** Waits until `locator` reads exactly `text` (a re-render shows it after the answer). */
async function readsAs(locator: Locator, text: string): Promise<void> {
  await locator.filter({ hasText: new RegExp(`^${escaped(text)}$`) }).waitFor();
  expect(await locator.textContent()).toBe(text);
}

/** `text` as a pattern that matches it literally. */
function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
