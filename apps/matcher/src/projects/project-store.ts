import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, type ClaimOffered, type ProjectStatus } from '@redcrowd/contracts';
import {
  AllocationRepository,
  ClaimRepository,
  OfferRepository,
  OutboxRepository,
  ProjectRepository,
  type OutboxMessage,
  type Tx,
} from '@redcrowd/persistence';
import {
  statusChangedPayload,
  type OfferMadeEvent,
  type Project,
  type ProjectEvent,
} from '@redcrowd/projects';
import { TOPICS, type Topics } from '../core/tokens';

/** A project as the aggregate sees it, plus the row key its resource holds are written by. */
export interface StoredProject extends Project {
  demandItemPk: string | null;
}

/**
 * Loads a project for the aggregate and saves what an operation returned: its status and
 * version with an audit row per change, its offers, and its events into the outbox, all in
 * the caller's transaction. The one place domain events become Kafka payloads.
 */
@Injectable()
export class ProjectStore {
  constructor(
    private readonly projects: ProjectRepository,
    private readonly allocations: AllocationRepository,
    private readonly offers: OfferRepository,
    private readonly claims: ClaimRepository,
    private readonly outbox: OutboxRepository,
    @Inject(TOPICS) private readonly topics: Topics,
  ) {}

  /** Locks the project row (decisions on one project are serial) and reads its parts. */
  async load(tx: Tx, projectId: string): Promise<StoredProject | undefined> {
    const row = await this.projects.lock(tx, projectId);
    if (!row) return undefined;
    const [allocations, offers, claims] = await Promise.all([
      this.allocations.allocations(tx, projectId),
      this.offers.offers(tx, projectId),
      this.claims.acceptedShares(tx, projectId),
    ]);
    return {
      id: row.id,
      allianceId: row.allianceId,
      status: row.status as ProjectStatus,
      version: row.version,
      requested: row.requested,
      unmet: row.unmet,
      demandItemPk: row.demandItemPk,
      submitterId: row.submitterId ?? '',
      allocations,
      offers: offers.map((offer) => ({ ...offer, expiresAt: new Date(offer.expiresAt).getTime() })),
      claims,
    };
  }

  /** Like load, for use cases that need the project to exist. */
  async require(tx: Tx, projectId: string): Promise<StoredProject> {
    const project = await this.load(tx, projectId);
    if (!project) throw new DomainError('project-not-found', `no project ${projectId}`);
    return project;
  }

  /**
   * Saves an operation's result: new and closed offers, then each event in order (a status
   * change bumps the version under the optimistic check and writes its audit row), and the
   * events' payloads into the outbox. Allocation holds are the caller's, as they also touch
   * the list items. `auditDetails` adds what the audit rows should say of the occasion (a
   * round's trigger).
   */
  async save(
    tx: Tx,
    before: Project,
    after: Project,
    events: readonly ProjectEvent[],
    auditDetails?: object,
  ): Promise<void> {
    const created = await this.saveOffers(tx, before, after);
    const messages: OutboxMessage[] = [];
    let demand: ClaimOffered['demand'] | undefined; // every offer describes the same demand
    for (const event of events) {
      switch (event.type) {
        case 'status-changed': {
          const edit = event.action !== event.to;
          await this.projects.changeStatus(tx, event.projectId, event.version - 1, event.to, {
            actor: event.actor,
            action: event.action,
            reason: edit ? null : (event.reason ?? null),
            ...(event.details || auditDetails ? { details: { ...auditDetails, ...event.details } } : {}),
          });
          messages.push({
            topic: this.topics.projectsStatusChanged,
            key: event.allianceId,
            payload: statusChangedPayload(event, randomUUID()),
          });
          break;
        }
        case 'offer-made':
          // An offer the database already had (same unit and stage) is not announced twice.
          if (created.has(event.offer.id)) {
            demand ??= await this.projects.demandRef(tx, event.projectId);
            messages.push(this.offerMessage(event, demand));
          }
          break;
        case 'proposed':
        case 'revised':
          throw new Error(`${event.type} events are saved by the round, with the project's snapshot`);
      }
    }
    await this.outbox.add(tx, messages);
  }

  /** Inserts the offers `after` has and `before` had not; closes those whose status changed. */
  private async saveOffers(tx: Tx, before: Project, after: Project): Promise<Set<string>> {
    const previous = new Map(before.offers.map((offer) => [offer.id, offer]));
    const fresh = after.offers.filter((offer) => !previous.has(offer.id));
    const inserted = await this.offers.createOffers(
      tx,
      after.id,
      fresh.map((offer) => ({ ...offer, expiresAt: new Date(offer.expiresAt) })),
    );
    for (const offer of after.offers) {
      const was = previous.get(offer.id);
      if (was && was.status !== offer.status && offer.status !== 'open') {
        await this.offers.closeOffer(tx, offer.id, offer.status, offer.declineReason);
      }
    }
    return new Set(inserted.map((row) => row.id));
  }

  private offerMessage(event: OfferMadeEvent, demand: ClaimOffered['demand']): OutboxMessage {
    const payload: ClaimOffered = {
      eventId: randomUUID(),
      offerId: event.offer.id,
      projectId: event.projectId,
      allianceId: event.allianceId,
      allocationId: event.projectId,
      unitId: event.offer.unitId,
      quantity: event.offer.quantity,
      stage: event.offer.stage,
      expiresAt: new Date(event.offer.expiresAt).toISOString(),
      demand,
      offeredAt: new Date(event.at).toISOString(),
    };
    return { topic: this.topics.claimsOffered, key: event.offer.unitId, payload };
  }
}
