import { IsInt, IsOptional, IsString, Min } from 'class-validator';
import { IsOffsetDateTime } from '../../common/is-offset-date-time';

/**
 * `intake.dead-letter.v1`: a message intake gave up on after bounded retries for
 * infrastructure reasons (database unreachable, lock timeouts...). The original bytes are
 * kept (base64) so an operator can replay them once the cause is fixed.
 */
export class IntakeDeadLetter {
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

  @IsInt()
  @Min(1)
  attempts!: number;

  @IsString()
  error!: string;

  @IsOffsetDateTime()
  failedAt!: string;
}
