/**
 * Why a request is refused. The HTTP layer maps the kind to a status; the domain never
 * mentions HTTP.
 * - unauthenticated (401): no token, or one that does not verify;
 * - forbidden (403): a valid token whose role may not use the route, or a closed route;
 * - not-found (404): the thing belongs to another alliance, which must not be revealed.
 */
export type AuthErrorKind = 'unauthenticated' | 'forbidden' | 'not-found';

export class AuthError extends Error {
  override readonly name = 'AuthError';

  constructor(
    readonly kind: AuthErrorKind,
    message: string,
  ) {
    super(message);
  }
}
