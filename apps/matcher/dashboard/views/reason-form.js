// @ts-check

import { h } from '../dom.js';
import { actionButton, draftField, form } from '../forms.js';
import { t } from '../i18n.js';

/** @typedef {import('../forms.js').Feedback} Feedback */

/**
 * Decisions a row asks a reason for before they are sent (the joint meeting rejects a
 * proposal, a unit declines an offer): which rows have their reason box open. The box's text
 * is a draft (see draftField), so live re-renders keep it.
 * @param {() => void} render
 * @param {() => ParentNode | null} container
 */
export function createReasonPrompts(render, container) {
  /** @type {Set<string>} */
  const open = new Set();
  return {
    /** @param {string} id */
    isOpen: (id) => open.has(id),
    /** @param {string} id */
    close: (id) => open.delete(id),
    /**
     * Opens or closes a row's box; an opened box gets the focus.
     * @param {string} id
     * @param {string} reasonKey the box's draft key
     */
    toggle(id, reasonKey) {
      const opening = !open.has(id);
      if (opening) open.add(id);
      else open.delete(id);
      render();
      const reason = opening ? container()?.querySelector(`[data-key="${reasonKey}"]`) : null;
      if (reason instanceof HTMLElement) reason.focus();
    },
  };
}

/**
 * The box itself: an optional question, the reason, and confirm and cancel buttons
 * (data-action `confirm-<verb>` and `cancel-<verb>`).
 * @param {object} options
 * @param {string} options.verb e.g. reject, decline
 * @param {string} options.id the row's id, for the confirm button's data-key
 * @param {string | null} [options.question]
 * @param {Map<string, string>} options.drafts
 * @param {string} options.reasonKey
 * @param {Feedback} options.state the row's feedback, for the reason's messages
 * @param {string} options.label
 * @param {string} options.placeholder
 * @param {boolean} [options.optional]
 * @param {string} options.confirmLabel
 * @param {boolean} options.busy
 * @param {() => unknown} options.onConfirm
 * @param {() => void} options.onCancel
 */
export function reasonForm({
  verb,
  id,
  question,
  drafts,
  reasonKey,
  state,
  label,
  placeholder,
  optional = false,
  confirmLabel,
  busy,
  onConfirm,
  onCancel,
}) {
  return form(
    { class: ['reason-form', `${verb}-form`], dataset: { testid: `${verb}-form` } },
    onConfirm,
    question ? h('p', { class: 'reason-question' }, question) : null,
    draftField({
      name: 'reason',
      drafts,
      key: reasonKey,
      state,
      tag: 'textarea',
      attributes: { rows: '2', placeholder },
      label,
      optional,
    }),
    h(
      'div',
      { class: 'button-row' },
      actionButton(confirmLabel, {
        type: 'submit',
        action: `confirm-${verb}`,
        key: `confirm-${verb}:${id}`,
        className: 'btn-danger',
        disabled: busy,
      }),
      actionButton(t('common.cancel'), {
        action: `cancel-${verb}`,
        className: 'btn-ghost',
        onClick: onCancel,
      }),
    ),
  );
}
