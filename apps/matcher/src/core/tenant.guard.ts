import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { allianceOf, type Principal } from '@redcrowd/auth';
import { PRINCIPAL } from '@redcrowd/nest-auth';
import { TenantScope } from './tenant-scope';

/**
 * Runs after sign-in and before anything reads the request: an alliance, project or offer
 * named in the path (or an alliance in the query) must be the caller's, or the request is
 * answered 404 as if it did not exist. Running before validation means another alliance's
 * project never learns a body was wrong: it is simply not there.
 */
@Injectable()
export class TenantGuard implements CanActivate {
  constructor(private readonly scope: TenantScope) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<Request & Record<string, unknown>>();
    const caller = request[PRINCIPAL] as Principal | undefined;
    if (!caller) return true; // a public route
    const params = request.params as Record<string, string | undefined>;
    const queried = (request.query as Record<string, unknown>).allianceId;
    const alliance = params.allianceId ?? (typeof queried === 'string' ? queried : undefined);
    if (alliance !== undefined) allianceOf(caller, alliance);
    if (params.projectId !== undefined) await this.scope.project(caller, params.projectId);
    if (params.offerId !== undefined) await this.scope.offer(caller, params.offerId);
    return true;
  }
}
