import jwt from 'jsonwebtoken';
import { AuthError } from './auth.errors';
import { ROLES, type Principal, type Role } from './principal';

/**
 * One algorithm, pinned: tokens are HMAC-SHA256 with a shared secret. Whatever the token's
 * header says (none, RS256 with the secret as a "public key", HS512), nothing else verifies.
 */
export const TOKEN_ALGORITHM = 'HS256' as const;

export interface TokenSettings {
  /** At least 32 bytes; the same on every service that verifies. */
  secret: string;
  issuer: string;
  audience: string;
}

export interface TokenSubject {
  subject: string;
  role: Role;
  name: string;
  allianceId?: string | null;
  allianceName?: string;
  unitId?: string;
  communityId?: string;
}

const IDENTIFIER = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
export const MIN_SECRET_BYTES = 32;

export function assertUsableSecret(secret: string): void {
  if (Buffer.byteLength(secret, 'utf8') < MIN_SECRET_BYTES) {
    throw new Error(`the token secret must be at least ${MIN_SECRET_BYTES} bytes`);
  }
}

/** Signs a token for `who`, valid for `ttlSeconds`. Used by `npm start`'s demo and by tests. */
export function signToken(who: TokenSubject, settings: TokenSettings, ttlSeconds: number): string {
  assertUsableSecret(settings.secret);
  const problem = claimProblem({ ...who, sub: who.subject });
  if (problem) throw new Error(`cannot sign a token: ${problem}`);
  return jwt.sign(
    {
      role: who.role,
      name: who.name,
      ...(who.allianceId ? { alliance: who.allianceId } : {}),
      ...(who.allianceName ? { alliance_name: who.allianceName } : {}),
      ...(who.unitId ? { unit: who.unitId } : {}),
      ...(who.communityId ? { community: who.communityId } : {}),
    },
    settings.secret,
    {
      algorithm: TOKEN_ALGORITHM,
      issuer: settings.issuer,
      audience: settings.audience,
      subject: who.subject,
      expiresIn: ttlSeconds,
    },
  );
}

/** Reads `Authorization: Bearer <token>`; anything else is unauthenticated. */
export function bearerToken(header: string | undefined): string {
  if (!header) throw new AuthError('unauthenticated', 'sign in: send Authorization: Bearer <token>');
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(header.trim());
  if (!match) throw new AuthError('unauthenticated', 'the Authorization header must be "Bearer <token>"');
  return match[1]!;
}

/** Verifies signature, algorithm, issuer, audience and expiry, then the role's claims. */
export function verifyToken(token: string, settings: TokenSettings, now: Date = new Date()): Principal {
  const header = jwt.decode(token, { complete: true })?.header;
  if (!header) throw new AuthError('unauthenticated', 'the token is malformed');
  // Checked before verifying, so the answer says what was wrong rather than "no signature".
  if (header.alg !== TOKEN_ALGORITHM) {
    throw new AuthError(
      'unauthenticated',
      `the token must be signed with ${TOKEN_ALGORITHM}, not ${header.alg}`,
    );
  }
  let payload: jwt.JwtPayload | string;
  try {
    payload = jwt.verify(token, settings.secret, {
      algorithms: [TOKEN_ALGORITHM],
      issuer: settings.issuer,
      audience: settings.audience,
      clockTimestamp: Math.floor(now.getTime() / 1000),
      clockTolerance: 5,
    });
  } catch (error) {
    throw new AuthError('unauthenticated', describeVerifyError(error));
  }
  // Only narrows the type: a body that is not a JSON object has no `aud`, so verify refused it.
  // Stryker disable next-line all: unreachable while an audience is required
  if (typeof payload === 'string') throw new AuthError('unauthenticated', 'the token has no claims');
  if (payload.exp === undefined) throw new AuthError('unauthenticated', 'the token has no expiry');
  const problem = claimProblem({
    sub: payload.sub,
    role: payload.role,
    name: payload.name,
    allianceId: payload.alliance,
    unitId: payload.unit,
    communityId: payload.community,
  });
  if (problem) throw new AuthError('unauthenticated', `the token's claims are not usable: ${problem}`);
  const role = payload.role as Role;
  return {
    subject: payload.sub!,
    role,
    name: payload.name as string,
    allianceId: role === 'admin' ? null : (payload.alliance as string),
    ...(typeof payload.alliance_name === 'string' && role !== 'admin'
      ? { allianceName: payload.alliance_name.slice(0, 200) }
      : {}),
    ...(role === 'unit' ? { unitId: payload.unit as string } : {}),
    ...(role === 'community' ? { communityId: payload.community as string } : {}),
    expiresAt: new Date(payload.exp * 1000),
  };
}

function describeVerifyError(error: unknown): string {
  if (error instanceof jwt.TokenExpiredError) return 'the token has expired; sign in again';
  if (error instanceof jwt.NotBeforeError) return 'the token is not valid yet';
  // The algorithm was checked on the header before verifying, so no algorithm error comes here.
  const message = error instanceof Error ? error.message : String(error);
  if (/signature/i.test(message)) return 'the token signature does not verify';
  if (/issuer|audience/i.test(message)) return `the token is not for this service (${message})`;
  return `the token is malformed (${message})`;
}

/** What makes a set of claims unusable, or null. Each role carries exactly its own scope. */
function claimProblem(claims: {
  sub?: unknown;
  role?: unknown;
  name?: unknown;
  allianceId?: unknown;
  unitId?: unknown;
  communityId?: unknown;
}): string | null {
  if (typeof claims.sub !== 'string' || !IDENTIFIER.test(claims.sub)) return 'sub must be an identifier';
  if (!ROLES.includes(claims.role as Role)) return `role must be one of ${ROLES.join(', ')}`;
  if (typeof claims.name !== 'string' || claims.name.trim() === '' || claims.name.length > 200) {
    return 'name must be non-empty text';
  }
  const role = claims.role as Role;
  const present = (value: unknown) => value !== undefined && value !== null;
  const identifier = (value: unknown) => typeof value === 'string' && IDENTIFIER.test(value);
  if (role === 'admin') {
    return present(claims.allianceId) || present(claims.unitId) || present(claims.communityId)
      ? 'an admin token names no alliance, unit or community'
      : null;
  }
  if (!identifier(claims.allianceId)) return `a ${role} token must name its alliance`;
  if (role === 'unit' && !identifier(claims.unitId)) return 'a unit token must name its unit';
  if (role !== 'unit' && present(claims.unitId)) return `a ${role} token names no unit`;
  if (role === 'community' && !identifier(claims.communityId)) {
    return 'a community token must name its community';
  }
  if (role !== 'community' && present(claims.communityId)) return `a ${role} token names no community`;
  return null;
}
