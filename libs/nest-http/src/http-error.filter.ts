import { Catch, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { throwError, type Observable } from 'rxjs';
import { describeError, type JsonLogger } from '@redcrowd/runtime';
import { httpAnswerOf } from './http-answer';

/** The one HTTP error filter: every failure leaves as `{error: {code, message, ...}}`. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: JsonLogger) {}

  catch(error: unknown, host: ArgumentsHost): void | Observable<never> {
    // Kafka handlers answer their own messages; their failures go back to the transport as before.
    if (host.getType() !== 'http') return throwError(() => error);
    const answer = httpAnswerOf(error);
    if (answer.status >= 500) {
      this.logger.event('error', 'request failed unexpectedly', { error: describeError(error) });
    }
    const response = host.switchToHttp().getResponse<Response>();
    if (response.headersSent) {
      response.end();
      return;
    }
    for (const [name, value] of Object.entries(answer.headers ?? {})) response.setHeader(name, value);
    response.status(answer.status).json(answer.body);
  }
}
