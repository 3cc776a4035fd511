import { Injectable } from '@nestjs/common';
import type { ProjectStatus } from '@redcrowd/contracts';
import { generateCandidates } from '@redcrowd/matching';
import { AllocationRepository, MatchingPoolRepository, UnitOfWork, type Tx } from '@redcrowd/persistence';
import { approve, editAllocation, offer, reject, swapAllocation } from '@redcrowd/projects';
import { OfferTerms } from '../claims/offer-terms.service';
import { AlliancePolicyService } from '../policies/alliance-policy.service';
import { ProjectStore, type StoredProject } from '../projects/project-store';

/** A resource item that could serve a project's demand instead (what a swap may pick). */
export interface SwapCandidate {
  resourceItemPk: string;
  resourceItemId: string;
  resourceListId: string;
  unitId: string;
  unitName: string;
  /** The resource item's title on its list (two items of one unit are told apart by it). */
  resourceTitle: string;
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

/**
 * The joint meeting's (联席会) decisions on proposed projects: approve (and offer to the
 * paired units), reject with a reason, edit or swap an allocation. Each loads the project
 * under its lock, lets the aggregate decide, and saves state, audit and events together.
 */
@Injectable()
export class ProjectReviewService {
  constructor(
    private readonly work: UnitOfWork,
    private readonly store: ProjectStore,
    private readonly allocations: AllocationRepository,
    private readonly pool: MatchingPoolRepository,
    private readonly terms: OfferTerms,
    private readonly policies: AlliancePolicyService,
  ) {}

  /** Approves a proposal; in the same transaction it is offered to its paired units (对口). */
  approve(projectId: string, actor: string, expectedVersion?: number): Promise<ReviewDecision> {
    return this.work.run(async (tx) => {
      const project = await this.store.require(tx, projectId);
      const at = Date.now();
      const approved = approve(project, { actor, at, expectedVersion });
      const offered = offer(approved.project, await this.terms.window(tx, project.allianceId, actor, at));
      await this.allocations.holdResources(tx, project);
      await this.store.save(tx, project, offered.project, [...approved.events, ...offered.events]);
      return decisionOf(offered.project);
    });
  }

  reject(
    projectId: string,
    actor: string,
    reason: string,
    expectedVersion?: number,
  ): Promise<ReviewDecision> {
    return this.work.run(async (tx) => {
      const project = await this.store.require(tx, projectId);
      const rejected = reject(project, { actor, at: Date.now(), expectedVersion, reason });
      await this.store.save(tx, project, rejected.project, rejected.events);
      return decisionOf(rejected.project);
    });
  }

  /** The resource items that could serve a project's demand, best first (the API offers these for swaps). */
  candidates(projectId: string): Promise<SwapCandidate[]> {
    return this.work.run(async (tx) => this.candidatesFor(tx, await this.store.require(tx, projectId)));
  }

  /** Changes how much one resource item gives to a proposed project; the edit is kept by later rounds. */
  editAllocation(
    projectId: string,
    resourceItemPk: string,
    quantity: number,
    actor: string,
  ): Promise<ReviewDecision> {
    return this.work.run(async (tx) => {
      const project = await this.store.require(tx, projectId);
      const remainingCapacity = await this.allocations.remainingCapacity(tx, resourceItemPk, projectId);
      const edited = editAllocation(project, {
        resourceItemPk,
        quantity,
        remainingCapacity,
        actor,
        at: Date.now(),
      });
      await this.allocations.setAllocation(tx, projectId, resourceItemPk, quantity);
      await this.store.save(tx, project, edited.project, edited.events);
      return decisionOf(edited.project);
    });
  }

  /** Moves one allocation of a proposed project to another candidate resource item. */
  swapAllocation(
    projectId: string,
    fromResourceItemPk: string,
    toResourceItemPk: string,
    quantity: number | undefined,
    actor: string,
  ): Promise<ReviewDecision> {
    return this.work.run(async (tx) => {
      const project = await this.store.require(tx, projectId);
      const candidate =
        project.status === 'proposed'
          ? (await this.candidatesFor(tx, project)).find((entry) => entry.resourceItemPk === toResourceItemPk)
          : undefined;
      const target = candidate && {
        unitId: candidate.unitId,
        remainingCapacity: await this.allocations.remainingCapacity(tx, toResourceItemPk, projectId),
      };
      const swapped = swapAllocation(project, {
        fromResourceItemPk,
        toResourceItemPk,
        quantity,
        target,
        actor,
        at: Date.now(),
      });
      const moved = swapped.project.allocations.find((entry) => entry.resourceItemPk === toResourceItemPk)!;
      await this.allocations.swapAllocation(tx, projectId, fromResourceItemPk, {
        resourceItemPk: toResourceItemPk,
        unitId: moved.unitId,
        quantity: moved.quantity,
        score: candidate!.score,
        priority: candidate!.priority,
        distanceKm: candidate!.distanceKm,
        explanation: candidate!.components as object[],
      });
      await this.store.save(tx, project, swapped.project, swapped.events);
      return decisionOf(swapped.project);
    });
  }

  private async candidatesFor(tx: Tx, project: StoredProject): Promise<SwapCandidate[]> {
    if (project.demandItemPk === null) return [];
    const demand = await this.pool.demandItem(tx, project.demandItemPk);
    if (!demand) return [];
    const pool = await this.pool.load(tx, project.allianceId);
    const own = new Map(
      project.allocations.map((allocation) => [allocation.resourceItemPk, allocation.quantity]),
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
      (await this.policies.effective(tx, project.allianceId)).matching,
    );
    return candidates
      .map((candidate) => {
        const resource = resources.get(candidate.resourceId)!;
        return {
          resourceItemPk: candidate.resourceId,
          resourceItemId: resource.itemId,
          resourceListId: resource.listId,
          unitId: resource.unitId,
          unitName: resource.unitName,
          resourceTitle: resource.title,
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
}

function decisionOf(project: StoredProject): ReviewDecision {
  return { projectId: project.id, status: project.status, version: project.version };
}
