import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { IsIdentifier, IsText } from '../../common/decorators';
import { IsOffsetDateTime } from '../../common/is-offset-date-time';
import { LIMITS } from '../../limits';

/**
 * 认领 claim: topic `claims.submitted.v1`, key = unit id. A unit claims all or part of an
 * allocation offered to it. Units write these, so they are validated as strictly as lists.
 */
export class ClaimSubmitted {
  /** Chosen by the unit; together with unitId it is the idempotency key (resending is harmless). */
  @IsIdentifier()
  claimId!: string;

  @IsUUID()
  projectId!: string;

  /** The claiming unit; the message key must equal it. */
  @IsIdentifier()
  unitId!: string;

  /** May be less than the offered quantity (a partial or joint claim). */
  @IsInt()
  @Min(1)
  @Max(LIMITS.maxQuantity)
  quantity!: number;

  @IsOffsetDateTime()
  submittedAt!: string;

  @IsOptional()
  @IsText(LIMITS.maxDescriptionLength)
  note?: string;
}
