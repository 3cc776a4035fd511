import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AuthError, type Principal } from '@redcrowd/auth';
import { parseClaim, type ClaimDecided } from '@redcrowd/contracts';
import { Allow, Caller } from '@redcrowd/nest-auth';
import { TenantScope } from '../access/tenant-scope';
import { isUuid } from '../review/http-params';
import { ClaimDecisionService } from './claim-decision.service';

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
    const fields: Record<string, unknown> | null =
      typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body } : null;
    if (fields) {
      const named = fields.unitId;
      if (named !== undefined && named !== caller.unitId) {
        throw new AuthError(
          'forbidden',
          `you sign in as unit ${caller.unitId}; this claim names ${String(named)}`,
        );
      }
      Object.assign(fields, {
        unitId: caller.unitId,
        // Over HTTP the server's clock says when the claim was made, unless the unit said so.
        submittedAt: fields.submittedAt ?? new Date().toISOString(),
      });
      const projectId = fields.projectId;
      if (isUuid(projectId)) await this.scope.project(caller, projectId);
    }
    // Anything that is not an object goes to the parser as it came, to be answered invalid-claim.
    const raw = fields ? JSON.stringify(fields) : body === undefined ? null : JSON.stringify(body);
    const answer = await this.decisions.decide(parseClaim(raw, caller.unitId), null);
    if (answer.decision === 'rejected') response.status(answer.code === 'invalid-claim' ? 400 : 409);
    return answer;
  }
}
