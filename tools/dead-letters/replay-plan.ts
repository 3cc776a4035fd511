import { CORRELATION_ID_HEADER } from '@redcrowd/kafka';
import type { ReplaySelection } from './replay-arguments';

/*
 * What a dead-letter replay does, decided without I/O: which dead letters the operator
 * selected, which of them to publish again, and why the others are skipped. A message is
 * replayed at most once: its replay carries the original position in a header, and a
 * position already replayed (or dead-lettered twice, after a redelivery) is skipped.
 */

/** Header on a replayed message: the id of the dead letter it comes from. */
export const REPLAY_OF_HEADER = 'redcrowd-replay-of';
/** Header on a replayed message: where the original sat (`topic/partition/offset`). */
export const REPLAY_ORIGIN_HEADER = 'redcrowd-replay-origin';

/** A record of the dead-letter topic as read, before it is understood. */
export interface DeadLetterRecord {
  partition: number;
  offset: string;
  value: Buffer | null;
}

export interface MessageOrigin {
  topic: string;
  partition: number;
  offset: string;
}

/** A dead letter that can be replayed: the original message and where it came from. */
export interface ReadableDeadLetter {
  readable: true;
  id: string;
  failedAt: string;
  origin: MessageOrigin;
  key: string | null;
  value: Buffer | null;
  /** The headers to send again: the original ones, with the correlation id intake gave it. */
  headers: Record<string, string>;
  error: string;
}

export interface UnreadableDeadLetter {
  readable: false;
  id: string;
  reason: string;
}

export type DeadLetter = ReadableDeadLetter | UnreadableDeadLetter;

export type SkipReason = 'already-replayed' | 'same-message' | 'unreadable';

export interface SkippedDeadLetter {
  id: string;
  reason: SkipReason;
  detail: string;
}

export interface ReplayPlan {
  replay: ReadableDeadLetter[];
  skipped: SkippedDeadLetter[];
  /** Asked for by --id but not in the topic. */
  missingIds: string[];
  notSelected: number;
}

export function originLabel(origin: MessageOrigin): string {
  return `${origin.topic}/${origin.partition}/${origin.offset}`;
}

/**
 * Understands one dead-letter record. Its id is its `eventId`; dead letters written before
 * intake gave them one are named by their own position (`dead-letter/PARTITION/OFFSET`).
 */
export function readDeadLetter(record: DeadLetterRecord): DeadLetter {
  const fallbackId = `dead-letter/${record.partition}/${record.offset}`;
  let body: unknown;
  try {
    body = JSON.parse(record.value?.toString('utf8') ?? '');
  } catch {
    return { readable: false, id: fallbackId, reason: 'not JSON' };
  }
  if (typeof body !== 'object' || body === null)
    return { readable: false, id: fallbackId, reason: 'not an object' };
  const letter = body as Record<string, unknown>;
  const id = typeof letter.eventId === 'string' && letter.eventId !== '' ? letter.eventId : fallbackId;
  const { originTopic, originPartition, originOffset, originKey, valueBase64, failedAt, error } = letter;
  const { originHeaders, correlationId } = letter;
  if (
    typeof originTopic !== 'string' ||
    !Number.isInteger(originPartition) ||
    typeof originOffset !== 'string' ||
    typeof failedAt !== 'string' ||
    Number.isNaN(Date.parse(failedAt)) ||
    (originKey !== undefined && typeof originKey !== 'string') ||
    (valueBase64 !== undefined && typeof valueBase64 !== 'string') ||
    (originHeaders !== undefined && !isHeaderRecord(originHeaders)) ||
    (correlationId !== undefined && typeof correlationId !== 'string')
  ) {
    return { readable: false, id, reason: 'origin, key, bytes, headers or failedAt missing or malformed' };
  }
  return {
    readable: true,
    id,
    failedAt,
    origin: { topic: originTopic, partition: originPartition as number, offset: originOffset },
    key: originKey ?? null,
    value: valueBase64 === undefined ? null : Buffer.from(valueBase64, 'base64'),
    headers: {
      ...(originHeaders as Record<string, string> | undefined),
      ...(correlationId === undefined ? {} : { [CORRELATION_ID_HEADER]: correlationId }),
    },
    error: typeof error === 'string' ? error : '',
  };
}

function isHeaderRecord(value: unknown): value is Record<string, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((header) => typeof header === 'string')
  );
}

function selects(selection: ReplaySelection, letter: DeadLetter): boolean {
  switch (selection.by) {
    case 'all':
      return true;
    case 'id':
      return selection.ids.includes(letter.id);
    case 'time': {
      // An unreadable letter has no time; it is reported so the operator sees it.
      if (!letter.readable) return true;
      const failedAt = Date.parse(letter.failedAt);
      if (selection.from && failedAt < selection.from.getTime()) return false;
      if (selection.to && failedAt > selection.to.getTime()) return false;
      return true;
    }
  }
}

/**
 * Decides the replay. `letters` in the dead-letter topic's order; `replayedOrigins` maps
 * each original position already replayed (found by REPLAY_ORIGIN_HEADER on the origin
 * topics) to the id of the dead letter it was replayed from.
 */
export function planReplay(
  letters: DeadLetter[],
  selection: ReplaySelection,
  replayedOrigins: ReadonlyMap<string, string>,
): ReplayPlan {
  const plan: ReplayPlan = { replay: [], skipped: [], missingIds: [], notSelected: 0 };
  const planned = new Map<string, string>();
  for (const letter of letters) {
    if (!selects(selection, letter)) {
      plan.notSelected += 1;
      continue;
    }
    if (!letter.readable) {
      plan.skipped.push({ id: letter.id, reason: 'unreadable', detail: letter.reason });
      continue;
    }
    const origin = originLabel(letter.origin);
    const replayedFrom = replayedOrigins.get(origin);
    if (replayedFrom !== undefined) {
      plan.skipped.push({
        id: letter.id,
        reason: 'already-replayed',
        detail: `${origin} was replayed before (from dead letter ${replayedFrom})`,
      });
      continue;
    }
    const sameAs = planned.get(origin);
    if (sameAs !== undefined) {
      plan.skipped.push({
        id: letter.id,
        reason: 'same-message',
        detail: `${origin} is replayed once, from dead letter ${sameAs}`,
      });
      continue;
    }
    planned.set(origin, letter.id);
    plan.replay.push(letter);
  }
  if (selection.by === 'id') {
    const found = new Set(letters.map((letter) => letter.id));
    plan.missingIds = selection.ids.filter((id) => !found.has(id));
  }
  return plan;
}
