import type { DataSource, EntityManager } from 'typeorm';
import type { ProjectStatus, TopicId } from '@redcrowd/contracts';
import type { OutboxRelay } from '@redcrowd/kafka';
import { generateCandidates, type MatchingPolicy } from '@redcrowd/matching';
import type {
  LockedProject,
  MatchingPoolRepository,
  OutboxMessage,
  OutboxRepository,
  ProjectReviewRepository,
} from '@redcrowd/persistence';
import type { OfferService } from '../claims/offer.service';
import type { ProjectStatusWriter, StatusChange } from '../projects/project-status.writer';
import { assertTransition } from './project-lifecycle';
import { ReviewError } from './review.errors';

export interface ProjectReviewDependencies {
  dataSource: DataSource;
  review: ProjectReviewRepository;
  outbox: OutboxRepository;
  relay: OutboxRelay;
  offers: OfferService;
  status: ProjectStatusWriter;
  pool: MatchingPoolRepository;
  policyFor: (manager: EntityManager, allianceId: string, now: number) => Promise<MatchingPolicy>;
  topics: Record<TopicId, string>;
}

/** A resource item that could serve a project's demand instead (what a swap may pick). */
export interface SwapCandidate {
  resourceItemPk: string;
  resourceItemId: string;
  resourceListId: string;
  unitId: string;
  /** What the item can still give, outside approved work and edited proposals. */
  available: number;
  score: number;
  priority: number;
  distanceKm: number;
  components: unknown[];
  allocatedToThisProject: number;
}

export interface ReviewDecision {
  projectId: string;
  status: ProjectStatus;
  version: number;
}

/** Largest reason a coordinator may write, so audit rows and events stay readable. */
export const MAX_REASON_LENGTH = 500;

/**
 * The joint meeting's (联席会) decisions on proposed projects: approve, reject with a
 * reason, edit an allocation. Each decision locks the project, checks the transition,
 * writes an audit row and a projects.status-changed.v1 event in one transaction.
 */
export class ProjectReviewService {
  constructor(private readonly deps: ProjectReviewDependencies) {}

  /** Approves a proposal; in the same transaction it is offered to its paired units (对口). */
  approve(projectId: string, actor: string, expectedVersion?: number): Promise<ReviewDecision> {
    return this.decide(
      projectId,
      actor,
      expectedVersion,
      'approved',
      null,
      async (manager, project) => {
        await this.deps.review.holdResources(manager, project);
      },
      (manager, project) => this.deps.offers.offerToPairedUnits(manager, project, actor),
    );
  }

  reject(
    projectId: string,
    actor: string,
    reason: unknown,
    expectedVersion?: number,
  ): Promise<ReviewDecision> {
    if (typeof reason !== 'string' || reason.trim() === '') {
      throw new ReviewError('invalid-request', 'a rejection needs a reason (field "reason")', 'reason');
    }
    if (reason.length > MAX_REASON_LENGTH) {
      throw new ReviewError(
        'invalid-request',
        `the reason may be at most ${MAX_REASON_LENGTH} characters`,
        'reason',
      );
    }
    return this.decide(projectId, actor, expectedVersion, 'rejected', reason.trim(), async () => undefined);
  }

  /** The resource items that could serve a project's demand, best first (the API offers these for swaps). */
  async candidates(projectId: string): Promise<SwapCandidate[]> {
    return this.deps.dataSource.transaction(async (manager) => {
      const project = await this.lockExisting(manager, projectId);
      return this.candidatesFor(manager, project);
    });
  }

  /** Moves one allocation of a proposed project to another candidate resource item. */
  async swapAllocation(
    projectId: string,
    fromResourceItemPk: string,
    toResourceItemPk: unknown,
    quantity: unknown,
    actor: string,
  ): Promise<ReviewDecision> {
    if (typeof toResourceItemPk !== 'string' || !/^\d+$/.test(toResourceItemPk)) {
      throw new ReviewError(
        'invalid-request',
        'swapTo must be the resourceItemPk of a candidate (see GET /projects/{projectId}/candidates)',
        'swapTo',
      );
    }
    if (quantity !== undefined && (!Number.isSafeInteger(quantity) || (quantity as number) < 1)) {
      throw new ReviewError('invalid-request', 'quantity must be a whole number of at least 1', 'quantity');
    }
    const decision = await this.deps.dataSource.transaction(async (manager) => {
      const project = await this.lockProposed(manager, projectId);
      const allocations = await this.deps.review.allocations(manager, projectId);
      const from = allocations.find((entry) => entry.resourceItemPk === fromResourceItemPk);
      if (!from) {
        throw new ReviewError(
          'allocation-not-found',
          `project ${projectId} has no allocation from resource item ${fromResourceItemPk}`,
        );
      }
      if (allocations.some((entry) => entry.resourceItemPk === toResourceItemPk)) {
        throw new ReviewError(
          'invalid-request',
          `resource item ${toResourceItemPk} already serves this project; edit its quantity instead`,
          'swapTo',
        );
      }
      const target = (await this.candidatesFor(manager, project)).find(
        (c) => c.resourceItemPk === toResourceItemPk,
      );
      if (!target) {
        throw new ReviewError(
          'not-a-candidate',
          `resource item ${toResourceItemPk} cannot serve this demand (category, unit, place, time or capacity)`,
        );
      }
      const amount = (quantity as number | undefined) ?? from.quantity;
      const others = allocations.reduce((sum, entry) => sum + (entry === from ? 0 : entry.quantity), 0);
      if (others + amount > project.requested) {
        throw new ReviewError(
          'capacity-exceeded',
          `the demand asks for ${project.requested}; at most ${project.requested - others} can come from the new resource`,
          'quantity',
        );
      }
      const remaining = await this.deps.review.remainingCapacity(manager, toResourceItemPk, projectId);
      if (amount > remaining) {
        throw new ReviewError(
          'capacity-exceeded',
          `resource item ${toResourceItemPk} has only ${remaining} left for this project`,
          'quantity',
        );
      }
      await this.deps.review.swapAllocation(manager, projectId, fromResourceItemPk, {
        resourceItemPk: toResourceItemPk,
        unitId: target.unitId,
        quantity: amount,
        score: target.score,
        priority: target.priority,
        distanceKm: target.distanceKm,
        explanation: target.components as object[],
      });
      await this.recordAndPublish(manager, project, {
        to: 'proposed',
        actor,
        action: 'allocation-swapped',
        details: { from: fromResourceItemPk, to: toResourceItemPk, quantity: amount },
        reason: `allocation moved from ${fromResourceItemPk} to ${toResourceItemPk}`,
      });
      return { projectId, status: 'proposed' as const, version: project.version };
    });
    await this.flush();
    return decision;
  }

  /** Changes how much one resource item gives to a proposed project; the edit is kept by later rounds. */
  async editAllocation(
    projectId: string,
    resourceItemPk: string,
    quantity: unknown,
    actor: string,
  ): Promise<ReviewDecision> {
    if (!Number.isSafeInteger(quantity) || (quantity as number) < 1) {
      throw new ReviewError('invalid-request', 'quantity must be a whole number of at least 1', 'quantity');
    }
    const amount = quantity as number;
    const decision = await this.deps.dataSource.transaction(async (manager) => {
      const project = await this.lockProposed(manager, projectId);
      const allocations = await this.deps.review.allocations(manager, projectId);
      const allocation = allocations.find((entry) => entry.resourceItemPk === resourceItemPk);
      if (!allocation) {
        throw new ReviewError(
          'allocation-not-found',
          `project ${projectId} has no allocation from resource item ${resourceItemPk}`,
        );
      }
      const others = allocations.reduce((sum, entry) => sum + (entry === allocation ? 0 : entry.quantity), 0);
      if (others + amount > project.requested) {
        throw new ReviewError(
          'capacity-exceeded',
          `the demand asks for ${project.requested}; with the other allocations (${others}) at most ${project.requested - others} can come from this resource`,
          'quantity',
        );
      }
      const remaining = await this.deps.review.remainingCapacity(manager, resourceItemPk, projectId);
      if (amount > remaining) {
        throw new ReviewError(
          'capacity-exceeded',
          `resource item ${resourceItemPk} has only ${remaining} left for this project`,
          'quantity',
        );
      }
      await this.deps.review.setAllocation(manager, projectId, resourceItemPk, amount);
      await this.recordAndPublish(manager, project, {
        to: 'proposed',
        actor,
        action: 'allocation-edited',
        details: { resourceItemPk, from: allocation.quantity, to: amount },
        reason: `allocation of ${resourceItemPk} set to ${amount}`,
      });
      return { projectId, status: 'proposed' as const, version: project.version };
    });
    await this.flush();
    return decision;
  }

  private async decide(
    projectId: string,
    actor: string,
    expectedVersion: number | undefined,
    to: ProjectStatus,
    reason: string | null,
    effects: (manager: EntityManager, project: LockedProject) => Promise<void>,
    then?: (manager: EntityManager, project: LockedProject) => Promise<OutboxMessage[]>,
  ): Promise<ReviewDecision> {
    const decision = await this.deps.dataSource.transaction(async (manager) => {
      const project = await this.lockExisting(manager, projectId);
      if (expectedVersion !== undefined && expectedVersion !== project.version) {
        throw new ReviewError(
          'version-conflict',
          `project ${projectId} is at version ${project.version}, not ${expectedVersion}: reload it and decide again`,
        );
      }
      assertTransition(projectId, project.status as ProjectStatus, to);
      await effects(manager, project);
      await this.recordAndPublish(manager, project, { to, actor, reason });
      if (then) await this.deps.outbox.add(manager, await then(manager, project));
      return { projectId, status: project.status as ProjectStatus, version: project.version };
    });
    await this.flush();
    return decision;
  }

  private async candidatesFor(manager: EntityManager, project: LockedProject): Promise<SwapCandidate[]> {
    if (project.demandItemPk === null) return [];
    const demand = await this.deps.pool.demandItem(manager, project.demandItemPk);
    if (!demand) return [];
    const pool = await this.deps.pool.load(manager, project.allianceId);
    const own = new Map(
      (await this.deps.review.allocations(manager, project.id)).map((a) => [a.resourceItemPk, a.quantity]),
    );
    const resources = new Map(pool.resources.map((resource) => [resource.id, resource]));
    const candidates = generateCandidates(
      pool.resources.map((r) => ({
        ...r,
        availableFrom: r.availableFrom.getTime(),
        availableTo: r.availableTo.getTime(),
      })),
      [
        {
          ...demand,
          windowFrom: demand.windowFrom.getTime(),
          windowTo: demand.windowTo.getTime(),
          postedAt: demand.postedAt.getTime(),
        },
      ],
      await this.deps.policyFor(manager, project.allianceId, Date.now()),
    );
    return candidates
      .map((candidate) => {
        const resource = resources.get(candidate.resourceId)!;
        return {
          resourceItemPk: candidate.resourceId,
          resourceItemId: resource.itemId,
          resourceListId: resource.listId,
          unitId: resource.unitId,
          available: resource.capacity,
          score: candidate.score,
          priority: candidate.priority,
          distanceKm: candidate.distanceKm,
          components: candidate.components,
          allocatedToThisProject: own.get(candidate.resourceId) ?? 0,
        };
      })
      .sort((a, b) => b.score - a.score || (a.resourceItemPk < b.resourceItemPk ? -1 : 1));
  }

  private async lockExisting(manager: EntityManager, projectId: string): Promise<LockedProject> {
    const project = await this.deps.review.lock(manager, projectId);
    if (!project) throw new ReviewError('project-not-found', `no project ${projectId}`);
    return project;
  }

  private async lockProposed(manager: EntityManager, projectId: string): Promise<LockedProject> {
    const project = await this.lockExisting(manager, projectId);
    if (project.status !== 'proposed') {
      throw new ReviewError(
        'illegal-transition',
        `project ${projectId} is ${project.status}; only proposed projects can be edited`,
      );
    }
    return project;
  }

  private async recordAndPublish(
    manager: EntityManager,
    project: LockedProject,
    change: StatusChange,
  ): Promise<void> {
    await this.deps.outbox.add(manager, await this.deps.status.record(manager, project, change));
  }

  private async flush(): Promise<void> {
    await this.deps.relay.flush().catch(() => undefined); // the periodic sweep retries
  }
}
