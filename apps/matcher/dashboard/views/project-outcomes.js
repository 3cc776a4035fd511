// @ts-check

import { h } from '../dom.js';
import { formatDateTime } from '../format.js';
import { t } from '../i18n.js';

/**
 * How a project ended, as every side sees it: the community's rating and comment once it
 * confirmed the work (验收), and the joint meeting's reason when it rejected the proposal.
 */

/** @typedef {import('../api.js').Schemas} Schemas */
/** @typedef {Schemas['CompletionRecord']} CompletionRecord */

/** Statuses in which a unit has committed to the work: its claim was accepted. */
const SERVING_STATUSES = ['claimed', 'in-progress', 'completed'];
/** Statuses of a project that holds nothing any more (the read models' "not live"). */
const ENDED_STATUSES = ['rejected', 'cancelled', 'expired'];

/**
 * Whether a project's units have committed (承接) rather than being proposed (拟派).
 * @param {string | null | undefined} status
 */
export const isServing = (status) => SERVING_STATUSES.includes(String(status));

/** @param {string | null | undefined} status */
export const hasEnded = (status) => ENDED_STATUSES.includes(String(status));

/**
 * The community's confirmation: stars, rating, comment and when.
 * @param {Partial<CompletionRecord> | null | undefined} completion
 */
export function completionNote(completion) {
  if (!completion) return null;
  const rating = Number(completion.rating);
  const rated = Number.isInteger(rating) && rating >= 1 && rating <= 5;
  return h(
    'p',
    { class: 'outcome-note completion-note', dataset: { testid: 'completion' } },
    rated
      ? [
          h(
            'span',
            { class: 'completion-stars', 'aria-hidden': 'true' },
            '★'.repeat(rating) + '☆'.repeat(5 - rating),
          ),
          h('span', { dataset: { testid: 'completion-rating' } }, t('completion.rating', { rating })),
        ]
      : null,
    completion.note
      ? h('span', { dataset: { testid: 'completion-text' } }, t('completion.note', { note: completion.note }))
      : null,
    completion.at
      ? h('span', { class: 'muted' }, t('completion.at', { time: formatDateTime(completion.at) }))
      : null,
  );
}

/**
 * The joint meeting's rejection, with the reason the reject box promised the community.
 * @param {Partial<Schemas['RejectionRecord']> | null | undefined} rejection
 */
export function rejectionNote(rejection) {
  if (!rejection) return null;
  return h(
    'p',
    { class: 'outcome-note rejection-note', dataset: { testid: 'rejection' } },
    h(
      'span',
      { dataset: { testid: 'rejection-reason' } },
      rejection.reason ? t('rejection.withReason', { reason: rejection.reason }) : t('rejection.noReason'),
    ),
    rejection.at
      ? h('span', { class: 'muted' }, t('rejection.at', { time: formatDateTime(rejection.at) }))
      : null,
  );
}

/**
 * The completion an audit trail records: its `completed` row, whose details hold the
 * rating and the comment.
 * @param {readonly Schemas['ProjectEvent'][] | undefined} events
 * @returns {CompletionRecord | null}
 */
export function completionOfEvents(events) {
  const done = (events ?? []).findLast((event) => event.action === 'completed');
  if (!done) return null;
  /** @type {{ rating?: unknown, note?: unknown }} */
  const details = done.details ?? {};
  return {
    at: done.at,
    rating: typeof details.rating === 'number' ? details.rating : null,
    note: typeof details.note === 'string' ? details.note : null,
  };
}
