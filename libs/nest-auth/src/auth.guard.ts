import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import {
  authorize,
  bearerToken,
  verifyToken,
  type AccessRule,
  type TokenSettings,
  type VerificationKeys,
} from '@redcrowd/auth';
import { ACCESS_RULE, PRINCIPAL } from './access.decorators';

/**
 * Global guard of every HTTP route: verifies the bearer token and applies the route's
 * @Allow / @Public rule. Kafka handlers are not HTTP: the broker's own authentication and
 * ACLs decide who may write a topic, and the message's key is checked against its body.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: VerificationKeys,
    private readonly settings: TokenSettings,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    const request = context.switchToHttp().getRequest<Request & Record<string, unknown>>();
    const route = `${request.method} ${(request.route as { path?: string } | undefined)?.path ?? request.path}`;
    const principal = await authorize(
      rule,
      () => verifyToken(bearerToken(request.headers.authorization), this.keys, this.settings),
      route,
    );
    if (principal) request[PRINCIPAL] = principal;
    return true;
  }
}
