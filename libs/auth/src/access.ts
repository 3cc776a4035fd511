import { AuthError } from './auth.errors';
import type { Principal, Role } from './principal';

/**
 * A route's rule: public (no token), or the roles that may call it. A route without a rule
 * is closed to everyone (deny by default), so forgetting a rule fails safe.
 */
export type AccessRule = { public: true } | { roles: readonly Role[] };

/** Decides a request before it reaches the handler; throws AuthError when refused. */
export async function authorize(
  rule: AccessRule | undefined,
  principal: () => Promise<Principal | undefined>,
  route: string,
): Promise<Principal | undefined> {
  if (rule && 'public' in rule) return undefined;
  const who = await principal(); // throws unauthenticated when there is no valid token
  if (!who) throw new AuthError('unauthenticated', 'sign in: send Authorization: Bearer <token>');
  if (!rule) throw new AuthError('forbidden', `${route} has no access rule, so it is closed`);
  if (!rule.roles.includes(who.role)) {
    throw new AuthError('forbidden', `${route} is for ${rule.roles.join(' or ')}, not ${who.role}`);
  }
  return who;
}

/**
 * The alliance a request acts in. Everyone but admin acts in the token's alliance; naming
 * another one (in a path or query) is answered as if it did not exist. Admin must name one.
 */
export function allianceOf(principal: Principal, named?: string): string {
  if (principal.allianceId === null) {
    if (!named) throw new AuthError('forbidden', 'an admin must name the alliance (allianceId)');
    return named;
  }
  if (named !== undefined && named !== principal.allianceId) {
    throw new AuthError('not-found', `no alliance ${named}`);
  }
  return principal.allianceId;
}

/** A thing of another alliance is answered 404, the same as one that does not exist. */
export function assertSameAlliance(
  principal: Principal,
  ownerAllianceId: string | undefined,
  what: string,
): void {
  if (ownerAllianceId === undefined) throw new AuthError('not-found', `no ${what}`);
  if (principal.allianceId !== null && principal.allianceId !== ownerAllianceId) {
    throw new AuthError('not-found', `no ${what}`);
  }
}

/** What a submitted list says about who it is from (the parsed list, not the URL). */
export interface ListAuthorship {
  kind: 'resource' | 'demand';
  allianceId: string;
  submitter: { kind: 'unit' | 'community'; id: string };
}

/**
 * Who may submit a list: a unit its own lists (resources, and demands: units claim each
 * other's lists too), a community its own demand lists, a coordinator any list of the
 * alliance (the 联席会 often types in members' Excel sheets), an admin any list.
 */
export function assertMayWriteList(principal: Principal, list: ListAuthorship): void {
  if (principal.role === 'admin') return;
  if (list.allianceId !== principal.allianceId) {
    throw new AuthError(
      'forbidden',
      `your sign-in is for alliance ${principal.allianceId}; this list names alliance ${list.allianceId}`,
    );
  }
  if (principal.role === 'coordinator') return;
  const self =
    principal.role === 'unit'
      ? { kind: 'unit', id: principal.unitId }
      : { kind: 'community', id: principal.communityId };
  if (principal.role === 'community' && list.kind === 'resource') {
    throw new AuthError('forbidden', 'communities submit demand lists; resource lists come from units');
  }
  if (list.submitter.kind !== self.kind || list.submitter.id !== self.id) {
    throw new AuthError(
      'forbidden',
      `you sign in as ${self.kind} ${self.id}; this list is from ${list.submitter.kind} ${list.submitter.id}`,
    );
  }
}
