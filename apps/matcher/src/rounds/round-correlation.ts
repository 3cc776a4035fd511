import { randomUUID } from 'node:crypto';
import type { ProjectSnapshot } from '@redcrowd/contracts';
import { CORRELATION_ID_HEADER, type ConsumedMessage } from '@redcrowd/kafka';
import { ambientCorrelationId, traceableId } from '@redcrowd/runtime';

/** An accepted list of a round, named by its correlation id (Kafka header `correlation-id`). */
export interface ListCorrelation {
  correlationId: string;
  listKind?: string;
  listId?: string;
  submitterId?: string;
}

/**
 * Why a round ran, for tracing: the correlation id its events carry, and the accepted lists
 * that started it. One round may serve several lists (a batch is coalesced per alliance):
 * its events carry the correlation id of the batch's first list of the alliance, and the
 * round's log maps each project to the correlation ids of every list behind it.
 */
export interface RoundCorrelation {
  correlationId: string;
  lists: ListCorrelation[];
}

/** A project and the correlation ids of the round's lists it stems from. */
export interface ProjectCorrelation {
  projectId: string;
  correlationIds: string[];
}

/** The correlation of each alliance's round in a batch of `lists.accepted.v1` (keyed by alliance). */
export function roundCorrelations(messages: readonly ConsumedMessage[]): Map<string, RoundCorrelation> {
  const rounds = new Map<string, RoundCorrelation>();
  for (const message of messages) {
    if (!message.key) continue;
    const list = listCorrelationOf(message);
    const round = rounds.get(message.key);
    if (round) round.lists.push(list);
    else rounds.set(message.key, { correlationId: list.correlationId, lists: [list] });
  }
  return rounds;
}

/**
 * A round no list started (a coordinator's, a roster change, an expired offer): its events
 * carry the correlation id of the work that caused it (the HTTP request's), else a new one.
 */
export function standaloneCorrelation(): RoundCorrelation {
  return { correlationId: ambientCorrelationId() ?? randomUUID(), lists: [] };
}

/**
 * The correlation ids of the lists a project stems from: its demand's list, and the resource
 * lists of its allocations (a list is named by kind, submitter and list id).
 */
export function projectCorrelation(
  project: ProjectSnapshot,
  lists: readonly ListCorrelation[],
): ProjectCorrelation {
  const behind = (list: ListCorrelation): boolean =>
    list.listKind === 'demand'
      ? list.listId === project.demand.listId && list.submitterId === project.demand.submitterId
      : project.allocations.some(
          (allocation) => allocation.resourceListId === list.listId && allocation.unitId === list.submitterId,
        );
  return {
    projectId: project.projectId,
    correlationIds: [...new Set(lists.filter(behind).map((list) => list.correlationId))],
  };
}

function listCorrelationOf(message: ConsumedMessage): ListCorrelation {
  // Events published before correlation ids existed have none: the list gets one here.
  const correlationId = traceableId(message.headers[CORRELATION_ID_HEADER]) ?? randomUUID();
  try {
    const event = JSON.parse(message.value?.toString('utf8') ?? '') as {
      listKind?: unknown;
      listId?: unknown;
      submitter?: { id?: unknown };
    };
    return {
      correlationId,
      ...(typeof event.listKind === 'string' ? { listKind: event.listKind } : {}),
      ...(typeof event.listId === 'string' ? { listId: event.listId } : {}),
      ...(typeof event.submitter?.id === 'string' ? { submitterId: event.submitter.id } : {}),
    };
  } catch {
    return { correlationId };
  }
}
