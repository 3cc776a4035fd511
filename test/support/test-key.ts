import { createPrivateKey, createPublicKey, sign } from 'node:crypto';
import type { Client } from 'pg';

// No @redcrowd imports here: jest's globalSetup (require-infrastructure.ts) loads this file
// without the module name mapping.

/*
 * The tests' own Ed25519 key. Its public half is registered in the test database as a
 * verify-only key (no private part stored), so the apps under test accept tokens the
 * tests sign, exactly as they accept the matcher's. It exists only in test databases.
 */
export const TEST_PRIVATE_PEM =
  '-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIHu+3nIgRCXs/vQiB1nlEokDO/wBu+bwtGqghFyzD9ma\n-----END PRIVATE KEY-----\n';
const TEST_PRIVATE_KEY = createPrivateKey(TEST_PRIVATE_PEM);
export const TEST_KEY_ID = 'redcrowd-test-key';
export const TEST_PUBLIC_JWK = {
  ...createPublicKey(TEST_PRIVATE_KEY).export({ format: 'jwk' }),
  kid: TEST_KEY_ID,
  alg: 'EdDSA',
  use: 'sig',
};
/** Registers the tests' public key in a migrated test database (idempotent). */
export async function registerTestKey(client: Pick<Client, 'query'>): Promise<void> {
  await client.query(
    `INSERT INTO auth_signing_keys (kid, public_jwk, private_key) VALUES ($1, $2, NULL) ON CONFLICT (kid) DO NOTHING`,
    [TEST_KEY_ID, TEST_PUBLIC_JWK],
  );
}

/** A token built by hand from any header and body, signed with the tests' key (for attacks). */
export function handSignedToken(header: object, body: object): string {
  const input = `${base64url(header)}.${base64url(body)}`;
  return `${input}.${sign(null, Buffer.from(input), TEST_PRIVATE_KEY).toString('base64url')}`;
}

export const base64url = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
