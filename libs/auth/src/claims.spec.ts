import { claimsOf, principalOf } from './claims';

const ALLIANCE = 'luoyang-xigong-manglinglu';
const EXP = 1_900_000_000;
const claims = (overrides: Record<string, unknown> = {}) => ({
  sub: 'coordinator-manglinglu',
  role: 'coordinator',
  name: '邙岭路街道联席会',
  alliance: ALLIANCE,
  exp: EXP,
  ...overrides,
});

describe('principalOf', () => {
  it('reads exactly a coordinator from its claims, with its expiry', () => {
    expect(principalOf(claims())).toStrictEqual({
      subject: 'coordinator-manglinglu',
      role: 'coordinator',
      name: '邙岭路街道联席会',
      allianceId: ALLIANCE,
      expiresAt: new Date(EXP * 1000),
    });
  });

  it('gives a unit exactly its alliance and unit, and a community exactly its alliance and community', () => {
    expect(principalOf(claims({ sub: 'u1', role: 'unit', unit: 'unit-kongkong' }))).toStrictEqual({
      subject: 'u1',
      role: 'unit',
      name: '邙岭路街道联席会',
      allianceId: ALLIANCE,
      unitId: 'unit-kongkong',
      expiresAt: new Date(EXP * 1000),
    });
    expect(
      principalOf(claims({ sub: 'c014', role: 'community', name: '014中心社区', community: 'c-014' })),
    ).toStrictEqual({
      subject: 'c014',
      role: 'community',
      name: '014中心社区',
      allianceId: ALLIANCE,
      communityId: 'c-014',
      expiresAt: new Date(EXP * 1000),
    });
  });

  it('gives an admin no alliance, and ignores an alliance name it carries', () => {
    expect(
      principalOf(claims({ sub: 'root', role: 'admin', alliance: undefined, alliance_name: '某联盟' })),
    ).toStrictEqual({
      subject: 'root',
      role: 'admin',
      name: '邙岭路街道联席会',
      allianceId: null,
      expiresAt: new Date(EXP * 1000),
    });
  });

  it('treats a null scope claim as absent', () => {
    const admin = principalOf(
      claims({ sub: 'root', role: 'admin', alliance: null, unit: null, community: null }),
    );
    expect(admin).toMatchObject({ role: 'admin', allianceId: null });
  });

  it("carries the alliance's display name cut to 200 characters, and the session id when text", () => {
    expect(principalOf(claims({ alliance_name: '盟'.repeat(250) }))).toMatchObject({
      allianceName: '盟'.repeat(200),
    });
    expect(principalOf(claims({ alliance_name: 42 }))).not.toHaveProperty('allianceName');
    expect(principalOf(claims({ sid: 'session-1' }))).toMatchObject({ sessionId: 'session-1' });
    expect(principalOf(claims({ sid: 7 }))).not.toHaveProperty('sessionId');
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
    expect(principalOf(claims(overrides))).toBe(problem);
  });

  it('accepts the longest subject and name it allows', () => {
    const principal = principalOf(claims({ sub: `a${'.:_-'.repeat(31)}bcd`, name: '名'.repeat(200) }));
    expect(principal).toMatchObject({ subject: expect.stringMatching(/^.{128}$/), name: '名'.repeat(200) });
  });
});

describe('claimsOf', () => {
  const coordinator = { subject: 'c', role: 'coordinator' as const, name: '联席会', allianceId: ALLIANCE };

  it('writes the scope claims only when given', () => {
    expect(claimsOf({ ...coordinator, allianceName: '联盟' })).toStrictEqual({
      role: 'coordinator',
      name: '联席会',
      alliance: ALLIANCE,
      alliance_name: '联盟',
    });
    expect(claimsOf({ ...coordinator, role: 'unit', unitId: 'unit-kongkong' })).toStrictEqual({
      role: 'unit',
      name: '联席会',
      alliance: ALLIANCE,
      unit: 'unit-kongkong',
    });
    expect(claimsOf({ ...coordinator, role: 'community', communityId: 'c-014' })).toStrictEqual({
      role: 'community',
      name: '联席会',
      alliance: ALLIANCE,
      community: 'c-014',
    });
    expect(claimsOf({ subject: 'root', role: 'admin', name: '管理员', allianceId: null })).toStrictEqual({
      role: 'admin',
      name: '管理员',
    });
  });
});
