// @ts-check

import { UnauthorizedError } from '../api.js';
import { feedbackOf, placeApiError } from '../forms.js';

/** @typedef {import('../forms.js').Feedback} Feedback */
/** @typedef {import('../forms.js').FeedbackEntry} FeedbackEntry */

/**
 * What the rows of a list are doing: which wait for an answer (their buttons are disabled)
 * and each row's last outcome. Both are kept by row key, so they survive the re-renders that
 * live updates cause.
 * @param {{ refresh(): Promise<void> }} loader
 * @param {() => void} render
 */
export function createRowActions(loader, render) {
  /** @type {Set<string>} */
  const busy = new Set();
  /** @type {Map<string, FeedbackEntry>} */
  const outcomes = new Map();

  /**
   * Runs one action on a row: marks it busy, records the outcome, then reloads the list.
   * work() resolves to the row's feedback (see feedbackOf); a failure is placed under the
   * field it names when that is one of fieldNames.
   * @param {string} key
   * @param {readonly string[]} fieldNames
   * @param {() => Promise<FeedbackEntry>} work
   */
  async function run(key, fieldNames, work) {
    busy.add(key);
    outcomes.delete(key);
    render();
    try {
      outcomes.set(key, await work());
    } catch (error) {
      // A 401 has already replaced the whole page with the sign-in screen.
      if (error instanceof UnauthorizedError) return;
      outcomes.set(key, () => placeApiError(error, fieldNames));
    } finally {
      busy.delete(key);
    }
    render();
    await loader.refresh();
  }

  return {
    run,
    /** @param {string} key */
    isBusy: (key) => busy.has(key),
    /** @param {string} key */
    feedback: (key) => feedbackOf(outcomes.get(key)),
    /** @param {string} key */
    forget: (key) => outcomes.delete(key),
  };
}

/** @typedef {ReturnType<typeof createRowActions>} RowActions */

/**
 * A row's success note; text() words it whenever it is drawn, so it follows a language switch.
 * @param {() => string} text
 * @returns {() => Feedback}
 */
export function succeeded(text) {
  return () => ({ message: { kind: 'success', text: text() } });
}
