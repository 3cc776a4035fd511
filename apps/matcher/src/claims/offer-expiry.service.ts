import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { DomainError } from '@redcrowd/contracts';
import { LOGGER } from '@redcrowd/nest-kafka';
import { AllocationRepository, OfferRepository, UnitOfWork, type Tx } from '@redcrowd/persistence';
import { decline, expire, type ExpiryChange } from '@redcrowd/projects';
import { withLogContext, type JsonLogger } from '@redcrowd/runtime';
import type { MatcherConfig } from '../config/matcher.config';
import { MATCHER_CONFIG } from '../core/tokens';
import { ProjectStore, type StoredProject } from '../projects/project-store';
import { MatchingRoundService } from '../rounds/matching-round.service';
import { OfferTerms } from './offer-terms.service';

/** An offer that ended unclaimed: it ran out, or its unit turned it down. */
export interface ClosedOffer {
  offerId: string;
  status: 'expired' | 'declined';
}

/** What an expiry or a decline did: the offers it closed, and the alliance to re-match if any. */
interface MovedOn {
  closed: ClosedOffer[];
  rematch?: string;
}

/** The offers open before a change and expired or declined after it. */
function closedOffers(before: StoredProject, after: StoredProject): ClosedOffer[] {
  const wasOpen = new Set(before.offers.filter((offer) => offer.status === 'open').map((offer) => offer.id));
  return after.offers.flatMap((offer) =>
    wasOpen.has(offer.id) && (offer.status === 'expired' || offer.status === 'declined')
      ? [{ offerId: offer.id, status: offer.status }]
      : [],
  );
}

/**
 * Acts when offers run out: paired offers that expire unclaimed reopen the project to the
 * open hall; when the open hall expires too, a partly claimed project goes ahead with what
 * was claimed, and an unclaimed one expires and its demand is matched again.
 */
@Injectable()
export class OfferExpiryService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly closedObservers: Array<(closed: ClosedOffer[]) => void> = [];
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly work: UnitOfWork,
    private readonly store: ProjectStore,
    private readonly allocations: AllocationRepository,
    private readonly offers: OfferRepository,
    private readonly terms: OfferTerms,
    private readonly rounds: MatchingRoundService,
    @Inject(MATCHER_CONFIG) private readonly config: MatcherConfig,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  /** Calls `observer` with the offers each committed expiry or decline closed (metrics). */
  onOffersClosed(observer: (closed: ClosedOffer[]) => void): void {
    this.closedObservers.push(observer);
  }

  onApplicationBootstrap(): void {
    this.start(this.config.MATCHER_OFFER_SWEEP_MS);
  }

  /** Before the database closes: a sweep under way finishes, none starts. */
  beforeApplicationShutdown(): Promise<void> {
    return this.stop();
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      this.running = this.running.then(() =>
        this.sweep().catch((error: unknown) =>
          this.logger.event('warn', 'offer sweep failed; the next one retries', {
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
    const projectIds = await this.work.single((tx) => this.offers.projectsWithExpiredOffers(tx, now, 100));
    const rematch = new Set<string>();
    for (const projectId of projectIds) {
      // Each expiry is work of its own, traced by a correlation id of its own.
      const moved = await withLogContext({ correlationId: randomUUID() }, () =>
        this.work.run((tx) => this.expire(tx, projectId, now)),
      );
      this.reportClosed(moved.closed);
      if (moved.rematch) rematch.add(moved.rematch);
    }
    for (const allianceId of rematch) await this.rematch(allianceId);
  }

  /**
   * A unit turns an offer down (the project is not for it): once no offer is left open,
   * the project moves on as if the offers had expired (open hall, or expiry).
   */
  async decline(
    offerId: string,
    unitId: string,
    reason?: string,
  ): Promise<{ offerId: string; status: 'declined'; reason?: string }> {
    const moved = await this.work.run(async (tx) => {
      const offer = await this.offers.offerById(tx, offerId);
      if (!offer || offer.unitId !== unitId)
        throw new DomainError('offer-not-found', `no offer ${offerId} to unit ${unitId}`);
      const project = await this.store.require(tx, offer.projectId);
      const at = Date.now();
      const change = decline(project, { offerId, unitId, reason }, await this.terms.moveOn(tx, project, at));
      return this.save(tx, project, change);
    });
    this.reportClosed(moved.closed);
    if (moved.rematch) await this.rematch(moved.rematch);
    const said = reason?.trim();
    return { offerId, status: 'declined', ...(said ? { reason: said } : {}) };
  }

  private async expire(tx: Tx, projectId: string, now: Date): Promise<MovedOn> {
    const project = await this.store.load(tx, projectId);
    if (!project || project.status !== 'offered') return { closed: [] };
    const change = expire(project, await this.terms.moveOn(tx, project, now.getTime()));
    return this.save(tx, project, change);
  }

  private async save(tx: Tx, project: StoredProject, change: ExpiryChange<StoredProject>): Promise<MovedOn> {
    // An expired project gives its resource items back to the pool for the next round.
    if (change.rematch) await this.allocations.releaseResources(tx, project);
    await this.store.save(tx, project, change.project, change.events);
    return {
      closed: closedOffers(project, change.project),
      ...(change.rematch ? { rematch: project.allianceId } : {}),
    };
  }

  private reportClosed(closed: ClosedOffer[]): void {
    if (closed.length === 0) return;
    for (const observer of this.closedObservers) observer(closed);
  }

  /** Nobody claimed: the alliance's demand is matched again; a failed round runs on the next change. */
  private async rematch(allianceId: string): Promise<void> {
    await this.rounds.run(allianceId, 'offer-expired');
  }
}
