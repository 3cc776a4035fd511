import { randomUUID } from 'node:crypto';
import type { ListKind, MessageSource } from '@redcrowd/contracts';
import { CORRELATION_ID_HEADER } from '@redcrowd/kafka';
import { currentLogContext, traceableId } from '@redcrowd/runtime';
import type { ListParseResult } from '@redcrowd/contracts';

/** One submitted list as it arrived, from Kafka or HTTP, with its parse result. */
export interface ListSubmission {
  kind: ListKind;
  raw: Buffer | null;
  messageKey: string | null;
  source: MessageSource;
  parsed: ListParseResult;
  /** Sent without a revision (a workbook): intake gives it the next one, or the same if unchanged. */
  revisionAutomatic?: boolean;
  /**
   * Follows the list into its answer and the proposals it causes (Kafka header
   * `correlation-id`): the submitter's, else intake's (see correlationIdOf).
   */
  correlationId: string;
  /** The Kafka message's headers as they came (none over HTTP); dead letters keep them. */
  headers: Record<string, string>;
}

/**
 * A Kafka submission's correlation id: its `correlation-id` header when that is a sane token,
 * else a new UUID (list ids repeat across submitters and revisions, so they cannot name one
 * submission). Over HTTP it is the request id, which the request's log context holds.
 */
export function correlationIdOf(headers: Record<string, string>): string {
  return traceableId(headers[CORRELATION_ID_HEADER]) ?? randomUUID();
}

/** An HTTP submission's correlation id: its request's id (x-request-id), else a new UUID. */
export function httpCorrelationId(): string {
  return traceableId(currentLogContext().requestId) ?? randomUUID();
}

export function isKafkaSource(
  source: MessageSource,
): source is MessageSource & { topic: string; partition: number; offset: string } {
  return source.channel === 'kafka' && source.topic !== undefined && source.offset !== undefined;
}
