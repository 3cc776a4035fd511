import { Catch, ServiceUnavailableException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';

/**
 * Answers a failed or shutting-down health check as terminus builds it: 503 with every
 * check's details. The API's one error filter would answer it `internal-error` 500; probes
 * (Compose, Kubernetes, load balancers) read this shape instead, so health controllers
 * apply this filter, which Nest prefers to the global one.
 */
@Catch(ServiceUnavailableException)
export class HealthCheckFailureFilter implements ExceptionFilter {
  catch(failure: ServiceUnavailableException, host: ArgumentsHost): void {
    host.switchToHttp().getResponse<Response>().status(failure.getStatus()).json(failure.getResponse());
  }
}
