import { Injectable } from '@nestjs/common';
import { DomainError } from '@redcrowd/contracts';
import { ProjectListingRepository, UnitOfWork, type ProjectListing } from '@redcrowd/persistence';
import type { ProjectFiltersDto } from './dto/review.dto';

/** Projects (项目清单) as coordinators read them. */
@Injectable()
export class ProjectQueries {
  constructor(
    private readonly work: UnitOfWork,
    private readonly listings: ProjectListingRepository,
  ) {}

  list(allianceId: string, filters: ProjectFiltersDto): Promise<ProjectListing[]> {
    return this.work.single((tx) =>
      this.listings.listForAlliance(tx, allianceId, {
        status: filters.status,
        submitterId: filters.community,
        category: filters.category,
        unitId: filters.unit,
        urgency: filters.urgency,
      }),
    );
  }

  /** The project, its allocations and its audit trail, from one snapshot. */
  async detail(projectId: string): Promise<object> {
    const project = await this.work.read((tx) => this.listings.detail(tx, projectId));
    if (!project) throw new DomainError('project-not-found', `no project ${projectId}`);
    return project;
  }
}
