import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Min, ValidateNested } from 'class-validator';
import { IsOffsetDateTime } from '../../common/is-offset-date-time';
import { LIST_MEMBERSHIPS, type ListMembership } from '../../roster/admission';
import { LIST_KINDS, type ListKind } from '../../taxonomy';
import { MessageSource, SubmitterRef } from '../list-ref';

/**
 * - `stored`: a new list or a higher revision was written;
 * - `unchanged`: the same revision with the same content was sent again, nothing changed.
 */
export const ACCEPTANCE_OUTCOMES = ['stored', 'unchanged'] as const;
export type AcceptanceOutcome = (typeof ACCEPTANCE_OUTCOMES)[number];

/** `lists.accepted.v1`, key = submitter id. */
export class ListAccepted {
  /** Unique per answer; consumers de-duplicate on it. */
  @IsString()
  eventId!: string;

  @IsIn(LIST_KINDS)
  listKind!: ListKind;

  @IsString()
  listId!: string;

  @IsInt()
  @Min(1)
  revision!: number;

  @IsString()
  allianceId!: string;

  @ValidateNested()
  @Type(() => SubmitterRef)
  submitter!: SubmitterRef;

  @IsIn(ACCEPTANCE_OUTCOMES)
  outcome!: AcceptanceOutcome;

  /** Items of this revision now open for matching. */
  @IsInt()
  @Min(0)
  itemCount!: number;

  /** Item ids of the new revision left as they were because earlier work holds them. */
  @IsString({ each: true })
  itemsKept!: string[];

  /**
   * The submitter's standing in the alliance: `pending` lists are stored but wait outside
   * matching until the coordinator admits the submitter (or never match, if refused).
   */
  @IsIn(LIST_MEMBERSHIPS)
  membership!: ListMembership;

  @IsOffsetDateTime()
  acceptedAt!: string;

  @ValidateNested()
  @Type(() => MessageSource)
  source!: MessageSource;
}
