import { IsIn, IsInt, IsNotEmpty, IsString, Matches, Max, Min } from 'class-validator';

// Every property has an explicit type: decorator metadata, which converts the env's
// strings, records only declared types.

/** Intake's environment, validated at boot (see README's configuration table). */
export class IntakeConfig {
  /** Comma-separated host:port list. */
  @IsString()
  @Matches(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/, { message: 'KAFKA_BROKERS must look like host:9092,host2:9092' })
  KAFKA_BROKERS!: string;

  @IsString()
  KAFKA_TOPIC_PREFIX: string = 'redcrowd.';

  @IsString()
  @IsNotEmpty()
  KAFKA_CLIENT_ID: string = 'redcrowd-intake';

  @IsString()
  @IsNotEmpty()
  INTAKE_CONSUMER_GROUP: string = 'redcrowd-intake';

  @IsString()
  @Matches(/^postgres(ql)?:\/\//, { message: 'DATABASE_URL must be a postgres:// URL' })
  DATABASE_URL!: string;

  @IsInt()
  @Min(1)
  @Max(100)
  DB_POOL_SIZE: number = 10;

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

  /** How often the outbox is swept for events a crash left unpublished. */
  @IsInt()
  @Min(100)
  OUTBOX_SWEEP_MS: number = 2_000;

  @IsIn(['error', 'warn', 'info', 'debug'])
  LOG_LEVEL: 'error' | 'warn' | 'info' | 'debug' = 'info';
}
