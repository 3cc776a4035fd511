// @ts-check

import { focusKey, h } from '../dom.js';
import { actionButton, actOrCancel, rowMessage } from '../forms.js';
import { formatDateTime, formatLogin } from '../format.js';
import { accountStatusLabel, roleLabel, t } from '../i18n.js';
import { cardHead, chip, createLoader, drawListView, emptyBlock, viewLifecycle } from './common.js';
import { createRowActions } from './row-actions.js';

/**
 * 成员账户: who acts in the alliance (its coordinators, and the representatives of its units
 * and communities who accepted an invite), and removing one when a representative changes.
 * Removing ends that membership only: the person's account and other memberships stay.
 * Nobody removes their own (the API refuses it), so the button is not offered for it.
 */

/** @typedef {import('../api.js').Schemas} Schemas */
/** @typedef {Schemas['AllianceMembership']} AllianceMembership */

/** The groups the page shows, in this order. */
/** @type {readonly AllianceMembership['role'][]} */
const ROLES = ['coordinator', 'unit', 'community'];

/** @param {import('./common.js').ViewContext} ctx */
export function createMembersView(ctx) {
  /** @type {HTMLElement | null} */
  let container = null;
  const membershipsPath = () => `/alliances/${encodeURIComponent(ctx.allianceId() ?? '')}/memberships`;
  const loader = createLoader(
    () => /** @type {Promise<AllianceMembership[]>} */ (ctx.api.get(membershipsPath())),
    render,
  );
  const rows = createRowActions(loader, render);
  /** @type {Set<string>} the memberships whose removal waits for a confirmation */
  const confirming = new Set();

  function render() {
    if (!container) return;
    if (!ctx.allianceId()) {
      drawListView(container, loader, { title: t('tab.members') }, () => emptyBlock(t('roster.noAlliance')));
      return;
    }
    const memberships = Array.isArray(loader.state.data) ? loader.state.data : undefined;
    drawListView(container, loader, { title: t('tab.members'), count: memberships?.length }, () => [
      h('p', { class: ['card-note', 'members-intro'] }, t('members.intro')),
      !memberships || memberships.length === 0
        ? emptyBlock(t('members.empty'))
        : ROLES.map((role) => group(role, memberships)),
    ]);
  }

  /**
   * @param {AllianceMembership['role']} role
   * @param {readonly AllianceMembership[]} memberships all of them, to name who granted one
   */
  function group(role, memberships) {
    const ofRole = memberships.filter((membership) => membership.role === role);
    if (ofRole.length === 0) return null;
    const titleId = `members-${role}`;
    return h(
      'section',
      { class: 'group', 'aria-labelledby': titleId, dataset: { testid: 'membership-group', role } },
      h(
        'h3',
        { class: 'group-title', id: titleId },
        `${roleLabel(role)} · ${t('common.total', { count: ofRole.length })}`,
      ),
      h(
        'div',
        { class: 'card-list' },
        ofRole.map((membership) => membershipCard(membership, memberships)),
      ),
    );
  }

  /**
   * @param {AllianceMembership} membership
   * @param {readonly AllianceMembership[]} memberships
   */
  function membershipCard(membership, memberships) {
    const key = membership.id;
    const state = rows.feedback(key);
    const isBusy = rows.isBusy(key);
    const own = membership.accountId === ctx.me.subject;
    return h(
      'article',
      {
        class: ['card', 'membership', `membership-${membership.status}`],
        dataset: {
          testid: 'alliance-membership',
          membershipId: membership.id,
          role: membership.role,
          login: membership.login,
          memberId: membership.unitId ?? membership.communityId ?? undefined,
          status: membership.status,
        },
        'aria-busy': isBusy ? 'true' : null,
        'aria-labelledby': `membership-${key}`,
      },
      cardHead(
        [
          h('h4', { class: 'card-title', id: `membership-${key}` }, membership.displayName),
          h(
            'span',
            {
              class: ['badge', `account-status-${membership.status}`],
              dataset: { testid: 'membership-status' },
            },
            accountStatusLabel(membership.status),
          ),
          own ? chip(t('members.you')) : null,
        ],
        [
          chip(roleLabel(membership.role)),
          membership.role === 'coordinator'
            ? null
            : h(
                'span',
                { dataset: { testid: 'membership-member' } },
                membership.name ?? membership.unitId ?? membership.communityId,
              ),
          h(
            'span',
            { class: 'mono', dataset: { testid: 'membership-login' } },
            formatLogin(membership.login),
          ),
        ],
      ),
      h(
        'dl',
        { class: 'facts membership-facts' },
        h('dt', null, t('members.grantedBy')),
        h('dd', null, granterName(membership.grantedBy, memberships)),
        h('dt', null, t('members.since')),
        h('dd', null, formatDateTime(membership.createdAt)),
        h('dt', null, t('members.lastActive')),
        h(
          'dd',
          { dataset: { testid: 'membership-last-active' } },
          membership.lastActiveAt ? formatDateTime(membership.lastActiveAt) : t('members.neverSignedIn'),
        ),
      ),
      own
        ? h('div', { class: 'card-actions' }, h('p', { class: 'field-hint' }, t('members.ownNote')))
        : removal(membership, isBusy),
      rowMessage(state.message),
    );
  }

  /**
   * The remove button, or, once pressed, what removing ends and the buttons to go on or not.
   * @param {AllianceMembership} membership
   * @param {boolean} isBusy
   */
  function removal(membership, isBusy) {
    const key = membership.id;
    if (!confirming.has(key)) {
      return h(
        'div',
        { class: 'card-actions card-actions-row' },
        actionButton(t('members.remove'), {
          action: 'remove-membership',
          key: `remove:${key}`,
          className: 'btn-secondary btn-small',
          disabled: isBusy,
          onClick: () => {
            confirming.add(key);
            rows.forget(key);
            render();
            focusKey(container, `confirm-remove:${key}`);
          },
        }),
      );
    }
    const questionId = `remove-question-${key}`;
    return h(
      'div',
      {
        class: 'card-actions remove-confirm',
        role: 'group',
        'aria-labelledby': questionId,
        dataset: { testid: 'remove-confirm' },
      },
      h('p', { class: 'remove-question', id: questionId }, removalConsequence(membership)),
      actOrCancel({
        label: t('members.confirmRemove'),
        busy: isBusy,
        action: 'confirm-remove-membership',
        key: `confirm-remove:${key}`,
        danger: true,
        onAct: () => void remove(membership),
        cancel: {
          action: 'cancel-remove-membership',
          key: `cancel-remove:${key}`,
          disabled: isBusy,
          onClick: () => {
            confirming.delete(key);
            render();
            focusKey(container, `remove:${key}`);
          },
        },
      }),
    );
  }

  /** @param {AllianceMembership} membership */
  async function remove(membership) {
    const key = membership.id;
    const path = `${membershipsPath()}/${encodeURIComponent(membership.id)}`;
    let removed = false;
    await rows.run(key, [], async () => {
      await ctx.api.delete(path);
      removed = true;
      confirming.delete(key);
      ctx.notify('success', t('members.removed', { person: membership.displayName }));
      return null;
    });
    // A removed card is gone: the page takes the focus rather than nothing; a refusal is
    // read out beside the buttons, which keep it.
    if (removed) container?.focus();
    else focusKey(container, `confirm-remove:${key}`);
  }

  return viewLifecycle({ loader, render, setContainer: (element) => (container = element) });
}

/**
 * What removing a membership takes away, in words naming the person and whom they represent.
 * @param {AllianceMembership} membership
 */
function removalConsequence(membership) {
  const person = membership.displayName;
  if (membership.role === 'coordinator') return t('members.removeCoordinator', { person });
  const member = membership.name ?? membership.unitId ?? membership.communityId ?? '';
  return t('members.removeRepresentative', { person, member });
}

const ACCOUNT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Who granted a membership: the name of a person on this page when it is one of them (an
 * invite's author is a coordinator here); else an account this page cannot name (an admin, a
 * former coordinator), shortened, or the subject as recorded (a demo token's).
 * @param {string} grantedBy
 * @param {readonly AllianceMembership[]} memberships
 */
function granterName(grantedBy, memberships) {
  const granter = memberships.find((membership) => membership.accountId === grantedBy);
  if (granter) return granter.displayName;
  return ACCOUNT_ID.test(grantedBy)
    ? h('span', { title: grantedBy }, t('members.otherAccount', { id: grantedBy.slice(0, 8) }))
    : h('span', { class: 'mono' }, grantedBy);
}
