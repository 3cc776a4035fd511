import { IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { IsIdentifier, PROJECT_STATUSES, URGENCIES } from '@redcrowd/contracts';

/** Largest reason a coordinator may write, so audit rows and events stay readable. */
export const MAX_REASON_LENGTH = 500;

/** GET /projects: every filter optional. */
export class ProjectFiltersDto {
  @IsOptional() @IsIdentifier() allianceId?: string;
  @IsOptional() @IsIn(PROJECT_STATUSES) status?: string;
  /** The submitting community (or unit) of the demand. */
  @IsOptional() @IsIdentifier() community?: string;
  @IsOptional() @IsString() @MaxLength(64) category?: string;
  /** A unit with an allocation in the project. */
  @IsOptional() @IsIdentifier() unit?: string;
  @IsOptional() @IsIn(URGENCIES) urgency?: string;
}

/** Optimistic concurrency: the version the coordinator decided on; a newer one is refused. */
export class ApproveProjectDto {
  @IsOptional() @IsInt() @Min(1) expectedVersion?: number;
}

export class RejectProjectDto {
  @IsString() @MaxLength(MAX_REASON_LENGTH) reason!: string;
  @IsOptional() @IsInt() @Min(1) expectedVersion?: number;
}

/** `{quantity}` changes how much the item gives; `{swapTo, quantity?}` moves the allocation. */
export class EditAllocationDto {
  @IsOptional() @IsInt() @Min(1) quantity?: number;
  /** The resourceItemPk of a candidate (see GET /projects/{projectId}/candidates). */
  @IsOptional()
  @IsString()
  @Matches(/^\d{1,19}$/, { message: 'swapTo must be the resourceItemPk of a candidate (digits)' })
  swapTo?: string;
}
