import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TokenSettings } from '@redcrowd/auth';
import { repoRoot } from './processes';

const SECRET_FILE = path.join(repoRoot, '.cache', 'dev-auth-secret');

/**
 * The token settings `npm start` runs with: AUTH_JWT_SECRET when set (production), else a
 * random development secret kept in .cache (mode 0600), so login links survive a restart
 * and no secret is ever committed or defaulted.
 */
export function authSettingsFor(env: NodeJS.ProcessEnv): TokenSettings & { source: string } {
  const issuer = env.AUTH_ISSUER ?? 'redcrowd';
  const audience = env.AUTH_AUDIENCE ?? 'redcrowd-api';
  if (env.AUTH_JWT_SECRET)
    return { secret: env.AUTH_JWT_SECRET, issuer, audience, source: 'AUTH_JWT_SECRET' };
  if (!existsSync(SECRET_FILE)) {
    mkdirSync(path.dirname(SECRET_FILE), { recursive: true });
    writeFileSync(SECRET_FILE, randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  const secret = readFileSync(SECRET_FILE, 'utf8').trim();
  return {
    secret,
    issuer,
    audience,
    source: `development secret in ${path.relative(repoRoot, SECRET_FILE)}`,
  };
}
