import { spawnSync } from 'node:child_process';
import { InfraError } from './errors';

/**
 * Installs Debian packages the test setup needs (Chromium, its Chinese locale, CJK fonts):
 * as root, or through passwordless sudo. A failure says the command that failed and `howTo`,
 * how a person installs them by hand.
 */
export function aptInstall(packages: readonly string[], howTo: string): void {
  const asRoot = process.getuid?.() === 0;
  const sudo = asRoot ? [] : ['sudo', '-n'];
  for (const step of [
    ['apt-get', 'update'],
    ['apt-get', 'install', '-y', '--no-install-recommends', ...packages],
  ]) {
    const [command, ...args] = [...sudo, ...step];
    const run = spawnSync(command!, args, {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (run.status !== 0) {
      throw new InfraError(`\`${[command, ...args].join(' ')}\` failed (exit ${run.status}). ${howTo}`);
    }
  }
}
