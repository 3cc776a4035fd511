import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { OfferRepository, type Tx } from '@redcrowd/persistence';
import type { MoveOn, OfferWindow } from '@redcrowd/projects';
import { AlliancePolicyService } from '../policies/alliance-policy.service';

/**
 * The terms of new offers (认领 invitations), read for the aggregate: how long a unit has
 * (the alliance's offer window), the new offers' ids, and who the open hall would reach.
 */
@Injectable()
export class OfferTerms {
  constructor(
    private readonly offers: OfferRepository,
    private readonly policies: AlliancePolicyService,
  ) {}

  async window(tx: Tx, allianceId: string, actor: string, at: number): Promise<OfferWindow> {
    const { offerWindowMs } = await this.policies.effective(tx, allianceId);
    return { actor, at, expiresAt: at + offerWindowMs, newOfferId: () => randomUUID() };
  }

  /** How an offered project moves on when its offers run out, with the units of its open hall. */
  async moveOn(tx: Tx, project: { id: string; allianceId: string }, at: number): Promise<MoveOn> {
    return {
      ...(await this.window(tx, project.allianceId, 'matcher', at)),
      openHallUnits: await this.offers.openHallUnits(tx, project.id),
    };
  }
}
