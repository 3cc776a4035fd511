import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import type { ClaimDecided, ClaimParseResult, ClaimSubmitted } from '@redcrowd/contracts';
import { PRODUCER } from '@redcrowd/nest-kafka';
import { ClaimRepository, OutboxRepository, UnitOfWork, type Tx } from '@redcrowd/persistence';
import { claim as claimProject, decideClaim, type ClaimVerdict } from '@redcrowd/projects';
import { ambientCorrelationHeaders } from '@redcrowd/runtime';
import { TOPICS, type Topics } from '../core/tokens';
import { ProjectStore } from '../projects/project-store';
import { claimRefusalOf, type ClaimRefusal } from './claim-refusal';

/** A claim's answer, and whether it is the one an earlier copy of the claim already got. */
interface Decision {
  answer: ClaimDecided;
  repeated: boolean;
}

/**
 * Decides claims (认领) one at a time per project: the project row is locked, so however
 * many units claim at once, never more than the allocated quantity is accepted, and a unit
 * gets at most one accepted claim. A claim sent again (same unit and claimId) gets the
 * answer it got the first time, and publishes nothing new.
 */
@Injectable()
export class ClaimDecisionService {
  private readonly decisionObservers: Array<(decision: ClaimDecided) => void> = [];

  constructor(
    private readonly work: UnitOfWork,
    private readonly store: ProjectStore,
    private readonly claims: ClaimRepository,
    private readonly outbox: OutboxRepository,
    /** For answers that cannot go through the outbox (the database failed). */
    @Inject(PRODUCER) private readonly producer: Producer,
    @Inject(TOPICS) private readonly topics: Topics,
  ) {}

  /**
   * Calls `observer` with each new decision once it is committed or sent (metrics); a claim
   * sent again gets its first answer back, which is no new decision.
   */
  onDecided(observer: (decision: ClaimDecided) => void): void {
    this.decisionObservers.push(observer);
  }

  async decide(parsed: ClaimParseResult, fallbackUnitId: string | null): Promise<ClaimDecided> {
    const { answer, repeated } = await this.work.run((tx) =>
      parsed.ok ? this.decideValid(tx, parsed.claim) : this.rejectInvalid(tx, parsed, fallbackUnitId),
    );
    if (!repeated) this.reportDecided(answer);
    return answer;
  }

  /** Answers a claim that could not be decided; nothing of it was applied. */
  async answerUndecidable(
    parsed: ClaimParseResult,
    fallbackUnitId: string | null,
    error: unknown,
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
    const refusal = claimRefusalOf(error);
    const answer: ClaimDecided = {
      ...this.answer(unitId, hints.claimId, hints.projectId, hints.quantity, 0, refusal),
      ...(refusal.problems ? { problems: refusal.problems } : {}),
    };
    await this.producer.send({
      topic: this.topics.claimsDecided,
      acks: -1,
      messages: [{ key: unitId, value: JSON.stringify(answer), headers: ambientCorrelationHeaders() }],
    });
    this.reportDecided(answer);
  }

  private reportDecided(decision: ClaimDecided): void {
    for (const observer of this.decisionObservers) observer(decision);
  }

  private async decideValid(tx: Tx, claim: ClaimSubmitted): Promise<Decision> {
    const project = await this.store.load(tx, claim.projectId);
    // Looked up after the lock: two copies of one claim arriving together are serialised.
    const earlier = await this.claims.findClaim(tx, claim.unitId, claim.claimId);
    if (earlier) return { answer: earlier.answer as ClaimDecided, repeated: true };

    const now = Date.now();
    const request = { unitId: claim.unitId, quantity: claim.quantity };
    let verdict: ClaimVerdict;
    if (project) {
      const outcome = claimProject(project, request, now);
      verdict = outcome.verdict;
      await this.store.save(tx, project, outcome.project, outcome.events);
    } else {
      verdict = decideClaim({
        claim: { ...request, projectId: claim.projectId },
        project: undefined,
        accepted: new Map(),
        openOffer: undefined,
        now,
      }).verdict;
    }
    const accepted = verdict.acceptedQuantity;
    const rejection: ClaimRefusal | undefined =
      verdict.decision === 'rejected' ? { code: verdict.code, reason: verdict.reason } : undefined;

    const answer = this.answer(
      claim.unitId,
      claim.claimId,
      claim.projectId,
      claim.quantity,
      accepted,
      rejection,
    );
    await this.claims.recordClaim(tx, {
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
    await this.outbox.add(tx, [{ topic: this.topics.claimsDecided, key: claim.unitId, payload: answer }]);
    return { answer, repeated: false };
  }

  private async rejectInvalid(
    tx: Tx,
    parsed: Extract<ClaimParseResult, { ok: false }>,
    fallbackUnitId: string | null,
  ): Promise<Decision> {
    const unitId = parsed.hints.unitId ?? fallbackUnitId ?? 'unknown';
    const answer: ClaimDecided = {
      ...this.answer(unitId, parsed.hints.claimId, parsed.hints.projectId, parsed.hints.quantity, 0, {
        code: 'invalid-claim',
        reason: parsed.problems.map((problem) => problem.message).join('; '),
      }),
      problems: parsed.problems,
    };
    await this.outbox.add(tx, [{ topic: this.topics.claimsDecided, key: unitId, payload: answer }]);
    return { answer, repeated: false };
  }

  private answer(
    unitId: string,
    claimId: string | undefined,
    projectId: string | undefined,
    requestedQuantity: number | undefined,
    acceptedQuantity: number,
    rejection: ClaimRefusal | undefined,
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
