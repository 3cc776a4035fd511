import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { ProjectProposed, ProjectRevised, ProjectStatusChanged, TopicId } from '@redcrowd/contracts';
import type { OutboxRelay } from '@redcrowd/kafka';
import { match, type MatchResult, type MatchingPolicy } from '@redcrowd/matching';
import type {
  MatchingPoolRepository,
  OutboxMessage,
  OutboxRepository,
  ProjectRepository,
  UnmatchedDemandRepository,
} from '@redcrowd/persistence';
import type { JsonLogger } from '@redcrowd/runtime';
import { allocationRows, PoolIndex, projectSnapshot } from './project-snapshots';
import { planRound } from './round-plan';

export interface MatchingRoundDependencies {
  dataSource: DataSource;
  pool: MatchingPoolRepository;
  projects: ProjectRepository;
  unmatched: UnmatchedDemandRepository;
  outbox: OutboxRepository;
  relay: OutboxRelay;
  topics: Record<TopicId, string>;
  /** The alliance's policy at `now` (weights, related categories, ...). */
  policyFor: (manager: EntityManager, allianceId: string, now: number) => Promise<MatchingPolicy>;
  logger: JsonLogger;
}

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

/**
 * One matching round for one alliance (联席会 pairing): load the pool, match it, and write
 * the differences with their events, all in one transaction. An advisory lock makes
 * rounds of one alliance run one at a time, whichever instance runs them.
 */
export class MatchingRoundService {
  constructor(private readonly deps: MatchingRoundDependencies) {}

  async run(allianceId: string, trigger: string): Promise<RoundSummary> {
    const started = performance.now();
    const summary = await this.deps.dataSource.transaction((manager) =>
      this.runLocked(manager, allianceId, trigger),
    );
    summary.ms = performance.now() - started;
    this.deps.logger.event('info', 'matching round finished', { ...summary, trigger });
    await this.deps.relay
      .flush()
      .catch((error: unknown) =>
        this.deps.logger.event('warn', 'outbox flush failed; the sweep will retry', { error: String(error) }),
      );
    return summary;
  }

  private async runLocked(
    manager: EntityManager,
    allianceId: string,
    trigger: string,
  ): Promise<RoundSummary> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`matcher:${allianceId}`]);
    const now = Date.now();
    const pool = await this.deps.pool.load(manager, allianceId);
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
      await this.deps.policyFor(manager, allianceId, now),
    );
    const plan = planRound(pool.proposed, result.proposals);
    const index = new PoolIndex(pool.resources, pool.demands);
    const events: OutboxMessage[] = [];
    const at = new Date(now).toISOString();
    const actor = 'matcher';
    const details = { trigger, objective: result.objective };

    for (const proposal of plan.create) {
      const projectId = await this.deps.projects.createProposed(
        manager,
        { allianceId, demandItemPk: proposal.demandId, requested: proposal.requested, unmet: proposal.unmet },
        allocationRows(proposal, index),
        { actor, action: 'proposed', details },
      );
      const event: ProjectProposed = {
        eventId: randomUUID(),
        project: projectSnapshot(projectId, allianceId, 'proposed', 1, proposal, index),
        proposedAt: at,
      };
      events.push({ topic: this.deps.topics.projectsProposed, key: allianceId, payload: event });
    }
    for (const { project, proposal } of plan.revise) {
      const version = await this.deps.projects.revise(
        manager,
        project.id,
        project.version,
        { requested: proposal.requested, unmet: proposal.unmet },
        allocationRows(proposal, index),
        { actor, action: 'revised', details },
      );
      const event: ProjectRevised = {
        eventId: randomUUID(),
        project: projectSnapshot(project.id, allianceId, 'proposed', version, proposal, index),
        previousVersion: project.version,
        revisedAt: at,
      };
      events.push({ topic: this.deps.topics.projectsRevised, key: allianceId, payload: event });
    }
    for (const { project, reason } of plan.cancel) {
      const version = await this.deps.projects.changeStatus(
        manager,
        project.id,
        project.version,
        'cancelled',
        {
          actor,
          action: 'cancelled',
          reason,
          details,
        },
      );
      const event: ProjectStatusChanged = {
        eventId: randomUUID(),
        projectId: project.id,
        allianceId,
        from: 'proposed',
        to: 'cancelled',
        version,
        actor,
        reason,
        changedAt: at,
      };
      events.push({ topic: this.deps.topics.projectsStatusChanged, key: allianceId, payload: event });
    }
    await this.deps.outbox.add(manager, events);
    await this.deps.unmatched.replace(manager, allianceId, unmatchedOf(pool.demands, result));
    return {
      allianceId,
      proposed: plan.create.length,
      revised: plan.revise.length,
      cancelled: plan.cancel.length,
      unchanged: plan.unchanged,
      unmatchedDemands: result.unmatched.length,
      objective: result.objective,
      ms: 0,
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
