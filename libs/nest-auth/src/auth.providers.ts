import type { Provider } from '@nestjs/common';
import { APP_GUARD, Reflector } from '@nestjs/core';
import { assertUsableSecret, type TokenSettings } from '@redcrowd/auth';
import type { ServiceConfig } from '@redcrowd/runtime';
import { AuthGuard } from './auth.guard';

export function tokenSettingsOf(config: ServiceConfig): TokenSettings {
  assertUsableSecret(config.AUTH_JWT_SECRET);
  return { secret: config.AUTH_JWT_SECRET, issuer: config.AUTH_ISSUER, audience: config.AUTH_AUDIENCE };
}

/** Sign-in for a service: every HTTP route guarded (refusals are answered by @redcrowd/nest-http's filter). */
export function authProviders(config: ServiceConfig): Provider[] {
  const settings = tokenSettingsOf(config);
  return [
    {
      provide: APP_GUARD,
      useFactory: (reflector: Reflector) => new AuthGuard(reflector, settings),
      inject: [Reflector],
    },
  ];
}
