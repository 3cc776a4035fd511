import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Patch,
  Post,
  Query,
  UseFilters,
} from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProjectRepository, ProjectReviewRepository, type ProjectListing } from '@redcrowd/persistence';
import { ProjectReviewService, type ReviewDecision, type SwapCandidate } from './project-review.service';
import { ReviewErrorFilter } from './review-error.filter';
import { expectedVersionOf, requireActor, requireUuid, type DecisionBody } from './http-params';
import { ReviewError } from './review.errors';

/**
 * Coordinator review of projects (项目清单). Who decides comes from the X-Redcrowd-Actor
 * header until sign-in (issue 5) puts it in a token. Documented in docs/openapi.yaml.
 */
@Controller('projects')
@UseFilters(ReviewErrorFilter)
export class ProjectsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ProjectRepository,
    private readonly reviewRows: ProjectReviewRepository,
    private readonly review: ProjectReviewService,
  ) {}

  @Get()
  list(
    @Query('allianceId') allianceId: string | undefined,
    @Query('status') status?: string,
    @Query('community') submitterId?: string,
    @Query('category') category?: string,
    @Query('unit') unitId?: string,
    @Query('urgency') urgency?: string,
  ): Promise<ProjectListing[]> {
    if (!allianceId) throw new ReviewError('invalid-request', 'the allianceId query parameter is required');
    return this.projects.listForAlliance(this.dataSource.manager, allianceId, {
      status,
      submitterId,
      category,
      unitId,
      urgency,
    });
  }

  @Get(':projectId')
  async detail(@Param('projectId') projectId: string): Promise<object> {
    const project = await this.reviewRows.detail(this.dataSource.manager, requireUuid(projectId));
    if (!project) throw new ReviewError('project-not-found', `no project ${projectId}`);
    return project;
  }

  /** Resource items that could serve the project's demand, for swapping an allocation. */
  @Get(':projectId/candidates')
  candidates(@Param('projectId') projectId: string): Promise<SwapCandidate[]> {
    return this.review.candidates(requireUuid(projectId));
  }

  @Post(':projectId/approve')
  @HttpCode(200)
  approve(
    @Param('projectId') projectId: string,
    @Headers('x-redcrowd-actor') actor: string | undefined,
    @Body() body: DecisionBody | undefined,
  ): Promise<ReviewDecision> {
    return this.review.approve(requireUuid(projectId), requireActor(actor), expectedVersionOf(body));
  }

  @Post(':projectId/reject')
  @HttpCode(200)
  reject(
    @Param('projectId') projectId: string,
    @Headers('x-redcrowd-actor') actor: string | undefined,
    @Body() body: DecisionBody | undefined,
  ): Promise<ReviewDecision> {
    return this.review.reject(
      requireUuid(projectId),
      requireActor(actor),
      body?.reason,
      expectedVersionOf(body),
    );
  }

  @Patch(':projectId/allocations/:resourceItemPk')
  editAllocation(
    @Param('projectId') projectId: string,
    @Param('resourceItemPk') resourceItemPk: string,
    @Headers('x-redcrowd-actor') actor: string | undefined,
    @Body() body: { quantity?: unknown; swapTo?: unknown } | undefined,
  ): Promise<ReviewDecision> {
    if (!/^\d+$/.test(resourceItemPk)) {
      throw new ReviewError('invalid-request', 'resourceItemPk must be a number');
    }
    // {quantity} changes how much the item gives; {swapTo, quantity?} moves the allocation.
    if (body?.swapTo !== undefined) {
      return this.review.swapAllocation(
        requireUuid(projectId),
        resourceItemPk,
        body.swapTo,
        body.quantity,
        requireActor(actor),
      );
    }
    return this.review.editAllocation(
      requireUuid(projectId),
      resourceItemPk,
      body?.quantity,
      requireActor(actor),
    );
  }
}
