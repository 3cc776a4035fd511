// @ts-check

import { apiErrorOf, isRecord } from './api.js';
import { describeError, placeProblems } from './forms.js';
import { t } from './i18n.js';

/**
 * Lists go to intake, a service of its own (its address is /me's intakeUrl), whatever brings
 * them: the demand form, the resource-list form, an uploaded workbook. Its answer is read
 * here once: accepted with the lists.accepted.v1 event, or refused with problems whose
 * paths (items[3].quantity) name the item and field they are about.
 */

/** @typedef {import('./api.js').Schemas} Schemas */
/** @typedef {import('./forms.js').Feedback} Feedback */
/** @typedef {'resource' | 'demand'} ListKind */

/**
 * Where intake serves `path` for the signed-in person.
 * @param {Schemas['Me']} me
 * @param {string} path e.g. /resource-lists
 */
export function intakeUrl(me, path) {
  return `${String(me.intakeUrl).replace(/\/+$/, '')}${path}`;
}

/**
 * Intake's answer to a list: the accepted event, or the error it was refused with.
 * @param {import('./api.js').Answer} answer
 * @returns {{ accepted: Partial<Schemas['ListAccepted']>, error: null }
 *   | { accepted: null, error: import('./api.js').ApiError }}
 */
export function listAnswerOf(answer) {
  if (answer.ok) {
    return { accepted: isRecord(answer.body) ? answer.body : {}, error: null };
  }
  return { accepted: null, error: apiErrorOf(answer) };
}

/**
 * What an accepted list became, in words: stored as a revision with so many items, or
 * unchanged. No ids: people know their list by its kind.
 * @param {ListKind} kind
 * @param {Partial<Schemas['ListAccepted']>} accepted
 */
export function acceptedText(kind, accepted) {
  const params = {
    list: t(`list.kind.${kind}`),
    revision: accepted.revision ?? 1,
    count: accepted.itemCount ?? 0,
  };
  return accepted.outcome === 'unchanged' ? t('list.unchanged', params) : t('list.stored', params);
}

/**
 * A refused JSON list as a form's feedback: its problems under the fields their paths name
 * (fieldOf), the rest listed in the form's message, which `problemsKey` words ({count}).
 * @param {import('./api.js').ApiError} error
 * @param {(path: string) => string | null} fieldOf
 * @param {string} problemsKey
 * @returns {Feedback}
 */
export function refusalFeedback(error, fieldOf, problemsKey) {
  if (error.code === 'invalid-list') {
    const placed = placeProblems(error.problems, fieldOf);
    return {
      fields: placed.fields,
      message: {
        kind: 'error',
        text: t(problemsKey, { count: error.problems.length }),
        items: placed.general,
      },
    };
  }
  if (error.code === 'unavailable') return { message: { kind: 'error', text: t('error.unavailable') } };
  return { message: describeError(error) };
}

// The form field each item path lands on, for the fields every list item has.
/** @type {Readonly<Record<string, string>>} */
const COMMON_ITEM_FIELDS = {
  title: 'title',
  description: 'description',
  category: 'category',
  quantity: 'quantity',
  unit: 'unit',
  location: 'lat',
  'location.lat': 'lat',
  'location.lng': 'lng',
  'location.address': 'address',
};

/**
 * The item and form field a problem's path is about: items[3].location.lat is item 3's
 * `lat`. `own` maps the fields of one kind of item (a demand's window, a resource's
 * available); null for a path outside the items or a field the form does not have.
 * @param {string} path
 * @param {Readonly<Record<string, string>>} own
 * @returns {{ index: number, field: string } | null}
 */
export function itemFieldOf(path, own) {
  const match = /^items\[(\d+)\]\.(.+)$/.exec(path);
  if (!match) return null;
  const rest = match[2] ?? '';
  const field = own[rest] ?? COMMON_ITEM_FIELDS[rest];
  return field ? { index: Number(match[1]), field } : null;
}
