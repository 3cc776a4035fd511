import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { InfraError } from './errors';

/** Debian's Chromium, which the browser tests drive through playwright-core. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const HOW_TO_INSTALL =
  'Install it with `sudo apt-get update && sudo apt-get install -y chromium`, or set CHROMIUM_PATH to a Chromium binary.';

/**
 * Makes sure the browser tests have a Chromium: installs Debian's package when it is missing
 * (as root, or through passwordless sudo), and says how to install it by hand otherwise.
 */
export function ensureChromium(log: (line: string) => void): string {
  if (existsSync(CHROMIUM_PATH)) return CHROMIUM_PATH;
  if (process.env.CHROMIUM_PATH) {
    throw new InfraError(`CHROMIUM_PATH is ${CHROMIUM_PATH}, which does not exist. ${HOW_TO_INSTALL}`);
  }
  const asRoot = process.getuid?.() === 0;
  const sudo = asRoot ? [] : ['sudo', '-n'];
  log('Chromium is missing; installing Debian package chromium for the browser tests...');
  for (const step of [
    ['apt-get', 'update'],
    ['apt-get', 'install', '-y', '--no-install-recommends', 'chromium'],
  ]) {
    const [command, ...args] = [...sudo, ...step];
    const run = spawnSync(command!, args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (run.status !== 0) {
      throw new InfraError(
        `\`${[command, ...args].join(' ')}\` failed (exit ${run.status}). ${HOW_TO_INSTALL}`,
      );
    }
  }
  if (!existsSync(CHROMIUM_PATH))
    throw new InfraError(`chromium was installed but ${CHROMIUM_PATH} is missing.`);
  return CHROMIUM_PATH;
}
