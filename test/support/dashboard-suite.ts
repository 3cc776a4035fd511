import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import type { TokenSubject } from '@redcrowd/auth';
import { DESKTOP, SCREENSHOTS, collectErrors, launchChromium } from './browser';
import { startMatcherHarness, type MatcherHarness } from './intake-harness';
import type { TopicId } from '@redcrowd/contracts';
import { tokenFor } from './tokens';

/** What a browser suite of the dashboard works with, once its beforeAll has run. */
export interface DashboardSuite {
  readonly harness: MatcherHarness;
  readonly browser: Browser;
  /**
   * A page in a fresh browser context (its own sessionStorage, so its own sign-in) whose
   * script errors fail the test that opened it.
   */
  freshPage(who: string, device?: BrowserContextOptions): Promise<Page>;
  /** Has a page the test opened some other way (a tab a page opened) report its errors too. */
  watch(page: Page, who: string): void;
  /** A fresh page signed in as `who` through a login link, on `tab` when one is named. */
  signedIn(who: TokenSubject, options?: { tab?: string; device?: BrowserContextOptions }): Promise<Page>;
}

export interface DashboardSuiteOptions {
  /** The matcher's settings; by default rounds run 50 ms after lists arrive. */
  matcherEnv?: Record<string, string>;
  /** The topics the harness watches. */
  observed?: TopicId[];
  /** How long starting the harness and the browser may take. */
  setupMs?: number;
}

/**
 * Starts the real intake and matcher (serving the dashboard) and a Chromium around a browser
 * suite, and fails each test in which a page threw or logged an error other than the 4xx
 * answers the tests provoke on purpose. Call it inside `describe`, before the tests.
 */
export function useDashboardSuite(options: DashboardSuiteOptions = {}): DashboardSuite {
  let harness: MatcherHarness | undefined;
  let browser: Browser | undefined;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    harness = await startMatcherHarness(
      options.matcherEnv ?? { MATCHER_DEBOUNCE_MS: '50' },
      options.observed ?? ['projectsProposed'],
      { dashboard: true },
    );
    browser = await launchChromium();
  }, options.setupMs ?? 180_000);

  afterAll(async () => {
    await browser?.close();
    await harness?.stop();
  }, 60_000);

  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  const started = <T>(thing: T | undefined, what: string): T => {
    if (thing === undefined) throw new Error(`the suite's ${what} has not started (beforeAll failed?)`);
    return thing;
  };

  const suite: DashboardSuite = {
    get harness() {
      return started(harness, 'harness');
    },
    get browser() {
      return started(browser, 'browser');
    },
    async freshPage(who, device = DESKTOP) {
      const page = await (await suite.browser.newContext(device)).newPage();
      suite.watch(page, who);
      return page;
    },
    watch(page, who) {
      collectErrors(page, who, pageErrors);
    },
    async signedIn(who, { tab, device } = {}) {
      const page = await suite.freshPage(who.role, device);
      await page.goto(`${suite.harness.matcher.url}/dashboard/#token=${await tokenFor(who)}`);
      if (tab) await page.locator(`[data-tab="${tab}"]`).click();
      return page;
    },
  };
  return suite;
}
