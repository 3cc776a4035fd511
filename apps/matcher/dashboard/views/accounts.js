// @ts-check

import { UnauthorizedError } from '../api.js';
import { focusKey, h } from '../dom.js';
import { actionButton, feedbackOf, field, focusFirstInvalid, form, rowMessage } from '../forms.js';
import { formatDateTime } from '../format.js';
import { accountStatusLabel, roleLabel, t } from '../i18n.js';
import { createLoader, drawListView, emptyBlock, viewLifecycle } from './common.js';
import { copyableLink } from './copy-link.js';
import { accountFeedback, membershipScope } from './credential-fields.js';
import { createRowActions, succeeded } from './row-actions.js';
import { dataTable } from './table.js';

/**
 * 账号管理 (admin): every account with its memberships; creating one with its first
 * membership gives a one-time setup link (never a password), shown once for the admin to
 * pass on; disabling an account ends all its sessions at once.
 */

/** @typedef {import('../api.js').Schemas} Schemas */
/** @typedef {Schemas['Account']} Account */
/** @typedef {Schemas['MembershipGrant']['role']} Role */
/**
 * POST /accounts: the account and its setup link, shown this once.
 * @typedef {{ account: Account, setupLink: { url: string, expiresAt: string }, reset?: boolean }} CreatedAccount
 */
/** @typedef {import('../forms.js').FeedbackEntry} FeedbackEntry */

/** @type {readonly Role[]} */
const ROLES = ['coordinator', 'unit', 'community', 'admin'];
const FIELDS = ['login', 'displayName', 'role', 'allianceId', 'unitId', 'communityId'];

/** @param {string} path a problem's path in the request body */
function fieldOfPath(path) {
  const name = path.replace(/^membership\./, '');
  return FIELDS.includes(name) ? name : null;
}

/** @param {import('./common.js').ViewContext} ctx */
export function createAccountsView(ctx) {
  /** @type {HTMLElement | null} */
  let container = null;
  const loader = createLoader(
    () => /** @type {Promise<Account[]>} */ (ctx.api.unscoped.get('/accounts')),
    render,
  );
  const rows = createRowActions(loader, render);
  /** @type {Record<string, string>} */
  const values = { role: 'coordinator' };
  /** @type {FeedbackEntry} */
  let feedback = null;
  let busy = false;
  /** @type {CreatedAccount | null} */
  let created = null;
  /** @type {import('./copy-link.js').CopyState} */
  let copyState = null;

  function render() {
    if (!container) return;
    const accounts = Array.isArray(loader.state.data) ? loader.state.data : undefined;
    drawListView(container, loader, { title: t('tab.accounts'), count: accounts?.length }, () => [
      created ? createdCard(created) : createForm(),
      h(
        'section',
        { class: 'group', 'aria-labelledby': 'accounts-list' },
        h('h3', { class: 'group-title', id: 'accounts-list' }, t('accounts.list')),
        !accounts || accounts.length === 0 ? emptyBlock(t('accounts.empty')) : accountTable(accounts),
      ),
    ]);
  }

  function createForm() {
    const state = feedbackOf(feedback);
    values.allianceId ??= ctx.allianceId() ?? '';
    /**
     * @param {string} name
     * @param {import('../dom.js').Props<'input'>} [attributes]
     * @param {string} [hint]
     */
    const text = (name, attributes = {}, hint) =>
      field({
        name,
        label: t(`accounts.field.${name}`),
        hint,
        errors: state.fields?.[name] ?? [],
        control: h('input', {
          type: 'text',
          ...attributes,
          name,
          value: values[name] ?? '',
          dataset: { key: `accounts-${name}` },
          onInput: (event) => {
            values[name] = event.currentTarget.value;
          },
        }),
      });
    const role = h(
      'select',
      {
        name: 'role',
        dataset: { key: 'accounts-role' },
        onChange: (event) => {
          values.role = event.currentTarget.value;
          render();
        },
      },
      ROLES.map((value) => h('option', { value, selected: values.role === value }, roleLabel(value))),
    );
    return form(
      {
        class: ['card', 'post-form', 'account-create'],
        dataset: { testid: 'account-create-form' },
        'aria-busy': busy ? 'true' : null,
        'aria-labelledby': 'account-create-title',
      },
      create,
      h('h3', { class: 'group-title', id: 'account-create-title' }, t('accounts.create')),
      h('p', { class: 'card-note' }, t('accounts.intro')),
      h(
        'div',
        { class: 'form-grid' },
        text(
          'login',
          { type: 'tel', inputmode: 'tel', autocomplete: 'off', required: true },
          t('accounts.loginHint'),
        ),
        text('displayName', { autocomplete: 'off', required: true }),
        field({
          name: 'role',
          label: t('accounts.field.role'),
          control: role,
          errors: state.fields?.role ?? [],
        }),
        values.role === 'admin'
          ? null
          : text('allianceId', { autocapitalize: 'off', spellcheck: 'false', required: true }),
        values.role === 'unit'
          ? text('unitId', { autocapitalize: 'off', spellcheck: 'false', required: true })
          : null,
        values.role === 'community'
          ? text('communityId', { autocapitalize: 'off', spellcheck: 'false', required: true })
          : null,
      ),
      rowMessage(state.message),
      h(
        'div',
        { class: 'button-row form-submit' },
        actionButton(busy ? t('common.busy') : t('accounts.submit'), {
          type: 'submit',
          action: 'create-account',
          key: 'accounts-submit',
          className: 'btn-primary',
          disabled: busy,
        }),
      ),
    );
  }

  async function create() {
    if (busy) return;
    busy = true;
    feedback = null;
    render();
    const role = values.role ?? 'coordinator';
    /** @type {Record<string, string>} the membership's scope, as its role needs it */
    const membership = { role };
    if (role !== 'admin') membership.allianceId = values.allianceId ?? '';
    if (role === 'unit') membership.unitId = values.unitId ?? '';
    if (role === 'community') membership.communityId = values.communityId ?? '';
    try {
      created = /** @type {CreatedAccount} */ (
        await ctx.api.unscoped.post('/accounts', {
          login: values.login ?? '',
          displayName: values.displayName ?? '',
          membership,
        })
      );
      copyState = null;
      for (const name of ['login', 'displayName', 'unitId', 'communityId']) delete values[name];
      void loader.refresh();
    } catch (error) {
      if (error instanceof UnauthorizedError) return;
      feedback = () => accountFeedback(error, FIELDS, fieldOfPath);
    } finally {
      busy = false;
    }
    render();
    if (created) {
      focusKey(container, 'setup-link-box');
    } else {
      focusFirstInvalid(container);
    }
  }

  /** @param {CreatedAccount} answer */
  function createdCard(answer) {
    const { account, setupLink } = answer;
    return h(
      'section',
      {
        class: ['card', 'invite-created'],
        dataset: { testid: 'account-created', accountId: account.id },
        'aria-labelledby': 'account-created-title',
      },
      h(
        'h3',
        { class: 'group-title', id: 'account-created-title' },
        t(answer.reset ? 'accounts.resetCreated' : 'accounts.created', {
          name: account.displayName,
          login: account.login,
        }),
      ),
      h(
        'p',
        { class: 'once-note' },
        t('accounts.setupOnce', { expires: formatDateTime(setupLink.expiresAt) }),
      ),
      copyableLink({
        url: setupLink.url,
        label: t('accounts.setupLink'),
        testid: 'setup-link',
        state: copyState,
        onCopied: (state) => {
          copyState = state;
          render();
        },
      }),
      h(
        'div',
        { class: 'button-row' },
        actionButton(t('accounts.another'), {
          action: 'new-account',
          className: 'btn-ghost',
          onClick: () => {
            created = null;
            copyState = null;
            render();
            focusKey(container, 'accounts-login');
          },
        }),
      ),
    );
  }

  /** @param {readonly Account[]} accounts */
  function accountTable(accounts) {
    return dataTable(
      'account-list',
      [
        { label: t('accounts.col.name') },
        { label: t('accounts.col.memberships') },
        { label: t('accounts.col.status') },
        { label: t('accounts.col.actions') },
      ],
      accounts,
      (account) => {
        const state = rows.feedback(account.id);
        const isBusy = rows.isBusy(account.id);
        const next = account.status === 'active' ? 'disabled' : 'active';
        return h(
          'tr',
          {
            dataset: {
              testid: 'account-row',
              accountId: account.id,
              login: account.login,
              status: account.status,
            },
            'aria-busy': isBusy ? 'true' : null,
          },
          h(
            'td',
            { class: 'cell-name' },
            h('span', { class: 'cell-title' }, account.displayName),
            h('span', { class: 'cell-sub mono' }, account.login),
          ),
          h(
            'td',
            { class: 'cell-name' },
            h(
              'ul',
              { class: 'plain-list' },
              account.memberships.map((membership) =>
                h(
                  'li',
                  null,
                  h('span', { class: 'role-chip' }, roleLabel(membership.role)),
                  ' ',
                  membershipScope(membership),
                ),
              ),
            ),
          ),
          h(
            'td',
            { class: 'nowrap' },
            h(
              'span',
              { class: ['badge', `account-status-${account.status}`], dataset: { testid: 'account-status' } },
              accountStatusLabel(account.status),
            ),
            account.hasPassword ? null : h('span', { class: 'cell-sub muted' }, t('accounts.noPassword')),
          ),
          h(
            'td',
            null,
            // An admin does not lock themselves out from here.
            account.id === ctx.me.subject
              ? h('span', { class: 'muted' }, t('accounts.you'))
              : h(
                  'div',
                  { class: 'button-row' },
                  actionButton(next === 'disabled' ? t('accounts.disable') : t('accounts.enable'), {
                    action: next === 'disabled' ? 'disable-account' : 'enable-account',
                    key: `status:${account.id}`,
                    className: next === 'disabled' ? 'btn-secondary btn-small' : 'btn-small',
                    disabled: isBusy,
                    onClick: () =>
                      void rows.run(account.id, [], async () => {
                        await ctx.api.unscoped.patch(`/accounts/${encodeURIComponent(account.id)}`, {
                          status: next,
                        });
                        const text = () =>
                          t(next === 'disabled' ? 'accounts.disabled' : 'accounts.enabled', {
                            name: account.displayName,
                          });
                        ctx.notify('success', text());
                        return succeeded(text);
                      }),
                  }),
                  // A forgotten password: a new one-time link, shown as a new account's is.
                  actionButton(t('accounts.newSetupLink'), {
                    action: 'new-setup-link',
                    key: `setup:${account.id}`,
                    className: 'btn-ghost btn-small',
                    disabled: isBusy || account.status !== 'active',
                    onClick: () =>
                      void rows.run(account.id, [], async () => {
                        const setupLink = /** @type {CreatedAccount['setupLink']} */ (
                          await ctx.api.unscoped.post(
                            `/accounts/${encodeURIComponent(account.id)}/setup-link`,
                            {},
                          )
                        );
                        created = { account, setupLink, reset: true };
                        copyState = null;
                        render();
                        focusKey(container, 'setup-link-box');
                        return succeeded(() =>
                          t('accounts.resetCreated', { name: account.displayName, login: account.login }),
                        );
                      }),
                  }),
                ),
            rowMessage(state.message),
          ),
        );
      },
    );
  }

  return viewLifecycle({ loader, render, setContainer: (element) => (container = element) });
}
