import { randomUUID } from 'node:crypto';
import {
  AccountRepository,
  SessionRepository,
  type AccountRow,
  type MembershipRow,
  type Tx,
} from '@redcrowd/persistence';
import { AccountError, signInFailed } from './account-error';
import { readLogin } from './login';
import { passwordMatches } from './passwords';
import { decideRefresh } from './refresh';
import { hashSecret, newSecret } from './secrets';
import { membershipView, subjectOf, type SessionTokens } from './session-tokens';
import type { TokenKeys } from './token-keys';

export interface AccountsStore {
  run<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

export interface SessionPolicy {
  /** A session's absolute lifetime; refreshing never extends it. */
  sessionTtlSeconds: number;
  accessTokenTtlSeconds: number;
}

export interface ClientInfo {
  userAgent?: string | null;
  address?: string | null;
}

/**
 * Signing in and keeping signed in: password sign-in opens a session; each refresh rotates
 * its refresh token; a refresh token used twice ends the session (someone copied it);
 * signing out ends it. Access tokens are short-lived and carry the session id (`sid`).
 */
export class SignInService {
  private readonly accounts = new AccountRepository();
  private readonly sessions = new SessionRepository();

  constructor(
    private readonly store: AccountsStore,
    private readonly keys: TokenKeys,
    private readonly policy: SessionPolicy,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async signIn(
    request: { login: string; password: string; membershipId?: string },
    client: ClientInfo = {},
  ): Promise<SessionTokens> {
    const reading = readLogin(request.login);
    const account =
      'login' in reading ? await this.store.run((tx) => this.accounts.byLogin(tx, reading.login)) : undefined;
    // Hash work happens whether or not the account exists, so timing tells nothing either.
    const matches = await passwordMatches(request.password, account?.passwordHash ?? null);
    if (!account || !matches) {
      if (account)
        await this.store.run((tx) => this.accounts.audit(tx, account.id, account.id, 'sign-in-failed'));
      throw signInFailed();
    }
    if (account.status !== 'active') {
      throw new AccountError('sign-in-failed', 'this account is disabled; ask your alliance coordinator');
    }
    return this.store.run(async (tx) => {
      const tokens = await this.openSession(tx, account, request.membershipId, client);
      await this.accounts.audit(tx, account.id, account.id, 'signed-in', {
        sessionId: tokens.sessionId,
        membershipId: tokens.membership.id,
      });
      return tokens;
    });
  }

  /** Exchanges a refresh token for a new pair, optionally acting in another membership. */
  async refresh(refreshToken: string, membershipId?: string): Promise<SessionTokens> {
    const outcome = await this.store.run(
      async (tx): Promise<{ ended: string } | { tokens: SessionTokens }> => {
        const found = await this.sessions.lockRefreshToken(tx, hashSecret(refreshToken));
        const now = this.now();
        const decision = decideRefresh(found, now);
        if (decision.kind === 'reused') {
          await this.sessions.revoke(tx, found!.sessionId, 'refresh-reused', now);
          await this.accounts.audit(tx, found!.accountId, found!.accountId, 'session-revoked', {
            sessionId: found!.sessionId,
            reason: 'refresh-reused',
          });
          return { ended: 'this sign-in was ended because its refresh token was used twice; sign in again' };
        }
        if (decision.kind === 'ended') {
          if (decision.revoke) await this.sessions.revoke(tx, found!.sessionId, decision.why, now);
          return { ended: `this sign-in has ended (${decision.why}); sign in again` };
        }
        const { sessionId, accountId } = found!;
        const account = (await this.accounts.byId(tx, accountId))!;
        const memberships = await this.accounts.memberships(tx, accountId);
        const membership = chooseMembership(memberships, membershipId ?? found!.membershipId);
        await this.sessions.markUsed(tx, hashSecret(refreshToken), now);
        await this.sessions.touch(tx, sessionId, now, membership.id);
        return { tokens: await this.issue(tx, account, membership, memberships, sessionId) };
      },
    );
    // Thrown after the transaction, so a revocation for reuse is committed, not rolled back.
    if ('ended' in outcome) throw new AccountError('session-ended', outcome.ended);
    return outcome.tokens;
  }

  /** Ends the session of a refresh token. Unknown or ended tokens are answered the same. */
  async signOut(refreshToken: string): Promise<void> {
    await this.store.run(async (tx) => {
      const found = await this.sessions.lockRefreshToken(tx, hashSecret(refreshToken));
      if (!found || found.sessionRevokedAt) return;
      await this.sessions.revoke(tx, found.sessionId, 'signed-out', this.now());
      await this.accounts.audit(tx, found.accountId, found.accountId, 'signed-out', {
        sessionId: found.sessionId,
      });
    });
  }

  /**
   * Opens a session, in the caller's transaction, for an account that has just proved itself
   * (its password, or a setup or invite link), acting in `membershipId` or its first membership.
   */
  async openSession(
    tx: Tx,
    account: AccountRow,
    membershipId: string | undefined,
    client: ClientInfo,
  ): Promise<SessionTokens> {
    const memberships = await this.accounts.memberships(tx, account.id);
    const membership = chooseMembership(memberships, membershipId);
    const sessionId = randomUUID();
    const now = this.now();
    await this.sessions.create(
      tx,
      {
        id: sessionId,
        accountId: account.id,
        membershipId: membership.id,
        expiresAt: new Date(now.getTime() + this.policy.sessionTtlSeconds * 1000),
        userAgent: client.userAgent?.slice(0, 300) ?? null,
        address: client.address ?? null,
      },
      now,
    );
    return this.issue(tx, account, membership, memberships, sessionId);
  }

  private async issue(
    tx: Tx,
    account: AccountRow,
    membership: MembershipRow,
    memberships: MembershipRow[],
    sessionId: string,
  ): Promise<SessionTokens> {
    const refresh = newSecret();
    await this.sessions.addRefreshToken(tx, sessionId, refresh.hash, this.now());
    return {
      tokenType: 'Bearer',
      accessToken: await this.keys.sign(subjectOf(account, membership), { sessionId }),
      expiresIn: this.policy.accessTokenTtlSeconds,
      refreshToken: refresh.secret,
      sessionId,
      account: { id: account.id, login: account.login, displayName: account.displayName },
      membership: membershipView(membership),
      memberships: memberships.map(membershipView),
    };
  }
}

/** The membership asked for, else the first; an account without any cannot sign in. */
function chooseMembership(memberships: MembershipRow[], membershipId: string | undefined): MembershipRow {
  if (memberships.length === 0) {
    throw new AccountError('forbidden', 'this account has no membership yet; ask your alliance coordinator');
  }
  if (membershipId === undefined) return memberships[0]!;
  const chosen = memberships.find((membership) => membership.id === membershipId);
  if (!chosen) {
    throw new AccountError('invalid-request', `this account holds no membership ${membershipId}`, {
      field: 'membershipId',
    });
  }
  return chosen;
}
