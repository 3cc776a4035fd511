import { Controller, Get, Query } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ProjectRepository, type ProjectListing } from '@redcrowd/persistence';

/** Read-only view of an alliance's projects (the review API builds on it). */
@Controller('projects')
export class ProjectsController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly projects: ProjectRepository,
  ) {}

  @Get()
  list(@Query('allianceId') allianceId: string, @Query('status') status?: string): Promise<ProjectListing[]> {
    return this.projects.listForAlliance(this.dataSource.manager, allianceId, status ?? null);
  }
}
