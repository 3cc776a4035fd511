import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { ClaimOffered, TopicId } from '@redcrowd/contracts';
import type {
  ClaimsRepository,
  LockedProject,
  OutboxMessage,
  ProjectReviewRepository,
} from '@redcrowd/persistence';
import type { ProjectStatusWriter } from '../projects/project-status.writer';

export interface OfferDependencies {
  claims: ClaimsRepository;
  review: ProjectReviewRepository;
  status: ProjectStatusWriter;
  topics: Record<TopicId, string>;
  /** How long a unit has to claim an offer (the alliance's offer window), ms. */
  offerWindowFor: (manager: EntityManager, allianceId: string) => Promise<number>;
}

/**
 * Offers (认领 invitations): an approved project goes to its allocated units first (对口,
 * paired); what they let expire goes to every alliance unit with a fitting resource (the
 * open hall). Runs inside the caller's transaction, with the project locked.
 */
export class OfferService {
  constructor(private readonly deps: OfferDependencies) {}

  /** Offers an approved project to its allocated units and marks it offered. */
  async offerToPairedUnits(
    manager: EntityManager,
    project: LockedProject,
    actor: string,
  ): Promise<OutboxMessage[]> {
    const shares = new Map<string, number>();
    for (const allocation of await this.deps.review.allocations(manager, project.id)) {
      shares.set(allocation.unitId, (shares.get(allocation.unitId) ?? 0) + allocation.quantity);
    }
    const expiresAt = new Date(Date.now() + (await this.deps.offerWindowFor(manager, project.allianceId)));
    const offers = [...shares].map(([unitId, quantity]) => ({
      unitId,
      quantity,
      stage: 'paired' as const,
      expiresAt,
    }));
    const events = await this.publishOffers(manager, project, offers);
    events.push(
      ...(await this.deps.status.record(manager, project, {
        to: 'offered',
        actor,
        reason: 'offered to the paired units',
      })),
    );
    return events;
  }

  /** Offers what is left of a project to every unit with a fitting resource. */
  async openHall(
    manager: EntityManager,
    project: LockedProject,
    remaining: number,
  ): Promise<OutboxMessage[]> {
    const units = await this.deps.claims.openHallUnits(manager, project.id);
    const expiresAt = new Date(Date.now() + (await this.deps.offerWindowFor(manager, project.allianceId)));
    return this.publishOffers(
      manager,
      project,
      units.map((unitId) => ({ unitId, quantity: remaining, stage: 'open-hall' as const, expiresAt })),
    );
  }

  private async publishOffers(
    manager: EntityManager,
    project: LockedProject,
    offers: Array<{ unitId: string; quantity: number; stage: 'paired' | 'open-hall'; expiresAt: Date }>,
  ): Promise<OutboxMessage[]> {
    const created = await this.deps.claims.createOffers(manager, project.id, offers);
    const demand = await this.deps.review.demandRef(manager, project.id);
    const offeredAt = new Date().toISOString();
    return created.map((offer) => {
      const event: ClaimOffered = {
        eventId: randomUUID(),
        offerId: offer.id,
        projectId: project.id,
        allianceId: project.allianceId,
        allocationId: project.id,
        unitId: offer.unitId,
        quantity: offer.quantity,
        stage: offer.stage,
        expiresAt: new Date(offer.expiresAt).toISOString(),
        demand,
        offeredAt,
      };
      return { topic: this.deps.topics.claimsOffered, key: offer.unitId, payload: event };
    });
  }
}
