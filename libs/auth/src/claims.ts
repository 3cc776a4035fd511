import { ROLES, type Principal, type Role } from './principal';

/** Who a token is for: the person, the role they act in and its scope. */
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

/** The JWT claims a subject is written as (scope claims only when the role has them). */
export function claimsOf(who: TokenSubject): Record<string, string> {
  return {
    role: who.role,
    name: who.name,
    ...(who.allianceId ? { alliance: who.allianceId } : {}),
    ...(who.allianceName ? { alliance_name: who.allianceName } : {}),
    ...(who.unitId ? { unit: who.unitId } : {}),
    ...(who.communityId ? { community: who.communityId } : {}),
  };
}

/** A verified payload's principal, or the problem that makes its claims unusable. */
export function principalOf(
  payload: Record<string, unknown> & { sub?: string; exp?: number },
): Principal | string {
  const problem = claimProblem({
    sub: payload.sub,
    role: payload.role,
    name: payload.name,
    allianceId: payload.alliance,
    unitId: payload.unit,
    communityId: payload.community,
  });
  if (problem) return problem;
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
    ...(typeof payload.sid === 'string' ? { sessionId: payload.sid } : {}),
    expiresAt: new Date(payload.exp! * 1000),
  };
}

/** What makes a set of claims unusable, or null. Each role carries exactly its own scope. */
export function claimProblem(claims: {
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
  return scopeProblem(claims.role as Role, claims, 'token');
}

/**
 * What is wrong with a role's scope, or null: each role names exactly its own alliance, unit
 * or community. `noun` says what is being checked ("token", "membership").
 */
export function scopeProblem(
  role: Role,
  scope: { allianceId?: unknown; unitId?: unknown; communityId?: unknown },
  noun: string,
): string | null {
  const present = (value: unknown) => value !== undefined && value !== null;
  const identifier = (value: unknown) => typeof value === 'string' && IDENTIFIER.test(value);
  if (role === 'admin') {
    return present(scope.allianceId) || present(scope.unitId) || present(scope.communityId)
      ? `an admin ${noun} names no alliance, unit or community`
      : null;
  }
  if (!identifier(scope.allianceId)) return `a ${role} ${noun} must name its alliance`;
  if (role === 'unit' && !identifier(scope.unitId)) return `a unit ${noun} must name its unit`;
  if (role !== 'unit' && present(scope.unitId)) return `a ${role} ${noun} names no unit`;
  if (role === 'community' && !identifier(scope.communityId)) {
    return `a community ${noun} must name its community`;
  }
  if (role !== 'community' && present(scope.communityId)) return `a ${role} ${noun} names no community`;
  return null;
}
