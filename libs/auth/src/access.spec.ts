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

/** The refusal an action ends in: its kind (the HTTP status) and the message the caller reads. */
async function refusalOf(action: () => unknown): Promise<{ kind: AuthErrorKind; message: string }> {
  try {
    await action();
  } catch (error) {
    if (error instanceof AuthError) return { kind: error.kind, message: error.message };
    throw error;
  }
  throw new Error('nothing was refused');
}
const forbidden = (message: string) => ({ kind: 'forbidden', message });
const notFound = (message: string) => ({ kind: 'not-found', message });

const noToken = () => Promise.reject(new AuthError('unauthenticated', 'no token'));
const signedIn = (who: Principal | undefined) => () => Promise.resolve(who);

describe('authorize', () => {
  const coordinators: AccessRule = { roles: ['coordinator', 'admin'] };

  it('lets a public route through without asking for a token', async () => {
    expect(await authorize({ public: true }, noToken, 'GET /health')).toBeUndefined();
  });

  it('closes a route without a rule to everyone, admin included (deny by default)', async () => {
    const closed = forbidden('GET /new has no access rule, so it is closed');
    expect(await refusalOf(() => authorize(undefined, signedIn(admin), 'GET /new'))).toEqual(closed);
    expect(await refusalOf(() => authorize(undefined, signedIn(coordinator), 'GET /new'))).toEqual(closed);
  });

  it('asks for a token before saying a route is closed', async () => {
    expect(await refusalOf(() => authorize(undefined, noToken, 'GET /new'))).toEqual({
      kind: 'unauthenticated',
      message: 'no token',
    });
    expect(await refusalOf(() => authorize(coordinators, signedIn(undefined), 'GET /projects'))).toEqual({
      kind: 'unauthenticated',
      message: 'sign in: send Authorization: Bearer <token>',
    });
  });

  it('refuses a role the rule does not name, saying who may', async () => {
    expect(
      await refusalOf(() => authorize(coordinators, signedIn(unit), 'POST /projects/x/approve')),
    ).toEqual(forbidden('POST /projects/x/approve is for coordinator or admin, not unit'));
    expect(await authorize(coordinators, signedIn(coordinator), 'POST /projects/x/approve')).toBe(
      coordinator,
    );
    expect(await authorize(coordinators, signedIn(admin), 'POST /projects/x/approve')).toBe(admin);
  });
});

describe('allianceOf', () => {
  it("is the token's alliance, and another named alliance is not found", async () => {
    expect(allianceOf(coordinator)).toBe('alliance-a');
    expect(allianceOf(coordinator, 'alliance-a')).toBe('alliance-a');
    expect(await refusalOf(() => allianceOf(coordinator, 'alliance-b'))).toEqual(
      notFound('no alliance alliance-b'),
    );
    // An empty name is still a name that is not the token's.
    expect(await refusalOf(() => allianceOf(coordinator, ''))).toEqual(notFound('no alliance '));
  });

  it('must be named by an admin', async () => {
    expect(allianceOf(admin, 'alliance-b')).toBe('alliance-b');
    const unnamed = forbidden('an admin must name the alliance (allianceId)');
    expect(await refusalOf(() => allianceOf(admin))).toEqual(unnamed);
    expect(await refusalOf(() => allianceOf(admin, ''))).toEqual(unnamed);
  });
});

describe('assertSameAlliance', () => {
  it("answers another alliance's thing as not found, and lets admin see any", async () => {
    expect(() => assertSameAlliance(coordinator, 'alliance-a', 'project p')).not.toThrow();
    expect(await refusalOf(() => assertSameAlliance(coordinator, 'alliance-b', 'project p'))).toEqual(
      notFound('no project p'),
    );
    expect(() => assertSameAlliance(admin, 'alliance-b', 'project p')).not.toThrow();
  });

  it('answers a thing that does not exist as not found, for admin too', async () => {
    expect(await refusalOf(() => assertSameAlliance(coordinator, undefined, 'offer o'))).toEqual(
      notFound('no offer o'),
    );
    expect(await refusalOf(() => assertSameAlliance(admin, undefined, 'offer o'))).toEqual(
      notFound('no offer o'),
    );
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

  it('lets a unit submit its own resource and demand lists, and no other unit’s', async () => {
    expect(() => assertMayWriteList(unit, list())).not.toThrow();
    expect(() => assertMayWriteList(unit, list({ kind: 'demand' }))).not.toThrow();
    expect(
      await refusalOf(() => assertMayWriteList(unit, list({ submitter: { kind: 'unit', id: 'unit-2' } }))),
    ).toEqual(forbidden('you sign in as unit unit-1; this list is from unit unit-2'));
  });

  it('refuses a unit a list of a community that happens to share its id', async () => {
    const namesake = list({ kind: 'demand', submitter: { kind: 'community', id: 'unit-1' } });
    expect(await refusalOf(() => assertMayWriteList(unit, namesake))).toEqual(
      forbidden('you sign in as unit unit-1; this list is from community unit-1'),
    );
  });

  it('lets a community submit its own demand lists only', async () => {
    const own = list({ kind: 'demand', submitter: { kind: 'community', id: 'c-014' } });
    expect(() => assertMayWriteList(community, own)).not.toThrow();
    expect(await refusalOf(() => assertMayWriteList(community, { ...own, kind: 'resource' }))).toEqual(
      forbidden('communities submit demand lists; resource lists come from units'),
    );
    expect(
      await refusalOf(() =>
        assertMayWriteList(community, { ...own, submitter: { kind: 'community', id: 'c-015' } }),
      ),
    ).toEqual(forbidden('you sign in as community c-014; this list is from community c-015'));
  });

  it('lets a coordinator submit for any member of the alliance, never for another alliance', async () => {
    expect(() =>
      assertMayWriteList(coordinator, list({ submitter: { kind: 'unit', id: 'x' } })),
    ).not.toThrow();
    expect(() =>
      assertMayWriteList(
        coordinator,
        list({ kind: 'demand', submitter: { kind: 'community', id: 'c-014' } }),
      ),
    ).not.toThrow();
    const otherAlliance = forbidden(
      'your sign-in is for alliance alliance-a; this list names alliance alliance-b',
    );
    expect(
      await refusalOf(() => assertMayWriteList(coordinator, list({ allianceId: 'alliance-b' }))),
    ).toEqual(otherAlliance);
    expect(await refusalOf(() => assertMayWriteList(unit, list({ allianceId: 'alliance-b' })))).toEqual(
      otherAlliance,
    );
    expect(() => assertMayWriteList(admin, list({ allianceId: 'alliance-b' }))).not.toThrow();
  });
});
