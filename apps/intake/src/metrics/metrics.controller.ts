import { Controller, Get, Res } from '@nestjs/common';
import type { Response } from 'express';
import { Public } from '@redcrowd/nest-auth';
import { ServiceMetrics } from '@redcrowd/nest-kafka';

@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: ServiceMetrics) {}

  /** Prometheus' text exposition format; public like /health/live (publish it inside the network only). */
  @Get()
  @Public()
  async scrape(@Res() response: Response): Promise<void> {
    response.type(this.metrics.contentType).send(await this.metrics.render());
  }
}
