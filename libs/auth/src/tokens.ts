import { SignJWT, decodeProtectedHeader, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { AuthError } from './auth.errors';
import { claimProblem, claimsOf, principalOf, type TokenSubject } from './claims';
import type { Principal } from './principal';
import type { SigningKey } from './signing-keys';

/**
 * One algorithm, pinned: access tokens are EdDSA (Ed25519) signatures, verified with public
 * keys only, so no service that verifies can also sign. Whatever a token's header says
 * (none, HS256 keyed with the public key, RS256), nothing else verifies.
 */
export const TOKEN_ALGORITHM = 'EdDSA' as const;

/** Every service checks these the same way; anything else is refused. */
export interface TokenSettings {
  issuer: string;
  audience: string;
}

/** Where a verifier finds the public key a token names in its `kid` header. */
export type VerificationKeys = JWTVerifyGetKey;

export interface SignOptions {
  ttlSeconds: number;
  /** The sign-in session the token belongs to (`sid`), when it came from one. */
  sessionId?: string;
  now?: Date;
}

/** Signs an access token for `who` with the alliance's current signing key. */
export async function signToken(
  who: TokenSubject,
  key: SigningKey,
  settings: TokenSettings,
  { ttlSeconds, sessionId, now = new Date() }: SignOptions,
): Promise<string> {
  const problem = claimProblem({ ...who, sub: who.subject });
  if (problem) throw new Error(`cannot sign a token: ${problem}`);
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({ ...claimsOf(who), ...(sessionId ? { sid: sessionId } : {}) })
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, typ: 'JWT', kid: key.kid })
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setSubject(who.subject)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .sign(key.privateKey);
}

/** Reads `Authorization: Bearer <token>`; anything else is unauthenticated. */
export function bearerToken(header: string | undefined): string {
  if (!header) throw new AuthError('unauthenticated', 'sign in: send Authorization: Bearer <token>');
  const match = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/.exec(header.trim());
  if (!match) throw new AuthError('unauthenticated', 'the Authorization header must be "Bearer <token>"');
  return match[1]!;
}

/** Verifies signature, algorithm, key, issuer, audience and expiry, then the role's claims. */
export async function verifyToken(
  token: string,
  keys: VerificationKeys,
  settings: TokenSettings,
  now: Date = new Date(),
): Promise<Principal> {
  // Checked before verifying, so the answer says what was wrong rather than "no key found".
  const algorithm = headerAlgorithm(token);
  if (algorithm !== TOKEN_ALGORITHM) {
    throw new AuthError(
      'unauthenticated',
      `the token must be signed with ${TOKEN_ALGORITHM}, not ${algorithm}`,
    );
  }
  let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
  try {
    ({ payload } = await jwtVerify(token, keys, {
      algorithms: [TOKEN_ALGORITHM],
      issuer: settings.issuer,
      audience: settings.audience,
      currentDate: now,
      clockTolerance: 5,
      requiredClaims: ['exp'],
    }));
  } catch (error) {
    // A key store that cannot be read is the service's failure, not the caller's token's.
    if (!(error instanceof errors.JOSEError)) throw error;
    throw new AuthError('unauthenticated', describeVerifyError(error));
  }
  const principal = principalOf(payload);
  if (typeof principal === 'string') {
    throw new AuthError('unauthenticated', `the token's claims are not usable: ${principal}`);
  }
  return principal;
}

function headerAlgorithm(token: string): string {
  try {
    return String(decodeProtectedHeader(token).alg);
  } catch {
    throw new AuthError('unauthenticated', 'the token is malformed');
  }
}

function describeVerifyError(error: errors.JOSEError): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired; sign in again';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'the token is not valid yet';
    if (error.claim === 'iss' || error.claim === 'aud') {
      return `the token is not for this service (${error.claim} is not accepted)`;
    }
    if (error.reason === 'missing')
      return `the token has no ${error.claim === 'exp' ? 'expiry' : error.claim}`;
    return `the token's ${error.claim} claim is not usable`;
  }
  if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
    return 'the token is signed with a key this service does not know; sign in again';
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature does not verify';
  return `the token is malformed (${error.message})`;
}
