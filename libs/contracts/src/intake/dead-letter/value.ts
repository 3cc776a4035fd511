import { IsInt, IsObject, IsOptional, IsString, Min } from 'class-validator';
import { IsOffsetDateTime } from '../../common/is-offset-date-time';

/**
 * `intake.dead-letter.v1`: a message intake gave up on after bounded retries for
 * infrastructure reasons (database unreachable, lock timeouts...). The original bytes are
 * kept (base64) so an operator can replay them once the cause is fixed
 * (`npm run replay-dead-letters`, which names each dead letter by its `eventId`).
 */
export class IntakeDeadLetter {
  /** This dead letter's own id: what `replay-dead-letters --id` selects. */
  @IsString()
  eventId!: string;

  /** The `eventId` of the `internal-error` rejection the submitter got for this message. */
  @IsString()
  rejectionEventId!: string;

  @IsString()
  originTopic!: string;

  @IsInt()
  @Min(0)
  originPartition!: number;

  @IsString()
  originOffset!: string;

  @IsOptional()
  @IsString()
  originKey?: string;

  @IsOptional()
  @IsString()
  valueBase64?: string;

  /**
   * The original message's Kafka headers, as they came; a replay sends them again. Absent
   * from dead letters written before intake kept them.
   */
  @IsOptional()
  @IsObject()
  originHeaders?: Record<string, string>;

  /**
   * The correlation id intake gave the message (its `correlation-id` header, else a new one),
   * which its rejection carried; a replay keeps it, so both answers correlate.
   */
  @IsOptional()
  @IsString()
  correlationId?: string;

  @IsInt()
  @Min(1)
  attempts!: number;

  @IsString()
  error!: string;

  @IsOffsetDateTime()
  failedAt!: string;
}
