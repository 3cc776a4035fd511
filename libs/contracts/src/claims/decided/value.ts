import { IsArray, IsIn, IsInt, IsOptional, IsString, IsUUID, Min } from 'class-validator';
import { Nested } from '../../common/nested';
import { ProblemEntry } from '../../lists/rejected/value';
import { IsOffsetDateTime } from '../../common/is-offset-date-time';

export const CLAIM_DECISIONS = ['accepted', 'rejected'] as const;
export type ClaimDecision = (typeof CLAIM_DECISIONS)[number];

/** Why a claim was rejected; a unit's tooling can switch on these. */
export const CLAIM_REJECTION_CODES = [
  'invalid-claim',
  'not-offered',
  'project-not-claimable',
  'already-claimed',
  'over-quantity',
  'offer-expired',
  'internal-error',
] as const;
export type ClaimRejectionCode = (typeof CLAIM_REJECTION_CODES)[number];

/** `claims.decided.v1`, key = unit id: the answer to one 认领 claim. */
export class ClaimDecided {
  /** Unique per event; consumers de-duplicate on it. */
  @IsString()
  eventId!: string;

  /** Absent only when an invalid claim had no readable claimId. */
  @IsOptional()
  @IsString()
  claimId?: string;

  /** Absent only when an invalid claim named no readable project. */
  @IsOptional()
  @IsUUID()
  projectId?: string;

  @IsString()
  unitId!: string;

  @IsIn(CLAIM_DECISIONS)
  decision!: ClaimDecision;

  /** Absent only when an invalid claim had no readable quantity. */
  @IsOptional()
  @IsInt()
  @Min(1)
  requestedQuantity?: number;

  /** 0 when rejected; at most requestedQuantity when accepted (what the allocation had left). */
  @IsInt()
  @Min(0)
  acceptedQuantity!: number;

  /** Present when the claim was rejected. */
  @IsOptional()
  @IsIn(CLAIM_REJECTION_CODES)
  code?: ClaimRejectionCode;

  /** A sentence a person reads, e.g. which problems an invalid claim had. */
  @IsOptional()
  @IsString()
  reason?: string;

  /** For code invalid-claim: every problem found, as intake reports them for lists. */
  @IsOptional()
  @IsArray()
  @Nested(() => ProblemEntry, { each: true })
  problems?: ProblemEntry[];

  @IsOffsetDateTime()
  decidedAt!: string;
}
