import { Body, Controller, Get, HttpCode, Param, Post, Query, UseFilters } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { allianceOf, AuthError, type Principal } from '@redcrowd/auth';
import { Allow, Caller } from '@redcrowd/nest-auth';
import { ClaimsRepository } from '@redcrowd/persistence';
import { TenantScope } from '../access/tenant-scope';
import { ReviewErrorFilter } from '../review/review-error.filter';
import { OfferExpiryService } from './offer-expiry.service';
import { ProjectProgressService } from './project-progress.service';

/**
 * What units and communities do after approval: decline an offer, start claimed work,
 * confirm it done with a rating, and read the points (积分) it earned. The acting unit or
 * community is the signed-in one.
 */
@Controller()
@UseFilters(ReviewErrorFilter)
export class ProgressController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly claims: ClaimsRepository,
    private readonly offers: OfferExpiryService,
    private readonly progress: ProjectProgressService,
    private readonly scope: TenantScope,
  ) {}

  @Post('offers/:offerId/decline')
  @Allow('unit')
  @HttpCode(200)
  async decline(@Caller() caller: Principal, @Param('offerId') offerId: string) {
    return this.offers.decline(await this.scope.offer(caller, offerId), caller.unitId!);
  }

  @Post('projects/:projectId/start')
  @Allow('unit')
  @HttpCode(200)
  async start(@Caller() caller: Principal, @Param('projectId') projectId: string) {
    return this.progress.start(await this.scope.project(caller, projectId), caller.unitId!);
  }

  /** The submitter of the demand confirms: its community, or a unit that posted the demand (互领清单). */
  @Post('projects/:projectId/complete')
  @Allow('community', 'unit')
  @HttpCode(200)
  async complete(
    @Caller() caller: Principal,
    @Param('projectId') projectId: string,
    @Body() body: { rating?: unknown; note?: unknown } | undefined,
  ) {
    const id = await this.scope.project(caller, projectId);
    return this.progress.complete(id, (caller.communityId ?? caller.unitId)!, body?.rating, body?.note);
  }

  /** A coordinator reads any member unit's points; a unit only its own. */
  @Get('units/:unitId/points')
  @Allow('coordinator', 'admin', 'unit')
  points(
    @Caller() caller: Principal,
    @Param('unitId') unitId: string,
    @Query('allianceId') allianceId: string | undefined,
  ) {
    if (caller.role === 'unit' && unitId !== caller.unitId) {
      throw new AuthError('forbidden', `a unit reads its own points, not those of ${unitId}`);
    }
    return this.claims.pointsOf(this.dataSource.manager, allianceOf(caller, allianceId), unitId);
  }
}
