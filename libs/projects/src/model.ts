import type { ProjectStatus } from '@redcrowd/contracts';

/** What every operation needs of a project: which one, whose, where it stands, which version. */
export interface ProjectRef {
  id: string;
  allianceId: string;
  status: ProjectStatus;
  /** Rises by one with every recorded change (status, revision, allocation edit). */
  version: number;
}

/** One resource item's share of a project. */
export interface Allocation {
  resourceItemPk: string;
  /** The member unit that listed the resource item (its paired unit, 对口). */
  unitId: string;
  quantity: number;
  /** Kept as it is by later rounds: approved work, or a coordinator's edit. */
  pinned: boolean;
}

/** Who an allocation is offered to: its paired unit first, then every fitting unit (the open hall). */
export type OfferStage = 'paired' | 'open-hall';

/** An offer is open until it is claimed, declined, expires, or is withdrawn (the project filled up). */
export type OfferStatus = 'open' | 'claimed' | 'declined' | 'expired' | 'withdrawn';

/** 认领 invitation: a unit may claim up to `quantity` of the project until `expiresAt`. */
export interface Offer {
  id: string;
  unitId: string;
  quantity: number;
  stage: OfferStage;
  status: OfferStatus;
  /** Milliseconds since the epoch, like every time in this library. */
  expiresAt: number;
  /** Why the unit declined it, when it said (declined offers only). */
  declineReason?: string;
}

/** An accepted claim: how much of the project a unit took on. */
export interface ClaimShare {
  unitId: string;
  quantity: number;
}

/**
 * 项目清单 entry: one demand item with the resources allocated to it, its offers and the
 * claims accepted so far. Operations take the parts they need (see each signature), so a
 * caller loads only those; a whole Project fits every one of them.
 */
export interface Project extends ProjectRef {
  /** The demand item's quantity. */
  requested: number;
  /** What the allocations leave uncovered; the allocation to claim is requested − unmet. */
  unmet: number;
  /** The community that listed the demand: only it confirms the work done. */
  submitterId: string;
  allocations: readonly Allocation[];
  offers: readonly Offer[];
  /** Accepted claims, at most one per unit. */
  claims: readonly ClaimShare[];
}

/** Who acts and when: taken as input, so every operation is deterministic. */
export interface Actor {
  /** A coordinator's id, a unit's id, or the system's name (e.g. `matcher`). */
  actor: string;
  /** Milliseconds since the epoch. */
  at: number;
}

/** How much of a project its allocations cover: what units may claim in total. */
export function allocated(project: Pick<Project, 'requested' | 'unmet'>): number {
  return project.requested - project.unmet;
}

/** The sum of accepted claims. */
export function claimedQuantity(claims: readonly ClaimShare[]): number {
  return claims.reduce((sum, claim) => sum + claim.quantity, 0);
}
