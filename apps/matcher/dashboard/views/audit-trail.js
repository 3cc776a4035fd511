// @ts-check

import { h } from '../dom.js';
import { formatDateTime, formatNumber, formatQuantity } from '../format.js';
import { auditActionLabel, t } from '../i18n.js';

/**
 * 审核记录: a project's audit trail as the joint meeting reads it — who (by name: the
 * coordinator, the community, a unit, or the system), did what (in words, never the action's
 * code), when, and why. Free-text reasons are shown only where a person wrote them; the
 * system's own reasons are developer English, and its details are worded here instead.
 */

/** @typedef {import('../api.js').Schemas} Schemas */
/** @typedef {Schemas['ProjectEvent']} ProjectEvent */
/** @typedef {Schemas['ProjectListing']} ProjectListing */

/** The actor the matcher records for rounds, offers and expiries. */
const SYSTEM_ACTOR = 'matcher';
/** Actions whose reason a person (a coordinator) wrote. */
const REASONED_ACTIONS = ['rejected', 'cancelled'];

/**
 * The trail's entries, oldest first.
 * @param {readonly ProjectEvent[]} events
 * @param {ProjectListing} project the listing the trail belongs to (names of its community and units)
 * @param {Pick<Schemas['Me'], 'subject' | 'name'>} me
 */
export function auditList(events, project, me) {
  return h(
    'ol',
    { class: 'audit-list', dataset: { testid: 'audit-list' } },
    events.map((event) =>
      h(
        'li',
        { dataset: { testid: 'audit-entry', action: event.action } },
        h('time', { datetime: event.at }, formatDateTime(event.at)),
        h('span', { class: 'audit-actor' }, event.actorName ?? actorName(event.actor, project, me)),
        h('span', { class: 'audit-action' }, auditActionLabel(event.action)),
        details(event, project).map((text) => h('span', { class: 'audit-reason' }, text)),
      ),
    ),
  );
}

/**
 * @param {string} actor
 * @param {ProjectListing} project
 * @param {Pick<Schemas['Me'], 'subject' | 'name'>} me
 */
function actorName(actor, project, me) {
  if (actor === SYSTEM_ACTOR) return t('audit.actor.matcher');
  if (actor === me.subject) return me.name;
  if (actor === project.submitterId) return project.submitterName ?? t('audit.actor.coordinator');
  const unit = unitNameOf(project, (entry) => entry.unitId === actor);
  // Coordinators are recorded by their account; the page knows only the signed-in one's name.
  return unit ?? t('audit.actor.coordinator');
}

/**
 * A unit's name from the project's allocations or offers.
 * @param {ProjectListing} project
 * @param {(entry: { unitId: string, resourceItemPk?: string }) => boolean} matches
 */
function unitNameOf(project, matches) {
  const entries = [...(project.allocations ?? []), ...(project.offers ?? [])];
  return entries.find((entry) => matches(entry) && entry.unitName)?.unitName ?? null;
}

/**
 * What an entry adds in words: a person's reason, an edit's change, the community's rating.
 * @param {ProjectEvent} event
 * @param {ProjectListing} project
 * @returns {string[]}
 */
function details(event, project) {
  /** @type {Record<string, unknown>} */
  const details = event.details ?? {};
  const unit = project.demand?.quantityUnit;
  const quantity = (/** @type {unknown} */ value) => formatQuantity(Number(value), unit);
  const unitOfItem = (/** @type {unknown} */ pk) =>
    unitNameOf(project, (entry) => entry.resourceItemPk === String(pk)) ?? t('audit.someUnit');
  switch (event.action) {
    case 'allocation-edited':
      return [
        t('audit.edited', {
          unit: unitOfItem(details.resourceItemPk),
          from: quantity(details.from),
          to: quantity(details.to),
        }),
      ];
    case 'allocation-swapped':
      return [t('audit.swapped', { unit: unitOfItem(details.to), quantity: quantity(details.quantity) })];
    case 'work-reported':
      return [
        typeof details.hours === 'number'
          ? t('workReport.hoursDone', { hours: formatNumber(details.hours, 1) })
          : null,
        typeof details.note === 'string' ? details.note : null,
        typeof details.photo === 'string' ? t('audit.withPhoto') : null,
      ].filter((text) => text !== null);
    case 'completed':
      return [
        typeof details.rating === 'number' ? t('completion.rating', { rating: details.rating }) : null,
        typeof details.note === 'string' ? t('completion.note', { note: details.note }) : null,
      ].filter((text) => text !== null);
    default:
      return REASONED_ACTIONS.includes(event.action) && event.reason && event.actor !== SYSTEM_ACTOR
        ? [t('audit.reason', { reason: event.reason })]
        : [];
  }
}
