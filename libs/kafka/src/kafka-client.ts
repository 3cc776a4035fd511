import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import { kafkaSecurityFromEnv, type KafkaSecurity } from './kafka-security';

export interface KafkaClientOptions {
  brokers: string[];
  clientId: string;
  /**
   * SASL and TLS options. By default they come from the KAFKA_SASL_* and KAFKA_TLS* variables
   * of process.env, so that every client of a process (the service's own, ensureTopics, the
   * tools) reaches a secured cluster without each caller passing them along.
   */
  security?: KafkaSecurity;
  /** Receives kafkajs's own log lines; by default they go nowhere but errors to stderr. */
  log?: (level: 'error' | 'warn' | 'info' | 'debug', message: string, extra: object) => void;
}

const LEVEL_NAMES: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

/** The one place a kafkajs client is built, so every service talks to Kafka alike. */
export function createKafkaClient(options: KafkaClientOptions): Kafka {
  const log = options.log;
  const { sasl, ssl } = options.security ?? kafkaSecurityFromEnv(process.env);
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    ...(sasl === undefined ? {} : { sasl }),
    ...(ssl === undefined ? {} : { ssl }),
    logLevel: logLevel.WARN,
    retry: { retries: 8, initialRetryTime: 200, maxRetryTime: 5_000 },
    logCreator:
      () =>
      ({ level, log: entry }: LogEntry) => {
        // kafkajs's `correlationId` is its protocol request number: renamed, so a search of
        // the logs for our correlationId (a list's, carried in Kafka headers) finds ours only.
        const {
          message,
          correlationId: kafkaRequestId,
          ...rest
        } = entry as LogEntry['log'] & {
          correlationId?: unknown;
        };
        const extra = kafkaRequestId === undefined ? rest : { ...rest, kafkaRequestId };
        const name = LEVEL_NAMES[level] ?? 'info';
        if (log) log(name, `kafkajs: ${message}`, extra);
        else if (name === 'error') process.stderr.write(`kafkajs: ${message} ${JSON.stringify(extra)}\n`);
      },
  });
}

export function parseBrokerList(value: string): string[] {
  return value
    .split(',')
    .map((broker) => broker.trim())
    .filter((broker) => broker.length > 0);
}
