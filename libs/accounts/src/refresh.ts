/** What the store knows of a presented refresh token and its session. */
export interface RefreshTokenState {
  usedAt: Date | null;
  sessionRevokedAt: Date | null;
  sessionExpiresAt: Date;
  accountStatus: string;
}

export type RefreshDecision =
  /** Issue a new pair and mark this token used. */
  | { kind: 'rotate' }
  /** The token was used before: whoever holds the newer one may be a thief. Revoke the session. */
  | { kind: 'reused' }
  /** Refuse; the session ended (`revoke`: and end it now, as its account is disabled). */
  | { kind: 'ended'; why: 'unknown' | 'revoked' | 'expired' | 'account-disabled'; revoke: boolean };

/**
 * Refresh-token rotation with reuse detection (OAuth 2.0 Security BCP §4.14): every refresh
 * token is good once; presenting a used one revokes its whole family (the session).
 */
export function decideRefresh(state: RefreshTokenState | undefined, now: Date): RefreshDecision {
  if (!state) return { kind: 'ended', why: 'unknown', revoke: false };
  if (state.sessionRevokedAt !== null) return { kind: 'ended', why: 'revoked', revoke: false };
  if (state.usedAt !== null) return { kind: 'reused' };
  if (state.sessionExpiresAt.getTime() <= now.getTime())
    return { kind: 'ended', why: 'expired', revoke: false };
  if (state.accountStatus !== 'active') return { kind: 'ended', why: 'account-disabled', revoke: true };
  return { kind: 'rotate' };
}

/** A one-time link as stored, for deciding whether it still works. */
export interface LinkState {
  usedAt: Date | null;
  expiresAt: Date;
}

/** Why a one-time link no longer works, or null when it does. */
export function linkProblem(link: LinkState | undefined, now: Date): string | null {
  if (!link) return 'this link is not valid; ask for a new one';
  if (link.usedAt !== null) return 'this link has been used already; ask for a new one';
  if (link.expiresAt.getTime() <= now.getTime()) return 'this link has expired; ask for a new one';
  return null;
}
