import {
  allianceOf,
  assertMayWriteList,
  assertSameAlliance,
  authorize,
  type AccessRule,
  type ListAuthorship,
} from './access';
import { AuthError, type AuthErrorKind } from './auth.errors';
import type { Principal } from './principal';

const coordinator: Principal = {
  subject: 'c1',
  role: 'coordinator',
  name: '联席会',
  allianceId: 'alliance-a',
  expiresAt: new Date(Date.now() + 60_000),
};
const unit: Principal = { ...coordinator, subject: 'u1', role: 'unit', unitId: 'unit-1' };
const admin: Principal = { ...coordinator, subject: 'root', role: 'admin', allianceId: null };

function kindOf(action: () => unknown): AuthErrorKind {
  try {
    action();
  } catch (error) {
    if (error instanceof AuthError) return error.kind;
    throw error;
  }
  throw new Error('nothing was refused');
}

const noToken = () => {
  throw new AuthError('unauthenticated', 'no token');
};

describe('authorize', () => {
  const coordinators: AccessRule = { roles: ['coordinator', 'admin'] };

  it('lets a public route through without asking for a token', () => {
    expect(authorize({ public: true }, noToken, 'GET /health')).toBeUndefined();
  });

  it('closes a route without a rule to everyone, admin included (deny by default)', () => {
    expect(kindOf(() => authorize(undefined, () => admin, 'GET /new'))).toBe('forbidden');
    expect(kindOf(() => authorize(undefined, () => coordinator, 'GET /new'))).toBe('forbidden');
  });

  it('asks for a token before saying a route is closed', () => {
    expect(kindOf(() => authorize(undefined, noToken, 'GET /new'))).toBe('unauthenticated');
    expect(kindOf(() => authorize(coordinators, () => undefined, 'GET /projects'))).toBe('unauthenticated');
  });

  it('refuses a role the rule does not name', () => {
    expect(kindOf(() => authorize(coordinators, () => unit, 'POST /projects/x/approve'))).toBe('forbidden');
    expect(authorize(coordinators, () => coordinator, 'POST /projects/x/approve')).toBe(coordinator);
  });
});

describe('allianceOf', () => {
  it("is the token's alliance, and another named alliance is not found", () => {
    expect(allianceOf(coordinator)).toBe('alliance-a');
    expect(allianceOf(coordinator, 'alliance-a')).toBe('alliance-a');
    expect(kindOf(() => allianceOf(coordinator, 'alliance-b'))).toBe('not-found');
  });

  it('must be named by an admin', () => {
    expect(allianceOf(admin, 'alliance-b')).toBe('alliance-b');
    expect(kindOf(() => allianceOf(admin))).toBe('forbidden');
  });
});

describe('assertSameAlliance', () => {
  it("answers another alliance's thing as not found, and lets admin see any", () => {
    expect(() => assertSameAlliance(coordinator, 'alliance-a', 'project p')).not.toThrow();
    expect(kindOf(() => assertSameAlliance(coordinator, 'alliance-b', 'project p'))).toBe('not-found');
    expect(kindOf(() => assertSameAlliance(coordinator, undefined, 'project p'))).toBe('not-found');
    expect(() => assertSameAlliance(admin, 'alliance-b', 'project p')).not.toThrow();
  });
});

describe('assertMayWriteList', () => {
  const community: Principal = { ...coordinator, subject: 'c014', role: 'community', communityId: 'c-014' };
  const list = (overrides: Partial<ListAuthorship> = {}): ListAuthorship => ({
    kind: 'resource',
    allianceId: 'alliance-a',
    submitter: { kind: 'unit', id: 'unit-1' },
    ...overrides,
  });

  it('lets a unit submit its own resource and demand lists, and no other unit’s', () => {
    expect(() => assertMayWriteList(unit, list())).not.toThrow();
    expect(() => assertMayWriteList(unit, list({ kind: 'demand' }))).not.toThrow();
    expect(kindOf(() => assertMayWriteList(unit, list({ submitter: { kind: 'unit', id: 'unit-2' } })))).toBe(
      'forbidden',
    );
  });

  it('lets a community submit its own demand lists only', () => {
    const own = list({ kind: 'demand', submitter: { kind: 'community', id: 'c-014' } });
    expect(() => assertMayWriteList(community, own)).not.toThrow();
    expect(kindOf(() => assertMayWriteList(community, { ...own, kind: 'resource' }))).toBe('forbidden');
    expect(
      kindOf(() => assertMayWriteList(community, { ...own, submitter: { kind: 'community', id: 'c-015' } })),
    ).toBe('forbidden');
  });

  it('lets a coordinator submit for any member of the alliance, never for another alliance', () => {
    expect(() =>
      assertMayWriteList(coordinator, list({ submitter: { kind: 'unit', id: 'x' } })),
    ).not.toThrow();
    expect(kindOf(() => assertMayWriteList(coordinator, list({ allianceId: 'alliance-b' })))).toBe(
      'forbidden',
    );
    expect(kindOf(() => assertMayWriteList(unit, list({ allianceId: 'alliance-b' })))).toBe('forbidden');
    expect(() => assertMayWriteList(admin, list({ allianceId: 'alliance-b' }))).not.toThrow();
  });
});
