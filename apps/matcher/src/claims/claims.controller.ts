import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { AuthError, type Principal } from '@redcrowd/auth';
import { DomainError, parseClaim, type ClaimDecided, type Problem } from '@redcrowd/contracts';
import { Allow, Caller } from '@redcrowd/nest-auth';
import { isUuid, TenantScope } from '../core/tenant-scope';
import { ClaimDecisionService } from './claim-decision.service';

/**
 * Claims over HTTP for units without a Kafka client: same checks, same answer, same event.
 * The claiming unit is the signed-in one; a body naming another unit is refused. An accepted
 * claim answers 200 with its decision; a refused one answers like every error, with its
 * decision event under `decision`.
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
  async claim(@Caller() caller: Principal, @Body() body: unknown): Promise<ClaimDecided> {
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
    if (answer.decision === 'accepted') return answer;
    throw new DomainError(answer.code ?? 'internal-error', answer.reason ?? 'the claim was refused', {
      ...(answer.problems ? { problems: answer.problems as Problem[] } : {}),
      attachments: { decision: answer },
    });
  }
}
