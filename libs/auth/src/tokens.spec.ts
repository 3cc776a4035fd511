import { createHmac, createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, type JWK } from 'jose';
import { AuthError, type AuthErrorKind } from './auth.errors';
import {
  generateSigningKey,
  importSigningKey,
  type GeneratedSigningKey,
  type SigningKey,
} from './signing-keys';
import { bearerToken, signToken, verifyToken, type TokenSettings, type VerificationKeys } from './tokens';

const settings: TokenSettings = { issuer: 'redcrowd', audience: 'redcrowd-api' };
const coordinator = {
  subject: 'coordinator-manglinglu',
  role: 'coordinator' as const,
  name: '邙岭路街道联席会',
  allianceId: 'luoyang-xigong-manglinglu',
};
const ALLIANCE = coordinator.allianceId;
const NOW = Math.floor(Date.now() / 1000);

let stored: GeneratedSigningKey;
let key: SigningKey;
let keys: VerificationKeys;

beforeAll(async () => {
  stored = await generateSigningKey();
  key = await importSigningKey(stored.kid, stored.privatePkcs8);
  keys = createLocalJWKSet({ keys: [stored.publicJwk] });
});

const base64url = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const claims = (overrides: Record<string, unknown> = {}) => ({
  sub: 'coordinator-manglinglu',
  role: 'coordinator',
  name: '邙岭路街道联席会',
  alliance: ALLIANCE,
  iss: settings.issuer,
  aud: settings.audience,
  exp: NOW + 3600,
  ...overrides,
});
/** A token built by hand, to say exactly what its header and body hold; signed with Ed25519. */
function handMade(header: object, body: object | string, privatePkcs8 = stored.privatePkcs8): string {
  const input = `${base64url(header)}.${base64url(body)}`;
  const signature = sign(null, Buffer.from(input), createPrivateKey(privatePkcs8)).toString('base64url');
  return `${input}.${signature}`;
}
const edToken = (overrides: Record<string, unknown> = {}) =>
  handMade({ alg: 'EdDSA', typ: 'JWT', kid: stored.kid }, claims(overrides));

async function refusalOf(action: () => unknown): Promise<{ kind: AuthErrorKind; message: string }> {
  try {
    await action();
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    return { kind: error.kind, message: error.message };
  }
  throw new Error('nothing was refused');
}
const refusal = (token: string) => refusalOf(() => verifyToken(token, keys, settings));
const unauthenticated = (message: string) => ({ kind: 'unauthenticated', message });

describe('signToken and verifyToken', () => {
  it('verify exactly the principal signed, with its session, key id and expiry', async () => {
    const token = await signToken(coordinator, key, settings, { ttlSeconds: 600, sessionId: 'session-7' });
    expect(decodeProtectedHeader(token)).toStrictEqual({ alg: 'EdDSA', typ: 'JWT', kid: stored.kid });
    const { exp, iat } = decodeJwt(token);
    expect(exp! - iat!).toBe(600);
    expect(await verifyToken(token, keys, settings)).toStrictEqual({
      subject: 'coordinator-manglinglu',
      role: 'coordinator',
      name: '邙岭路街道联席会',
      allianceId: ALLIANCE,
      sessionId: 'session-7',
      expiresAt: new Date(exp! * 1000),
    });
  });

  it('write the issuer, audience, subject and issue time, and no session unless given', async () => {
    const now = new Date((NOW - 10) * 1000);
    const token = await signToken(coordinator, key, settings, { ttlSeconds: 60, now });
    expect(decodeJwt(token)).toStrictEqual({
      role: 'coordinator',
      name: '邙岭路街道联席会',
      alliance: ALLIANCE,
      iss: 'redcrowd',
      aud: 'redcrowd-api',
      sub: 'coordinator-manglinglu',
      iat: NOW - 10,
      exp: NOW + 50,
    });
  });

  it('refuse to sign claims that would not verify', async () => {
    await expect(
      signToken({ ...coordinator, role: 'unit' }, key, settings, { ttlSeconds: 60 }),
    ).rejects.toThrow(new Error('cannot sign a token: a unit token must name its unit'));
  });
});

describe('verifyToken', () => {
  it('accepts a hand-made EdDSA token (the format is plain JWT)', async () => {
    expect((await verifyToken(edToken(), keys, settings)).subject).toBe('coordinator-manglinglu');
  });

  it('judges expiry against the given time, with five seconds of tolerance', async () => {
    const token = edToken({ exp: NOW + 100 });
    expect((await verifyToken(token, keys, settings, new Date((NOW + 104) * 1000))).role).toBe('coordinator');
    expect(await refusalOf(() => verifyToken(token, keys, settings, new Date((NOW + 106) * 1000)))).toEqual(
      unauthenticated('the token has expired; sign in again'),
    );
  });

  it('refuses a token whose body was changed after signing', async () => {
    const [header, , signature] = (await signToken(coordinator, key, settings, { ttlSeconds: 600 })).split(
      '.',
    );
    const forged = `${header}.${base64url(claims({ alliance: 'another-alliance' }))}.${signature}`;
    expect(await refusal(forged)).toEqual(unauthenticated('the token signature does not verify'));
  });

  it('refuses a token signed with another key, whether it names a key it does not know or ours', async () => {
    const other = await generateSigningKey();
    const foreign = await signToken(
      coordinator,
      await importSigningKey(other.kid, other.privatePkcs8),
      settings,
      {
        ttlSeconds: 600,
      },
    );
    expect(await refusal(foreign)).toEqual(
      unauthenticated('the token is signed with a key this service does not know; sign in again'),
    );
    const impostor = handMade({ alg: 'EdDSA', kid: stored.kid }, claims(), other.privatePkcs8);
    expect(await refusal(impostor)).toEqual(unauthenticated('the token signature does not verify'));
  });

  it('refuses alg none, with or without a signature', async () => {
    const expected = unauthenticated('the token must be signed with EdDSA, not none');
    const unsigned = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims())}.`;
    expect(await refusal(unsigned)).toEqual(expected);
    expect(await refusal(handMade({ alg: 'none', typ: 'JWT' }, claims()))).toEqual(expected);
  });

  it('refuses HS256 keyed with the public key (algorithm confusion) and other asymmetric algorithms', async () => {
    const input = `${base64url({ alg: 'HS256', typ: 'JWT', kid: stored.kid })}.${base64url(claims())}`;
    const publicKeyAsSecret = JSON.stringify(stored.publicJwk);
    const confused = `${input}.${createHmac('sha256', publicKeyAsSecret).update(input).digest('base64url')}`;
    expect(await refusal(confused)).toEqual(
      unauthenticated('the token must be signed with EdDSA, not HS256'),
    );
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const rsInput = `${base64url({ alg: 'RS256', kid: stored.kid })}.${base64url(claims())}`;
    const rs256 = `${rsInput}.${sign('sha256', Buffer.from(rsInput), rsa.privateKey).toString('base64url')}`;
    expect(await refusal(rs256)).toEqual(unauthenticated('the token must be signed with EdDSA, not RS256'));
  });

  it('refuses what is not a token at all', async () => {
    expect(await refusal('a.b.c')).toEqual(unauthenticated('the token is malformed'));
    expect(await refusal('')).toEqual(unauthenticated('the token is malformed'));
    expect(await refusal(handMade({ alg: 'EdDSA', kid: stored.kid }, 'not a claims object'))).toEqual(
      unauthenticated('the token is malformed (JWT Claims Set must be a top-level JSON object)'),
    );
  });

  it('refuses an expired token, a token without expiry and one not valid yet', async () => {
    expect(await refusal(edToken({ exp: NOW - 60 }))).toEqual(
      unauthenticated('the token has expired; sign in again'),
    );
    expect(await refusal(edToken({ exp: undefined }))).toEqual(unauthenticated('the token has no expiry'));
    expect(await refusal(edToken({ nbf: NOW + 600 }))).toEqual(unauthenticated('the token is not valid yet'));
    expect(await refusal(edToken({ iat: 'yesterday' }))).toEqual(
      unauthenticated("the token's iat claim is not usable"),
    );
    expect(await refusal(edToken({ exp: 'tomorrow' }))).toEqual(
      unauthenticated("the token's exp claim is not usable"),
    );
  });

  it('refuses a token for another issuer or audience', async () => {
    expect(await refusal(edToken({ iss: 'someone-else' }))).toEqual(
      unauthenticated('the token is not for this service (iss is not accepted)'),
    );
    expect(await refusal(edToken({ aud: 'another-api' }))).toEqual(
      unauthenticated('the token is not for this service (aud is not accepted)'),
    );
  });

  it('refuses a signed token whose claims are not usable, saying why', async () => {
    expect(await refusal(edToken({ role: 'unit' }))).toEqual(
      unauthenticated("the token's claims are not usable: a unit token must name its unit"),
    );
  });

  it('refuses when two published keys share the kid, rather than guessing', async () => {
    const twin: JWK = { ...(await generateSigningKey()).publicJwk, kid: stored.kid };
    const ambiguous = createLocalJWKSet({ keys: [stored.publicJwk, twin] });
    expect(await refusalOf(() => verifyToken(edToken(), ambiguous, settings))).toEqual(
      unauthenticated('the token is signed with a key this service does not know; sign in again'),
    );
  });
});

describe('generateSigningKey', () => {
  it('names the key by its thumbprint and publishes no private part', async () => {
    expect(stored.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(stored.publicJwk).toStrictEqual({
      kty: 'OKP',
      crv: 'Ed25519',
      x: expect.any(String),
      kid: stored.kid,
      alg: 'EdDSA',
      use: 'sig',
    });
    expect(stored.privatePkcs8).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    expect((await generateSigningKey()).kid).not.toBe(stored.kid);
  });
});

describe('bearerToken', () => {
  it('reads the token from a Bearer header, around surrounding blanks', () => {
    expect(bearerToken('Bearer a.b.c')).toBe('a.b.c');
    expect(bearerToken('  Bearer eyJhbGci.eyJzdWIi.c2lnbmF0dXJl \t')).toBe('eyJhbGci.eyJzdWIi.c2lnbmF0dXJl');
    // An unsigned token passes here; verifyToken then refuses its algorithm.
    expect(bearerToken('Bearer ab.cd.')).toBe('ab.cd.');
  });

  it('asks for a sign-in when there is no header', async () => {
    const expected = { kind: 'unauthenticated', message: 'sign in: send Authorization: Bearer <token>' };
    expect(await refusalOf(() => bearerToken(undefined))).toEqual(expected);
    expect(await refusalOf(() => bearerToken(''))).toEqual(expected);
  });

  it.each([
    'Basic dXNlcjpwYXNz',
    'Bearer',
    'Bearer not-a-jwt',
    'bearer a.b.c',
    'Bearer a.b.c d',
    'Token Bearer a.b.c',
    'Bearer a..c',
    'Bearer .b.c',
  ])('refuses %p as not a Bearer token', async (header) => {
    expect(await refusalOf(() => bearerToken(header))).toEqual({
      kind: 'unauthenticated',
      message: 'the Authorization header must be "Bearer <token>"',
    });
  });
});

describe('AuthError', () => {
  it('names itself, so logs say which error it was', () => {
    const error = new AuthError('forbidden', 'closed');
    expect([error.name, error.kind, error.message, error instanceof Error]).toEqual([
      'AuthError',
      'forbidden',
      'closed',
      true,
    ]);
  });
});
