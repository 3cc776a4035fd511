// @ts-check

import { ApiError, callPublic } from '../api.js';
import { h } from '../dom.js';
import { actionButton, feedbackOf, focusFirstInvalid, form, rowMessage } from '../forms.js';
import { roleLabel, t } from '../i18n.js';
import { accountFeedback, drawSignedOutPage, inputField, membershipScope } from './credential-fields.js';
import { completionFailure, refusalMessage, refusalNote, signOnButton } from './single-sign-on.js';

/**
 * 登录: a sign-in name (usually the mobile number) and password, or the deployment's single
 * sign-on when it has one (the trip to the provider ends back here with a hand-off to
 * exchange, or a refusal to show). An account with several memberships (a coordinator who
 * also represents a unit) then picks the one to act in; the account page switches later.
 */

/** @typedef {import('../api.js').Schemas['SessionTokens']} SessionTokens */
/** @typedef {import('../forms.js').FeedbackEntry} FeedbackEntry */
/** @typedef {import('../forms.js').RowMessage} RowMessage */
/** @typedef {import('./single-sign-on.js').SignOnOffer} SignOnOffer */
/** @typedef {import('./single-sign-on.js').SignOnRefusal} SignOnRefusal */

/** Sign-out reasons that are no fault: shown as information, not as an alert. */
const CALM_REASONS = new Set(['login.reason.signedOut']);

/**
 * @param {object} options
 * @param {HTMLElement} options.root
 * @param {{ reasonKey: string | null, detail?: string }} options.reason why the page shows
 * @param {SignOnOffer} options.offer whether to offer single sign-on
 * @param {string} [options.handoff] a sign-on's hand-off, to exchange for the session
 * @param {boolean} [options.acceptedInvite] the sign-on accepted an invite: its session goes
 *   straight to the invite's membership, without a choice
 * @param {SignOnRefusal} [options.refusal] why the sign-on the person comes back from failed
 * @param {(tokens: SessionTokens) => Promise<void>} options.onSignedIn
 */
export function createSignInPage({ root, reason, offer, handoff, acceptedInvite, refusal, onSignedIn }) {
  /** @type {Record<string, string>} */
  const values = {};
  /** @type {FeedbackEntry} */
  let feedback = null;
  let busy = false;
  /**
   * Signed in, waiting for the person to pick a membership.
   * @type {SessionTokens | null}
   */
  let choosing = null;
  /** Exchanging a sign-on's hand-off. */
  let completing = handoff !== undefined;
  /** @type {(() => RowMessage) | null} why the last single sign-on failed */
  let signOnFailure = refusal ? () => refusalMessage(refusal, 'sign-in') : null;

  function render() {
    if (choosing) {
      renderChooser(choosing);
      return;
    }
    if (completing) {
      drawSignedOutPage(
        root,
        { testid: 'login-screen', title: t('login.title') },
        h(
          'div',
          { class: 'state-block is-loading', 'aria-busy': 'true', dataset: { testid: 'sso-completing' } },
          t('sso.completing'),
        ),
      );
      return;
    }
    const state = feedbackOf(feedback);
    drawSignedOutPage(
      root,
      { testid: 'login-screen', title: t('login.title') },
      reason.reasonKey ? reasonNote(reason.reasonKey) : null,
      signOnFailure ? refusalNote(signOnFailure()) : null,
      form(
        {
          class: 'login-form',
          dataset: { testid: 'sign-in-form' },
          'aria-busy': busy ? 'true' : null,
        },
        submit,
        inputField({
          name: 'login',
          label: t('login.field.login'),
          values,
          state,
          keyPrefix: 'sign-in',
          hint: t('login.field.loginHint'),
          attributes: {
            autocomplete: 'username',
            autocapitalize: 'off',
            spellcheck: 'false',
            required: true,
          },
        }),
        inputField({
          name: 'password',
          label: t('login.field.password'),
          values,
          state,
          keyPrefix: 'sign-in',
          attributes: { type: 'password', autocomplete: 'current-password', required: true },
        }),
        rowMessage(state.message),
        actionButton(busy ? t('common.busy') : t('login.submit'), {
          type: 'submit',
          action: 'sign-in',
          key: 'sign-in-submit',
          className: 'btn-primary btn-large btn-block',
          disabled: busy,
        }),
      ),
      // Below the password, so that the form stays where it is whether or not there is a provider.
      offer.enabled
        ? [
            h('p', { class: 'login-or' }, t('sso.or')),
            signOnButton(offer, { label: (name) => t('sso.signIn', { name }), action: 'sso-sign-in' }),
          ]
        : null,
      h('p', { class: 'login-note' }, t('login.noAccount')),
      h(
        'details',
        { class: 'login-demo' },
        h('summary', null, t('login.demoTitle')),
        h('p', null, t('login.body')),
        h('p', { class: 'login-hint' }, h('code', null, t('login.hint'))),
      ),
    );
  }

  /** @param {string} reasonKey */
  function reasonNote(reasonKey) {
    const calm = CALM_REASONS.has(reasonKey);
    return h(
      'p',
      {
        class: ['login-reason', calm && 'is-calm'],
        role: calm ? 'status' : 'alert',
        dataset: { testid: 'login-reason', reason: reasonKey },
      },
      // The server's detail is English for developers: the reason's words say it to people.
      calm ? t(reasonKey) : t('login.reason', { reason: t(reasonKey) }),
    );
  }

  async function submit() {
    if (busy) return;
    busy = true;
    feedback = null;
    signOnFailure = null;
    render();
    try {
      const tokens = /** @type {SessionTokens} */ (
        await callPublic('POST', '/auth/sign-in', {
          login: values.login ?? '',
          password: values.password ?? '',
        })
      );
      values.password = '';
      busy = false;
      await proceed(tokens);
    } catch (error) {
      busy = false;
      feedback = () => signInFeedback(error);
      render();
      focusFirstInvalid(root);
    }
  }

  /** Exchanges the hand-off a single sign-on came back with for the session. */
  async function completeSignOn() {
    try {
      const tokens = /** @type {SessionTokens} */ (
        await callPublic('POST', '/auth/sso/complete', { handoff: handoff ?? '' })
      );
      completing = false;
      if (acceptedInvite) await onSignedIn(tokens);
      else await proceed(tokens);
    } catch (error) {
      completing = false;
      signOnFailure = () => completionFailure(error);
      render();
    }
  }

  /**
   * Signed in, by password or sign-on: the session is the tab's, after the person picks a
   * membership when the account has several.
   * @param {SessionTokens} tokens
   */
  async function proceed(tokens) {
    signOnFailure = null;
    if (tokens.memberships.length > 1) {
      choosing = tokens;
      render();
      const first = root.querySelector('button[data-action="choose-membership"]');
      if (first instanceof HTMLElement) first.focus();
      return;
    }
    await onSignedIn(tokens);
  }

  /** @param {SessionTokens} tokens */
  function renderChooser(tokens) {
    const state = feedbackOf(feedback);
    drawSignedOutPage(
      root,
      { testid: 'membership-chooser', title: t('membership.choose') },
      h('p', null, t('membership.chooseIntro', { name: tokens.account.displayName })),
      h(
        'ul',
        { class: 'choice-list', 'aria-busy': busy ? 'true' : null },
        tokens.memberships.map((membership) =>
          h(
            'li',
            null,
            h(
              'button',
              {
                type: 'button',
                class: 'choice',
                disabled: busy,
                dataset: { action: 'choose-membership', membershipId: membership.id, role: membership.role },
                onClick: () => void choose(tokens, membership.id),
              },
              h('span', { class: 'choice-role' }, roleLabel(membership.role)),
              h('span', { class: 'choice-scope' }, membershipScope(membership)),
            ),
          ),
        ),
      ),
      rowMessage(state.message),
    );
  }

  /**
   * Opens the session in the chosen membership: the one signed in with, or another one by
   * exchanging the fresh refresh token (once: the buttons wait meanwhile).
   * @param {SessionTokens} tokens
   * @param {string} membershipId
   */
  async function choose(tokens, membershipId) {
    if (busy) return;
    if (membershipId === tokens.membership.id) {
      await onSignedIn(tokens);
      return;
    }
    busy = true;
    feedback = null;
    render();
    try {
      const switched = /** @type {SessionTokens} */ (
        await callPublic('POST', '/auth/refresh', { refreshToken: tokens.refreshToken, membershipId })
      );
      busy = false;
      await onSignedIn(switched);
    } catch (error) {
      busy = false;
      // The session ended meanwhile: back to the password.
      if (error instanceof ApiError && error.status === 401) choosing = null;
      feedback = () => signInFeedback(error);
      render();
    }
  }

  if (completing) void completeSignOn();
  return { render };
}

/**
 * A refused sign-in in words: wrong name or password, too many attempts (and how long to
 * wait), an account that belongs to no alliance yet, or the words for the error's code.
 * @param {unknown} error
 * @returns {import('../forms.js').Feedback}
 */
function signInFeedback(error) {
  if (error instanceof ApiError && error.status === 403) {
    return { message: { kind: 'error', text: t('login.noMembership') } };
  }
  return accountFeedback(error, ['login', 'password']);
}
