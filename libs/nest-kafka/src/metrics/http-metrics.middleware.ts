import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { httpRouteLabels } from './http-route';
import { ServiceMetrics } from './service-metrics';

/**
 * Counts every HTTP answer by route template and status. A middleware rather than an
 * interceptor: it also sees answers that guards, pipes, filters and Express itself give
 * (401, 403, 404, refused bodies). The route is read when the answer ends, once Express has
 * matched it; an answer cut short (a closed live stream) counts when its connection closes.
 */
@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  constructor(private readonly metrics: ServiceMetrics) {}

  use(request: Request, response: Response, next: NextFunction): void {
    const started = process.hrtime.bigint();
    let recorded = false;
    const record = () => {
      if (recorded) return;
      recorded = true;
      const route = (request.route as { path?: unknown } | undefined)?.path;
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      this.metrics.recordHttpRequest(httpRouteLabels(request.method, route, response.statusCode), seconds);
    };
    response.once('finish', record);
    response.once('close', record);
    next();
  }
}
