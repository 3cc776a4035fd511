import { IsDefined, IsIn, IsInt, IsString, IsUUID, Min } from 'class-validator';
import { IsOffsetDateTime } from '../../common/is-offset-date-time';
import { Nested } from '../../common/nested';
import { DemandRef } from '../../projects/project-snapshot';

/** Who an allocation is offered to: its paired unit (对口) first, then every fitting unit (the open hall). */
export const CLAIM_OFFER_STAGES = ['paired', 'open-hall'] as const;
export type ClaimOfferStage = (typeof CLAIM_OFFER_STAGES)[number];

/**
 * `claims.offered.v1`, key = unit id: an approved project's allocation offered to a unit
 * for 认领 (claiming) until `expiresAt`.
 */
export class ClaimOffered {
  /** Unique per event; consumers de-duplicate on it. */
  @IsString()
  eventId!: string;

  /** One per unit and offering; the same allocation offered again in the open hall gets a new one. */
  @IsUUID()
  offerId!: string;

  @IsUUID()
  projectId!: string;

  @IsString()
  allianceId!: string;

  @IsString()
  allocationId!: string;

  /** The unit offered the allocation (also the message key). */
  @IsString()
  unitId!: string;

  /** How much of the allocation is on offer; a claim may cover part of it. */
  @IsInt()
  @Min(1)
  quantity!: number;

  @IsIn(CLAIM_OFFER_STAGES)
  stage!: ClaimOfferStage;

  /** Past this, an unclaimed allocation moves on to the open hall or is re-matched. */
  @IsOffsetDateTime()
  expiresAt!: string;

  @IsDefined()
  @Nested(() => DemandRef)
  demand!: DemandRef;

  @IsOffsetDateTime()
  offeredAt!: string;
}
