// @ts-check

import { ApiError, callPublic } from '../api.js';
import { clearPendingLink } from '../auth.js';
import { h } from '../dom.js';
import { actionButton, describeError, feedbackOf, focusFirstInvalid, form, rowMessage } from '../forms.js';
import { formatDateTime } from '../format.js';
import { roleLabel, t } from '../i18n.js';
import {
  accountFeedback,
  drawSignedOutPage,
  inputField,
  newPasswordFields,
  passwordMismatch,
} from './credential-fields.js';
import { providerName, refusalMessage, refusalNote, signOnButton } from './single-sign-on.js';

/**
 * A one-time link (#link=<secret>): a setup link lets the person an admin created an
 * account for choose a password; an invite link, shared by a coordinator in a WeChat group
 * as link or QR code, makes the person a representative of a roster member (or a fellow
 * coordinator), as a new account or added to the account whose password they give, or
 * through the deployment's single sign-on when it has one (the provider vouches for them;
 * no password). Both sign the person in.
 */

/** @typedef {import('../api.js').Schemas} Schemas */
/** @typedef {Schemas['SessionTokens']} SessionTokens */
/** @typedef {Schemas['LinkDescription']} LinkDescription */
/** @typedef {import('../forms.js').FeedbackEntry} FeedbackEntry */
/** @typedef {import('./single-sign-on.js').SignOnOffer} SignOnOffer */
/** @typedef {import('./single-sign-on.js').SignOnRefusal} SignOnRefusal */

const SETUP_FIELDS = ['password', 'passwordAgain'];
const INVITE_FIELDS = ['login', 'displayName', 'password', 'passwordAgain'];

/**
 * @param {object} options
 * @param {HTMLElement} options.root
 * @param {string} options.secret
 * @param {SignOnOffer} options.offer whether an invite may be accepted with single sign-on
 * @param {SignOnRefusal} [options.refusal] why accepting with single sign-on just failed
 * @param {(tokens: SessionTokens) => Promise<void>} options.onSignedIn
 * @param {() => void} options.onLeave goes to the sign-in page (or back to the dashboard)
 */
export function createLinkPage({ root, secret, offer, refusal, onSignedIn, onLeave }) {
  /** @type {LinkDescription | null} */
  let link = null;
  /** @type {unknown} */
  let loadError = null;
  /** @type {Record<string, string>} */
  const values = {};
  /** @type {FeedbackEntry} */
  let feedback = null;
  let busy = false;
  /** Shown until the person tries again, with a password. */
  let signOnRefusal = refusal;
  const path = `/auth/links/${encodeURIComponent(secret)}`;

  async function load() {
    loadError = null;
    render();
    try {
      link = /** @type {LinkDescription} */ (await callPublic('GET', path));
    } catch (error) {
      loadError = error;
      // A used or expired link is done with: reloading the page goes to the sign-in page.
      if (error instanceof ApiError && error.code === 'link-invalid') clearPendingLink();
    }
    render();
  }

  function render() {
    if (loadError) {
      renderUnusable(loadError);
      return;
    }
    if (!link) {
      drawSignedOutPage(
        root,
        { testid: 'link-page', title: t('link.loading') },
        h('div', { class: 'state-block is-loading', 'aria-busy': 'true' }, t('app.loading')),
      );
      return;
    }
    const isSetup = link.purpose === 'setup';
    const state = feedbackOf(feedback);
    drawSignedOutPage(
      root,
      { testid: 'link-page', title: isSetup ? t('link.setup.title') : t('link.invite.title') },
      signOnRefusal ? refusalNote(refusalMessage(signOnRefusal, 'invite')) : null,
      h(
        'p',
        { class: 'link-intro', dataset: { testid: 'link-intro', purpose: link.purpose } },
        introOf(link),
      ),
      h(
        'dl',
        { class: 'link-facts' },
        h('dt', null, t('link.role')),
        h('dd', null, roleLabel(link.role)),
        link.allianceId ? [h('dt', null, t('link.alliance')), h('dd', null, link.allianceId)] : null,
        h('dt', null, t('link.expires')),
        h('dd', null, formatDateTime(link.expiresAt)),
      ),
      // Before the form: one button instead of four fields, for whoever the provider knows.
      !isSetup && offer.enabled
        ? [
            signOnButton(offer, {
              label: (name) => t('sso.acceptInvite', { name }),
              action: 'sso-accept-invite',
              invite: secret,
            }),
            h(
              'p',
              { class: ['field-hint', 'sso-hint'] },
              t('sso.acceptInviteNote', { name: providerName(offer) }),
            ),
            h('p', { class: 'login-or' }, t('sso.or')),
          ]
        : null,
      form(
        {
          class: 'login-form',
          dataset: { testid: isSetup ? 'setup-form' : 'invite-form' },
          'aria-busy': busy ? 'true' : null,
        },
        accept,
        isSetup
          ? null
          : [
              inputField({
                name: 'login',
                label: t('link.field.login'),
                values,
                state,
                keyPrefix: 'link',
                hint: t('link.field.loginHint'),
                attributes: { type: 'tel', inputmode: 'tel', autocomplete: 'username', required: true },
              }),
              inputField({
                name: 'displayName',
                label: t('link.field.displayName'),
                values,
                state,
                keyPrefix: 'link',
                hint: t('link.field.displayNameHint'),
                attributes: { autocomplete: 'name', required: true },
              }),
            ],
        newPasswordFields({
          name: 'password',
          label: t('link.field.password'),
          againLabel: t('link.field.passwordAgain'),
          values,
          state,
          keyPrefix: 'link',
        }),
        isSetup ? null : h('p', { class: 'field-hint' }, t('link.invite.existing')),
        rowMessage(state.message),
        actionButton(busy ? t('common.busy') : isSetup ? t('link.setup.submit') : t('link.invite.submit'), {
          type: 'submit',
          action: 'accept-link',
          key: 'link-submit',
          className: 'btn-primary btn-large btn-block',
          disabled: busy,
        }),
      ),
      h(
        'p',
        { class: 'login-note' },
        h('button', { type: 'button', class: 'btn btn-ghost', onClick: onLeave }, t('link.leave')),
      ),
    );
  }

  /** @param {unknown} error */
  function renderUnusable(error) {
    const described = describeError(error);
    drawSignedOutPage(
      root,
      { testid: 'link-page', title: t('link.invalid.title') },
      h(
        'div',
        { class: 'row-message is-error', role: 'alert', dataset: { testid: 'link-invalid' } },
        h('span', { class: 'row-message-text' }, described.text),
        described.detail ? h('span', { class: 'row-message-detail' }, described.detail) : null,
      ),
      h('p', null, t('link.invalid.body')),
      h(
        'div',
        { class: 'button-row' },
        h(
          'button',
          { type: 'button', class: 'btn btn-primary', dataset: { action: 'to-sign-in' }, onClick: onLeave },
          t('link.toSignIn'),
        ),
        error instanceof ApiError && (error.code === 'network' || error.status >= 500)
          ? h('button', { type: 'button', class: 'btn', onClick: () => void load() }, t('error.retry'))
          : null,
      ),
    );
  }

  async function accept() {
    if (busy || !link) return;
    const isSetup = link.purpose === 'setup';
    const mismatch = passwordMismatch(values, 'password');
    if (mismatch) {
      feedback = mismatch;
      render();
      focusFirstInvalid(root);
      return;
    }
    busy = true;
    feedback = null;
    signOnRefusal = undefined;
    render();
    const body = isSetup
      ? { password: values.password ?? '' }
      : { login: values.login ?? '', displayName: values.displayName ?? '', password: values.password ?? '' };
    try {
      const tokens = /** @type {SessionTokens} */ (await callPublic('POST', `${path}/accept`, body));
      await onSignedIn(tokens);
    } catch (error) {
      busy = false;
      feedback = () => accountFeedback(error, isSetup ? SETUP_FIELDS : INVITE_FIELDS);
      render();
      focusFirstInvalid(root);
    }
  }

  void load();
  return { render };
}

/**
 * What the link is for, addressed to the person who opened it.
 * @param {LinkDescription} link
 */
function introOf(link) {
  const alliance = link.allianceId ?? '';
  if (link.purpose === 'setup') {
    return t('link.setup.intro', {
      name: link.account?.displayName ?? '',
      login: link.account?.login ?? '',
    });
  }
  const member = link.memberName ?? link.unitId ?? link.communityId ?? '';
  switch (link.role) {
    case 'unit':
      return t('link.invite.unit', { member, alliance });
    case 'community':
      return t('link.invite.community', { member, alliance });
    case 'coordinator':
    case 'admin':
      return t('link.invite.coordinator', { alliance });
  }
}
