import type { Provider } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { createRemoteJWKSet } from 'jose';
import { DataSource } from 'typeorm';
import { RefreshingKeySet, type TokenSettings, type VerificationKeys } from '@redcrowd/auth';
import { SigningKeyRepository } from '@redcrowd/persistence';
import type { ServiceConfig } from '@redcrowd/runtime';
import { AuthGuard } from './auth.guard';

/** The public keys access tokens are verified with (a jose key resolver). */
export const VERIFICATION_KEYS = Symbol('VERIFICATION_KEYS');

export function tokenSettingsOf(config: ServiceConfig): TokenSettings {
  return { issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE };
}

/**
 * Where the public keys come from: the JWKS document at AUTH_JWKS_URL when set (a service
 * without the database, or trusting another issuer), else the published keys in the
 * database, the same set the matcher serves at /.well-known/jwks.json.
 */
function verificationKeys(config: ServiceConfig, dataSource: DataSource): VerificationKeys {
  if (config.AUTH_JWKS_URL) {
    return createRemoteJWKSet(new URL(config.AUTH_JWKS_URL), { cooldownDuration: 10_000 });
  }
  const keys = new SigningKeyRepository();
  return new RefreshingKeySet(() => keys.published(dataSource.manager, new Date()), {
    // A retired key drops out within a minute of its publication ending; a rotated-in key
    // is picked up at the first token naming it.
    maxAgeMs: 60_000,
    cooldownMs: 5_000,
  }).resolver;
}

/** Sign-in for a service: every HTTP route guarded (refusals are answered by @redcrowd/nest-http's filter). */
export function authProviders(config: ServiceConfig): Provider[] {
  const settings = tokenSettingsOf(config);
  return [
    {
      provide: VERIFICATION_KEYS,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => verificationKeys(config, dataSource),
    },
    {
      provide: APP_GUARD,
      useFactory: (reflector: Reflector, keys: VerificationKeys) => new AuthGuard(reflector, keys, settings),
      inject: [Reflector, VERIFICATION_KEYS],
    },
  ];
}
