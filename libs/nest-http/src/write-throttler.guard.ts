import type { CanActivate, ExecutionContext } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerStorage } from '@nestjs/throttler';
import type { Principal } from '@redcrowd/auth';
import { PRINCIPAL } from '@redcrowd/nest-auth';

/** The methods that change something; reads (and so /health/*) are never limited. */
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface WriteLimit {
  /** Writes one caller may make in a minute, over all routes together. */
  perMinute: number;
}

/**
 * Rate limit on writes, per caller: the token's subject when signed in, else the address.
 * It runs after the sign-in guard (registered with `app.useGlobalGuards`, which come after
 * the modules' APP_GUARDs), so the principal is known; a refusal is the ThrottlerException,
 * answered 429 too-many-attempts with Retry-After by the one error filter. Its counts are
 * its own: the matcher's sign-in throttling keeps its separate limits.
 */
class WriteThrottlerGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const request = context.switchToHttp().getRequest<{ method: string }>();
    return !WRITE_METHODS.has(request.method.toUpperCase());
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const principal = request[PRINCIPAL] as Principal | undefined;
    return principal ? `subject:${principal.subject}` : `address:${await super.getTracker(request)}`;
  }

  /** One count per caller for every write route, not one per route. */
  protected override generateKey(_context: ExecutionContext, tracker: string, name: string): string {
    return `${name}:${tracker}`;
  }

  /** @nestjs/throttler names Retry-After after the throttler (Retry-After-writes); clients read the plain one. */
  protected override async throwThrottlingException(
    context: ExecutionContext,
    detail: ThrottlerLimitDetail,
  ): Promise<void> {
    const { res } = this.getRequestResponse(context);
    this.setResponseHeader(res, 'Retry-After', Math.max(1, Math.ceil(detail.timeToBlockExpire)));
    return super.throwThrottlingException(context, detail);
  }
}

/**
 * The write limit as a global guard for `app.useGlobalGuards`, ready to use. `storage`:
 * where hits are counted (DatabaseThrottlerStorage, shared by every instance).
 */
export async function writeThrottler(
  reflector: Reflector,
  limit: WriteLimit,
  storage: ThrottlerStorage,
): Promise<CanActivate> {
  const guard = new WriteThrottlerGuard(
    { throttlers: [{ name: 'writes', ttl: 60_000, limit: limit.perMinute }] },
    storage,
    reflector,
  );
  await guard.onModuleInit();
  return guard;
}
