import { SetMetadata, createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { AccessRule, Principal, Role } from '@redcrowd/auth';

export const ACCESS_RULE = 'redcrowd:access-rule';

/**
 * The roles that may call a route. Every route needs this or @Public(): a route with
 * neither is closed (deny by default). tools/openapi.spec.ts reads these decorators from the
 * source and checks docs/openapi.yaml's x-redcrowd-access against them.
 */
export const Allow = (...roles: [Role, ...Role[]]) =>
  SetMetadata(ACCESS_RULE, { roles } satisfies AccessRule);

/** A route anyone may call without a token (health checks). */
export const Public = () => SetMetadata(ACCESS_RULE, { public: true } satisfies AccessRule);

/** Request property the guard stores the verified principal in. */
export const PRINCIPAL = 'redcrowdPrincipal';

/** The verified caller of a route with an @Allow rule. */
export const Caller = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<Record<string, unknown>>()[PRINCIPAL];
  // The guard ran first; a handler asking for a caller on a public route is a programming error.
  if (!principal) throw new Error('@Caller() used on a route without an @Allow rule');
  return principal as Principal;
});
