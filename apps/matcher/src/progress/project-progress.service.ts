import { Injectable } from '@nestjs/common';
import type { ProjectStatus } from '@redcrowd/contracts';
import { PointsRepository, ProjectRepository, UnitOfWork } from '@redcrowd/persistence';
import { complete, start } from '@redcrowd/projects';
import { AlliancePolicyService } from '../policies/alliance-policy.service';
import { ProjectStore } from '../projects/project-store';

export interface ProgressStep {
  projectId: string;
  status: ProjectStatus;
  version: number;
}

/** After the claim: a claiming unit starts the work, the community confirms it is done. */
@Injectable()
export class ProjectProgressService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly store: ProjectStore,
    private readonly points: PointsRepository,
    private readonly policies: AlliancePolicyService,
    private readonly projects: ProjectRepository,
  ) {}

  start(projectId: string, unitId: string): Promise<ProgressStep> {
    return this.work.run(async (tx) => {
      const project = await this.store.require(tx, projectId);
      const started = start(project, { unitId, at: Date.now() });
      await this.store.save(tx, project, started.project, started.events);
      return stepOf(started.project);
    });
  }

  /** The submitting community confirms completion with a 1–5 rating and a note; units earn points (积分). */
  complete(projectId: string, communityId: string, rating: number, note?: string): Promise<ProgressStep> {
    return this.work.run(async (tx) => {
      const project = await this.store.require(tx, projectId);
      const { pointsPerProject } = await this.policies.effective(tx, project.allianceId);
      const opens = await this.projects.windowOpensAt(tx, projectId);
      const completed = complete(project, {
        communityId,
        rating,
        note,
        pointsPerProject,
        at: Date.now(),
        ...(opens ? { windowOpensAt: opens.getTime() } : {}),
      });
      await this.points.creditPoints(
        tx,
        project.allianceId,
        projectId,
        completed.credits,
        completed.creditReason,
      );
      await this.store.save(tx, project, completed.project, completed.events);
      return stepOf(completed.project);
    });
  }

  /** A unit's points (积分) in an alliance, with the projects that earned them. */
  pointsOf(allianceId: string, unitId: string) {
    return this.work.single((tx) => this.points.pointsOf(tx, allianceId, unitId));
  }
}

function stepOf(project: { id: string; status: ProjectStatus; version: number }): ProgressStep {
  return { projectId: project.id, status: project.status, version: project.version };
}
