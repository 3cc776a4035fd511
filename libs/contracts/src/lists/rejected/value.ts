import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, ValidateNested } from 'class-validator';
import { IsOffsetDateTime } from '../../common/is-offset-date-time';
import { LIST_KINDS, type ListKind } from '../../taxonomy';
import { PROBLEM_CODES, type Problem, type ProblemCode } from '../../validation/problem';
import { MessageSource, SubmitterRef } from '../list-ref';

export class ProblemEntry implements Problem {
  @IsString()
  path!: string;

  @IsIn(PROBLEM_CODES)
  code!: ProblemCode;

  @IsString()
  message!: string;
}

/** `lists.rejected.v1`, key = submitter id when readable, else the original message key. */
export class ListRejected {
  @IsString()
  eventId!: string;

  /** Known from the topic (Kafka) or the endpoint (HTTP). */
  @IsIn(LIST_KINDS)
  listKind!: ListKind;

  /** The list id when it could be read from the message. */
  @IsOptional()
  @IsString()
  listId?: string;

  @IsOptional()
  @IsInt()
  revision?: number;

  @IsOptional()
  @IsString()
  allianceId?: string;

  /** The submitter when readable (from the payload, or the message key). */
  @IsOptional()
  @ValidateNested()
  @Type(() => SubmitterRef)
  submitter?: SubmitterRef;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => ProblemEntry)
  problems!: ProblemEntry[];

  @IsOffsetDateTime()
  rejectedAt!: string;

  @ValidateNested()
  @Type(() => MessageSource)
  source!: MessageSource;
}
