import type { DemandListSubmitted } from '../demand-lists/submitted/value';
import { LIMITS } from '../limits';
import type { ResourceListSubmitted } from '../resource-lists/submitted/value';
import type { ListKind, Taxonomy } from '../taxonomy';
import { DEFAULT_ALLIANCE_TIME_ZONE } from '../common/calendar-date';
import { hasCalendarBound, settleCalendarDates, windowOf, windowProblems } from './calendar-dates';
import { capProblems, readJsonObject, validatePayload } from './json-payload';
import type { Problem } from './problem';
import { PAYLOAD_CLASS_BY_KIND, type ListSubmitter, type SubmittedList } from './submitted-list';

export { MAX_REPORTED_PROBLEMS } from './json-payload';

/** What a rejection can still say about a message that did not validate. */
export interface RejectionHints {
  listId?: string;
  revision?: number;
  allianceId?: string;
  submitter?: Partial<ListSubmitter> & { id: string };
}

export type ListParseResult =
  { ok: true; list: SubmittedList } | { ok: false; problems: Problem[]; hints: RejectionHints };

export interface ParseOptions {
  /** The Kafka message key, which must name the submitter; absent over HTTP. */
  messageKey?: string | null;
  /** The alliance's categories; without it categories are only checked for shape. */
  taxonomyFor?: (allianceId: string) => Taxonomy;
  /** The time zone of the alliance's calendar dates (2026-12-01); Asia/Shanghai when not given. */
  timeZoneFor?: (allianceId: string) => string;
  /**
   * Leave windows written as calendar dates as they are, for the caller to settle with
   * settleCalendarDates once it has looked the alliance's time zone up (intake does, in the
   * transaction that stores the list).
   */
  settleDatesLater?: boolean;
}

/**
 * Turns raw message bytes into a validated list or every problem found. Pure: the same
 * bytes always give the same answer, so Kafka and HTTP submissions are judged alike.
 */
export function parseList(
  kind: ListKind,
  raw: Buffer | string | null | undefined,
  options: ParseOptions = {},
): ListParseResult {
  const keyHint = options.messageKey ? { submitter: { id: options.messageKey } } : {};
  const read = readJsonObject(raw, 'a list', ' (split it into several lists)');
  if (!read.ok) return reject([read.problem], keyHint);
  return parseListDocument(kind, read.fields, options);
}

/**
 * Judges a list already read into an object (a workbook's rows): every rule of parseList
 * but the message size, which a workbook's own limits (file size, rows) replace.
 */
export function parseListDocument(
  kind: ListKind,
  fields: Record<string, unknown>,
  options: ParseOptions = {},
): ListParseResult {
  const keyHint = options.messageKey ? { submitter: { id: options.messageKey } } : {};
  const hints = { ...keyHint, ...readHints(kind, fields) };
  const payloadClass: new () => ResourceListSubmitted | DemandListSubmitted = PAYLOAD_CLASS_BY_KIND[kind];
  const { payload, problems } = validatePayload(payloadClass, fields);
  if (!payload || problems.length > 0) return reject(problems, hints);

  const list = toSubmittedList(kind, payload);
  problems.push(...checkItems(list), ...checkKey(list, options.messageKey));
  if (!options.settleDatesLater) {
    const timeZone = options.timeZoneFor?.(list.allianceId) ?? DEFAULT_ALLIANCE_TIME_ZONE;
    problems.push(...settleCalendarDates(list, timeZone));
  }
  if (options.taxonomyFor) problems.push(...checkCategories(list, options.taxonomyFor(list.allianceId)));
  return problems.length > 0 ? reject(problems, hints) : { ok: true, list };
}

function toSubmittedList(
  kind: ListKind,
  payload: ResourceListSubmitted | DemandListSubmitted,
): SubmittedList {
  const revision = payload.revision ?? 1;
  payload.revision = revision;
  const header = { listId: payload.listId, revision, allianceId: payload.allianceId };
  if (kind === 'resource') {
    const resources = payload as ResourceListSubmitted;
    const submitter: ListSubmitter = { kind: 'unit', id: resources.unit.id, name: resources.unit.name };
    return { kind, ...header, submitter, payload: resources };
  }
  const demands = payload as DemandListSubmitted;
  return { kind, ...header, submitter: { ...demands.submitter }, payload: demands };
}

/** Rules that span fields or items, which decorators cannot express. */
function checkItems(list: SubmittedList): Problem[] {
  const problems: Problem[] = [];
  const firstIndexById = new Map<string, number>();
  list.payload.items.forEach((item, index) => {
    const path = `items[${index}]`;
    const earlier = firstIndexById.get(item.itemId);
    if (earlier === undefined) {
      firstIndexById.set(item.itemId, index);
    } else {
      problems.push({
        path: `${path}.itemId`,
        code: 'duplicate-item-id',
        message: `${path}.itemId "${item.itemId}" is already used by items[${earlier}]; item ids must be unique within a list`,
      });
    }
    // Windows with a calendar date are judged once the alliance's time zone settles them.
    const { window, name } = windowOf(item);
    if (!hasCalendarBound(window)) {
      problems.push(...windowProblems(path, name, window, list.payload.submittedAt));
    }
  });
  return problems;
}

// Kafka orders messages per key; a list keyed by someone else could overtake its own
// earlier revision, so the key must name the submitter.
function checkKey(list: SubmittedList, key: string | null | undefined): Problem[] {
  if (key == null || key === list.submitter.id) return [];
  const field = list.kind === 'resource' ? 'unit.id' : 'submitter.id';
  return [
    {
      path: field,
      code: 'key-mismatch',
      message: `the message key "${key}" must equal ${field} "${list.submitter.id}"`,
    },
  ];
}

export function checkCategories(list: SubmittedList, taxonomy: Taxonomy): Problem[] {
  const problems: Problem[] = [];
  list.payload.items.forEach((item, index) => {
    if (taxonomy.has(item.category)) return;
    problems.push({
      path: `items[${index}].category`,
      code: 'unknown-category',
      message: `items[${index}].category "${item.category}" is not in alliance ${list.allianceId}'s taxonomy (${taxonomy.list().join(', ')})`,
    });
  });
  return problems;
}

function reject(problems: Problem[], hints: RejectionHints): ListParseResult {
  return { ok: false, problems: capProblems(problems), hints };
}

/** Best-effort reading of identity fields from an invalid document, for the rejection. */
function readHints(kind: ListKind, document: Record<string, unknown>): RejectionHints {
  const hints: RejectionHints = {};
  const text = (value: unknown): string | undefined =>
    typeof value === 'string' && value.length <= LIMITS.maxIdLength ? value : undefined;
  const listId = text(document.listId);
  if (listId) hints.listId = listId;
  if (Number.isInteger(document.revision)) hints.revision = document.revision as number;
  const allianceId = text(document.allianceId);
  if (allianceId) hints.allianceId = allianceId;
  const who = kind === 'resource' ? document.unit : document.submitter;
  // Stryker disable next-line ConditionalExpression: a string or number in place of the submitter has no id either, so skipping it or reading it finds none
  if (who && typeof who === 'object') {
    const record = who as Record<string, unknown>;
    const id = text(record.id);
    const submitterKind = kind === 'resource' ? 'unit' : record.kind;
    if (id) {
      hints.submitter = { id };
      if (submitterKind === 'unit' || submitterKind === 'community') hints.submitter.kind = submitterKind;
      const name = text(record.name);
      if (name) hints.submitter.name = name;
    }
  }
  return hints;
}
