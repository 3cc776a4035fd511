import {
  importSigningKey,
  signToken,
  type SigningKey,
  type TokenSettings,
  type TokenSubject,
} from '@redcrowd/auth';
import { TEST_KEY_ID, TEST_PRIVATE_PEM } from './test-key';

export { TEST_KEY_ID, TEST_PUBLIC_JWK, base64url, handSignedToken } from './test-key';

/** The sign-in settings every test process runs with (passed in its environment). */
export const TEST_AUTH: TokenSettings = { issuer: 'redcrowd-test', audience: 'redcrowd-api' };

export const TEST_AUTH_ENV = {
  AUTH_ISSUER: TEST_AUTH.issuer,
  AUTH_AUDIENCE: TEST_AUTH.audience,
};

let signingKey: Promise<SigningKey> | undefined;

export async function tokenFor(who: TokenSubject, ttlSeconds = 3600): Promise<string> {
  signingKey ??= importSigningKey(TEST_KEY_ID, TEST_PRIVATE_PEM);
  return signToken(who, await signingKey, TEST_AUTH, { ttlSeconds });
}

export const coordinatorOf = (allianceId: string): TokenSubject => ({
  subject: `coordinator-${allianceId}`,
  role: 'coordinator',
  name: '联席会协调员',
  allianceId,
});

export const unitOf = (allianceId: string, unitId: string): TokenSubject => ({
  subject: `rep-${unitId}`,
  role: 'unit',
  name: unitId,
  allianceId,
  unitId,
});

export const communityOf = (allianceId: string, communityId: string): TokenSubject => ({
  subject: `rep-${communityId}`,
  role: 'community',
  name: communityId,
  allianceId,
  communityId,
});

export const ADMIN: TokenSubject = { subject: 'admin', role: 'admin', name: '管理员' };

/** Headers for a JSON request signed in as `who`. */
export async function authHeaders(who: TokenSubject): Promise<Record<string, string>> {
  return { 'content-type': 'application/json', authorization: `Bearer ${await tokenFor(who)}` };
}
