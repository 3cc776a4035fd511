import { existsSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
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

/** A headless Chromium for the browser suites; fails loudly, saying how to get one, when missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}. \`npm test\` installs it (apt-get install chromium); ` +
        'or install it yourself with `sudo apt-get install -y chromium`, or set CHROMIUM_PATH.',
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
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

/** Where the dashboard keeps a tab's session. */
export const SESSION_KEY = 'redcrowd.session';

/** The tokens the dashboard in `page` holds for its tab. */
export async function storedSession(page: Page): Promise<{ accessToken?: string; refreshToken?: string }> {
  return JSON.parse(
    ((await page.evaluate(`sessionStorage.getItem('${SESSION_KEY}')`)) as string | null) ?? '{}',
  ) as { accessToken?: string; refreshToken?: string };
}
