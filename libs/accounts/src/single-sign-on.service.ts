import { createHash, randomUUID } from 'node:crypto';
import { AccountRepository, SsoRepository, type AccountRow, type Tx } from '@redcrowd/persistence';
import { AccountError } from './account-error';
import { newAttemptSecrets, type IdentityProvider, type ProviderIdentity } from './identity-provider';
import type { Invitations } from './invitations.service';
import { readLogin } from './login';
import { hashSecret, newSecret } from './secrets';
import type { SessionTokens } from './session-tokens';
import type { AccountsStore, ClientInfo, SignInService } from './sign-in.service';

/** How long a person has at the provider before the attempt lapses, and to pick up the hand-off. */
export const SSO_ATTEMPT_TTL_SECONDS = 10 * 60;

/**
 * Single sign-on with an OpenID Connect provider. An identity signs in to the account it is
 * linked to; an identity not linked yet gets in only through an invite, which links it (to a
 * new account named after the provider's claims). The provider's answer arrives at the
 * callback as a browser redirect, so the session is not handed over there: the callback
 * leaves a one-time hand-off secret, which the dashboard exchanges for tokens.
 */
export class SingleSignOn {
  private readonly accounts = new AccountRepository();
  private readonly sso = new SsoRepository();

  constructor(
    private readonly store: AccountsStore,
    private readonly provider: IdentityProvider,
    private readonly signIn: SignInService,
    private readonly invitations: Invitations,
    private readonly redirectUri: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get providerName(): string {
    return this.provider.displayName;
  }

  /** Where to send the person: the provider's sign-in, for this attempt (and invite, if any). */
  async start(inviteSecret?: string): Promise<URL> {
    const secrets = newAttemptSecrets();
    const inviteHash = inviteSecret ? hashSecret(inviteSecret) : null;
    await this.store.run(async (tx) => {
      // A dead invite is refused now, before a trip to the provider.
      if (inviteHash) await this.invitations.lockInvite(tx, inviteHash);
      await this.sso.begin(tx, {
        stateHash: hashSecret(secrets.state),
        codeVerifier: secrets.codeVerifier,
        nonce: secrets.nonce,
        inviteHash,
        expiresAt: new Date(this.now().getTime() + SSO_ATTEMPT_TTL_SECONDS * 1000),
      });
    });
    return this.provider.authorizationUrl({ redirectUri: this.redirectUri, ...secrets });
  }

  /** The provider's redirect back: checks it, resolves the account, returns the hand-off secret. */
  async callback(callback: URL): Promise<string> {
    const state = callback.searchParams.get('state');
    if (!state) throw new AccountError('sign-in-failed', 'the sign-on answer carries no state; start again');
    const attempt = await this.store.run(async (tx) => {
      const found = await this.sso.lockByState(tx, hashSecret(state));
      if (!found || found.answeredAt !== null || found.expiresAt.getTime() <= this.now().getTime()) {
        throw new AccountError(
          'sign-in-failed',
          'this sign-on attempt is unknown, used or expired; start again',
        );
      }
      // Spent before the provider is asked, so a replayed callback gets nowhere.
      await this.sso.answer(tx, found.stateHash, null, this.now());
      return found;
    });
    let identity: ProviderIdentity;
    try {
      identity = await this.provider.identify(callback, {
        state,
        nonce: attempt.nonce,
        codeVerifier: attempt.codeVerifier,
      });
    } catch (error) {
      const reason =
        callback.searchParams.get('error') ?? (error instanceof Error ? error.message : String(error));
      throw new AccountError('sign-in-failed', `the sign-on provider did not sign you in (${reason})`);
    }
    return this.store.run(async (tx) => {
      const { account, membershipId } = await this.resolve(tx, identity, attempt.inviteHash);
      const handoff = newSecret();
      await this.sso.answer(
        tx,
        attempt.stateHash,
        { handoffHash: handoff.hash, accountId: account.id, membershipId },
        this.now(),
      );
      await this.accounts.audit(tx, account.id, account.id, 'signed-on', { issuer: identity.issuer });
      return handoff.secret;
    });
  }

  /** Exchanges the hand-off secret (once, within the attempt's time) for a session. */
  async complete(handoff: string, client: ClientInfo = {}): Promise<SessionTokens> {
    return this.store.run(async (tx) => {
      const attempt = await this.sso.lockByHandoff(tx, hashSecret(handoff));
      if (!attempt || attempt.handedOffAt !== null || attempt.expiresAt.getTime() <= this.now().getTime()) {
        throw new AccountError('sign-in-failed', 'this sign-on has been used or has expired; start again');
      }
      await this.sso.handOff(tx, attempt.stateHash, this.now());
      const account = (await this.accounts.byId(tx, attempt.accountId!))!;
      if (account.status !== 'active') {
        throw new AccountError('sign-in-failed', 'this account is disabled; ask your alliance coordinator');
      }
      return this.signIn.openSession(tx, account, attempt.membershipId ?? undefined, client);
    });
  }

  /** The linked account; or, with an invite, the new link (to a new account) and membership. */
  private async resolve(
    tx: Tx,
    identity: ProviderIdentity,
    inviteHash: string | null,
  ): Promise<{ account: AccountRow; membershipId: string | null }> {
    const linked = await this.sso.accountOf(tx, identity.issuer, identity.subject);
    if (linked) {
      const account = (await this.accounts.byId(tx, linked))!;
      const membershipId = inviteHash
        ? await this.invitations.grant(tx, await this.invitations.lockInvite(tx, inviteHash), account.id, {
            signOn: identity.issuer,
          })
        : null;
      return { account, membershipId };
    }
    if (!inviteHash) {
      throw new AccountError(
        'sign-on-not-linked',
        'this sign-on is not linked to an account here; accept an invite from your alliance coordinator first',
      );
    }
    const invite = await this.invitations.lockInvite(tx, inviteHash);
    const account = await this.createAccountFor(tx, identity);
    await this.sso.link(tx, identity.issuer, identity.subject, account.id);
    const membershipId = await this.invitations.grant(tx, invite, account.id, {
      newAccount: true,
      signOn: identity.issuer,
    });
    return { account, membershipId };
  }

  /**
   * A new account for a provider's person: signing in by the mobile number the provider vouches
   * for when it is free, else a name derived from the identity; no password (the provider signs
   * them in; an admin may issue a setup link later).
   */
  private async createAccountFor(tx: Tx, identity: ProviderIdentity): Promise<AccountRow> {
    const derived = `sso-${createHash('sha256').update(`${identity.issuer} ${identity.subject}`).digest('hex').slice(0, 16)}`;
    const phone = identity.phoneNumber ? readLogin(identity.phoneNumber) : undefined;
    const candidates = [phone && 'login' in phone ? phone.login : undefined, derived].filter(
      (login): login is string => login !== undefined,
    );
    const displayName = (identity.name ?? candidates[0]!).slice(0, 100);
    for (const login of candidates) {
      const id = randomUUID();
      if (await this.accounts.create(tx, { id, login, displayName, passwordHash: null })) {
        await this.accounts.audit(tx, id, id, 'created', {
          login,
          displayName,
          by: 'sign-on',
          issuer: identity.issuer,
        });
        return (await this.accounts.byId(tx, id))!;
      }
    }
    throw new AccountError('account-exists', `an account for this sign-on exists already (${derived})`);
  }
}
