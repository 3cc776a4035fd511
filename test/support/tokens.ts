import { signToken, type TokenSettings, type TokenSubject } from '@redcrowd/auth';

/** The sign-in settings every test process runs with (passed in its environment). */
export const TEST_AUTH: TokenSettings = {
  secret: 'redcrowd-test-secret-0123456789abcdef-not-for-production',
  issuer: 'redcrowd-test',
  audience: 'redcrowd-api',
};

export const TEST_AUTH_ENV = {
  AUTH_JWT_SECRET: TEST_AUTH.secret,
  AUTH_ISSUER: TEST_AUTH.issuer,
  AUTH_AUDIENCE: TEST_AUTH.audience,
};

export function tokenFor(who: TokenSubject, ttlSeconds = 3600): string {
  return signToken(who, TEST_AUTH, ttlSeconds);
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
export function authHeaders(who: TokenSubject): Record<string, string> {
  return { 'content-type': 'application/json', authorization: `Bearer ${tokenFor(who)}` };
}
