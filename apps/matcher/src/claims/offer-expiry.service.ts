import type { DataSource, EntityManager } from 'typeorm';
import type { OutboxRelay } from '@redcrowd/kafka';
import type {
  ClaimsRepository,
  OutboxMessage,
  OutboxRepository,
  ProjectReviewRepository,
} from '@redcrowd/persistence';
import type { JsonLogger } from '@redcrowd/runtime';
import { ReviewError } from '../review/review.errors';
import type { ProjectStatusWriter } from '../projects/project-status.writer';
import type { OfferService } from './offer.service';

export interface OfferExpiryDependencies {
  dataSource: DataSource;
  claims: ClaimsRepository;
  review: ProjectReviewRepository;
  offers: OfferService;
  status: ProjectStatusWriter;
  outbox: OutboxRepository;
  relay: OutboxRelay;
  /** Re-matches an alliance after a project expired unclaimed. */
  rematch: (allianceId: string) => Promise<unknown>;
  logger: JsonLogger;
}

/**
 * Acts when offers run out: paired offers that expire unclaimed reopen the project to the
 * open hall; when the open hall expires too, a partly claimed project goes ahead with what
 * was claimed, and an unclaimed one expires and its demand is matched again.
 */
export class OfferExpiryService {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(private readonly deps: OfferExpiryDependencies) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      this.running = this.running.then(() =>
        this.sweep().catch((error: unknown) =>
          this.deps.logger.event('warn', 'offer sweep failed; the next one retries', {
            error: String(error),
          }),
        ),
      );
    }, intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  async sweep(now = new Date()): Promise<void> {
    const projectIds = await this.deps.claims.projectsWithExpiredOffers(
      this.deps.dataSource.manager,
      now,
      100,
    );
    const rematch = new Set<string>();
    for (const projectId of projectIds) {
      const allianceId = await this.deps.dataSource.transaction((manager) =>
        this.expire(manager, projectId, now),
      );
      if (allianceId) rematch.add(allianceId);
    }
    if (projectIds.length > 0) await this.deps.relay.flush().catch(() => undefined);
    for (const allianceId of rematch) await this.deps.rematch(allianceId);
  }

  /**
   * A unit turns an offer down (the project is not for it): once no offer is left open,
   * the project moves on as if the offers had expired (open hall, or expiry).
   */
  async decline(offerId: string, unitId: string): Promise<{ offerId: string; status: 'declined' }> {
    const rematch = await this.deps.dataSource.transaction(async (manager) => {
      const offer = await this.deps.claims.offerById(manager, offerId);
      if (!offer || offer.unitId !== unitId)
        throw new ReviewError('offer-not-found', `no offer ${offerId} to unit ${unitId}`);
      if (offer.status !== 'open') {
        throw new ReviewError(
          'illegal-transition',
          `offer ${offerId} is ${offer.status}; only open offers can be declined`,
        );
      }
      await this.deps.claims.closeOffer(manager, offerId, 'declined');
      return this.expire(manager, offer.projectId, new Date());
    });
    await this.deps.relay.flush().catch(() => undefined);
    if (rematch) await this.deps.rematch(rematch);
    return { offerId, status: 'declined' };
  }

  /** Returns the alliance to re-match when the project expired unclaimed. */
  private async expire(manager: EntityManager, projectId: string, now: Date): Promise<string | undefined> {
    const project = await this.deps.review.lock(manager, projectId);
    if (!project || project.status !== 'offered') return undefined;
    const offers = await this.deps.claims.offers(manager, projectId);
    const open = offers.filter((offer) => offer.status === 'open');
    const due = open.filter((offer) => new Date(offer.expiresAt).getTime() <= now.getTime());
    for (const offer of due) await this.deps.claims.closeOffer(manager, offer.id, 'expired');
    if (due.length < open.length) return undefined; // others may still claim

    const taken = await this.deps.claims.acceptedQuantity(manager, projectId);
    const left = project.requested - project.unmet - taken.total;
    const events: OutboxMessage[] = [];
    let rematch: string | undefined;
    const openHallTried = offers.some((offer) => offer.stage === 'open-hall');
    if (!openHallTried && left > 0) {
      events.push(...(await this.deps.offers.openHall(manager, project, left)));
    }
    if (events.length === 0) {
      if (taken.total > 0) {
        events.push(
          ...(await this.deps.status.record(manager, project, {
            to: 'claimed',
            actor: 'matcher',
            reason: `partly claimed: ${taken.total} of ${taken.total + left}`,
          })),
        );
      } else {
        await this.deps.review.releaseResources(manager, project);
        events.push(
          ...(await this.deps.status.record(manager, project, {
            to: 'expired',
            actor: 'matcher',
            reason: 'nobody claimed it in time',
          })),
        );
        rematch = project.allianceId;
      }
    }
    await this.deps.outbox.add(manager, events);
    return rematch;
  }
}
