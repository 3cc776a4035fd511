import type { DataSource, EntityManager } from 'typeorm';
import type { OutboxRelay } from '@redcrowd/kafka';
import type {
  ClaimsRepository,
  LockedProject,
  OutboxMessage,
  OutboxRepository,
  ProjectReviewRepository,
} from '@redcrowd/persistence';
import { assertTransition } from '../review/project-lifecycle';
import { ReviewError } from '../review/review.errors';
import type { ProjectStatusWriter } from '../projects/project-status.writer';
import type { OfferService } from './offer.service';

export interface ProjectProgressDependencies {
  dataSource: DataSource;
  claims: ClaimsRepository;
  review: ProjectReviewRepository;
  offers: OfferService;
  status: ProjectStatusWriter;
  outbox: OutboxRepository;
  relay: OutboxRelay;
  /** Points (积分) a completed project of an alliance earns, shared by the claiming units by quantity. */
  pointsFor: (manager: EntityManager, allianceId: string) => Promise<number>;
}

/** After the claim: a claiming unit starts the work, the community confirms it is done. */
export class ProjectProgressService {
  constructor(private readonly deps: ProjectProgressDependencies) {}

  async start(
    projectId: string,
    unitId: string,
  ): Promise<{ projectId: string; status: string; version: number }> {
    return this.step(projectId, async (manager, project) => {
      const shares = await this.deps.claims.acceptedShares(manager, projectId);
      if (!shares.some((share) => share.unitId === unitId)) {
        throw new ReviewError('not-allowed', `only a unit that claimed project ${projectId} can start it`);
      }
      assertTransition(projectId, project.status as 'claimed', 'in-progress');
      return this.deps.status.record(manager, project, { to: 'in-progress', actor: unitId });
    });
  }

  /** The submitting community confirms completion with a 1–5 rating and a note; units earn points. */
  async complete(
    projectId: string,
    communityId: string,
    rating: unknown,
    note: unknown,
  ): Promise<{ projectId: string; status: string; version: number }> {
    if (!Number.isInteger(rating) || (rating as number) < 1 || (rating as number) > 5) {
      throw new ReviewError('invalid-request', 'rating must be a whole number from 1 to 5', 'rating');
    }
    if (note !== undefined && (typeof note !== 'string' || note.length > 1000)) {
      throw new ReviewError('invalid-request', 'note must be text of at most 1000 characters', 'note');
    }
    return this.step(projectId, async (manager, project) => {
      const demand = await this.deps.review.demandRef(manager, projectId);
      if (demand.submitterId !== communityId) {
        throw new ReviewError(
          'not-allowed',
          `only ${demand.submitterId}, who asked for it, can confirm project ${projectId}`,
        );
      }
      assertTransition(projectId, project.status as 'in-progress', 'completed');
      const shares = await this.deps.claims.acceptedShares(manager, projectId);
      const claimed = shares.reduce((sum, share) => sum + share.quantity, 0);
      const pointsPerProject = await this.deps.pointsFor(manager, project.allianceId);
      const credits = shares.map((share) => ({
        unitId: share.unitId,
        points:
          pointsPerProject === 0 ? 0 : Math.max(1, Math.round((pointsPerProject * share.quantity) / claimed)),
      }));
      await this.deps.claims.creditPoints(
        manager,
        project.allianceId,
        projectId,
        credits,
        `completed, rated ${String(rating)}`,
      );
      const reason =
        typeof note === 'string' && note.trim() !== ''
          ? `rated ${String(rating)}: ${note.trim()}`
          : `rated ${String(rating)}`;
      return this.deps.status.record(manager, project, { to: 'completed', actor: communityId, reason });
    });
  }

  private async step(
    projectId: string,
    change: (manager: EntityManager, project: LockedProject) => Promise<OutboxMessage[]>,
  ): Promise<{ projectId: string; status: string; version: number }> {
    const result = await this.deps.dataSource.transaction(async (manager) => {
      const project = await this.deps.review.lock(manager, projectId);
      if (!project) throw new ReviewError('project-not-found', `no project ${projectId}`);
      await this.deps.outbox.add(manager, await change(manager, project));
      return { projectId, status: project.status, version: project.version };
    });
    await this.deps.relay.flush().catch(() => undefined);
    return result;
  }
}
