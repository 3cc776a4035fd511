import { spawnSync } from 'node:child_process';
import { aptInstall } from './apt';
import { InfraError } from './errors';

/**
 * Chinese fonts for the browser tests. Headless Chromium draws text with the system's
 * fontconfig fonts; a machine without a CJK font shows every Chinese character as a box, so
 * screenshots are unreadable and widths on a phone are measured on the wrong glyphs.
 */

/** Debian's Noto CJK: Simplified Chinese among others, sans and serif. */
const FONT_PACKAGE = 'fonts-noto-cjk';

/** How a person installs the fonts themselves; what every failure here ends with. */
export const HOW_TO_INSTALL_CHINESE_FONTS =
  `Install a Chinese font with \`sudo apt-get update && sudo apt-get install -y ${FONT_PACKAGE}\` ` +
  '(any font that `fc-list :lang=zh` lists will do).';

/** The font families fontconfig knows for Chinese; none when fc-list itself is missing. */
export function chineseFonts(): string[] {
  const listing = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  if (listing.status !== 0) return [];
  return listing.stdout
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * Makes sure the browser tests draw Chinese: installs Debian's Noto CJK fonts when fontconfig
 * knows none (as root, or through passwordless sudo), and says how to install them otherwise.
 * Returns the Chinese font families found.
 */
export function ensureChineseFonts(log: (line: string) => void): string[] {
  const found = chineseFonts();
  if (found.length > 0) return found;
  log(`No Chinese font found (fc-list :lang=zh); installing Debian package ${FONT_PACKAGE}...`);
  aptInstall([FONT_PACKAGE, 'fontconfig'], HOW_TO_INSTALL_CHINESE_FONTS);
  const installed = chineseFonts();
  if (installed.length === 0) {
    throw new InfraError(
      `${FONT_PACKAGE} was installed but \`fc-list :lang=zh\` still finds no font. ${HOW_TO_INSTALL_CHINESE_FONTS}`,
    );
  }
  return installed;
}
