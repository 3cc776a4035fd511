import type { ClaimRejectionCode } from '@redcrowd/contracts';
import type { ProjectChange, ProjectStatusChangedEvent } from './events';
import { moveTo } from './lifecycle';
import { allocated, type ClaimShare, type Offer, type ProjectRef } from './model';
import { close } from './offers';
import { isWholeAtLeast } from './reason';

/*
 * Claims (认领), decided one at a time per project (the caller holds the project's lock):
 * never more than the allocation is accepted, a unit gets at most one accepted claim, and
 * the claim that completes the allocation moves the project to claimed.
 */

/** A unit's claim on a project. */
export interface ClaimRequest {
  projectId: string;
  unitId: string;
  quantity: number;
}

type Claimable = ProjectRef & { requested: number; unmet: number };

export interface ClaimContext<P extends Claimable> {
  claim: ClaimRequest;
  /** The claimed project, or undefined when there is none with claim.projectId. */
  project: P | undefined;
  /** Accepted quantities so far, by unit. */
  accepted: ReadonlyMap<string, number>;
  /** The unit's open offer on the project, if any. */
  openOffer: Pick<Offer, 'quantity' | 'expiresAt'> | undefined;
  /** Milliseconds since the epoch. */
  now: number;
}

/** The answer to a claim (claims.decided.v1 without its envelope). */
export type ClaimVerdict =
  | {
      decision: 'accepted';
      acceptedQuantity: number;
      /** The claim completes the allocation: the project became claimed. */
      fullyClaimed: boolean;
    }
  | { decision: 'rejected'; acceptedQuantity: 0; code: ClaimRejectionCode; reason: string };

export interface ClaimDecision<P> {
  verdict: ClaimVerdict;
  /** The project after the claim: claimed when it completed the allocation, else as it was. */
  project: P;
  events: ProjectStatusChangedEvent[];
}

/** Decides one claim from what the caller read under the project's lock. */
export function decideClaim<P extends Claimable>(context: ClaimContext<P>): ClaimDecision<P | undefined> {
  const { claim, project, openOffer } = context;
  const refuse = (code: ClaimRejectionCode, reason: string): ClaimDecision<P | undefined> => ({
    verdict: { decision: 'rejected', acceptedQuantity: 0, code, reason },
    project,
    events: [],
  });
  if (!isWholeAtLeast(claim.quantity, 1)) {
    return refuse('invalid-claim', 'quantity must be a whole number of at least 1');
  }
  if (!project) return refuse('project-not-claimable', `no project ${claim.projectId}`);
  if (project.status !== 'offered') {
    return refuse(
      'project-not-claimable',
      `project ${claim.projectId} is ${project.status}, not open for claims`,
    );
  }
  if (context.accepted.has(claim.unitId)) {
    return refuse('already-claimed', `unit ${claim.unitId} already claimed project ${project.id}`);
  }
  if (!openOffer)
    return refuse('not-offered', `project ${project.id} is not offered to unit ${claim.unitId}`);
  if (openOffer.expiresAt <= context.now) {
    return refuse('offer-expired', `the offer expired at ${new Date(openOffer.expiresAt).toISOString()}`);
  }
  const taken = [...context.accepted.values()].reduce((sum, quantity) => sum + quantity, 0);
  const total = allocated(project);
  const most = Math.min(openOffer.quantity, total - taken);
  if (claim.quantity > most) {
    return refuse(
      'over-quantity',
      `${claim.quantity} asked, but only ${most} can be claimed by this unit now`,
    );
  }
  const acceptedQuantity = claim.quantity;
  if (taken + acceptedQuantity < total) {
    return { verdict: { decision: 'accepted', acceptedQuantity, fullyClaimed: false }, project, events: [] };
  }
  const { project: claimed, event } = moveTo(project, 'claimed', {
    actor: claim.unitId,
    at: context.now,
    reason: 'fully claimed',
  });
  return {
    verdict: { decision: 'accepted', acceptedQuantity, fullyClaimed: true },
    project: claimed,
    events: [event],
  };
}

type ClaimableWithOffers = Claimable & { offers: readonly Offer[]; claims: readonly ClaimShare[] };

export interface ClaimOutcome<P> extends ProjectChange<P> {
  verdict: ClaimVerdict;
}

/**
 * Decides a claim on a whole project: the unit's open offer (the open-hall one before a
 * paired one) is closed as claimed, the claim recorded, and a fully claimed project's other
 * open offers are withdrawn. A rejected claim leaves the project as it was.
 */
export function claim<P extends ClaimableWithOffers>(
  project: P,
  request: Omit<ClaimRequest, 'projectId'>,
  now: number,
): ClaimOutcome<P> {
  const open = project.offers.filter((entry) => entry.unitId === request.unitId && entry.status === 'open');
  const openOffer = open.find((entry) => entry.stage === 'open-hall') ?? open[0];
  const decision = decideClaim({
    claim: { ...request, projectId: project.id },
    project,
    accepted: new Map(project.claims.map((share) => [share.unitId, share.quantity])),
    openOffer,
    now,
  });
  const { verdict } = decision;
  if (verdict.decision === 'rejected') return { project, events: [], verdict };
  const offers = project.offers.map((entry) => {
    if (entry === openOffer) return close(entry, 'claimed');
    return verdict.fullyClaimed && entry.status === 'open' ? close(entry, 'withdrawn') : entry;
  });
  const claims = [...project.claims, { unitId: request.unitId, quantity: verdict.acceptedQuantity }];
  // decideClaim hands back the project it was given, or its claimed successor: never undefined here.
  const decided = decision.project as P;
  return { project: { ...decided, offers, claims }, events: decision.events, verdict };
}
