import { Body, Controller, Get, Headers, HttpCode, Param, Post, Query, UseFilters } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ClaimsRepository } from '@redcrowd/persistence';
import { requireActor, requireUuid } from '../review/http-params';
import { ReviewErrorFilter } from '../review/review-error.filter';
import { ReviewError } from '../review/review.errors';
import { OfferExpiryService } from './offer-expiry.service';
import { ProjectProgressService } from './project-progress.service';

/**
 * What units and communities do after approval: decline an offer, start claimed work,
 * confirm it done with a rating, and read the points (积分) it earned. The acting unit or
 * community comes from X-Redcrowd-Actor until sign-in (issue 5) puts it in a token.
 */
@Controller()
@UseFilters(ReviewErrorFilter)
export class ProgressController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly claims: ClaimsRepository,
    private readonly offers: OfferExpiryService,
    private readonly progress: ProjectProgressService,
  ) {}

  @Post('offers/:offerId/decline')
  @HttpCode(200)
  decline(@Param('offerId') offerId: string, @Headers('x-redcrowd-actor') actor: string | undefined) {
    return this.offers.decline(requireUuid(offerId, 'offer'), requireActor(actor));
  }

  @Post('projects/:projectId/start')
  @HttpCode(200)
  start(@Param('projectId') projectId: string, @Headers('x-redcrowd-actor') actor: string | undefined) {
    return this.progress.start(requireUuid(projectId), requireActor(actor));
  }

  @Post('projects/:projectId/complete')
  @HttpCode(200)
  complete(
    @Param('projectId') projectId: string,
    @Headers('x-redcrowd-actor') actor: string | undefined,
    @Body() body: { rating?: unknown; note?: unknown } | undefined,
  ) {
    return this.progress.complete(requireUuid(projectId), requireActor(actor), body?.rating, body?.note);
  }

  @Get('units/:unitId/points')
  points(@Param('unitId') unitId: string, @Query('allianceId') allianceId: string | undefined) {
    if (!allianceId) throw new ReviewError('invalid-request', 'the allianceId query parameter is required');
    return this.claims.pointsOf(this.dataSource.manager, allianceId, unitId);
  }
}
