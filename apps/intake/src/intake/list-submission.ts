import type { ListKind, MessageSource } from '@redcrowd/contracts';
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
}

export function isKafkaSource(
  source: MessageSource,
): source is MessageSource & { topic: string; partition: number; offset: string } {
  return source.channel === 'kafka' && source.topic !== undefined && source.offset !== undefined;
}
