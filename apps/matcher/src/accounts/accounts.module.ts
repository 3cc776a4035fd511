import { Module, type OnModuleInit } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import type { Request } from 'express';
import {
  AccountAdministration,
  Invitations,
  OpenIdConnectProvider,
  SignInService,
  SingleSignOn,
  TokenKeys,
  readLogin,
} from '@redcrowd/accounts';
import { DatabaseThrottlerStorage } from '@redcrowd/nest-http';
import { UnitOfWork } from '@redcrowd/persistence';
import type { MatcherConfig } from '../config/matcher.config';
import { MATCHER_CONFIG } from '../core/tokens';
import { AccountController } from './account.controller';
import { AccountsController } from './accounts.controller';
import { AuthController } from './auth.controller';
import { InvitesController } from './invites.controller';
import { JwksController } from './jwks.controller';
import { MembershipsController } from './memberships.controller';
import { SsoController } from './sso.controller';

/** The sign-in name a request tries, normalised, so 138 0013 8000 and 13800138000 share one count. */
function triedLogin(request: Record<string, unknown>): string {
  const body = (request as unknown as Request).body as { login?: unknown } | undefined;
  if (typeof body?.login !== 'string') return 'no-login';
  const reading = readLogin(body.login);
  return 'login' in reading ? reading.login : body.login.slice(0, 100);
}

/**
 * Accounts and sign-in: password sign-in with rotating refresh tokens, the signing keys and
 * their JWKS, the caller's own account, and the admin's account management.
 */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [MATCHER_CONFIG, DatabaseThrottlerStorage],
      useFactory: (config: MatcherConfig, storage: DatabaseThrottlerStorage) => ({
        // Counted in the database, so several matchers do not multiply the attempts allowed.
        storage,
        throttlers: [
          // Many people may share one address (a street office's NAT): generous per address...
          {
            name: 'address',
            ttl: 60_000,
            limit: config.MATCHER_SIGN_IN_LIMIT_PER_ADDRESS,
          },
          // ...strict per sign-in name, which is what guessing a password needs.
          {
            name: 'login',
            ttl: 15 * 60_000,
            limit: config.MATCHER_SIGN_IN_LIMIT_PER_LOGIN,
            getTracker: triedLogin,
            skipIf: (context) => context.getHandler() !== AuthController.prototype.signInWithPassword,
          },
        ],
      }),
    }),
  ],
  controllers: [
    AuthController,
    JwksController,
    AccountController,
    AccountsController,
    InvitesController,
    MembershipsController,
    SsoController,
  ],
  providers: [
    {
      provide: TokenKeys,
      inject: [UnitOfWork, MATCHER_CONFIG],
      useFactory: (work: UnitOfWork, config: MatcherConfig) =>
        new TokenKeys(work, {
          settings: { issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE },
          accessTokenTtlSeconds: config.MATCHER_ACCESS_TOKEN_TTL_SECONDS,
        }),
    },
    {
      provide: SignInService,
      inject: [UnitOfWork, TokenKeys, MATCHER_CONFIG],
      useFactory: (work: UnitOfWork, keys: TokenKeys, config: MatcherConfig) =>
        new SignInService(work, keys, {
          sessionTtlSeconds: config.MATCHER_SESSION_TTL_SECONDS,
          accessTokenTtlSeconds: config.MATCHER_ACCESS_TOKEN_TTL_SECONDS,
        }),
    },
    {
      provide: AccountAdministration,
      inject: [UnitOfWork, SignInService],
      useFactory: (work: UnitOfWork, signIn: SignInService) => new AccountAdministration(work, signIn),
    },
    {
      provide: Invitations,
      inject: [UnitOfWork, SignInService],
      useFactory: (work: UnitOfWork, signIn: SignInService) => new Invitations(work, signIn),
    },
    {
      provide: SingleSignOn,
      inject: [UnitOfWork, SignInService, Invitations, MATCHER_CONFIG],
      useFactory: (
        work: UnitOfWork,
        signIn: SignInService,
        invitations: Invitations,
        config: MatcherConfig,
      ) =>
        config.MATCHER_OIDC_ISSUER && config.MATCHER_OIDC_CLIENT_ID
          ? new SingleSignOn(
              work,
              new OpenIdConnectProvider({
                issuer: config.MATCHER_OIDC_ISSUER,
                clientId: config.MATCHER_OIDC_CLIENT_ID,
                ...(config.MATCHER_OIDC_CLIENT_SECRET
                  ? { clientSecret: config.MATCHER_OIDC_CLIENT_SECRET }
                  : {}),
                displayName: config.MATCHER_OIDC_NAME,
              }),
              signIn,
              invitations,
              `${config.MATCHER_PUBLIC_URL.replace(/\/$/, '')}/auth/sso/callback`,
            )
          : null,
    },
  ],
  exports: [TokenKeys, SignInService, AccountAdministration, Invitations],
})
export class AccountsModule implements OnModuleInit {
  constructor(private readonly keys: TokenKeys) {}

  /** A fresh deployment gets its first signing key at boot, so /.well-known/jwks.json has one. */
  async onModuleInit(): Promise<void> {
    await this.keys.signer();
  }
}
