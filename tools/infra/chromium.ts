import { existsSync } from 'node:fs';
import { aptInstall } from './apt';
import { InfraError } from './errors';

/** Debian's Chromium, which the browser tests drive through playwright-core. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const HOW_TO_INSTALL =
  'Install it with `sudo apt-get update && sudo apt-get install -y chromium chromium-l10n`, or set CHROMIUM_PATH to a Chromium binary.';

/** Debian's Chinese strings for Chromium's own controls (package chromium-l10n). */
const CHINESE_LOCALE = '/usr/lib/chromium/locales/zh-CN.pak';

/**
 * Makes sure the browser tests have a Chromium: installs Debian's package when it is missing
 * (as root, or through passwordless sudo), and says how to install it by hand otherwise.
 */
export function ensureChromium(log: (line: string) => void): string {
  if (!existsSync(CHROMIUM_PATH)) {
    if (process.env.CHROMIUM_PATH) {
      throw new InfraError(`CHROMIUM_PATH is ${CHROMIUM_PATH}, which does not exist. ${HOW_TO_INSTALL}`);
    }
    log(
      'Chromium is missing; installing Debian packages chromium and chromium-l10n for the browser tests...',
    );
    aptInstall(['chromium', 'chromium-l10n'], HOW_TO_INSTALL);
    if (!existsSync(CHROMIUM_PATH))
      throw new InfraError(`chromium was installed but ${CHROMIUM_PATH} is missing.`);
  }
  // Without its Chinese locale Debian's Chromium draws its own controls (date and file inputs)
  // in English whatever the page's language, so the phone screenshots would show English.
  if (!process.env.CHROMIUM_PATH && !existsSync(CHINESE_LOCALE)) {
    log('Chromium has no Chinese locale; installing Debian package chromium-l10n...');
    aptInstall(['chromium-l10n'], HOW_TO_INSTALL);
  }
  return CHROMIUM_PATH;
}
