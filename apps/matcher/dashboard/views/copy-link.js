// @ts-check

import { h } from '../dom.js';
import { actionButton } from '../forms.js';
import { t } from '../i18n.js';

/**
 * A one-time link shown once (an invite, an account's setup link): the link in a read-only
 * box that selects itself, a copy button, and whether copying worked.
 */

/** @typedef {'copied' | 'failed' | null} CopyState */

/**
 * @param {object} options
 * @param {string} options.url
 * @param {string} options.label
 * @param {string} options.testid of the box holding the link
 * @param {CopyState} options.state the last copy's outcome
 * @param {(state: CopyState) => void} options.onCopied after a copy, for the view to keep and redraw
 */
export function copyableLink({ url, label, testid, state, onCopied }) {
  const input = h('input', {
    type: 'text',
    readonly: true,
    value: url,
    'aria-label': label,
    dataset: { testid, key: `${testid}-box` },
    onFocus: (/** @type {FocusEvent} */ event) => {
      if (event.target instanceof HTMLInputElement) event.target.select();
    },
  });
  return h(
    'div',
    { class: 'copy-link' },
    h('span', { class: 'copy-link-label', 'aria-hidden': 'true' }, label),
    h(
      'div',
      { class: 'copy-row' },
      input,
      actionButton(t('copy.button'), {
        action: 'copy-link',
        key: `${testid}-copy`,
        className: 'btn-secondary',
        onClick: () => void copy(url, input).then(onCopied),
      }),
    ),
    h(
      'p',
      { class: ['copy-state', state === 'failed' && 'is-error'], 'aria-live': 'polite' },
      state === 'copied' ? t('copy.done') : state === 'failed' ? t('copy.failed') : '',
    ),
  );
}

/**
 * Copies with the Clipboard API where the page may use it (HTTPS, localhost), else by
 * selecting the box (older WebViews); when neither works the link stays selected, for the
 * person to copy by hand.
 * @param {string} text
 * @param {HTMLInputElement} input
 * @returns {Promise<CopyState>}
 */
async function copy(text, input) {
  try {
    await navigator.clipboard.writeText(text);
    return 'copied';
  } catch {
    input.focus();
    input.select();
    try {
      return document.execCommand('copy') ? 'copied' : 'failed';
    } catch {
      return 'failed';
    }
  }
}
