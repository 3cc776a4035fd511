import { createHash, randomBytes } from 'node:crypto';

/**
 * Refresh tokens and one-time links are 256 random bits, shown once and stored only as their
 * SHA-256: a leaked table signs nobody in. (A plain hash suffices: the secrets are random,
 * so there is nothing to brute-force that a slow hash would protect.)
 */
export function newSecret(): { secret: string; hash: string } {
  const secret = randomBytes(32).toString('base64url');
  return { secret, hash: hashSecret(secret) };
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('base64url');
}
