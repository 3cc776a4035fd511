import { Injectable } from '@nestjs/common';
import type { Principal } from '@redcrowd/auth';
import { DomainError, type ProjectStatus } from '@redcrowd/contracts';
import {
  PointsRepository,
  ProjectRepository,
  UnitOfWork,
  WorkReportRepository,
  type StoredWorkReport,
  type WorkReportPhoto,
} from '@redcrowd/persistence';
import { complete, ProjectError, reportWork, start, type Project } from '@redcrowd/projects';
import { AlliancePolicyService } from '../policies/alliance-policy.service';
import { ProjectStore } from '../projects/project-store';
import { checkedPhoto } from './work-photo';

export interface ProgressStep {
  projectId: string;
  status: ProjectStatus;
  version: number;
}

/** A unit's report as the parties read it: the photo by its own route. */
export interface WorkReportView extends Omit<StoredWorkReport, 'photoType'> {
  hasPhoto: boolean;
}

/**
 * After the claim: a claiming unit starts the work and reports its part done (完成报告), the
 * community confirms it (验收) once every claiming unit has reported.
 */
@Injectable()
export class ProjectProgressService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly store: ProjectStore,
    private readonly points: PointsRepository,
    private readonly policies: AlliancePolicyService,
    private readonly projects: ProjectRepository,
    private readonly reports: WorkReportRepository,
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
      const reportedUnitIds = await this.reports.reportedUnitIds(tx, projectId);
      const completed = complete(project, {
        communityId,
        rating,
        note,
        pointsPerProject,
        reportedUnitIds,
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

  /**
   * A claiming unit reports its part done: the note, the hours and optionally a photo, checked
   * by its bytes before anything is written. A second report replaces the unit's first.
   */
  async report(
    projectId: string,
    unitId: string,
    report: { note: string; hours: string; photo?: Buffer },
  ): Promise<ProgressStep> {
    const photo = report.photo ? await checkedPhoto(report.photo) : undefined;
    return this.work.run(async (tx) => {
      const project = await this.store.require(tx, projectId);
      const reported = reportWork(project, {
        unitId,
        note: report.note,
        hours: Number(report.hours),
        ...(photo ? { photo: { mediaType: photo.mediaType, bytes: photo.bytes.length } } : {}),
        at: Date.now(),
      });
      await this.reports.save(tx, {
        projectId,
        unitId,
        note: report.note.trim(),
        hours: Number(report.hours),
        ...(photo ? { photo } : {}),
      });
      await this.store.save(tx, project, reported.project, reported.events);
      return stepOf(reported.project);
    });
  }

  /** The project's work reports, for its parties: the coordinators, the claiming units, the submitter. */
  reportsOf(caller: Principal, projectId: string): Promise<WorkReportView[]> {
    return this.work.single(async (tx) => {
      assertParty(caller, await this.store.require(tx, projectId));
      const reports = await this.reports.reportsOf(tx, projectId);
      return reports.map(({ photoType, ...report }) => ({ ...report, hasPhoto: photoType !== null }));
    });
  }

  /** A report's photo, for the project's parties. */
  photoOf(caller: Principal, projectId: string, unitId: string): Promise<WorkReportPhoto> {
    return this.work.single(async (tx) => {
      assertParty(caller, await this.store.require(tx, projectId));
      const photo = await this.reports.photoOf(tx, projectId, unitId);
      if (!photo) throw new DomainError('not-found', `no photo from ${unitId} on project ${projectId}`);
      return photo;
    });
  }

  /** A unit's points (积分) in an alliance, with the projects that earned them. */
  pointsOf(allianceId: string, unitId: string) {
    return this.work.single((tx) => this.points.pointsOf(tx, allianceId, unitId));
  }
}

/**
 * Who may read a project's reports: its alliance's coordinators and admins (the tenant guard
 * has checked the alliance), the units that claimed it, and the member that asked for it.
 */
function assertParty(caller: Principal, project: Project): void {
  if (caller.role === 'coordinator' || caller.role === 'admin') return;
  const member = caller.communityId ?? caller.unitId;
  const claimed = project.claims.some((share) => share.unitId === caller.unitId);
  if (claimed || (member !== undefined && member === project.submitterId)) return;
  throw new ProjectError('not-allowed', `only the parties of project ${project.id} read its work reports`);
}

function stepOf(project: { id: string; status: ProjectStatus; version: number }): ProgressStep {
  return { projectId: project.id, status: project.status, version: project.version };
}
