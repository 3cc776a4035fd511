import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AuthError, type Principal } from '@redcrowd/auth';
import { parseClaim, type ClaimDecided } from '@redcrowd/contracts';
import { Allow, Caller } from '@redcrowd/nest-auth';
import { TenantScope } from '../access/tenant-scope';
import { ClaimDecisionService } from './claim-decision.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Claims over HTTP for units without a Kafka client: same checks, same answer, same event.
 * The claiming unit is the signed-in one; a body naming another unit is refused.
 */
@Controller('claims')
export class ClaimsController {
  constructor(
    private readonly decisions: ClaimDecisionService,
    private readonly scope: TenantScope,
  ) {}

  @Post()
  @Allow('unit')
  @HttpCode(200)
  async claim(
    @Caller() caller: Principal,
    @Body() body: unknown,
    @Res({ passthrough: true }) response: Response,
  ): Promise<ClaimDecided> {
    const claim = typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body } : body;
    if (claim && typeof claim === 'object' && !Array.isArray(claim)) {
      const fields = claim as Record<string, unknown>;
      if (fields.unitId !== undefined && fields.unitId !== caller.unitId) {
        throw new AuthError(
          'forbidden',
          `you sign in as unit ${caller.unitId}; this claim names ${String(fields.unitId)}`,
        );
      }
      fields.unitId = caller.unitId;
      // Over HTTP the server's clock says when the claim was made, unless the unit said so.
      fields.submittedAt ??= new Date().toISOString();
      if (typeof fields.projectId === 'string' && UUID.test(fields.projectId)) {
        await this.scope.project(caller, fields.projectId);
      }
    }
    const raw = claim === undefined ? null : JSON.stringify(claim);
    const answer = await this.decisions.decide(parseClaim(raw, caller.unitId), null);
    if (answer.decision === 'rejected') response.status(answer.code === 'invalid-claim' ? 400 : 409);
    return answer;
  }
}
