import { IsIn, IsInt, IsOptional, IsString, IsTimeZone, IsUrl, Matches, Max, Min } from 'class-validator';

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

  /**
   * Where to read the public keys of access tokens (a JWKS document, e.g. the matcher's
   * /.well-known/jwks.json). Unset: the keys published in the database.
   */
  @IsOptional()
  @IsUrl(
    { require_tld: false, protocols: ['http', 'https'] },
    { message: 'AUTH_JWKS_URL must be an http(s) URL' },
  )
  AUTH_JWKS_URL?: string;

  /** Tokens must carry this `iss` ... */
  @IsString()
  AUTH_ISSUER: string = 'redcrowd';

  /** ... and this `aud`; anything else is refused. */
  @IsString()
  AUTH_AUDIENCE: string = 'redcrowd-api';

  /**
   * The IANA time zone of an alliance's calendar dates (2026-12-01 in a list or a workbook is a
   * whole day of it) and of its reports' months, for alliances whose policy names none.
   */
  @IsTimeZone()
  ALLIANCE_TIME_ZONE: string = 'Asia/Shanghai';

  @IsIn(['error', 'warn', 'info', 'debug'])
  LOG_LEVEL: 'error' | 'warn' | 'info' | 'debug' = 'info';
}
