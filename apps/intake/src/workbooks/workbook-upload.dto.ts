import { IsIn, IsOptional } from 'class-validator';
import { IsIdentifier, IsText, LIMITS, SUBMITTER_KINDS, type SubmitterKind } from '@redcrowd/contracts';

/**
 * The text fields beside an uploaded list file, and the query of a template download: the
 * list's own fields for a sheet that leaves them blank (a CSV cannot hold them), e.g. a
 * coordinator loading a member's sheet on its behalf.
 */
export class ListFieldsDto {
  @IsOptional() @IsIdentifier() allianceId?: string;
  @IsOptional() @IsIn(SUBMITTER_KINDS) submitterKind?: SubmitterKind;
  @IsOptional() @IsIdentifier() submitterId?: string;
  @IsOptional() @IsText(LIMITS.maxNameLength) submitterName?: string;
  @IsOptional() @IsIdentifier() listId?: string;
}
