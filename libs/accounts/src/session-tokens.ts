import type { TokenSubject } from '@redcrowd/auth';
import type { AccountRow, MembershipRow } from '@redcrowd/persistence';

/** What a successful sign-in, refresh or link acceptance answers. */
export interface SessionTokens {
  tokenType: 'Bearer';
  accessToken: string;
  /** Seconds the access token is valid. */
  expiresIn: number;
  /** Good for one refresh; the answer to that refresh carries the next one. */
  refreshToken: string;
  sessionId: string;
  account: { id: string; login: string; displayName: string };
  /** The membership this session acts in. */
  membership: MembershipView;
  /** Every membership of the account, to switch between. */
  memberships: MembershipView[];
}

export interface MembershipView {
  id: string;
  role: MembershipRow['role'];
  allianceId: string | null;
  unitId: string | null;
  communityId: string | null;
  name: string | null;
}

export function membershipView(row: MembershipRow): MembershipView {
  return {
    id: row.id,
    role: row.role,
    allianceId: row.allianceId,
    unitId: row.unitId,
    communityId: row.communityId,
    name: row.name,
  };
}

/** The token subject of an account acting in one of its memberships. */
export function subjectOf(
  account: Pick<AccountRow, 'id' | 'displayName'>,
  membership: MembershipRow,
): TokenSubject {
  return {
    subject: account.id,
    role: membership.role,
    name: account.displayName,
    ...(membership.allianceId ? { allianceId: membership.allianceId } : {}),
    ...(membership.unitId ? { unitId: membership.unitId } : {}),
    ...(membership.communityId ? { communityId: membership.communityId } : {}),
  };
}
