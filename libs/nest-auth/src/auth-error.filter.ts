import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { AuthError, type AuthErrorKind } from '@redcrowd/auth';

const STATUS_OF: Record<AuthErrorKind, number> = {
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
};

/** Answers refusals in the same `{error: {code, message}}` shape as every other error. */
@Catch(AuthError)
export class AuthErrorFilter implements ExceptionFilter {
  catch(error: AuthError, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (error.kind === 'unauthenticated') {
      response.setHeader('WWW-Authenticate', 'Bearer realm="redcrowd"');
    }
    response.status(STATUS_OF[error.kind]).json({ error: { code: error.kind, message: error.message } });
  }
}
