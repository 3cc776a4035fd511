import { IsInt, IsNotEmpty, IsString, Max, Min } from 'class-validator';
import { ServiceConfig } from '@redcrowd/runtime';

// Every property has an explicit type: decorator metadata, which converts the env's
// strings, records only declared types.

/** Intake's environment, validated at boot (see README's configuration table). */
export class IntakeConfig extends ServiceConfig {
  @IsString()
  @IsNotEmpty()
  KAFKA_CLIENT_ID: string = 'redcrowd-intake';

  @IsString()
  @IsNotEmpty()
  INTAKE_CONSUMER_GROUP: string = 'redcrowd-intake';

  /** Statements waiting longer than this for a lock fail and are retried. */
  @IsInt()
  @Min(50)
  DB_LOCK_TIMEOUT_MS: number = 10_000;

  @IsString()
  INTAKE_HTTP_HOST: string = '127.0.0.1';

  @IsInt()
  @Min(0)
  @Max(65535)
  INTAKE_HTTP_PORT: number = 3000;

  /**
   * Comma-separated origins whose pages may post lists from a browser (the dashboard's
   * demand form). Empty: no cross-origin access.
   */
  @IsString()
  INTAKE_CORS_ORIGINS: string = '';

  /** Writes (POST) one caller may make a minute: per token subject, else per address. */
  @IsInt()
  @Min(1)
  INTAKE_WRITE_LIMIT_PER_MINUTE: number = 600;

  /** Attempts at storing a batch before its messages go to the dead-letter topic. */
  @IsInt()
  @Min(1)
  @Max(20)
  INTAKE_MAX_ATTEMPTS: number = 5;

  @IsInt()
  @Min(1)
  INTAKE_RETRY_BASE_MS: number = 200;

  /** Partitions whose batches are stored concurrently (each in its own transaction). */
  @IsInt()
  @Min(1)
  @Max(16)
  INTAKE_PARTITION_CONCURRENCY: number = 2;
}
