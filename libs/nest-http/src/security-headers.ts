import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

export interface SecurityHeaderOptions {
  /**
   * Path prefixes whose responses set their own Content-Security-Policy (the dashboard's):
   * helmet sets every other header there, but not a second, looser policy.
   */
  ownPolicyPaths?: readonly string[];
  /**
   * Pages of other origins call this service (CORS): Cross-Origin-Resource-Policy is
   * `cross-origin` instead of helmet's `same-origin`, so no browser drops the answers.
   */
  calledCrossOrigin?: boolean;
}

/**
 * helmet's headers on every response: its default restrictive policy for JSON answers
 * (nothing is rendered from them), no X-Powered-By, HSTS, nosniff, no framing.
 */
export function securityHeaders(options: SecurityHeaderOptions = {}): RequestHandler {
  const crossOriginResourcePolicy = {
    policy: options.calledCrossOrigin ? 'cross-origin' : 'same-origin',
  } as const;
  const everywhere = helmet({ crossOriginResourcePolicy });
  const withOwnPolicy = helmet({ crossOriginResourcePolicy, contentSecurityPolicy: false });
  const prefixes = options.ownPolicyPaths ?? [];
  const hasOwnPolicy = (path: string) =>
    prefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
  return (request: Request, response: Response, next: NextFunction) =>
    (hasOwnPolicy(request.path) ? withOwnPolicy : everywhere)(request, response, next);
}
