import { ProjectError } from './errors';
import type { OfferMadeEvent, ProjectChange } from './events';
import { moveTo, requireStatus } from './lifecycle';
import {
  allocated,
  claimedQuantity,
  type Actor,
  type Allocation,
  type ClaimShare,
  type Offer,
  type OfferStage,
  type OfferStatus,
  type ProjectRef,
} from './model';

/*
 * Offers (认领 invitations): an approved project goes to its allocated units first (对口,
 * paired); what they let expire or decline goes once to every unit with a fitting resource
 * (the open hall); when that runs out too, a partly claimed project goes ahead with what was
 * claimed and an unclaimed one expires, its demand to be matched again.
 */

export interface OfferWindow extends Actor {
  /** When new offers expire: `at` plus the alliance's offer window. */
  expiresAt: number;
  /** The id each new offer gets (a UUID in the service, fixed ids in tests). */
  newOfferId: (unitId: string, stage: OfferStage) => string;
}

type Offerable = ProjectRef & { allocations: readonly Allocation[]; offers: readonly Offer[] };

/** Offers an approved project to its allocated units, each its summed share, and marks it offered. */
export function offer<P extends Offerable>(project: P, window: OfferWindow): ProjectChange<P> {
  const { project: moved, event } = moveTo(project, 'offered', {
    actor: window.actor,
    at: window.at,
    reason: 'offered to the paired units',
  });
  checkWindow(window);
  const shares = new Map<string, number>();
  for (const allocation of project.allocations) {
    shares.set(allocation.unitId, (shares.get(allocation.unitId) ?? 0) + allocation.quantity);
  }
  const made = [...shares].map(([unitId, quantity]) => newOffer(unitId, quantity, 'paired', window));
  return {
    project: { ...moved, offers: [...project.offers, ...made] },
    events: [...made.map((entry) => offerMade(project, entry, window.at)), event],
  };
}

type HallReady = ProjectRef & {
  requested: number;
  unmet: number;
  offers: readonly Offer[];
  claims: readonly ClaimShare[];
};

/**
 * Offers what is left of an offered project to every fitting unit (the caller finds them).
 * A unit that already had an open-hall offer of this project gets none again, nor does a unit
 * that declined it: it said the project is not for it.
 */
export function openHall<P extends HallReady>(
  project: P,
  hall: OfferWindow & { units: readonly string[] },
): ProjectChange<P> {
  requireStatus(project, 'offered', 'offered in the open hall');
  checkWindow(hall);
  const left = allocated(project) - claimedQuantity(project.claims);
  if (left <= 0) return { project, events: [] };
  const had = new Set(
    project.offers
      .filter((entry) => entry.stage === 'open-hall' || entry.status === 'declined')
      .map((entry) => entry.unitId),
  );
  const made = [...new Set(hall.units)]
    .filter((unitId) => !had.has(unitId))
    .map((unitId) => newOffer(unitId, left, 'open-hall', hall));
  return {
    project: { ...project, offers: [...project.offers, ...made] },
    events: made.map((entry) => offerMade(project, entry, hall.at)),
  };
}

/** How a project moves on when its offers run out; `actor` is the system's name. */
export interface MoveOn extends OfferWindow {
  /** Units with a fitting resource, for the open hall (used only if it opens). */
  openHallUnits: readonly string[];
}

type Expirable = HallReady & { allocations: readonly Allocation[] };

/** A change after which the demand must be matched again (the project expired unclaimed). */
export interface ExpiryChange<P> extends ProjectChange<P> {
  rematch: boolean;
}

/**
 * Closes an offered project's offers that are due at `at`. Once none is left open: the open
 * hall, once, if anything is left to claim; else claimed with what was claimed; else expired.
 * Anything but an offered project is left as it is (a sweep may meet it after a claim).
 */
export function expire<P extends Expirable>(project: P, moveOn: MoveOn): ExpiryChange<P> {
  if (project.status !== 'offered') return { project, events: [], rematch: false };
  const open = project.offers.filter((entry) => entry.status === 'open');
  const due = new Set(open.filter((entry) => entry.expiresAt <= moveOn.at));
  const closed: P = {
    ...project,
    offers: project.offers.map((entry) => (due.has(entry) ? close(entry, 'expired') : entry)),
  };
  if (due.size < open.length) return { project: closed, events: [], rematch: false }; // others may still claim

  const taken = claimedQuantity(project.claims);
  const left = allocated(project) - taken;
  const hallTried = project.offers.some((entry) => entry.stage === 'open-hall');
  if (!hallTried) {
    // openHall offers nothing when nothing is left to claim, or no unit fits: then move on.
    const hall = openHall(closed, { ...moveOn, units: moveOn.openHallUnits });
    if (hall.events.length > 0) return { ...hall, rematch: false };
  }
  const note = { actor: moveOn.actor, at: moveOn.at };
  if (taken > 0) {
    const { project: claimed, event } = moveTo(closed, 'claimed', {
      ...note,
      reason: `partly claimed: ${taken} of ${taken + left}`,
    });
    return { project: claimed, events: [event], rematch: false };
  }
  const { project: expired, event } = moveTo(closed, 'expired', {
    ...note,
    reason: 'nobody claimed it in time',
  });
  // Its items go back to the pool for the next round.
  const released = {
    ...expired,
    allocations: project.allocations.map((entry) => ({ ...entry, pinned: false })),
  };
  return { project: released, events: [event], rematch: true };
}

/** Longest reason a unit may give for declining an offer. */
export const MAX_DECLINE_REASON_LENGTH = 500;

/**
 * A unit turns its open offer down, saying why if it will (the coordinator sees it); the
 * project then moves on as if the offer had expired, and never comes back to that unit.
 */
export function decline<P extends Expirable>(
  project: P,
  declined: { offerId: string; unitId: string; reason?: unknown },
  moveOn: MoveOn,
): ExpiryChange<P> {
  const { reason } = declined;
  if (reason !== undefined && (typeof reason !== 'string' || reason.length > MAX_DECLINE_REASON_LENGTH)) {
    throw new ProjectError(
      'invalid-request',
      `reason must be text of at most ${MAX_DECLINE_REASON_LENGTH} characters`,
      { field: 'reason' },
    );
  }
  const said = typeof reason === 'string' ? reason.trim() : '';
  const target = project.offers.find((entry) => entry.id === declined.offerId);
  if (!target || target.unitId !== declined.unitId) {
    throw new ProjectError('offer-not-found', `no offer ${declined.offerId} to unit ${declined.unitId}`);
  }
  if (target.status !== 'open') {
    throw new ProjectError(
      'illegal-transition',
      `offer ${declined.offerId} is ${target.status}; only open offers can be declined`,
    );
  }
  const closed = close(target, 'declined');
  const withReason = said !== '' ? { ...closed, declineReason: said } : closed;
  const offers = project.offers.map((entry) => (entry === target ? withReason : entry));
  return expire({ ...project, offers }, moveOn);
}

export function close(entry: Offer, status: Exclude<OfferStatus, 'open'>): Offer {
  return { ...entry, status };
}

function checkWindow(window: OfferWindow): void {
  if (window.expiresAt <= window.at) {
    throw new ProjectError('invalid-request', 'an offer must expire after it is made');
  }
}

function newOffer(unitId: string, quantity: number, stage: OfferStage, window: OfferWindow): Offer {
  return {
    id: window.newOfferId(unitId, stage),
    unitId,
    quantity,
    stage,
    status: 'open',
    expiresAt: window.expiresAt,
  };
}

function offerMade(project: ProjectRef, entry: Offer, at: number): OfferMadeEvent {
  return { type: 'offer-made', projectId: project.id, allianceId: project.allianceId, offer: entry, at };
}
