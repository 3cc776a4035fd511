import { createHmac } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { AuthError, type AuthErrorKind } from './auth.errors';
import { assertUsableSecret, bearerToken, signToken, verifyToken, type TokenSettings } from './tokens';

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
const ALLIANCE = coordinator.allianceId;

const base64url = (value: object | string) =>
  Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');
const hs256 = (input: string, secret = settings.secret) =>
  createHmac('sha256', secret).update(input).digest('base64url');
const NOW = Math.floor(Date.now() / 1000);
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
/** A token built by hand, to say exactly what its header and body hold. */
function handMade(header: object, body: object | string, sign = true): string {
  const input = `${base64url(header)}.${base64url(body)}`;
  return `${input}.${sign ? hs256(input) : ''}`;
}
const hs256Token = (overrides: Record<string, unknown> = {}) =>
  handMade({ alg: 'HS256', typ: 'JWT' }, claims(overrides));

/** The refusal an action ends in, as the HTTP layer would see it. */
function refusalOf(action: () => unknown): { kind: AuthErrorKind; message: string } {
  try {
    action();
  } catch (error) {
    if (!(error instanceof AuthError)) throw error;
    return { kind: error.kind, message: error.message };
  }
  throw new Error('nothing was refused');
}
const refusal = (token: string) => refusalOf(() => verifyToken(token, settings));
const unauthenticated = (message: string) => ({ kind: 'unauthenticated', message });
const unusable = (problem: string) => unauthenticated(`the token's claims are not usable: ${problem}`);

describe('verifyToken', () => {
  it('accepts a token it signed and reads exactly the principal from its claims', () => {
    const token = signToken(coordinator, settings, 600);
    expect(verifyToken(token, settings)).toStrictEqual({
      subject: 'coordinator-manglinglu',
      role: 'coordinator',
      name: '邙岭路街道联席会',
      allianceId: ALLIANCE,
      expiresAt: new Date((jwt.decode(token) as jwt.JwtPayload).exp! * 1000),
    });
  });

  it('accepts a hand-made HS256 token (the format is plain JWT) and reads its expiry', () => {
    expect(verifyToken(hs256Token(), settings)).toStrictEqual({
      subject: 'coordinator-manglinglu',
      role: 'coordinator',
      name: '邙岭路街道联席会',
      allianceId: ALLIANCE,
      expiresAt: new Date((NOW + 3600) * 1000),
    });
  });

  it('gives a unit exactly its alliance and unit, and a community exactly its alliance and community', () => {
    expect(
      verifyToken(hs256Token({ sub: 'u1', role: 'unit', unit: 'unit-kongkong' }), settings),
    ).toStrictEqual({
      subject: 'u1',
      role: 'unit',
      name: '邙岭路街道联席会',
      allianceId: ALLIANCE,
      unitId: 'unit-kongkong',
      expiresAt: new Date((NOW + 3600) * 1000),
    });
    expect(
      verifyToken(
        hs256Token({ sub: 'c014', role: 'community', name: '014中心社区', community: 'c-014' }),
        settings,
      ),
    ).toStrictEqual({
      subject: 'c014',
      role: 'community',
      name: '014中心社区',
      allianceId: ALLIANCE,
      communityId: 'c-014',
      expiresAt: new Date((NOW + 3600) * 1000),
    });
  });

  it('gives an admin no alliance, and ignores an alliance name it carries', () => {
    const token = hs256Token({ sub: 'root', role: 'admin', alliance: undefined, alliance_name: '某联盟' });
    expect(verifyToken(token, settings)).toStrictEqual({
      subject: 'root',
      role: 'admin',
      name: '邙岭路街道联席会',
      allianceId: null,
      expiresAt: new Date((NOW + 3600) * 1000),
    });
  });

  it('treats a null scope claim as absent', () => {
    const token = hs256Token({ sub: 'root', role: 'admin', alliance: null, unit: null, community: null });
    expect(verifyToken(token, settings).allianceId).toBeNull();
  });

  it("carries the alliance's display name, cut to 200 characters", () => {
    const named = signToken(
      { ...coordinator, allianceName: '西工区邙岭路街道红色众筹党建联盟' },
      settings,
      60,
    );
    expect(verifyToken(named, settings).allianceName).toBe('西工区邙岭路街道红色众筹党建联盟');
    expect(verifyToken(hs256Token({ alliance_name: '盟'.repeat(250) }), settings).allianceName).toBe(
      '盟'.repeat(200),
    );
    expect(verifyToken(hs256Token({ alliance_name: 42 }), settings)).not.toHaveProperty('allianceName');
  });

  it('judges expiry against the given time, with five seconds of tolerance', () => {
    const token = hs256Token({ exp: NOW + 100 });
    expect(verifyToken(token, settings, new Date((NOW + 104) * 1000)).role).toBe('coordinator');
    expect(refusalOf(() => verifyToken(token, settings, new Date((NOW + 106) * 1000)))).toEqual(
      unauthenticated('the token has expired; sign in again'),
    );
  });

  it('refuses a token whose body was changed after signing', () => {
    const [header, , signature] = signToken(coordinator, settings, 600).split('.');
    const forged = `${header}.${base64url(claims({ alliance: 'another-alliance' }))}.${signature}`;
    expect(refusal(forged)).toEqual(unauthenticated('the token signature does not verify'));
  });

  it('refuses a token signed with another secret', () => {
    const other = signToken(coordinator, { ...settings, secret: 'x'.repeat(40) }, 600);
    expect(refusal(other)).toEqual(unauthenticated('the token signature does not verify'));
  });

  it('refuses alg none, with or without a signature', () => {
    const expected = unauthenticated('the token must be signed with HS256, not none');
    expect(refusal(handMade({ alg: 'none', typ: 'JWT' }, claims(), false))).toEqual(expected);
    expect(refusal(handMade({ alg: 'none', typ: 'JWT' }, claims(), true))).toEqual(expected);
  });

  it('refuses other algorithms even when signed with the secret', () => {
    const hs512 = jwt.sign(claims(), settings.secret, { algorithm: 'HS512' });
    expect(refusal(hs512)).toEqual(unauthenticated('the token must be signed with HS256, not HS512'));
    // The RS256/HS256 confusion: an "RS256" token whose signature is an HMAC with the secret.
    expect(refusal(handMade({ alg: 'RS256', typ: 'JWT' }, claims()))).toEqual(
      unauthenticated('the token must be signed with HS256, not RS256'),
    );
  });

  it('refuses what is not a token at all', () => {
    expect(refusal('a.b.c')).toEqual(unauthenticated('the token is malformed'));
    expect(refusal('')).toEqual(unauthenticated('the token is malformed'));
  });

  it('refuses an expired token, a token without expiry and one not valid yet', () => {
    expect(refusal(hs256Token({ exp: NOW - 60 }))).toEqual(
      unauthenticated('the token has expired; sign in again'),
    );
    const { exp: _exp, ...noExpiry } = claims();
    expect(refusal(handMade({ alg: 'HS256' }, noExpiry))).toEqual(unauthenticated('the token has no expiry'));
    expect(refusal(hs256Token({ nbf: NOW + 600 }))).toEqual(unauthenticated('the token is not valid yet'));
  });

  it('refuses claims jsonwebtoken cannot read, saying what it found', () => {
    expect(refusal(hs256Token({ exp: 'tomorrow' }))).toEqual(
      unauthenticated('the token is malformed (invalid exp value)'),
    );
    expect(refusal(hs256Token({ nbf: 'now' }))).toEqual(
      unauthenticated('the token is malformed (invalid nbf value)'),
    );
  });

  it('refuses a token for another issuer or audience', () => {
    expect(refusal(hs256Token({ iss: 'someone-else' }))).toEqual(
      unauthenticated('the token is not for this service (jwt issuer invalid. expected: redcrowd)'),
    );
    expect(refusal(hs256Token({ aud: 'another-api' }))).toEqual(
      unauthenticated('the token is not for this service (jwt audience invalid. expected: redcrowd-api)'),
    );
    expect(refusal(handMade({ alg: 'HS256' }, 'not a claims object'))).toEqual(
      unauthenticated('the token is not for this service (jwt audience invalid. expected: redcrowd-api)'),
    );
  });

  it.each([
    ['an unknown role', { role: 'superuser' }, 'role must be one of coordinator, unit, community, admin'],
    ['no subject', { sub: undefined }, 'sub must be an identifier'],
    ['a subject starting with a dash', { sub: '-root' }, 'sub must be an identifier'],
    ['a subject with a space', { sub: 'root admin' }, 'sub must be an identifier'],
    ['a subject of 129 characters', { sub: 'a'.repeat(129) }, 'sub must be an identifier'],
    ['an empty name', { name: ' ' }, 'name must be non-empty text'],
    ['a name that is not text', { name: 7 }, 'name must be non-empty text'],
    ['a name of 201 characters', { name: '名'.repeat(201) }, 'name must be non-empty text'],
    ['a coordinator without alliance', { alliance: undefined }, 'a coordinator token must name its alliance'],
    ['an alliance that is no identifier', { alliance: 'a/b' }, 'a coordinator token must name its alliance'],
    ['a unit without unit', { role: 'unit' }, 'a unit token must name its unit'],
    [
      'a unit whose unit is no identifier',
      { role: 'unit', unit: 'unit 1' },
      'a unit token must name its unit',
    ],
    ['a community without community', { role: 'community' }, 'a community token must name its community'],
    ['a coordinator naming a unit', { unit: 'unit-1' }, 'a coordinator token names no unit'],
    [
      'a community naming a unit',
      { role: 'community', community: 'c-014', unit: 'u' },
      'a community token names no unit',
    ],
    ['a coordinator naming a community', { community: 'c-014' }, 'a coordinator token names no community'],
    [
      'a unit naming a community',
      { role: 'unit', unit: 'u1', community: 'c-014' },
      'a unit token names no community',
    ],
    ['an admin naming an alliance', { role: 'admin' }, 'an admin token names no alliance, unit or community'],
    [
      'an admin naming a unit',
      { role: 'admin', alliance: undefined, unit: 'u1' },
      'an admin token names no alliance, unit or community',
    ],
    [
      'an admin naming a community',
      { role: 'admin', alliance: undefined, community: 'c-014' },
      'an admin token names no alliance, unit or community',
    ],
  ])('refuses %s', (_label, overrides, problem) => {
    expect(refusal(hs256Token(overrides))).toEqual(unusable(problem));
  });

  it('accepts the longest subject and name it allows', () => {
    const principal = verifyToken(
      hs256Token({ sub: `a${'.:_-'.repeat(31)}bcd`, name: '名'.repeat(200) }),
      settings,
    );
    expect(principal.subject).toHaveLength(128);
    expect(principal.name).toHaveLength(200);
  });
});

describe('signToken', () => {
  it('refuses to sign claims that would not verify', () => {
    expect(() => signToken({ ...coordinator, role: 'unit' }, settings, 60)).toThrow(
      new Error('cannot sign a token: a unit token must name its unit'),
    );
  });

  it('writes the scope claims only when given', () => {
    const body = (who: Parameters<typeof signToken>[0]) =>
      jwt.decode(signToken(who, settings, 60)) as jwt.JwtPayload;
    expect(body({ ...coordinator, allianceName: '联盟' })).toMatchObject({
      alliance: ALLIANCE,
      alliance_name: '联盟',
    });
    expect(body({ ...coordinator, role: 'unit', unitId: 'unit-kongkong' })).toMatchObject({
      alliance: ALLIANCE,
      unit: 'unit-kongkong',
    });
    const community = body({ ...coordinator, role: 'community', communityId: 'c-014' });
    expect(community.community).toBe('c-014');
    expect(Object.keys(community).sort()).toEqual([
      'alliance',
      'aud',
      'community',
      'exp',
      'iat',
      'iss',
      'name',
      'role',
      'sub',
    ]);
    expect(Object.keys(body({ subject: 'root', role: 'admin', name: '管理员' })).sort()).toEqual([
      'aud',
      'exp',
      'iat',
      'iss',
      'name',
      'role',
      'sub',
    ]);
  });
});

describe('assertUsableSecret', () => {
  it('asks for at least 32 bytes, counted in UTF-8', () => {
    expect(() => assertUsableSecret('s'.repeat(31))).toThrow(
      new Error('the token secret must be at least 32 bytes'),
    );
    expect(() => assertUsableSecret('s'.repeat(32))).not.toThrow();
    // Eleven three-byte characters are 33 bytes, though only 11 characters.
    expect(() => assertUsableSecret('联'.repeat(11))).not.toThrow();
    expect(() => signToken(coordinator, { ...settings, secret: 'short' }, 60)).toThrow(/32 bytes/);
  });
});

describe('bearerToken', () => {
  it('reads the token from a Bearer header, around surrounding blanks', () => {
    expect(bearerToken('Bearer a.b.c')).toBe('a.b.c');
    expect(bearerToken('  Bearer eyJhbGci.eyJzdWIi.c2lnbmF0dXJl \t')).toBe('eyJhbGci.eyJzdWIi.c2lnbmF0dXJl');
    // An unsigned token passes here; verifyToken then refuses its algorithm.
    expect(bearerToken('Bearer ab.cd.')).toBe('ab.cd.');
  });

  it('asks for a sign-in when there is no header', () => {
    const expected = { kind: 'unauthenticated', message: 'sign in: send Authorization: Bearer <token>' };
    expect(refusalOf(() => bearerToken(undefined))).toEqual(expected);
    expect(refusalOf(() => bearerToken(''))).toEqual(expected);
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
  ])('refuses %p as not a Bearer token', (header) => {
    expect(refusalOf(() => bearerToken(header))).toEqual({
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
