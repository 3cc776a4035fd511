import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { parseClaim, type ClaimDecided } from '@redcrowd/contracts';
import { ClaimDecisionService } from './claim-decision.service';

/** Claims over HTTP for units without a Kafka client: same checks, same answer, same event. */
@Controller('claims')
export class ClaimsController {
  constructor(private readonly decisions: ClaimDecisionService) {}

  @Post()
  @HttpCode(200)
  async claim(@Body() body: unknown, @Res({ passthrough: true }) response: Response): Promise<ClaimDecided> {
    const raw = body === undefined ? null : JSON.stringify(body);
    const answer = await this.decisions.decide(parseClaim(raw), null);
    if (answer.decision === 'rejected') response.status(answer.code === 'invalid-claim' ? 400 : 409);
    return answer;
  }
}
