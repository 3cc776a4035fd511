// @ts-check

import { ApiError } from './api.js';
import { h, uniqueId } from './dom.js';
import { has, problemText, t } from './i18n.js';

/**
 * Form fields and the messages under them. The dashboard does not validate input itself:
 * it sends what was typed and shows the server's answer where it belongs, so the rules a
 * person sees are exactly the rules the API enforces.
 */

/** @typedef {import('./api.js').Schemas} Schemas */
/**
 * @template {import('./dom.js').Tag} K
 * @typedef {import('./dom.js').Props<K>} Props
 */

/**
 * One message under a field, or one item of a row message's list.
 * @typedef {{ label?: string, message?: string }} FieldError
 */

/**
 * A row's outcome line: a success note or an error that belongs to no single field.
 * @typedef {object} RowMessage
 * @property {'success' | 'error'} kind
 * @property {string} text
 * @property {string} [detail]
 * @property {readonly FieldError[]} [items]
 */

/**
 * What a row or form shows after an action: messages under fields, by field name, and a
 * row message.
 * @typedef {{ fields?: Record<string, FieldError[]>, message?: RowMessage | null }} Feedback
 */

/**
 * Feedback as kept between renders: a function that words it in the language on screen
 * (see feedbackOf), or nothing yet.
 * @typedef {Feedback | (() => Feedback) | null | undefined} FeedbackEntry
 */

/**
 * @typedef {object} FieldOptions
 * @property {string} name
 * @property {string} label
 * @property {HTMLElement} control
 * @property {readonly FieldError[]} [errors]
 * @property {boolean} [optional]
 * @property {string | null} [labelNote]
 * @property {string} [hint]
 * @property {string} [className]
 */

/**
 * A labelled control with room for its error. `error` is a list of messages from the server
 * (already placed on this field by the caller); the control is marked invalid and described
 * by them so screen readers announce the problem with the field.
 */
/** @param {FieldOptions} options */
export function field({ name, label, control, errors = [], optional = false, labelNote, hint, className }) {
  const id = control.id || uniqueId(`f-${name}`);
  control.id = id;
  const describedBy = [];
  let hintNode = null;
  if (hint) {
    hintNode = h('p', { class: 'field-hint', id: `${id}-hint` }, hint);
    describedBy.push(hintNode.id);
  }
  const errorNodes = fieldErrors(id, name, errors);
  describedBy.push(...errorNodes.map((node) => node.id));
  if (describedBy.length > 0) control.setAttribute('aria-describedby', describedBy.join(' '));
  if (errors.length > 0) control.setAttribute('aria-invalid', 'true');
  return h(
    'div',
    { class: ['field', className, errors.length > 0 && 'has-error'], dataset: { field: name } },
    h(
      'label',
      { for: id },
      label,
      labelNote ? h('span', { class: 'field-optional' }, ` (${labelNote})`) : null,
      optional ? h('span', { class: 'field-optional' }, ` (${t('common.optional')})`) : null,
    ),
    control,
    hintNode,
    errorNodes,
  );
}

/**
 * The messages under one field, each with an id (`${id}-error-n`) for aria-describedby.
 * @param {string} id
 * @param {string} name
 * @param {readonly FieldError[]} errors
 */
export function fieldErrors(id, name, errors) {
  return errors.map((error, index) =>
    h(
      'p',
      { class: 'field-error', id: `${id}-error-${index}`, dataset: { field: name } },
      error.label ? h('strong', null, error.label) : null,
      error.label && error.message ? ' ' : null,
      error.message ? h('span', { class: 'field-error-detail' }, error.message) : null,
    ),
  );
}

/**
 * A form the page sends itself: onSubmit runs instead of a page load. novalidate, because the
 * server judges the input (see above).
 * @param {Props<'form'>} props
 * @param {() => unknown} onSubmit
 * @param {...import('./dom.js').Child} children
 */
export function form(props, onSubmit, ...children) {
  return h(
    'form',
    {
      ...props,
      novalidate: true,
      onSubmit: (event) => {
        event.preventDefault();
        void onSubmit();
      },
    },
    ...children,
  );
}

/**
 * A field whose input or textarea keeps its text in `drafts` under `key` as it is typed, so
 * the re-renders live updates cause do not lose it; `key` is also its data-key, which lets a
 * re-render put focus and caret back. `fallback` shows until something is typed. Its
 * messages come from the row's feedback `state`; other options go to field().
 * @param {Omit<FieldOptions, 'control' | 'errors'> & {
 *   drafts: Map<string, string>,
 *   key: string,
 *   state: Feedback,
 *   tag?: 'input' | 'textarea',
 *   attributes?: Props<'input' | 'textarea'>,
 *   fallback?: string,
 * }} options
 */
export function draftField({
  name,
  drafts,
  key,
  state,
  tag = 'input',
  attributes,
  fallback = '',
  ...options
}) {
  const control = h(tag, {
    ...attributes,
    name,
    value: drafts.get(key) ?? fallback,
    dataset: { key },
    onInput: (event) => drafts.set(key, event.currentTarget.value),
  });
  return field({ name, control, errors: state.fields?.[name] ?? [], ...options });
}

/**
 * Controls bound by name to `values` (what is typed, kept between renders), and the labelled
 * field around one with its messages from `errors`. `keyPrefix` makes each control's data-key,
 * which lets a re-render put focus back; `labelOf` names a field.
 * @param {object} options
 * @param {Record<string, string>} options.values
 * @param {Record<string, FieldError[]>} options.errors
 * @param {string} options.keyPrefix
 * @param {(name: string) => string} options.labelOf
 */
export function boundControls({ values, errors, keyPrefix, labelOf }) {
  /** @param {string} name */
  const bind = (name) => ({
    name,
    dataset: { key: `${keyPrefix}${name}` },
    /** @param {Event & { currentTarget: { value: string } }} event */
    onInput: (event) => {
      values[name] = event.currentTarget.value;
    },
  });
  return {
    /**
     * @param {string} name
     * @param {Props<'input'>} [props]
     */
    input: (name, props = {}) => h('input', { ...bind(name), value: values[name] ?? '', ...props }),
    /**
     * @param {string} name
     * @param {Props<'textarea'>} [props]
     */
    textarea: (name, props = {}) => h('textarea', { ...bind(name), value: values[name] ?? '', ...props }),
    /**
     * A drop-down with a first "choose" option; a value not among `options` (a code this page
     * does not know) is kept as an option of its own rather than lost.
     * @param {string} name
     * @param {readonly [value: string, text: string][]} options
     * @param {Props<'select'>} [props]
     */
    select: (name, options, props = {}) => {
      const current = values[name] ?? '';
      const known = current === '' || options.some(([value]) => value === current);
      return h(
        'select',
        // A select fires input as well as change when another option is picked.
        { ...bind(name), ...props },
        h('option', { value: '', selected: !current }, t('post.choose')),
        options.map(([value, text]) => h('option', { value, selected: current === value }, text)),
        known ? null : h('option', { value: current, selected: true }, current),
      );
    },
    /**
     * @param {string} name
     * @param {HTMLElement} control
     * @param {{ optional?: boolean, className?: string }} [options]
     */
    box: (name, control, options = {}) =>
      field({ name, label: labelOf(name), control, errors: errors[name] ?? [], ...options }),
  };
}

/**
 * A button named by what it does: data-action is how tests find it, data-key lets a re-render
 * put focus back on it. className is the variant next to the base `btn` class.
 * @param {string} label
 * @param {Props<'button'> & {
 *   type?: 'button' | 'submit',
 *   action: string,
 *   key?: string,
 *   className?: string,
 *   disabled?: boolean,
 * }} options
 */
export function actionButton(
  label,
  { type = 'button', action, key, className, disabled, onClick, ...props },
) {
  return h(
    'button',
    { type, class: ['btn', className], dataset: { action, key }, disabled, onClick, ...props },
    label,
  );
}

/**
 * The two buttons under an edit or add form (a submit) or a removal's confirmation (a danger
 * button): do it, or back out. The list screens share them, so they look and behave alike.
 * @param {{
 *   label: string,
 *   busy: boolean,
 *   action: string,
 *   key?: string,
 *   danger?: boolean,
 *   onAct?: () => void,
 *   cancel: { action: string, key?: string, disabled?: boolean, onClick: () => void },
 *   className?: string,
 * }} pair
 */
export function actOrCancel({ label, busy, action, key, danger = false, onAct, cancel, className }) {
  return h(
    'div',
    { class: ['button-row', className] },
    actionButton(busy ? t('common.busy') : label, {
      type: danger ? 'button' : 'submit',
      action,
      key,
      className: danger ? 'btn-danger' : 'btn-primary',
      disabled: busy,
      onClick: onAct,
    }),
    actionButton(t('common.cancel'), { ...cancel, className: 'btn-ghost' }),
  );
}

/**
 * The row's outcome line: a success note or an error that belongs to no single field.
 * @param {RowMessage | null | undefined} feedback
 */
export function rowMessage(feedback) {
  if (!feedback) return null;
  return h(
    'div',
    {
      class: ['row-message', `is-${feedback.kind}`],
      dataset: { testid: 'row-message', kind: feedback.kind },
      role: feedback.kind === 'error' ? 'alert' : 'status',
    },
    h('span', { class: 'row-message-text' }, feedback.text),
    feedback.detail ? h('span', { class: 'row-message-detail' }, feedback.detail) : null,
    feedback.items && feedback.items.length > 0
      ? h(
          'ul',
          { class: 'problem-list', dataset: { testid: 'form-problems' } },
          feedback.items.map((item) =>
            h('li', null, item.label ? h('strong', null, `${item.label} `) : null, item.message),
          ),
        )
      : null,
  );
}

/**
 * Row feedback is kept as a function that builds it, so it is worded in the language on
 * screen whenever it is drawn, also after a language switch.
 * @param {FeedbackEntry} entry
 * @returns {Feedback}
 */
export function feedbackOf(entry) {
  return typeof entry === 'function' ? entry() : (entry ?? {});
}

/**
 * What to tell a person about a failed call, in the page's words: its code's sentence and the
 * words of each problem it lists. The server's `message` is for developers (English, with
 * field paths) and is not shown.
 * @param {unknown} error
 * @returns {RowMessage}
 */
export function describeError(error) {
  if (!(error instanceof ApiError)) return { kind: 'error', text: t('error.server', { status: '?' }) };
  const key = `error.${error.code}`;
  const text =
    error.code && has(key)
      ? t(key, { status: error.status })
      : t(error.status >= 500 ? 'error.server' : 'error.failed', { status: error.status });
  const items = error.problems.map((problem) => ({ message: problemText(problem) }));
  return items.length > 0 ? { kind: 'error', text, items } : { kind: 'error', text };
}

/**
 * The message under the field an API error names: the words of its problem on that field,
 * else the page's words for what that field needs, else the code's sentence.
 * @param {ApiError} error
 */
export function fieldErrorText(error) {
  const problem = error.problems.find((entry) => entry.path === error.field);
  if (problem) return problemText(problem);
  const key = `fieldError.${error.field}`;
  return error.code === 'invalid-request' && has(key) ? t(key) : describeError(error).text;
}

/**
 * Splits an API error into the message for the field it names (when that field is on the
 * form) and a row message for anything else.
 * @param {unknown} error
 * @param {readonly string[]} fieldNames
 * @returns {Feedback}
 */
export function placeApiError(error, fieldNames) {
  if (error instanceof ApiError && error.field && fieldNames.includes(error.field)) {
    return { fields: { [error.field]: [{ message: fieldErrorText(error) }] }, message: null };
  }
  return { fields: {}, message: describeError(error) };
}

/**
 * An API error as a form's feedback: under the field it names, or its problems under the
 * fields their paths name (fieldOf), and whatever is left as the form's message.
 * @param {unknown} error
 * @param {readonly string[]} fieldNames
 * @param {(path: string) => string | null} [fieldOf] the field a problem's path lands on
 * @returns {Feedback}
 */
export function formFeedback(
  error,
  fieldNames,
  fieldOf = (path) => (fieldNames.includes(path) ? path : null),
) {
  if (!(error instanceof ApiError) || error.problems.length === 0) return placeApiError(error, fieldNames);
  const placed = placeProblems(error.problems, fieldOf);
  const message = placed.general.length > 0 || Object.keys(placed.fields).length === 0;
  return {
    fields: placed.fields,
    message: message ? { ...describeError(error), items: placed.general } : null,
  };
}

/**
 * Spreads an answer's problems over form fields, each in its words (see problemText):
 * fieldOf(path) names the field or returns null, and problems without a field are listed
 * together.
 * @param {ApiError['problems'] | undefined} problems
 * @param {(path: string) => string | null} fieldOf
 */
export function placeProblems(problems, fieldOf) {
  /** @type {Record<string, FieldError[]>} */
  const fields = {};
  /** @type {FieldError[]} */
  const general = [];
  for (const problem of Array.isArray(problems) ? problems : []) {
    const entry = { message: problemText(problem) };
    const name = fieldOf(String(problem.path ?? ''));
    if (name) (fields[name] ??= []).push(entry);
    else general.push(entry);
  }
  return { fields, general };
}

/**
 * Reads a number input for sending: empty stays empty, so the server reports it missing.
 * @param {string | number | null | undefined} value
 */
export function numberOrUndefined(value) {
  if (value === '' || value === null || value === undefined) return undefined;
  const number = Number(value);
  // Something the browser let through but is no number goes as typed: the server says why.
  return Number.isFinite(number) ? number : value;
}

/**
 * Puts focus on the first control marked invalid, so a keyboard or screen reader user hears why.
 * @param {ParentNode | null | undefined} container
 */
export function focusFirstInvalid(container) {
  const invalid = container?.querySelector('[aria-invalid="true"]');
  if (invalid instanceof HTMLElement) invalid.focus();
}
