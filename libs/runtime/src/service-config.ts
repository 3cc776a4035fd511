import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsTimeZone,
  IsUrl,
  Matches,
  Max,
  Min,
  ValidateBy,
  type ValidationArguments,
} from 'class-validator';
import { kafkaSecurityProblems, type KafkaSecuritySettings } from './kafka-security-settings';

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

  // SASL and TLS towards Kafka (README, "Secured Kafka"); all unset: plaintext, no login.
  /** scram-sha-512, scram-sha-256 or plain. */
  @IsKafkaSecuritySetting()
  KAFKA_SASL_MECHANISM?: string;

  @IsKafkaSecuritySetting()
  KAFKA_SASL_USERNAME?: string;

  @IsKafkaSecuritySetting()
  KAFKA_SASL_PASSWORD?: string;

  /** A file holding the password (a Docker secret), instead of KAFKA_SASL_PASSWORD. */
  @IsKafkaSecuritySetting()
  KAFKA_SASL_PASSWORD_FILE?: string;

  /** true or false. */
  @IsKafkaSecuritySetting()
  KAFKA_TLS?: string;

  /** PEM of a private CA that signed the brokers' certificates. */
  @IsKafkaSecuritySetting()
  KAFKA_TLS_CA_FILE?: string;

  /** PEM certificate and key of this service, for brokers that require client certificates. */
  @IsKafkaSecuritySetting()
  KAFKA_TLS_CERT_FILE?: string;

  @IsKafkaSecuritySetting()
  KAFKA_TLS_KEY_FILE?: string;

  /** Default true; false accepts any broker certificate (test rigs only). */
  @IsKafkaSecuritySetting()
  KAFKA_TLS_REJECT_UNAUTHORIZED?: string;

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

/**
 * Checks one Kafka security setting by the rules every Kafka client applies
 * (kafka-security-settings), so a service refuses to boot on settings its clients would refuse.
 */
function IsKafkaSecuritySetting(): PropertyDecorator {
  const problemsOf = (args: ValidationArguments) =>
    kafkaSecurityProblems(args.object as KafkaSecuritySettings)
      .filter((problem) => problem.setting === args.property)
      .map((problem) => problem.message);
  return ValidateBy({
    name: 'kafkaSecuritySetting',
    validator: {
      validate: (_value: unknown, args?: ValidationArguments) => !args || problemsOf(args).length === 0,
      defaultMessage: (args?: ValidationArguments) => (args ? problemsOf(args).join('; ') : ''),
    },
  });
}
