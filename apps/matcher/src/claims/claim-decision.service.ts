import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type {
  ClaimDecided,
  ClaimParseResult,
  ClaimRejectionCode,
  ClaimSubmitted,
  TopicId,
} from '@redcrowd/contracts';
import type { Producer } from 'kafkajs';
import type { OutboxRelay } from '@redcrowd/kafka';
import type {
  ClaimsRepository,
  OutboxMessage,
  OutboxRepository,
  ProjectReviewRepository,
} from '@redcrowd/persistence';
import type { ProjectStatusWriter } from '../projects/project-status.writer';
import type { OfferService } from './offer.service';

export interface ClaimDecisionDependencies {
  dataSource: DataSource;
  claims: ClaimsRepository;
  review: ProjectReviewRepository;
  offers: OfferService;
  status: ProjectStatusWriter;
  outbox: OutboxRepository;
  relay: OutboxRelay;
  /** For answers that cannot go through the outbox (the database failed). */
  producer: Producer;
  topics: Record<TopicId, string>;
}

type Rejection = { code: ClaimRejectionCode; reason: string };

/**
 * Decides claims (认领) one at a time per project: the project row is locked, so however
 * many units claim at once, never more than the allocated quantity is accepted, and a unit
 * gets at most one accepted claim. A claim sent again (same unit and claimId) gets the
 * answer it got the first time, and publishes nothing new.
 */
export class ClaimDecisionService {
  constructor(private readonly deps: ClaimDecisionDependencies) {}

  async decide(parsed: ClaimParseResult, fallbackUnitId: string | null): Promise<ClaimDecided> {
    const answer = await this.deps.dataSource.transaction((manager) =>
      parsed.ok
        ? this.decideValid(manager, parsed.claim)
        : this.rejectInvalid(manager, parsed, fallbackUnitId),
    );
    await this.deps.relay.flush().catch(() => undefined); // the periodic sweep retries
    return answer;
  }

  /** Answers a claim that could not be decided; nothing of it was applied. */
  async answerUndecidable(
    parsed: ClaimParseResult,
    fallbackUnitId: string | null,
    error: string,
  ): Promise<void> {
    const hints = parsed.ok
      ? {
          unitId: parsed.claim.unitId,
          claimId: parsed.claim.claimId,
          projectId: parsed.claim.projectId,
          quantity: parsed.claim.quantity,
        }
      : parsed.hints;
    const unitId = hints.unitId ?? fallbackUnitId ?? 'unknown';
    const answer = this.answer(unitId, hints.claimId, hints.projectId, hints.quantity, 0, {
      code: 'internal-error',
      reason: `the claim could not be decided (${error}); nothing was applied, send it again later`,
    });
    await this.deps.producer.send({
      topic: this.deps.topics.claimsDecided,
      acks: -1,
      messages: [{ key: unitId, value: JSON.stringify(answer) }],
    });
  }

  private async decideValid(manager: EntityManager, claim: ClaimSubmitted): Promise<ClaimDecided> {
    const project = await this.deps.review.lock(manager, claim.projectId);
    // Looked up after the lock: two copies of one claim arriving together are serialised.
    const earlier = await this.deps.claims.findClaim(manager, claim.unitId, claim.claimId);
    if (earlier) return earlier.answer as ClaimDecided;

    const events: OutboxMessage[] = [];
    let rejection: Rejection | undefined;
    let accepted = 0;
    if (!project || project.status !== 'offered') {
      rejection = {
        code: 'project-not-claimable',
        reason: project
          ? `project ${claim.projectId} is ${project.status}, not open for claims`
          : `no project ${claim.projectId}`,
      };
    } else {
      const taken = await this.deps.claims.acceptedQuantity(manager, project.id);
      const offer = await this.deps.claims.openOffer(manager, project.id, claim.unitId);
      const total = project.requested - project.unmet;
      const left = total - taken.total;
      if (taken.units.has(claim.unitId)) {
        rejection = {
          code: 'already-claimed',
          reason: `unit ${claim.unitId} already claimed project ${project.id}`,
        };
      } else if (!offer) {
        rejection = {
          code: 'not-offered',
          reason: `project ${project.id} is not offered to unit ${claim.unitId}`,
        };
      } else if (new Date(offer.expiresAt).getTime() <= Date.now()) {
        rejection = {
          code: 'offer-expired',
          reason: `the offer expired at ${new Date(offer.expiresAt).toISOString()}`,
        };
      } else if (claim.quantity > Math.min(offer.quantity, left)) {
        rejection = {
          code: 'over-quantity',
          reason: `${claim.quantity} asked, but only ${Math.min(offer.quantity, left)} can be claimed by this unit now`,
        };
      } else {
        accepted = claim.quantity;
        await this.deps.claims.closeOffer(manager, offer.id, 'claimed');
        if (taken.total + accepted === total) {
          await this.deps.claims.closeOpenOffers(manager, project.id, 'withdrawn');
          events.push(
            ...(await this.deps.status.record(manager, project, {
              to: 'claimed',
              actor: claim.unitId,
              reason: 'fully claimed',
            })),
          );
        }
      }
    }

    const answer = this.answer(
      claim.unitId,
      claim.claimId,
      claim.projectId,
      claim.quantity,
      accepted,
      rejection,
    );
    await this.deps.claims.recordClaim(manager, {
      claimId: claim.claimId,
      unitId: claim.unitId,
      projectId: project ? project.id : null,
      requestedQuantity: claim.quantity,
      acceptedQuantity: accepted,
      decision: answer.decision,
      code: rejection?.code ?? null,
      reason: rejection?.reason ?? null,
      answer,
    });
    events.push({ topic: this.deps.topics.claimsDecided, key: claim.unitId, payload: answer });
    await this.deps.outbox.add(manager, events);
    return answer;
  }

  private async rejectInvalid(
    manager: EntityManager,
    parsed: Extract<ClaimParseResult, { ok: false }>,
    fallbackUnitId: string | null,
  ): Promise<ClaimDecided> {
    const unitId = parsed.hints.unitId ?? fallbackUnitId ?? 'unknown';
    const answer: ClaimDecided = {
      ...this.answer(unitId, parsed.hints.claimId, parsed.hints.projectId, parsed.hints.quantity, 0, {
        code: 'invalid-claim',
        reason: parsed.problems.map((problem) => problem.message).join('; '),
      }),
      problems: parsed.problems,
    };
    await this.deps.outbox.add(manager, [
      { topic: this.deps.topics.claimsDecided, key: unitId, payload: answer },
    ]);
    return answer;
  }

  private answer(
    unitId: string,
    claimId: string | undefined,
    projectId: string | undefined,
    requestedQuantity: number | undefined,
    acceptedQuantity: number,
    rejection: Rejection | undefined,
  ): ClaimDecided {
    return {
      eventId: randomUUID(),
      unitId,
      decision: rejection ? 'rejected' : 'accepted',
      acceptedQuantity,
      decidedAt: new Date().toISOString(),
      ...(claimId !== undefined ? { claimId } : {}),
      ...(projectId !== undefined ? { projectId } : {}),
      ...(requestedQuantity !== undefined ? { requestedQuantity } : {}),
      ...(rejection ? rejection : {}),
    };
  }
}
