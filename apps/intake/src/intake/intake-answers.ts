import { randomUUID } from 'node:crypto';
import type {
  ListAccepted,
  ListKind,
  ListMembership,
  ListRejected,
  MessageSource,
  NonMemberStanding,
  Problem,
  RejectionHints,
  SubmittedList,
} from '@redcrowd/contracts';
import type { StoreListResult } from '@redcrowd/persistence';

/** The answer to one submission: exactly one accepted or rejected event. */
export type IntakeAnswer =
  | { type: 'accepted'; key: string; event: ListAccepted }
  | { type: 'rejected'; key: string | null; event: ListRejected };

export function acceptedAnswer(
  list: SubmittedList,
  stored: Extract<StoreListResult, { outcome: 'stored' | 'unchanged' }>,
  source: MessageSource,
  membership: ListMembership,
): IntakeAnswer {
  return {
    type: 'accepted',
    // Keyed by alliance: the matcher owns alliances by partition and sees each one's lists in order.
    key: list.allianceId,
    event: {
      eventId: randomUUID(),
      listKind: list.kind,
      listId: list.listId,
      revision: list.revision,
      allianceId: list.allianceId,
      submitter: { ...list.submitter },
      outcome: stored.outcome,
      itemCount: stored.itemCount,
      itemsKept: stored.itemsKept,
      membership,
      acceptedAt: new Date().toISOString(),
      source,
    },
  };
}

export function rejectedAnswer(
  kind: ListKind,
  problems: Problem[],
  hints: RejectionHints,
  source: MessageSource,
  messageKey: string | null,
): IntakeAnswer {
  const event: ListRejected = {
    eventId: randomUUID(),
    listKind: kind,
    problems,
    rejectedAt: new Date().toISOString(),
    source,
  };
  if (hints.listId !== undefined) event.listId = hints.listId;
  if (hints.revision !== undefined) event.revision = hints.revision;
  if (hints.allianceId !== undefined) event.allianceId = hints.allianceId;
  if (hints.submitter) {
    event.submitter = {
      kind: hints.submitter.kind ?? (kind === 'resource' ? 'unit' : 'community'),
      id: hints.submitter.id,
      ...(hints.submitter.name ? { name: hints.submitter.name } : {}),
    };
  }
  return { type: 'rejected', key: hints.submitter?.id ?? messageKey ?? hints.listId ?? null, event };
}

/** Turns a refused revision into the problem a submitter can act on. */
export function revisionProblem(
  list: SubmittedList,
  stored: Extract<StoreListResult, { outcome: 'stale-revision' | 'revision-conflict' }>,
): Problem {
  if (stored.outcome === 'stale-revision') {
    return {
      path: 'revision',
      code: 'stale-revision',
      message: `revision ${list.revision} is older than the stored revision ${stored.storedRevision} of list ${list.listId}; send a revision above ${stored.storedRevision}`,
    };
  }
  return {
    path: 'revision',
    code: 'revision-conflict',
    message: `revision ${list.revision} of list ${list.listId} was already accepted with different content; raise the revision to replace it`,
  };
}

/**
 * Why a list's submitter may not send lists to its alliance, and what would change that:
 * only the alliance's coordinator can put it on the roster (成员名册) or admit it again.
 */
export function notAMemberProblem(list: SubmittedList, standing: NonMemberStanding): Problem {
  const { kind, id, name } = list.submitter;
  const who = `${kind} ${id} (${name})`;
  const alliance = `alliance ${list.allianceId}`;
  const message = {
    'not-on-roster': `${who} is not on the roster of ${alliance}; the alliance's coordinator must add it to the roster (成员名册) before its lists are accepted`,
    refused: `${who} was refused by ${alliance}; its lists are not accepted unless the alliance's coordinator admits it on the roster (成员名册)`,
    withdrawn: `${who} has withdrawn from ${alliance}; its lists are not accepted unless the alliance's coordinator makes it active on the roster (成员名册) again`,
  }[standing];
  return { path: list.kind === 'resource' ? 'unit.id' : 'submitter.id', code: 'not-a-member', message };
}

export function hintsOf(list: SubmittedList): RejectionHints {
  return {
    listId: list.listId,
    revision: list.revision,
    allianceId: list.allianceId,
    submitter: { ...list.submitter },
  };
}
