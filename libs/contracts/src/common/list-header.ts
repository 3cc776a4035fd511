import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { LIMITS } from '../limits';
import { IsIdentifier } from './decorators';
import { IsOffsetDateTime } from './is-offset-date-time';

/** Fields every submitted list carries, whatever its kind. */
export abstract class ListHeader {
  /** Chosen by the submitter; with the submitter it identifies the list (idempotency key). */
  @IsIdentifier()
  listId!: string;

  /** Raised by the submitter to replace the list's open items; defaults to 1. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(LIMITS.maxRevision)
  revision?: number;

  @IsIdentifier()
  allianceId!: string;

  @IsOffsetDateTime()
  submittedAt!: string;
}
