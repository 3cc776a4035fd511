// @ts-check

import { UnauthorizedError } from '../api.js';
import { h } from '../dom.js';
import { actionButton, describeError, feedbackOf, focusFirstInvalid, form, rowMessage } from '../forms.js';
import { formatDateTime } from '../format.js';
import { roleLabel, t } from '../i18n.js';
import { createLoader, drawListView, viewLifecycle } from './common.js';
import {
  accountFeedback,
  inputField,
  membershipScope,
  newPasswordFields,
  passwordMismatch,
} from './credential-fields.js';
import { createRowActions, succeeded } from './row-actions.js';

/**
 * 我的账号, for every role: the account and its memberships (switching between them), the
 * devices signed in (ending one, for a lost phone), changing the password (or, for an account
 * that signs in through single sign-on only, saying it has none), signing out.
 */

/** @typedef {import('../api.js').Schemas} Schemas */
/** @typedef {Schemas['Membership']} Membership */
/** @typedef {Schemas['Session']} Session */
/** @typedef {{ account: Schemas['Account'] | null, sessions: Session[] }} MyAccount */
/** @typedef {import('../forms.js').FeedbackEntry} FeedbackEntry */

const PASSWORD_FIELDS = ['currentPassword', 'newPassword', 'newPasswordAgain'];

/** @param {import('./common.js').ViewContext} ctx */
export function createAccountView(ctx) {
  /** @type {HTMLElement | null} */
  let container = null;
  const loader = createLoader(
    () => /** @type {Promise<MyAccount>} */ (ctx.api.unscoped.get('/account')),
    render,
  );
  const rows = createRowActions(loader, render);
  /** @type {Record<string, string>} */
  const passwords = {};
  /** @type {FeedbackEntry} */
  let passwordFeedback = null;
  let changingPassword = false;
  /** @type {string | null} the membership being switched to */
  let switching = null;
  /** @type {FeedbackEntry} */
  let switchFeedback = null;

  function render() {
    if (!container) return;
    const data = loader.state.data;
    drawListView(container, loader, { title: t('tab.account') }, () =>
      data?.account
        ? [
            profile(data.account),
            memberships(data.account.memberships),
            sessions(data.sessions),
            data.account.hasPassword ? passwordForm() : noPassword(),
            signOutBlock(),
          ]
        : [h('section', { class: 'card account-section' }, h('p', null, t('account.demo'))), signOutBlock()],
    );
  }

  /** @param {Schemas['Account']} account */
  function profile(account) {
    return h(
      'section',
      {
        class: 'card account-section',
        'aria-labelledby': 'account-profile',
        dataset: { testid: 'account-profile' },
      },
      h('h3', { class: 'group-title', id: 'account-profile' }, t('account.profile')),
      h(
        'dl',
        { class: 'facts' },
        h('dt', null, t('account.displayName')),
        h('dd', { dataset: { testid: 'account-name' } }, account.displayName),
        h('dt', null, t('account.login')),
        h('dd', { dataset: { testid: 'account-login' } }, account.login),
      ),
    );
  }

  /**
   * Which of the memberships the session acts in: as the session says, else as the token does.
   * @param {readonly Membership[]} list
   */
  function currentMembershipId(list) {
    const known = ctx.account.membershipId();
    if (known && list.some((membership) => membership.id === known)) return known;
    const { me } = ctx;
    return (
      list.find(
        (membership) =>
          membership.role === me.role &&
          (membership.allianceId ?? null) === (me.allianceId ?? null) &&
          (membership.unitId ?? undefined) === me.unitId &&
          (membership.communityId ?? undefined) === me.communityId,
      )?.id ?? null
    );
  }

  /** @param {readonly Membership[]} list */
  function memberships(list) {
    const current = currentMembershipId(list);
    const state = feedbackOf(switchFeedback);
    return h(
      'section',
      { class: 'card account-section', 'aria-labelledby': 'account-memberships' },
      h('h3', { class: 'group-title', id: 'account-memberships' }, t('account.memberships')),
      list.length > 1 ? h('p', { class: 'card-note' }, t('account.membershipsNote')) : null,
      h(
        'ul',
        { class: 'plain-list account-list', dataset: { testid: 'memberships' } },
        list.map((membership) => {
          const isCurrent = membership.id === current;
          return h(
            'li',
            {
              class: ['account-row', isCurrent && 'is-current'],
              dataset: {
                testid: 'membership',
                membershipId: membership.id,
                current: isCurrent ? 'true' : null,
              },
            },
            h(
              'div',
              { class: 'account-row-text' },
              h('span', { class: 'role-chip' }, roleLabel(membership.role)),
              h('span', null, membershipScope(membership)),
              isCurrent ? h('span', { class: 'badge is-current-badge' }, t('account.current')) : null,
            ),
            isCurrent
              ? null
              : actionButton(switching === membership.id ? t('common.busy') : t('account.switch'), {
                  action: 'switch-membership',
                  key: `switch:${membership.id}`,
                  className: 'btn-secondary btn-small',
                  disabled: switching !== null,
                  onClick: () => void switchTo(membership),
                }),
          );
        }),
      ),
      rowMessage(state.message),
    );
  }

  /** @param {Membership} membership */
  async function switchTo(membership) {
    if (switching) return;
    switching = membership.id;
    switchFeedback = null;
    render();
    try {
      await ctx.account.switchMembership(membership.id);
      // The pages are drawn again for the new membership; this view is gone.
    } catch (error) {
      if (error instanceof UnauthorizedError) return;
      switching = null;
      switchFeedback = () => ({ message: describeError(error) });
      render();
    }
  }

  /** @param {readonly Session[]} list */
  function sessions(list) {
    return h(
      'section',
      { class: 'card account-section', 'aria-labelledby': 'account-sessions' },
      h('h3', { class: 'group-title', id: 'account-sessions' }, t('account.sessions')),
      h('p', { class: 'card-note' }, t('account.sessionsNote')),
      h(
        'ul',
        { class: 'plain-list account-list', dataset: { testid: 'sessions' } },
        list.map((session) => {
          const state = rows.feedback(session.id);
          return h(
            'li',
            {
              class: ['account-row', session.current && 'is-current'],
              dataset: { testid: 'session', sessionId: session.id, current: session.current ? 'true' : null },
              'aria-busy': rows.isBusy(session.id) ? 'true' : null,
            },
            h(
              'div',
              { class: 'account-row-text' },
              h(
                'span',
                { class: 'meta-strong', title: session.userAgent ?? '' },
                deviceOf(session.userAgent),
              ),
              session.current
                ? h('span', { class: 'badge is-current-badge' }, t('account.thisDevice'))
                : null,
              h(
                'span',
                { class: 'muted' },
                t('account.sessionTimes', {
                  created: formatDateTime(session.createdAt),
                  used: formatDateTime(session.lastUsedAt),
                }),
              ),
              session.address ? h('span', { class: 'muted mono' }, session.address) : null,
            ),
            session.current
              ? null
              : actionButton(t('account.endSession'), {
                  action: 'end-session',
                  key: `end:${session.id}`,
                  className: 'btn-secondary btn-small',
                  disabled: rows.isBusy(session.id),
                  onClick: () =>
                    void rows.run(session.id, [], async () => {
                      await ctx.api.unscoped.delete(`/account/sessions/${encodeURIComponent(session.id)}`);
                      ctx.notify('success', t('account.sessionEnded'));
                      return succeeded(() => t('account.sessionEnded'));
                    }),
                }),
            rowMessage(state.message),
          );
        }),
      ),
    );
  }

  function passwordForm() {
    const state = feedbackOf(passwordFeedback);
    return h(
      'section',
      { class: 'card account-section', 'aria-labelledby': 'account-password' },
      h('h3', { class: 'group-title', id: 'account-password' }, t('account.password')),
      form(
        {
          class: 'account-form',
          dataset: { testid: 'password-form' },
          'aria-busy': changingPassword ? 'true' : null,
        },
        changePassword,
        // A hidden name field lets password managers file the new password under the account.
        h('input', {
          type: 'text',
          name: 'username',
          autocomplete: 'username',
          value: loader.state.data?.account?.login ?? '',
          hidden: true,
          readonly: true,
          tabindex: '-1',
          'aria-hidden': 'true',
        }),
        inputField({
          name: 'currentPassword',
          label: t('account.currentPassword'),
          values: passwords,
          state,
          keyPrefix: 'account',
          attributes: { type: 'password', autocomplete: 'current-password', required: true },
        }),
        newPasswordFields({
          name: 'newPassword',
          label: t('account.newPassword'),
          againLabel: t('account.newPasswordAgain'),
          values: passwords,
          state,
          keyPrefix: 'account',
        }),
        rowMessage(state.message),
        h(
          'div',
          { class: 'button-row' },
          actionButton(changingPassword ? t('common.busy') : t('account.changePassword'), {
            type: 'submit',
            action: 'change-password',
            key: 'account-change-password',
            className: 'btn-primary',
            disabled: changingPassword,
          }),
        ),
      ),
    );
  }

  // An account made by single sign-on has no password to change: the provider signs it in.
  function noPassword() {
    return h(
      'section',
      { class: 'card account-section', 'aria-labelledby': 'account-password' },
      h('h3', { class: 'group-title', id: 'account-password' }, t('account.signInMethod')),
      h('p', { class: 'card-note', dataset: { testid: 'no-password' } }, t('account.noPassword')),
    );
  }

  async function changePassword() {
    if (changingPassword) return;
    const mismatch = passwordMismatch(passwords, 'newPassword');
    if (mismatch) {
      passwordFeedback = mismatch;
      render();
      focusFirstInvalid(container);
      return;
    }
    changingPassword = true;
    passwordFeedback = null;
    render();
    try {
      const answer = /** @type {{ sessionsEnded: number }} */ (
        await ctx.api.unscoped.post('/account/password', {
          currentPassword: passwords.currentPassword ?? '',
          newPassword: passwords.newPassword ?? '',
        })
      );
      for (const name of Object.keys(passwords)) delete passwords[name];
      const text = () => t('account.passwordChanged', { count: answer.sessionsEnded });
      ctx.notify('success', text());
      passwordFeedback = () => ({ message: { kind: 'success', text: text() } });
      void loader.refresh();
    } catch (error) {
      if (error instanceof UnauthorizedError) return;
      passwordFeedback = () => accountFeedback(error, PASSWORD_FIELDS);
    } finally {
      changingPassword = false;
    }
    render();
    focusFirstInvalid(container);
  }

  function signOutBlock() {
    return h(
      'div',
      { class: 'button-row account-sign-out' },
      actionButton(t('account.signOut'), {
        action: 'sign-out',
        className: 'btn-secondary',
        onClick: () => ctx.account.signOut(),
      }),
    );
  }

  return viewLifecycle({ loader, render, setContainer: (element) => (container = element) });
}

// A device in a few words from its user agent: which browser (WeChat's own first) on which system.
const BROWSERS = /** @type {const} */ ([
  [/MicroMessenger/i, 'WeChat'],
  [/Edg\//, 'Edge'],
  [/Firefox\//, 'Firefox'],
  [/Chrome\//, 'Chrome'],
  [/Safari\//, 'Safari'],
]);
const SYSTEMS = /** @type {const} */ ([
  [/Android/i, 'Android'],
  [/iPhone|iPad|iPod/i, 'iOS'],
  [/Windows/i, 'Windows'],
  [/Mac OS X|Macintosh/i, 'macOS'],
  [/Linux/i, 'Linux'],
]);

/** @param {string | null} userAgent */
function deviceOf(userAgent) {
  if (!userAgent) return t('account.unknownDevice');
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  const words = [browser === 'WeChat' ? t('account.wechat') : browser, system].filter(Boolean);
  return words.length > 0 ? words.join(' · ') : t('account.unknownDevice');
}
