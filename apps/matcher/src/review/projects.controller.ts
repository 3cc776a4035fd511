import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, UseFilters } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { allianceOf, type Principal } from '@redcrowd/auth';
import { Allow, Caller } from '@redcrowd/nest-auth';
import { ProjectRepository, ProjectReviewRepository, type ProjectListing } from '@redcrowd/persistence';
import { TenantScope } from '../access/tenant-scope';
import { ProjectReviewService, type ReviewDecision, type SwapCandidate } from './project-review.service';
import { ReviewErrorFilter } from './review-error.filter';
import { expectedVersionOf, type DecisionBody } from './http-params';
import { ReviewError } from './review.errors';

/**
 * Coordinator review of projects (项目清单), scoped to the caller's alliance; the signed-in
 * coordinator is recorded as the actor of each decision. Documented in docs/openapi.yaml.
 */
@Controller('projects')
@UseFilters(ReviewErrorFilter)
export class ProjectsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ProjectRepository,
    private readonly reviewRows: ProjectReviewRepository,
    private readonly review: ProjectReviewService,
    private readonly scope: TenantScope,
  ) {}

  @Get()
  @Allow('coordinator', 'admin')
  list(
    @Caller() caller: Principal,
    @Query('allianceId') allianceId?: string,
    @Query('status') status?: string,
    @Query('community') submitterId?: string,
    @Query('category') category?: string,
    @Query('unit') unitId?: string,
    @Query('urgency') urgency?: string,
  ): Promise<ProjectListing[]> {
    return this.projects.listForAlliance(this.dataSource.manager, allianceOf(caller, allianceId), {
      status,
      submitterId,
      category,
      unitId,
      urgency,
    });
  }

  @Get(':projectId')
  @Allow('coordinator', 'admin')
  async detail(@Caller() caller: Principal, @Param('projectId') projectId: string): Promise<object> {
    const id = await this.scope.project(caller, projectId);
    const project = await this.reviewRows.detail(this.dataSource.manager, id);
    if (!project) throw new ReviewError('project-not-found', `no project ${projectId}`);
    return project;
  }

  /** Resource items that could serve the project's demand, for swapping an allocation. */
  @Get(':projectId/candidates')
  @Allow('coordinator', 'admin')
  async candidates(
    @Caller() caller: Principal,
    @Param('projectId') projectId: string,
  ): Promise<SwapCandidate[]> {
    return this.review.candidates(await this.scope.project(caller, projectId));
  }

  @Post(':projectId/approve')
  @Allow('coordinator', 'admin')
  @HttpCode(200)
  async approve(
    @Caller() caller: Principal,
    @Param('projectId') projectId: string,
    @Body() body: DecisionBody | undefined,
  ): Promise<ReviewDecision> {
    const id = await this.scope.project(caller, projectId);
    return this.review.approve(id, caller.subject, expectedVersionOf(body));
  }

  @Post(':projectId/reject')
  @Allow('coordinator', 'admin')
  @HttpCode(200)
  async reject(
    @Caller() caller: Principal,
    @Param('projectId') projectId: string,
    @Body() body: DecisionBody | undefined,
  ): Promise<ReviewDecision> {
    const id = await this.scope.project(caller, projectId);
    return this.review.reject(id, caller.subject, body?.reason, expectedVersionOf(body));
  }

  @Patch(':projectId/allocations/:resourceItemPk')
  @Allow('coordinator', 'admin')
  async editAllocation(
    @Caller() caller: Principal,
    @Param('projectId') projectId: string,
    @Param('resourceItemPk') resourceItemPk: string,
    @Body() body: { quantity?: unknown; swapTo?: unknown } | undefined,
  ): Promise<ReviewDecision> {
    const id = await this.scope.project(caller, projectId);
    if (!/^\d+$/.test(resourceItemPk)) {
      throw new ReviewError('invalid-request', 'resourceItemPk must be a number');
    }
    // {quantity} changes how much the item gives; {swapTo, quantity?} moves the allocation.
    if (body?.swapTo !== undefined) {
      return this.review.swapAllocation(id, resourceItemPk, body.swapTo, body.quantity, caller.subject);
    }
    return this.review.editAllocation(id, resourceItemPk, body?.quantity, caller.subject);
  }
}
