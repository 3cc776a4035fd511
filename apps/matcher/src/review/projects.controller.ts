import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { allianceOf, type Principal } from '@redcrowd/auth';
import { DomainError } from '@redcrowd/contracts';
import { Allow, Caller } from '@redcrowd/nest-auth';
import type { ProjectListing } from '@redcrowd/persistence';
import { ApproveProjectDto, EditAllocationDto, ProjectFiltersDto, RejectProjectDto } from './dto/review.dto';
import { ProjectQueries } from './project-queries.service';
import { ProjectReviewService, type ReviewDecision, type SwapCandidate } from './project-review.service';

/**
 * Coordinator review of projects (项目清单), scoped to the caller's alliance; the signed-in
 * coordinator is recorded as the actor of each decision. Documented in docs/openapi.yaml.
 */
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly queries: ProjectQueries,
    private readonly review: ProjectReviewService,
  ) {}

  @Get()
  @Allow('coordinator', 'admin')
  list(@Caller() caller: Principal, @Query() filters: ProjectFiltersDto): Promise<ProjectListing[]> {
    return this.queries.list(allianceOf(caller, filters.allianceId), filters);
  }

  @Get(':projectId')
  @Allow('coordinator', 'admin')
  detail(@Param('projectId') projectId: string): Promise<object> {
    return this.queries.detail(projectId);
  }

  /** Resource items that could serve the project's demand, for swapping an allocation. */
  @Get(':projectId/candidates')
  @Allow('coordinator', 'admin')
  candidates(@Param('projectId') projectId: string): Promise<SwapCandidate[]> {
    return this.review.candidates(projectId);
  }

  @Post(':projectId/approve')
  @Allow('coordinator', 'admin')
  @HttpCode(200)
  approve(
    @Caller() caller: Principal,
    @Param('projectId') projectId: string,
    @Body() body: ApproveProjectDto,
  ): Promise<ReviewDecision> {
    return this.review.approve(projectId, caller.subject, body.expectedVersion);
  }

  @Post(':projectId/reject')
  @Allow('coordinator', 'admin')
  @HttpCode(200)
  reject(
    @Caller() caller: Principal,
    @Param('projectId') projectId: string,
    @Body() body: RejectProjectDto,
  ): Promise<ReviewDecision> {
    return this.review.reject(projectId, caller.subject, body.reason, body.expectedVersion);
  }

  @Patch(':projectId/allocations/:resourceItemPk')
  @Allow('coordinator', 'admin')
  editAllocation(
    @Caller() caller: Principal,
    @Param('projectId') projectId: string,
    @Param('resourceItemPk') resourceItemPk: string,
    @Body() body: EditAllocationDto,
  ): Promise<ReviewDecision> {
    if (!/^\d{1,19}$/.test(resourceItemPk)) {
      throw new DomainError('invalid-request', 'resourceItemPk must be a number', {
        field: 'resourceItemPk',
      });
    }
    if (body.swapTo !== undefined) {
      return this.review.swapAllocation(
        projectId,
        resourceItemPk,
        body.swapTo,
        body.quantity,
        caller.subject,
      );
    }
    if (body.quantity === undefined) {
      throw new DomainError('invalid-request', 'give quantity, or swapTo to move the allocation', {
        field: 'quantity',
      });
    }
    return this.review.editAllocation(projectId, resourceItemPk, body.quantity, caller.subject);
  }
}
