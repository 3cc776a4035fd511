import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { ListKind } from '@redcrowd/contracts';
import { ListIntakeService, type HttpSubmissionResult } from './list-intake.service';

/**
 * HTTP submission for units without a Kafka client. Bodies arrive as raw bytes so that
 * the exact validation Kafka messages get (size, JSON, schema) applies here too.
 */
@Controller()
export class ListsController {
  constructor(private readonly intake: ListIntakeService) {}

  @Post('resource-lists')
  @HttpCode(200)
  async submitResourceList(@Body() body: unknown, @Res({ passthrough: true }) response: Response) {
    return this.answer('resource', body, response);
  }

  @Post('demand-lists')
  @HttpCode(200)
  async submitDemandList(@Body() body: unknown, @Res({ passthrough: true }) response: Response) {
    return this.answer('demand', body, response);
  }

  private async answer(kind: ListKind, body: unknown, response: Response) {
    const result = await this.intake.submitOverHttp(kind, Buffer.isBuffer(body) ? body : null);
    response.status(statusOf(result));
    return result.answer.event;
  }
}

function statusOf(result: HttpSubmissionResult): number {
  if (result.status === 'unavailable') return 503;
  const { answer } = result;
  if (answer.type === 'rejected') return 400;
  return answer.event.outcome === 'stored' ? 201 : 200;
}
