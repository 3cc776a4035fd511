import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { ProjectProposed, ProjectRevised } from '@redcrowd/contracts';
import { match, type MatchResult } from '@redcrowd/matching';
import { CORRELATION_ID_HEADER } from '@redcrowd/kafka';
import { LOGGER } from '@redcrowd/nest-kafka';
import {
  MatchingPoolRepository,
  OutboxRepository,
  ProjectRepository,
  UnitOfWork,
  UnmatchedDemandRepository,
  type OutboxMessage,
  type ProposedProject,
  type Tx,
} from '@redcrowd/persistence';
import { cancel, propose, revise } from '@redcrowd/projects';
import { withLogContext, type JsonLogger } from '@redcrowd/runtime';
import { TOPICS, type Topics } from '../core/tokens';
import { AlliancePolicyService } from '../policies/alliance-policy.service';
import { ProjectStore } from '../projects/project-store';
import { allocationInputs, allocationRows, PoolIndex, projectSnapshot } from './project-snapshots';
import { planRound } from './round-plan';
import {
  projectCorrelation,
  standaloneCorrelation,
  type ProjectCorrelation,
  type RoundCorrelation,
} from './round-correlation';

export interface RoundSummary {
  allianceId: string;
  proposed: number;
  revised: number;
  cancelled: number;
  unchanged: number;
  unmatchedDemands: number;
  objective: number;
  ms: number;
}

/** A committed round: what it changed, the exact solver's share of it, and the pool it matched. */
export interface FinishedRound {
  summary: RoundSummary;
  solverMs: number;
  pool: { resources: number; demands: number };
}

/** How one round went, for its observers (metrics); a failed one rolled back, its caller may retry. */
export type RoundReport =
  ({ type: 'finished' } & FinishedRound) | { type: 'failed'; allianceId: string; ms: number };

/**
 * One matching round for one alliance (联席会 pairing): load the pool, match it, and write
 * the differences with their events, all in one transaction. An advisory lock makes
 * rounds of one alliance run one at a time, whichever instance runs them.
 */
@Injectable()
export class MatchingRoundService {
  private readonly reportObservers: Array<(report: RoundReport) => void> = [];

  constructor(
    private readonly work: UnitOfWork,
    private readonly pool: MatchingPoolRepository,
    private readonly projects: ProjectRepository,
    private readonly unmatched: UnmatchedDemandRepository,
    private readonly outbox: OutboxRepository,
    private readonly policies: AlliancePolicyService,
    private readonly store: ProjectStore,
    @Inject(TOPICS) private readonly topics: Topics,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  /** Calls `observer` after each round, once committed or once failed (metrics). */
  onRound(observer: (report: RoundReport) => void): void {
    this.reportObservers.push(observer);
  }

  /** `correlation`: the accepted lists behind the round (see RoundCorrelation); none for other triggers. */
  async run(
    allianceId: string,
    trigger: string,
    correlation: RoundCorrelation = standaloneCorrelation(),
  ): Promise<RoundSummary> {
    const started = performance.now();
    const traced: ProjectCorrelation[] = [];
    let finished: FinishedRound;
    try {
      // Bound for the whole round, so events written without headers of their own (a
      // cancellation's status change) and every log line carry the round's correlation id.
      finished = await withLogContext({ correlationId: correlation.correlationId }, () =>
        this.work.run((tx) => this.runLocked(tx, allianceId, trigger, correlation, traced)),
      );
    } catch (error) {
      this.report({ type: 'failed', allianceId, ms: performance.now() - started });
      throw error;
    }
    const { summary } = finished;
    summary.ms = performance.now() - started;
    this.report({ type: 'finished', ...finished });
    const { correlationId } = correlation;
    const correlationIds = correlation.lists.map((list) => list.correlationId);
    this.logger.event('info', 'matching round finished', {
      ...summary,
      trigger,
      correlationId,
      correlationIds,
    });
    if (correlation.lists.length > 0 && traced.length > 0) {
      this.logger.event('info', 'matching round correlation', {
        allianceId,
        correlationId,
        projects: traced,
      });
    }
    return summary;
  }

  private report(report: RoundReport): void {
    for (const observer of this.reportObservers) observer(report);
  }

  /** `traced` receives each proposed or revised project's lists (for the round's log, once committed). */
  private async runLocked(
    tx: Tx,
    allianceId: string,
    trigger: string,
    correlation: RoundCorrelation,
    traced: ProjectCorrelation[],
  ): Promise<FinishedRound> {
    traced.length = 0;
    await this.pool.lockAlliance(tx, allianceId);
    const now = Date.now();
    const pool = await this.pool.load(tx, allianceId);
    const result = match(
      pool.resources.map((resource) => ({
        ...resource,
        availableFrom: resource.availableFrom.getTime(),
        availableTo: resource.availableTo.getTime(),
      })),
      pool.demands.map((demand) => ({
        ...demand,
        windowFrom: demand.windowFrom.getTime(),
        windowTo: demand.windowTo.getTime(),
        postedAt: demand.postedAt.getTime(),
      })),
      (await this.policies.effective(tx, allianceId, now)).matching,
    );
    const plan = planRound(pool.proposed, result.proposals);
    const index = new PoolIndex(pool.resources, pool.demands);
    const events: OutboxMessage[] = [];
    const at = new Date(now).toISOString();
    const actor = 'matcher';
    const details = { trigger, objective: result.objective };
    const headers = { [CORRELATION_ID_HEADER]: correlation.correlationId };

    for (const proposal of plan.create) {
      const demand = index.demand(proposal.demandId);
      const { project } = propose({
        id: randomUUID(),
        allianceId,
        submitterId: demand.submitterId,
        requested: proposal.requested,
        allocations: allocationInputs(proposal, index),
        actor,
        at: now,
      });
      await this.projects.createProposed(
        tx,
        { ...project, demandItemPk: proposal.demandId },
        allocationRows(proposal, index),
        { actor, action: 'proposed', details },
      );
      const event: ProjectProposed = {
        eventId: randomUUID(),
        project: projectSnapshot(project.id, allianceId, 'proposed', project.version, proposal, index),
        proposedAt: at,
      };
      events.push({ topic: this.topics.projectsProposed, key: allianceId, payload: event, headers });
      traced.push(projectCorrelation(event.project, correlation.lists));
    }
    for (const { project: stored, proposal } of plan.revise) {
      const { project } = revise(asProposal(stored, allianceId), {
        requested: proposal.requested,
        allocations: allocationInputs(proposal, index),
        actor,
        at: now,
      });
      await this.projects.revise(
        tx,
        stored.id,
        stored.version,
        { requested: project.requested, unmet: project.unmet },
        allocationRows(proposal, index),
        { actor, action: 'revised', details },
      );
      const event: ProjectRevised = {
        eventId: randomUUID(),
        project: projectSnapshot(project.id, allianceId, 'proposed', project.version, proposal, index),
        previousVersion: stored.version,
        revisedAt: at,
      };
      events.push({ topic: this.topics.projectsRevised, key: allianceId, payload: event, headers });
      traced.push(projectCorrelation(event.project, correlation.lists));
    }
    for (const { project: stored, reason } of plan.cancel) {
      const before = { ...asProposal(stored, allianceId), submitterId: '', offers: [], claims: [] };
      const cancelled = cancel(before, { actor, at: now, reason });
      await this.store.save(tx, before, cancelled.project, cancelled.events, details);
    }
    await this.outbox.add(tx, events);
    await this.unmatched.replace(tx, allianceId, unmatchedOf(pool.demands, result));
    const summary: RoundSummary = {
      allianceId,
      proposed: plan.create.length,
      revised: plan.revise.length,
      cancelled: plan.cancel.length,
      unchanged: plan.unchanged,
      unmatchedDemands: result.unmatched.length,
      objective: result.objective,
      ms: 0,
    };
    return {
      summary,
      solverMs: result.stats.solveMs,
      pool: { resources: pool.resources.length, demands: pool.demands.length },
    };
  }
}

/**
 * The joint meeting's list of unmet demands: those without a single candidate, with the
 * reason match() found, and those that had candidates but got nothing because the optimal
 * allocation gave the capacity to others (no-capacity). A demand asking for nothing is none.
 */
function unmatchedOf(
  demands: ReadonlyArray<{ id: string; quantity: number }>,
  result: MatchResult,
): Array<{ demandId: string; reason: string }> {
  const explained = result.unmatched.filter((entry) => entry.reason !== 'nothing-requested');
  const accounted = new Set([
    ...result.unmatched.map((entry) => entry.demandId),
    ...result.proposals.map((proposal) => proposal.demandId),
  ]);
  const outbid = demands
    .filter((demand) => demand.quantity > 0 && !accounted.has(demand.id))
    .map((demand) => ({ demandId: demand.id, reason: 'no-capacity' }));
  return [...explained, ...outbid];
}

/** A proposal a round may still change, as the aggregate sees it (rounds see only unedited ones). */
function asProposal(project: ProposedProject, allianceId: string) {
  return {
    id: project.id,
    allianceId,
    status: 'proposed' as const,
    version: project.version,
    requested: project.requested,
    unmet: project.unmet,
    allocations: [...project.allocations].map(([resourceItemPk, quantity]) => ({
      resourceItemPk,
      unitId: '',
      quantity,
      pinned: false,
    })),
  };
}
