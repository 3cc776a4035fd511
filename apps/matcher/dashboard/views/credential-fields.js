// @ts-check

import { ApiError } from '../api.js';
import { h, replaceContent } from '../dom.js';
import { describeError, field, formFeedback } from '../forms.js';
import { getLang, problemText, setLang, t } from '../i18n.js';

/**
 * What the sign-in, link and account pages share: the frame of the pages shown before
 * signing in, text and password fields that keep what is typed across re-renders (a language
 * switch), and the wording of the account API's refusals.
 */

/** @typedef {import('../forms.js').Feedback} Feedback */
/** @typedef {import('../forms.js').FieldError} FieldError */
/** @typedef {import('../dom.js').Child} Child */

/**
 * The card the signed-out pages are drawn in, with the language switch.
 * @param {HTMLElement} root
 * @param {{ testid: string, title: string }} heading
 * @param {...Child} children
 */
export function drawSignedOutPage(root, { testid, title }, ...children) {
  const next = getLang() === 'zh-CN' ? 'en' : 'zh-CN';
  document.title = `${title} · ${t('app.title')}`;
  replaceContent(
    root,
    h(
      'main',
      { class: 'login', dataset: { testid }, 'aria-labelledby': 'login-title' },
      h(
        'div',
        { class: 'login-card' },
        h(
          'div',
          { class: 'login-top' },
          h('span', { class: 'brand-mark login-mark', 'aria-hidden': 'true' }, '★'),
          h(
            'button',
            {
              type: 'button',
              class: 'btn btn-ghost lang-switch',
              lang: next,
              'aria-label': t('lang.switchLabel'),
              dataset: { testid: 'lang-switch', lang: getLang() },
              onClick: () => setLang(next),
            },
            t('lang.switch'),
          ),
        ),
        h('p', { class: 'login-app' }, t('app.title')),
        h('h1', { id: 'login-title' }, title),
        children,
      ),
    ),
  );
}

/**
 * A text or password input whose value lives in `values[name]`, in a labelled field with the
 * messages `state` holds for it.
 * @param {object} options
 * @param {string} options.name
 * @param {string} options.label
 * @param {Record<string, string>} options.values
 * @param {Feedback} options.state
 * @param {import('../dom.js').Props<'input'>} [options.attributes]
 * @param {string} [options.hint]
 * @param {string} [options.keyPrefix] for data-key, so focus survives a re-render
 */
export function inputField({ name, label, values, state, attributes = {}, hint, keyPrefix = 'form' }) {
  const control = h('input', {
    type: 'text',
    ...attributes,
    name,
    value: values[name] ?? '',
    dataset: { key: `${keyPrefix}-${name}` },
    onInput: (event) => {
      values[name] = event.currentTarget.value;
    },
  });
  return field({ name, label, control, errors: state.fields?.[name] ?? [], hint });
}

/**
 * A new password typed twice: `name` and `${name}Again`, with the rules under the first. The
 * API states the rules; the page only checks that both copies are the same.
 * @param {object} options
 * @param {string} options.name
 * @param {string} options.label
 * @param {string} options.againLabel
 * @param {Record<string, string>} options.values
 * @param {Feedback} options.state
 * @param {string} [options.keyPrefix]
 */
export function newPasswordFields({ name, label, againLabel, values, state, keyPrefix }) {
  const attributes = { type: 'password', autocomplete: 'new-password', required: true };
  return [
    inputField({ name, label, values, state, attributes, hint: t('password.rules'), keyPrefix }),
    inputField({ name: `${name}Again`, label: againLabel, values, state, attributes, keyPrefix }),
  ];
}

/**
 * The message for a password typed differently the second time, or null when both agree.
 * @param {Record<string, string>} values
 * @param {string} name
 * @returns {Feedback | null}
 */
export function passwordMismatch(values, name) {
  if ((values[name] ?? '') === (values[`${name}Again`] ?? '')) return null;
  return { fields: { [`${name}Again`]: [{ label: t('password.mismatch') }] }, message: null };
}

/**
 * How long a 429 asks to wait, in words.
 * @param {number | undefined} seconds
 */
export function waitText(seconds) {
  if (!seconds || !Number.isFinite(seconds)) return '';
  return seconds >= 90
    ? t('time.minutes', { n: Math.ceil(seconds / 60) })
    : t('time.seconds', { n: seconds });
}

// The page's words for a refusal under the field it names, where the code's general sentence
// would be vague: what is wrong, and how to put it right. The server's `message` is English
// for developers and is never shown; it states no more than these words do.
/** @type {Readonly<Record<string, Readonly<Record<string, readonly [what: string, how?: string]>>>>} */
const FIELD_WORDS = {
  'invalid-request': {
    password: ['password.rejected', 'password.rejectedWhy'],
    newPassword: ['password.rejected', 'password.rejectedWhy'],
    login: ['login.badName', 'login.badNameWhy'],
    displayName: ['account.displayNameNeeded'],
  },
  'wrong-password': { currentPassword: ['account.currentPasswordWrong'] },
  'account-exists': { login: ['error.account-exists', 'account.existsWhy'] },
};

/**
 * An account API refusal as feedback: under the field it names when that field is on the
 * form, else as the form's message; a throttled attempt says how long to wait. Always in the
 * page's words: a problem's own `words` where the answer has them, else the words above.
 * @param {unknown} error
 * @param {readonly string[]} fieldNames
 * @param {(path: string) => string | null} [fieldOf] the field a problem's path lands on
 * @returns {Feedback}
 */
export function accountFeedback(error, fieldNames, fieldOf) {
  if (!(error instanceof ApiError)) return { message: describeError(error) };
  if (error.code === 'too-many-attempts') {
    const wait = waitText(error.retryAfter);
    return {
      message: {
        kind: 'error',
        text: wait ? t('login.wait', { wait }) : t('error.too-many-attempts'),
      },
    };
  }
  if (error.field && fieldNames.includes(error.field)) {
    const [what, how] = FIELD_WORDS[error.code ?? '']?.[error.field] ?? [];
    const problem = error.problems.find((entry) => entry.path === error.field);
    /** @type {FieldError} */
    const entry = {
      label: what ? t(what) : describeError(error).text,
      message: problem ? problemText(problem) : how ? t(how) : undefined,
    };
    return { fields: { [error.field]: [entry] }, message: null };
  }
  return formFeedback(error, fieldNames, fieldOf);
}

/**
 * A membership in words: its role's scope (the alliance, and the unit or community by its
 * roster name when there is one).
 * @param {Pick<import('../api.js').Schemas['Membership'], 'role' | 'allianceId' | 'unitId' | 'communityId' | 'name'>} membership
 */
export function membershipScope(membership) {
  const alliance = membership.allianceId ?? '';
  const member = membership.name ?? membership.unitId ?? membership.communityId;
  if (membership.role === 'admin' && !alliance) return t('membership.scope.all');
  return member
    ? t('membership.scope.member', { member, alliance })
    : t('membership.scope.alliance', { alliance });
}
