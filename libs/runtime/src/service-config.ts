import { IsIn, IsInt, IsString, Matches, Max, Min, MinLength } from 'class-validator';

// Every property has an explicit type: decorator metadata, which converts the env's
// strings, records only declared types.

/** What every redcrowd service reads from the environment; each app's config extends it. */
export class ServiceConfig {
  /** Comma-separated host:port list. */
  @IsString()
  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must look like host:9092,host2:9092' })
  KAFKA_BROKERS!: string;

  @IsString()
  KAFKA_TOPIC_PREFIX: string = 'redcrowd.';

  @IsString()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  @IsInt()
  @Min(1)
  @Max(100)
  DB_POOL_SIZE: number = 10;

  /** How often the outbox is swept for events a crash left unpublished. */
  @IsInt()
  @Min(100)
  OUTBOX_SWEEP_MS: number = 2_000;

  /** HS256 key for sign-in tokens, at least 32 bytes, the same on every service. */
  @IsString()
  @MinLength(32, { message: 'AUTH_JWT_SECRET must be at least 32 characters' })
  AUTH_JWT_SECRET!: string;

  /** Tokens must carry this `iss` ... */
  @IsString()
  AUTH_ISSUER: string = 'redcrowd';

  /** ... and this `aud`; anything else is refused. */
  @IsString()
  AUTH_AUDIENCE: string = 'redcrowd-api';

  @IsIn(['error', 'warn', 'info', 'debug'])
  LOG_LEVEL: 'error' | 'warn' | 'info' | 'debug' = 'info';
}
