import { randomUUID } from 'node:crypto';
import { scopeProblem, type Principal } from '@redcrowd/auth';
import {
  AccountLinkRepository,
  AccountRepository,
  RosterRepository,
  SessionRepository,
  type AccountRow,
  type AllianceMembershipRow,
  type NewMembership,
  type SessionRow,
} from '@redcrowd/persistence';
import { AccountError } from './account-error';
import { readLogin } from './login';
import { passwordProblem } from './password-policy';
import { hashPassword, passwordMatches } from './passwords';
import { linkProblem } from './refresh';
import { hashSecret, newSecret } from './secrets';
import { membershipView, type MembershipView, type SessionTokens } from './session-tokens';
import type { AccountsStore, ClientInfo, SignInService } from './sign-in.service';

export type MembershipGrant = Omit<NewMembership, 'id'>;

export interface AccountView {
  id: string;
  login: string;
  displayName: string;
  status: 'active' | 'disabled';
  hasPassword: boolean;
  memberships: MembershipView[];
}

export interface OneTimeLink {
  /** The secret, shown this once; the link is `<dashboard>#link=<secret>`. */
  secret: string;
  expiresAt: Date;
}

/** What a link's page shows before it is accepted. */
export interface LinkDescription {
  purpose: 'setup' | 'invite';
  role: NewMembership['role'];
  allianceId: string | null;
  unitId: string | null;
  communityId: string | null;
  /** For a setup link: the account it sets up. */
  account: { login: string; displayName: string } | null;
  /** For an invite: the unit's or community's name on the roster. */
  memberName: string | null;
  expiresAt: Date;
}

/** How long a first-admin setup link works. */
export const SETUP_LINK_TTL_SECONDS = 24 * 3600;

/**
 * Accounts as people manage them: an admin creates accounts (with a one-time setup link,
 * never a default password) and disables them; everyone reads their own account, changes
 * their password and ends their own sessions. Every change is audited.
 */
export class AccountAdministration {
  private readonly accounts = new AccountRepository();
  private readonly sessions = new SessionRepository();
  private readonly links = new AccountLinkRepository();
  private readonly roster = new RosterRepository();

  constructor(
    private readonly store: AccountsStore,
    private readonly signIn: SignInService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Creates an account with one membership and returns it with its setup link. */
  async createAccount(
    request: { login: string; displayName: string; membership: MembershipGrant },
    actor: string,
  ): Promise<{ account: AccountView; setupLink: OneTimeLink }> {
    const login = loginOf(request.login);
    const scope = scopeProblem(request.membership.role, request.membership, 'membership');
    if (scope) throw new AccountError('invalid-request', scope, { field: 'membership' });
    const displayName = request.displayName.trim();
    if (displayName === '')
      throw new AccountError('invalid-request', 'a display name is needed', { field: 'displayName' });
    return this.store.run(async (tx) => {
      const id = randomUUID();
      if (!(await this.accounts.create(tx, { id, login, displayName, passwordHash: null }))) {
        throw new AccountError('account-exists', `an account signs in as ${login} already`, {
          field: 'login',
        });
      }
      await this.accounts.addMembership(tx, id, { id: randomUUID(), ...request.membership }, actor);
      await this.accounts.audit(tx, id, actor, 'created', {
        login,
        displayName,
        membership: request.membership,
      });
      const link = newSecret();
      const expiresAt = new Date(this.now().getTime() + SETUP_LINK_TTL_SECONDS * 1000);
      await this.links.create(tx, {
        id: randomUUID(),
        tokenHash: link.hash,
        purpose: 'setup',
        accountId: id,
        ...request.membership,
        createdBy: actor,
        expiresAt,
      });
      const account = (await this.accounts.byId(tx, id))!;
      return { account: await this.viewOf(tx, account), setupLink: { secret: link.secret, expiresAt } };
    });
  }

  /**
   * A new one-time setup link for an existing account: the first one expired, or the person
   * forgot their password. Earlier unused setup links of the account stop working; using the
   * new one ends every session of the account.
   */
  async issueSetupLink(accountId: string, actor: string): Promise<OneTimeLink> {
    return this.store.run(async (tx) => {
      const account = await this.accounts.byId(tx, accountId, { lock: true });
      if (!account) throw new AccountError('account-not-found', `no account ${accountId}`);
      const [membership] = await this.accounts.memberships(tx, accountId);
      if (!membership) {
        throw new AccountError('forbidden', 'this account holds no membership; invite the person instead');
      }
      await this.links.expireSetupLinksOf(tx, accountId, this.now());
      const link = newSecret();
      const expiresAt = new Date(this.now().getTime() + SETUP_LINK_TTL_SECONDS * 1000);
      await this.links.create(tx, {
        id: randomUUID(),
        tokenHash: link.hash,
        purpose: 'setup',
        accountId,
        role: membership.role,
        allianceId: membership.allianceId,
        unitId: membership.unitId,
        communityId: membership.communityId,
        createdBy: actor,
        expiresAt,
      });
      await this.accounts.audit(tx, accountId, actor, 'setup-link-issued', { expiresAt });
      return { secret: link.secret, expiresAt };
    });
  }

  async list(): Promise<AccountView[]> {
    return this.store.run(async (tx) =>
      Promise.all((await this.accounts.list(tx)).map((account) => this.viewOf(tx, account))),
    );
  }

  /** Disables (every session ends at once) or re-enables an account. */
  async setStatus(accountId: string, status: 'active' | 'disabled', actor: string): Promise<AccountView> {
    return this.store.run(async (tx) => {
      const account = await this.accounts.byId(tx, accountId, { lock: true });
      if (!account) throw new AccountError('account-not-found', `no account ${accountId}`);
      if (account.status !== status) {
        await this.accounts.setStatus(tx, accountId, status);
        const ended =
          status === 'disabled'
            ? await this.sessions.revokeAll(tx, accountId, 'account-disabled', this.now())
            : 0;
        await this.accounts.audit(tx, accountId, actor, status === 'disabled' ? 'disabled' : 'enabled', {
          sessionsEnded: ended,
        });
      }
      return this.viewOf(tx, (await this.accounts.byId(tx, accountId))!);
    });
  }

  /** Who holds memberships in an alliance: the people its coordinators manage. */
  async membershipsOf(allianceId: string): Promise<AllianceMembershipRow[]> {
    return this.store.run((tx) => this.accounts.membershipsInAlliance(tx, allianceId));
  }

  /**
   * Ends a person's membership in an alliance (a unit's representative changed): their
   * sessions in it end, their other memberships stay. Nobody removes their own, so a
   * coordinator cannot lock themselves out by mistake.
   */
  async revokeMembership(allianceId: string, membershipId: string, actor: Principal): Promise<void> {
    await this.store.run(async (tx) => {
      const membership = await this.accounts.lockMembership(tx, membershipId);
      if (!membership || membership.allianceId !== allianceId) {
        throw new AccountError('not-found', `no membership ${membershipId} in alliance ${allianceId}`);
      }
      if (membership.accountId === actor.subject) {
        throw new AccountError('forbidden', 'you cannot remove your own membership; ask another coordinator');
      }
      await this.accounts.removeMembership(tx, membershipId);
      await this.accounts.audit(tx, membership.accountId, actor.subject, 'membership-revoked', {
        membershipId,
        role: membership.role,
        allianceId,
        unitId: membership.unitId,
        communityId: membership.communityId,
      });
    });
  }

  /**
   * The caller's own account, memberships and open sessions; none for a token no account
   * stands behind (npm start's demo links).
   */
  async me(principal: Principal): Promise<{ account: AccountView | null; sessions: Array<SessionView> }> {
    return this.store.run(async (tx) => {
      const account = await this.accounts.byId(tx, principal.subject);
      if (!account) return { account: null, sessions: [] };
      const sessions = await this.sessions.openOf(tx, account.id, this.now());
      return {
        account: await this.viewOf(tx, account),
        sessions: sessions.map((session) => sessionView(session, principal.sessionId)),
      };
    });
  }

  /** Changes the caller's password; every other session of the account ends. */
  async changePassword(
    principal: Principal,
    currentPassword: string,
    newPassword: string,
  ): Promise<{ sessionsEnded: number }> {
    const account = await this.store.run((tx) => this.accounts.byId(tx, principal.subject));
    if (!account)
      throw new AccountError('account-not-found', 'this sign-in has no account (a demo or test token)');
    if (!(await passwordMatches(currentPassword, account.passwordHash))) {
      throw new AccountError('wrong-password', 'the current password is not right', {
        field: 'currentPassword',
      });
    }
    const passwordHash = await acceptablePasswordHash(newPassword, account.login, 'newPassword');
    return this.store.run(async (tx) => {
      await this.accounts.setPassword(tx, account.id, passwordHash);
      const ended = await this.sessions.revokeAll(
        tx,
        account.id,
        'password-changed',
        this.now(),
        principal.sessionId,
      );
      await this.accounts.audit(tx, account.id, account.id, 'password-changed', { sessionsEnded: ended });
      return { sessionsEnded: ended };
    });
  }

  /** Ends one of the caller's own sessions (a lost phone). */
  async endSession(principal: Principal, sessionId: string): Promise<void> {
    await this.store.run(async (tx) => {
      const session = await this.sessions.byId(tx, sessionId);
      if (!session || session.accountId !== principal.subject) {
        throw new AccountError('not-found', `no session ${sessionId}`);
      }
      await this.sessions.revoke(tx, sessionId, 'revoked-by-owner', this.now());
      await this.accounts.audit(tx, session.accountId, principal.subject, 'session-revoked', {
        sessionId,
        reason: 'revoked-by-owner',
      });
    });
  }

  /** What a one-time link is for, so its page can say so before anything is typed. */
  async describeLink(secret: string): Promise<LinkDescription> {
    return this.store.run(async (tx) => {
      const link = await this.links.byHash(tx, hashSecret(secret));
      const problem = linkProblem(link, this.now());
      if (problem) throw new AccountError('link-invalid', problem);
      const account = link!.accountId ? await this.accounts.byId(tx, link!.accountId) : undefined;
      const member =
        link!.role === 'unit' || link!.role === 'community'
          ? await this.roster.find(tx, link!.allianceId!, link!.role, (link!.unitId ?? link!.communityId)!)
          : undefined;
      return {
        purpose: link!.purpose,
        role: link!.role,
        allianceId: link!.allianceId,
        unitId: link!.unitId,
        communityId: link!.communityId,
        account: account ? { login: account.login, displayName: account.displayName } : null,
        memberName: member?.name ?? null,
        expiresAt: link!.expiresAt,
      };
    });
  }

  /**
   * Uses a setup link: the account gets its password and is signed in. The link works once;
   * two acceptances at the same moment are serialised by the row lock, and the second refused.
   */
  async acceptSetupLink(secret: string, password: string, client: ClientInfo = {}): Promise<SessionTokens> {
    const preview = await this.describeLink(secret);
    if (preview.purpose !== 'setup' || !preview.account) {
      throw new AccountError('link-invalid', 'this is not an account setup link');
    }
    const passwordHash = await acceptablePasswordHash(password, preview.account.login, 'password');
    return this.store.run(async (tx) => {
      const link = await this.links.byHash(tx, hashSecret(secret), { lock: true });
      const problem = linkProblem(link, this.now());
      if (problem) throw new AccountError('link-invalid', problem);
      const account = (await this.accounts.byId(tx, link!.accountId!, { lock: true }))!;
      if (account.status !== 'active') {
        throw new AccountError('link-invalid', 'this account is disabled; ask your alliance coordinator');
      }
      await this.accounts.setPassword(tx, account.id, passwordHash);
      await this.links.markUsed(tx, link!.id, account.id, this.now());
      // A reset: whoever held the old password (or its sessions) is signed out everywhere.
      const ended = await this.sessions.revokeAll(tx, account.id, 'password-changed', this.now());
      await this.accounts.audit(tx, account.id, account.id, 'password-set', {
        link: link!.id,
        sessionsEnded: ended,
      });
      const memberships = await this.accounts.memberships(tx, account.id);
      const granted = memberships.find(
        (membership) =>
          membership.role === link!.role &&
          membership.allianceId === link!.allianceId &&
          membership.unitId === link!.unitId &&
          membership.communityId === link!.communityId,
      );
      return this.signIn.openSession(
        tx,
        { ...account, passwordHash },
        (granted ?? memberships[0]!).id,
        client,
      );
    });
  }

  private async viewOf(
    tx: Parameters<Parameters<AccountsStore['run']>[0]>[0],
    account: AccountRow,
  ): Promise<AccountView> {
    return {
      id: account.id,
      login: account.login,
      displayName: account.displayName,
      status: account.status,
      hasPassword: account.passwordHash !== null,
      memberships: (await this.accounts.memberships(tx, account.id)).map(membershipView),
    };
  }
}

export interface SessionView {
  id: string;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  userAgent: string | null;
  address: string | null;
  /** The session the request came from. */
  current: boolean;
}

function sessionView(session: SessionRow, currentSessionId: string | undefined): SessionView {
  return {
    id: session.id,
    createdAt: session.createdAt,
    lastUsedAt: session.lastUsedAt,
    expiresAt: session.expiresAt,
    userAgent: session.userAgent,
    address: session.address,
    current: session.id === currentSessionId,
  };
}

function loginOf(typed: string): string {
  const reading = readLogin(typed);
  if ('problem' in reading) throw new AccountError('invalid-request', reading.problem, { field: 'login' });
  return reading.login;
}

async function acceptablePasswordHash(password: string, login: string, field: string): Promise<string> {
  const problem = passwordProblem(password, login);
  if (problem) throw new AccountError('invalid-request', problem, { field });
  return hashPassword(password);
}
