import { IsIn, IsInt, IsOptional, IsString, Min } from 'class-validator';
import { LIST_KINDS, SUBMITTER_KINDS, type ListKind, type SubmitterKind } from '../taxonomy';

/** Who submitted a list, as intake answers it. */
export class SubmitterRef {
  @IsIn(SUBMITTER_KINDS)
  kind!: SubmitterKind;

  @IsString()
  id!: string;

  @IsOptional()
  @IsString()
  name?: string;
}

/** Where the answered message came from, so a submitter can correlate the answer. */
export class MessageSource {
  @IsIn(['kafka', 'http'])
  channel!: 'kafka' | 'http';

  @IsOptional()
  @IsString()
  topic?: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  partition?: number;

  @IsOptional()
  @IsString()
  offset?: string;
}

export { LIST_KINDS };
export type { ListKind };
