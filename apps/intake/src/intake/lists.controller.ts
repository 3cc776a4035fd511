import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { assertMayWriteList, type Principal } from '@redcrowd/auth';
import type { ListKind } from '@redcrowd/contracts';
import { Allow, Caller } from '@redcrowd/nest-auth';
import { ListIntakeService, type HttpSubmissionResult } from './list-intake.service';

/**
 * HTTP submission for units and communities without a Kafka client. Bodies arrive as raw
 * bytes so that the exact validation Kafka messages get (size, JSON, schema) applies here
 * too; the signed-in caller must be the list's submitter or its alliance's coordinator.
 */
@Controller()
export class ListsController {
  constructor(private readonly intake: ListIntakeService) {}

  @Post('resource-lists')
  @Allow('unit', 'coordinator', 'admin')
  @HttpCode(200)
  async submitResourceList(
    @Caller() caller: Principal,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.answer('resource', caller, body, response);
  }

  @Post('demand-lists')
  @Allow('community', 'unit', 'coordinator', 'admin')
  @HttpCode(200)
  async submitDemandList(
    @Caller() caller: Principal,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.answer('demand', caller, body, response);
  }

  private async answer(kind: ListKind, caller: Principal, body: unknown, response: Response) {
    const result = await this.intake.submitOverHttp(kind, Buffer.isBuffer(body) ? body : null, (list) =>
      assertMayWriteList(caller, list),
    );
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
