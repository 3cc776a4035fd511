import { randomUUID } from 'node:crypto';
import {
  AccountLinkRepository,
  AccountRepository,
  RosterRepository,
  type AccountLinkRow,
  type AccountRow,
  type Tx,
} from '@redcrowd/persistence';
import { AccountError } from './account-error';
import { readLogin } from './login';
import { passwordProblem } from './password-policy';
import { hashPassword, passwordMatches } from './passwords';
import { linkProblem } from './refresh';
import { hashSecret, newSecret } from './secrets';
import type { SessionTokens } from './session-tokens';
import type { AccountsStore, ClientInfo, SignInService } from './sign-in.service';

export type InvitedRole = 'coordinator' | 'unit' | 'community';

export interface InviteRequest {
  allianceId: string;
  role: InvitedRole;
  /** The unit's or community's roster id; none for a coordinator. */
  memberId?: string;
  validHours: number;
}

export interface CreatedInvite {
  id: string;
  /** Shown this once; the link is `<dashboard>#link=<secret>`. */
  secret: string;
  role: InvitedRole;
  memberId: string | null;
  memberName: string | null;
  expiresAt: Date;
}

export interface InviteView {
  id: string;
  role: InvitedRole;
  memberId: string | null;
  memberName: string | null;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
  status: 'open' | 'used' | 'expired';
}

export interface InviteAcceptance {
  login: string;
  displayName: string;
  password: string;
}

/** How long an invite may be valid: from an hour to a month. */
export const INVITE_VALID_HOURS = { min: 1, max: 720, default: 72 } as const;

/**
 * Coordinators invite the representatives of their roster's units and communities (and
 * fellow coordinators) with one-time links, shared in a WeChat group as link or QR code.
 * Whoever accepts it first gets the membership: as a new account, or added to their
 * existing account when they give its sign-in name and password.
 */
export class Invitations {
  private readonly accounts = new AccountRepository();
  private readonly links = new AccountLinkRepository();
  private readonly roster = new RosterRepository();

  constructor(
    private readonly store: AccountsStore,
    private readonly signIn: SignInService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async create(request: InviteRequest, actor: string): Promise<CreatedInvite> {
    return this.store.run(async (tx) => {
      let memberName: string | null = null;
      if (request.role !== 'coordinator') {
        if (!request.memberId) {
          throw new AccountError(
            'invalid-request',
            `an invite for a ${request.role} names its roster member`,
            {
              field: 'memberId',
            },
          );
        }
        const member = await this.roster.find(tx, request.allianceId, request.role, request.memberId);
        if (!member || member.status !== 'active') {
          throw new AccountError(
            'member-not-found',
            `no admitted ${request.role} ${request.memberId} on the roster; add or admit it first`,
            { field: 'memberId' },
          );
        }
        memberName = member.name;
      } else if (request.memberId) {
        throw new AccountError('invalid-request', 'an invite for a coordinator names no member', {
          field: 'memberId',
        });
      }
      const id = randomUUID();
      const link = newSecret();
      const expiresAt = new Date(this.now().getTime() + request.validHours * 3600_000);
      await this.links.create(tx, {
        id,
        tokenHash: link.hash,
        purpose: 'invite',
        accountId: null,
        role: request.role,
        allianceId: request.allianceId,
        unitId: request.role === 'unit' ? request.memberId! : null,
        communityId: request.role === 'community' ? request.memberId! : null,
        createdBy: actor,
        expiresAt,
      });
      await this.accounts.audit(tx, null, actor, 'invited', {
        invite: id,
        allianceId: request.allianceId,
        role: request.role,
        memberId: request.memberId ?? null,
      });
      return {
        id,
        secret: link.secret,
        role: request.role,
        memberId: request.memberId ?? null,
        memberName,
        expiresAt,
      };
    });
  }

  async list(allianceId: string): Promise<InviteView[]> {
    const now = this.now();
    const invites = await this.store.run((tx) => this.links.invitesOf(tx, allianceId));
    return invites.map((invite) => ({
      id: invite.id,
      role: invite.role as InvitedRole,
      memberId: invite.unitId ?? invite.communityId,
      memberName: invite.memberName,
      createdBy: invite.createdBy,
      createdAt: invite.createdAt,
      expiresAt: invite.expiresAt,
      usedAt: invite.usedAt,
      status: invite.usedAt ? 'used' : invite.expiresAt.getTime() <= now.getTime() ? 'expired' : 'open',
    }));
  }

  /** Accepts an invite: a new account, or the membership added to the account whose password is given. */
  async accept(
    secret: string,
    acceptance: InviteAcceptance,
    client: ClientInfo = {},
  ): Promise<SessionTokens> {
    const reading = readLogin(acceptance.login);
    if ('problem' in reading) throw new AccountError('invalid-request', reading.problem, { field: 'login' });
    const displayName = acceptance.displayName.trim();
    if (displayName === '') {
      throw new AccountError('invalid-request', 'a display name is needed', { field: 'displayName' });
    }
    const existing = await this.store.run((tx) => this.accounts.byLogin(tx, reading.login));
    let passwordHash: string | null = null;
    if (existing) {
      // Joining with an account one has: its password proves it (and is not changed).
      if (!(await passwordMatches(acceptance.password, existing.passwordHash))) {
        throw new AccountError(
          'account-exists',
          `an account signs in as ${reading.login} already; give its password to add this membership to it`,
          { field: 'login' },
        );
      }
    } else {
      const problem = passwordProblem(acceptance.password, reading.login);
      if (problem) throw new AccountError('invalid-request', problem, { field: 'password' });
      passwordHash = await hashPassword(acceptance.password);
    }
    return this.store.run(async (tx) => {
      const link = await this.lockInvite(tx, hashSecret(secret));
      if (existing?.status === 'disabled') {
        throw new AccountError('sign-in-failed', 'this account is disabled; ask your alliance coordinator');
      }
      const account = existing ?? (await this.createAccount(tx, reading.login, displayName, passwordHash!));
      const membershipId = await this.grant(tx, link, account.id, { newAccount: !existing });
      return this.signIn.openSession(tx, account, membershipId, client);
    });
  }

  /** The invite behind a secret's hash, locked for the caller's transaction; refused unless it still works. */
  async lockInvite(tx: Tx, secretHash: string): Promise<AccountLinkRow> {
    const link = await this.links.byHash(tx, secretHash, { lock: true });
    const problem = linkProblem(link, this.now());
    if (problem) throw new AccountError('link-invalid', problem);
    if (link!.purpose !== 'invite') throw new AccountError('link-invalid', 'this is not an invite link');
    return link!;
  }

  /** Gives `accountId` the invite's membership and spends the invite; returns the membership's id. */
  async grant(tx: Tx, link: AccountLinkRow, accountId: string, details: object = {}): Promise<string> {
    const membershipId = await this.accounts.addMembership(tx, accountId, membershipOf(link), link.createdBy);
    await this.links.markUsed(tx, link.id, accountId, this.now());
    await this.accounts.audit(tx, accountId, accountId, 'invite-accepted', {
      invite: link.id,
      membershipId,
      ...details,
    });
    return membershipId;
  }

  private async createAccount(
    tx: Tx,
    login: string,
    displayName: string,
    passwordHash: string,
  ): Promise<AccountRow> {
    const id = randomUUID();
    // Created between the lookup above and now by somebody else: the name is taken.
    if (!(await this.accounts.create(tx, { id, login, displayName, passwordHash }))) {
      throw new AccountError('account-exists', `an account signs in as ${login} already`, { field: 'login' });
    }
    await this.accounts.audit(tx, id, id, 'created', { login, displayName, by: 'invite' });
    return (await this.accounts.byId(tx, id))!;
  }
}

function membershipOf(link: AccountLinkRow) {
  return {
    id: randomUUID(),
    role: link.role,
    allianceId: link.allianceId,
    unitId: link.unitId,
    communityId: link.communityId,
  };
}
