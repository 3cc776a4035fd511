import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { HOW_TO_INSTALL_CHINESE_FONTS, chineseFonts } from '../../tools/infra/fonts';
import { eventually } from './answers';

/** Debian's Chromium, which `npm test` installs; CHROMIUM_PATH points elsewhere. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Without the background-networking flags Chromium keeps dialling Google's hosts, which a
// closed network refuses.
const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/**
 * A headless Chromium for the browser suites; fails loudly, saying how to get one, when it is
 * missing, and when the machine has no Chinese font (every screenshot would show boxes).
 */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}. \`npm test\` installs it (apt-get install chromium); ` +
        'or install it yourself with `sudo apt-get install -y chromium`, or set CHROMIUM_PATH.',
    );
  }
  if (chineseFonts().length === 0) {
    throw new Error(
      'No Chinese font: `fc-list :lang=zh` lists none, so the dashboard would draw boxes. ' +
        `\`npm test\` installs one. ${HOW_TO_INSTALL_CHINESE_FONTS}`,
    );
  }
  // LANGUAGE draws Chromium's own controls (file and date inputs) in Chinese, as members'
  // phones do; the strings come with chromium-l10n, which `npm test` installs. LANG stays a
  // UTF-8 locale that every Debian has: under an ungenerated zh_CN.UTF-8 (or none) Chromium
  // cannot read the Chinese-named files the upload tests hand it.
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    env: { ...process.env, LANGUAGE: 'zh_CN', LANG: 'C.UTF-8' },
  });
}

/** Where the browser suites leave their screenshots. */
export const SCREENSHOTS = path.join(__dirname, '..', '..', 'test-results', 'screenshots');

export const DESKTOP: BrowserContextOptions = { viewport: { width: 1280, height: 900 }, locale: 'zh-CN' };

/** WeChat's built-in browser on a 390-px phone, where most members open the links. */
export const PHONE: BrowserContextOptions = {
  viewport: { width: 390, height: 844 },
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  userAgent:
    'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36 MicroMessenger/8.0.50',
};

/** Waits until the dashboard in `page` shows itself signed in as `role`. */
export async function signedInAs(page: Page, role: string): Promise<void> {
  await eventually(
    async () =>
      (await page
        .locator('[data-testid="user-role"]')
        .getAttribute('data-role')
        .catch(() => null)) === role,
    () => `the page is not signed in as ${role}`,
  );
}

/** The page is no wider than its screen (nothing to scroll sideways on a phone). */
export async function fitsTheScreen(page: Page, what: string): Promise<void> {
  const widths = (await page.evaluate(
    '[document.documentElement.scrollWidth, window.innerWidth]',
  )) as number[];
  expect({ what, scrollWidth: widths[0] }).toEqual({ what, scrollWidth: widths[1] });
}

/**
 * What scrolls sideways inside the page on a phone: a frame (a table's, a chart's) wider than
 * its room, whose content a person must swipe sideways to read. Only the view is searched:
 * the tab bar above it is meant to scroll. Each is described by its tag, classes and how much
 * it hides.
 */
export async function sidewaysScrollers(page: Page): Promise<string[]> {
  return (await page.evaluate(`(() => {
    const found = [];
    for (const element of document.querySelectorAll('#view *')) {
      const overflow = getComputedStyle(element).overflowX;
      if (overflow !== 'auto' && overflow !== 'scroll') continue;
      if (element.scrollWidth <= element.clientWidth + 1) continue;
      const classes = String(element.className || '').trim().split(/\\s+/).filter(Boolean).join('.');
      found.push(element.tagName.toLowerCase() + (classes ? '.' + classes : '') +
        ' hides ' + (element.scrollWidth - element.clientWidth) + 'px sideways');
    }
    return found;
  })()`)) as string[];
}

/**
 * What must never show in Chinese mode: a field path, a code with its detail, developer English
 * (a code the page should have worded, or any run of three English words).
 */
export const DEVELOPER_TEXT =
  /items\[|[a-z]+-[a-z]+ \(|must be|is required|\b(?:matcher|unmatched|allocation-edited|out-of-range|wrong-type|not-matched-yet|open-hall|in-progress)\b|\b[a-z]+ [a-z]+ [a-z]+\b/;

/** The first developer text `page` shows (see DEVELOPER_TEXT), or null when there is none. */
export async function developerTextOn(page: Page): Promise<string | null> {
  const text = (await page.evaluate('document.body.innerText')) as string;
  return DEVELOPER_TEXT.exec(text)?.[0] ?? null;
}

/** Nothing the page shows is a field path, a code or developer English (in Chinese mode). */
export async function speaksChinese(page: Page, where: string): Promise<void> {
  expect({ where, developerText: await developerTextOn(page) }).toEqual({ where, developerText: null });
}

/**
 * Collects what goes wrong in `page` into `errors`, each named after `who`: uncaught errors and
 * console errors, except Chromium's log of the 4xx answers tests provoke on purpose.
 */
export function collectErrors(page: Page, who: string, errors: string[]): void {
  page.on('pageerror', (error) => errors.push(`${who}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 4\d\d/.test(message.text())) {
      errors.push(`${who} console: ${message.text()}`);
    }
  });
}

/** Waits until `locator`'s text, spaces collapsed, satisfies `test`, and returns it. */
export async function shownText(
  locator: Locator,
  test: (text: string) => boolean,
  what: string,
): Promise<string> {
  let text = '';
  await eventually(
    async () => test((text = ((await locator.textContent().catch(() => '')) ?? '').replace(/\s+/g, ' '))),
    () => `${what}; the page shows: ${text}`,
  );
  return text;
}

/** Where the dashboard keeps a tab's session. */
export const SESSION_KEY = 'redcrowd.session';

/** The tokens the dashboard in `page` holds for its tab. */
export async function storedSession(page: Page): Promise<{ accessToken?: string; refreshToken?: string }> {
  return JSON.parse(
    ((await page.evaluate(`sessionStorage.getItem('${SESSION_KEY}')`)) as string | null) ?? '{}',
  ) as { accessToken?: string; refreshToken?: string };
}
