import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { AuthError } from './auth.errors';
import { bearerToken, signToken, verifyToken, type TokenSettings } from './tokens';

const settings: TokenSettings = {
  secret: 'a-test-secret-of-at-least-32-bytes-long',
  issuer: 'redcrowd',
  audience: 'redcrowd-api',
};
const coordinator = {
  subject: 'coordinator-manglinglu',
  role: 'coordinator' as const,
  name: '邙岭路街道联席会',
  allianceId: 'luoyang-xigong-manglinglu',
};

const base64url = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const hs256 = (input: string, secret = settings.secret) =>
  createHmac('sha256', secret).update(input).digest('base64url');
const claims = (overrides: Record<string, unknown> = {}) => ({
  sub: 'coordinator-manglinglu',
  role: 'coordinator',
  name: '邙岭路街道联席会',
  alliance: 'luoyang-xigong-manglinglu',
  iss: settings.issuer,
  aud: settings.audience,
  exp: Math.floor(Date.now() / 1000) + 3600,
  ...overrides,
});
/** A token built by hand, to say exactly what its header and body hold. */
function handMade(header: object, body: object, sign = true): string {
  const input = `${base64url(header)}.${base64url(body)}`;
  return `${input}.${sign ? hs256(input) : ''}`;
}

function refusal(token: string): string {
  try {
    verifyToken(token, settings);
  } catch (error) {
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).kind).toBe('unauthenticated');
    return (error as AuthError).message;
  }
  throw new Error('the token was accepted');
}

describe('verifyToken', () => {
  it('accepts a token it signed and reads the principal from its claims', () => {
    const principal = verifyToken(signToken(coordinator, settings, 600), settings);
    expect(principal).toMatchObject({
      subject: 'coordinator-manglinglu',
      role: 'coordinator',
      name: '邙岭路街道联席会',
      allianceId: 'luoyang-xigong-manglinglu',
    });
    expect(principal.expiresAt.getTime()).toBeGreaterThan(Date.now());
  });

  it('accepts a hand-made HS256 token (the format is plain JWT)', () => {
    expect(verifyToken(handMade({ alg: 'HS256', typ: 'JWT' }, claims()), settings).role).toBe('coordinator');
  });

  it('refuses a token whose body was changed after signing', () => {
    const [header, , signature] = signToken(coordinator, settings, 600).split('.');
    const forged = `${header}.${base64url(claims({ alliance: 'another-alliance' }))}.${signature}`;
    expect(refusal(forged)).toMatch(/signature/);
  });

  it('refuses a token signed with another secret', () => {
    const other = signToken(coordinator, { ...settings, secret: 'x'.repeat(40) }, 600);
    expect(refusal(other)).toMatch(/signature/);
  });

  it('refuses alg none, with or without a signature', () => {
    expect(refusal(handMade({ alg: 'none', typ: 'JWT' }, claims(), false))).toMatch(/HS256|malformed/);
    expect(refusal(handMade({ alg: 'none', typ: 'JWT' }, claims(), true))).toMatch(/HS256/);
  });

  it('refuses other algorithms even when signed with the secret', () => {
    const hs512 = jwt.sign(claims(), settings.secret, { algorithm: 'HS512' });
    expect(refusal(hs512)).toMatch(/HS256/);
    // The RS256/HS256 confusion: an "RS256" token whose signature is an HMAC with the secret.
    expect(refusal(handMade({ alg: 'RS256', typ: 'JWT' }, claims()))).toMatch(/HS256/);
  });

  it('refuses an expired token, a token without expiry and one not valid yet', () => {
    const now = Math.floor(Date.now() / 1000);
    expect(refusal(handMade({ alg: 'HS256' }, claims({ exp: now - 60 })))).toMatch(/expired/);
    const { exp: _exp, ...noExpiry } = claims();
    expect(refusal(handMade({ alg: 'HS256' }, noExpiry))).toMatch(/expiry/);
    expect(refusal(handMade({ alg: 'HS256' }, claims({ nbf: now + 600 })))).toMatch(/not valid yet/);
  });

  it('refuses a token for another issuer or audience', () => {
    expect(refusal(handMade({ alg: 'HS256' }, claims({ iss: 'someone-else' })))).toMatch(/issuer/);
    expect(refusal(handMade({ alg: 'HS256' }, claims({ aud: 'another-api' })))).toMatch(/audience/);
  });

  it.each([
    ['an unknown role', { role: 'superuser' }, /role/],
    ['a coordinator without alliance', { alliance: undefined }, /alliance/],
    ['a unit without unit', { role: 'unit' }, /unit/],
    ['a community without community', { role: 'community' }, /community/],
    ['a coordinator naming a unit', { unit: 'unit-1' }, /no unit/],
    ['an admin naming an alliance', { role: 'admin' }, /admin/],
    ['no subject', { sub: undefined }, /sub/],
    ['an empty name', { name: ' ' }, /name/],
  ])('refuses %s', (_label, overrides, message) => {
    expect(refusal(handMade({ alg: 'HS256' }, claims(overrides)))).toMatch(message);
  });

  it('gives each role exactly its own scope', () => {
    const unit = verifyToken(
      signToken({ ...coordinator, subject: 'u1', role: 'unit', unitId: 'unit-kongkong' }, settings, 60),
      settings,
    );
    expect(unit).toMatchObject({ role: 'unit', unitId: 'unit-kongkong', allianceId: coordinator.allianceId });
    expect(unit.communityId).toBeUndefined();
    const admin = verifyToken(
      signToken({ subject: 'root', role: 'admin', name: '管理员' }, settings, 60),
      settings,
    );
    expect(admin.allianceId).toBeNull();
  });

  it('refuses to sign with a short secret', () => {
    expect(() => signToken(coordinator, { ...settings, secret: 'short' }, 60)).toThrow(/32 bytes/);
  });
});

describe('bearerToken', () => {
  it('reads the token from a Bearer header', () => {
    expect(bearerToken('Bearer a.b.c')).toBe('a.b.c');
  });

  it.each([undefined, '', 'Basic dXNlcjpwYXNz', 'Bearer', 'Bearer not-a-jwt', 'bearer a.b.c d'])(
    'refuses %p as unauthenticated',
    (header) => {
      expect(() => bearerToken(header)).toThrow(AuthError);
    },
  );
});
