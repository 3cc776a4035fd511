// @ts-check

import { UnauthorizedError } from '../api.js';
import { focusKey, h } from '../dom.js';
import { actionButton, feedbackOf, field, focusFirstInvalid, form, rowMessage } from '../forms.js';
import { formatDateTime } from '../format.js';
import { inviteStatusLabel, memberKindLabel, roleLabel, t } from '../i18n.js';
import { createLoader, drawListView, emptyBlock, viewLifecycle } from './common.js';
import { copyableLink } from './copy-link.js';
import { accountFeedback } from './credential-fields.js';
import { dataTable } from './table.js';

/**
 * 邀请: a coordinator invites the representative of a roster member (or a fellow coordinator)
 * with a one-time link, shown once with its QR code, to share in a WeChat group or message.
 * Whoever opens it first chooses their sign-in and password (views/link.js).
 */

/** @typedef {import('../api.js').Schemas} Schemas */
/** @typedef {Schemas['Member']} Member */
/** @typedef {import('../forms.js').FeedbackEntry} FeedbackEntry */
/**
 * POST /alliances/{allianceId}/invites: the invite with its link and QR code, shown this once.
 * @typedef {Schemas['CreatedInvite']} CreatedInvite
 */
/**
 * GET /alliances/{allianceId}/invites: the invites, newest first, without their links.
 * @typedef {Schemas['Invite']} InviteListing
 */
/** @typedef {{ invites: InviteListing[], members: Member[] }} InvitesData */

/** How long an invite may stay open, in hours (the API allows 1 to 720; 72 by default). */
const VALID_HOURS = [24, 72, 168, 720];
const DEFAULT_VALID_HOURS = '72';
const COORDINATOR = 'coordinator';
const FIELDS = ['memberId', 'validHours'];

/** A member chosen on the roster page (`kind:memberId`), for the invite form to start with. */
/** @type {string | null} */
let preselected = null;

/**
 * Opens the invite form on a roster member (the roster page's 邀请代表).
 * @param {string} kind
 * @param {string} memberId
 */
export function inviteMember(kind, memberId) {
  preselected = `${kind}:${memberId}`;
}

/** @param {import('./common.js').ViewContext} ctx */
export function createInvitesView(ctx) {
  /** @type {HTMLElement | null} */
  let container = null;
  const alliancePath = () => `/alliances/${encodeURIComponent(ctx.allianceId() ?? '')}`;
  const loader = createLoader(async () => {
    const [invites, members] = await Promise.all([
      /** @type {Promise<InviteListing[]>} */ (ctx.api.get(`${alliancePath()}/invites`)),
      /** @type {Promise<Member[]>} */ (ctx.api.get(`${alliancePath()}/members`)),
    ]);
    return /** @type {InvitesData} */ ({ invites, members });
  }, render);
  /** @type {Record<string, string>} the target (`coordinator` or `kind:memberId`) and validity */
  const values = { memberId: '', validHours: DEFAULT_VALID_HOURS };
  /** @type {FeedbackEntry} */
  let feedback = null;
  let busy = false;
  /** @type {CreatedInvite | null} the invite just made, whose link is shown this once */
  let created = null;
  /** @type {import('./copy-link.js').CopyState} */
  let copyState = null;

  function render() {
    if (!container) return;
    if (!ctx.allianceId()) {
      drawListView(container, loader, { title: t('tab.invites') }, () => emptyBlock(t('roster.noAlliance')));
      return;
    }
    const data = loader.state.data;
    drawListView(container, loader, { title: t('tab.invites') }, () => [
      created ? createdCard(created) : createForm(data?.members ?? []),
      h(
        'section',
        { class: 'group', 'aria-labelledby': 'invites-list' },
        h('h3', { class: 'group-title', id: 'invites-list' }, t('invite.list')),
        !data || data.invites.length === 0 ? emptyBlock(t('invite.empty')) : inviteTable(data.invites),
        h(
          'p',
          { class: 'field-hint' },
          t('invite.membersNote'),
          ' ',
          h(
            'button',
            {
              type: 'button',
              class: 'btn btn-ghost btn-small',
              dataset: { action: 'to-members' },
              onClick: () => ctx.goTo('members'),
            },
            t('tab.members'),
          ),
        ),
      ),
    ]);
  }

  /** @param {readonly Member[]} members */
  function createForm(members) {
    const state = feedbackOf(feedback);
    const active = members.filter((member) => member.status === 'active');
    /** @param {Member['kind']} kind */
    const group = (kind) => {
      const ofKind = active.filter((member) => member.kind === kind);
      return ofKind.length === 0
        ? null
        : h(
            'optgroup',
            { label: memberKindLabel(kind) },
            ofKind.map((member) => {
              const value = `${member.kind}:${member.memberId}`;
              return h('option', { value, selected: values.memberId === value }, member.name);
            }),
          );
    };
    const target = h(
      'select',
      {
        name: 'memberId',
        required: true,
        dataset: { key: 'invite-memberId' },
        onChange: (event) => {
          values.memberId = event.currentTarget.value;
        },
      },
      h('option', { value: '', selected: values.memberId === '' }, t('post.choose')),
      group('unit'),
      group('community'),
      h(
        'option',
        { value: COORDINATOR, selected: values.memberId === COORDINATOR },
        roleLabel('coordinator'),
      ),
    );
    const validity = h(
      'select',
      {
        name: 'validHours',
        dataset: { key: 'invite-validHours' },
        onChange: (event) => {
          values.validHours = event.currentTarget.value;
        },
      },
      VALID_HOURS.map((hours) =>
        h(
          'option',
          { value: String(hours), selected: values.validHours === String(hours) },
          t('invite.days', { n: hours / 24 }),
        ),
      ),
    );
    return form(
      {
        class: ['card', 'invite-form'],
        dataset: { testid: 'invite-form' },
        'aria-busy': busy ? 'true' : null,
        'aria-labelledby': 'invite-form-title',
      },
      create,
      h('h3', { class: 'group-title', id: 'invite-form-title' }, t('invite.create')),
      h('p', { class: 'card-note' }, t('invite.intro')),
      h(
        'div',
        { class: 'form-row' },
        field({
          name: 'memberId',
          label: t('invite.for'),
          control: target,
          errors: state.fields?.memberId ?? [],
          className: 'field-grow',
        }),
        field({
          name: 'validHours',
          label: t('invite.validFor'),
          control: validity,
          errors: state.fields?.validHours ?? [],
        }),
        h(
          'div',
          { class: 'button-row form-row-end' },
          actionButton(busy ? t('common.busy') : t('invite.submit'), {
            type: 'submit',
            action: 'create-invite',
            key: 'invite-submit',
            className: 'btn-primary',
            disabled: busy,
          }),
        ),
      ),
      active.length === 0
        ? h(
            'p',
            { class: 'field-hint' },
            t('invite.noMembers'),
            ' ',
            h(
              'button',
              { type: 'button', class: 'btn btn-ghost btn-small', onClick: () => ctx.goTo('roster') },
              t('invite.toRoster'),
            ),
          )
        : null,
      rowMessage(state.message),
    );
  }

  async function create() {
    if (busy) return;
    const chosen = values.memberId ?? '';
    // Whom to invite is a choice on this page, not a value the API could judge.
    if (chosen === '') {
      feedback = () => ({ fields: { memberId: [{ label: t('invite.chooseWho') }] }, message: null });
      render();
      focusFirstInvalid(container);
      return;
    }
    busy = true;
    feedback = null;
    render();
    const [kind = '', ...rest] = chosen.split(':');
    const target = kind === COORDINATOR ? { role: COORDINATOR } : { role: kind, memberId: rest.join(':') };
    try {
      created = /** @type {CreatedInvite} */ (
        await ctx.api.post(`${alliancePath()}/invites`, { ...target, validHours: Number(values.validHours) })
      );
      copyState = null;
      values.memberId = '';
      void loader.refresh();
    } catch (error) {
      if (error instanceof UnauthorizedError) return;
      feedback = () => accountFeedback(error, FIELDS);
    } finally {
      busy = false;
    }
    render();
    if (created) {
      focusKey(container, 'invite-url-box');
    } else {
      focusFirstInvalid(container);
    }
  }

  /** @param {CreatedInvite} invite */
  function createdCard(invite) {
    const who = invite.memberName ?? roleLabel(invite.role);
    return h(
      'section',
      {
        class: ['card', 'invite-created'],
        dataset: { testid: 'invite-created', inviteId: invite.id },
        'aria-labelledby': 'invite-created-title',
      },
      h('h3', { class: 'group-title', id: 'invite-created-title' }, t('invite.created', { who })),
      h(
        'p',
        { class: 'card-note' },
        t('invite.createdFor', { role: roleLabel(invite.role), expires: formatDateTime(invite.expiresAt) }),
      ),
      h('p', { class: 'once-note' }, t('invite.onlyOnce')),
      h(
        'div',
        { class: 'invite-share' },
        copyableLink({
          url: invite.url,
          label: t('invite.link'),
          testid: 'invite-url',
          state: copyState,
          onCopied: (state) => {
            copyState = state;
            render();
          },
        }),
        h(
          'figure',
          { class: 'invite-qr' },
          h('img', {
            src: invite.qrPng,
            alt: t('invite.qrAlt', { who }),
            width: '200',
            height: '200',
            dataset: { testid: 'invite-qr' },
          }),
          h('figcaption', { class: 'field-hint' }, t('invite.qrHint')),
          h(
            'a',
            {
              class: 'btn btn-secondary',
              href: invite.qrPng,
              download: `invite-${fileSafe(who)}.png`,
              dataset: { action: 'download-qr' },
            },
            t('invite.download'),
          ),
        ),
      ),
      h(
        'div',
        { class: 'button-row' },
        actionButton(t('invite.another'), {
          action: 'new-invite',
          className: 'btn-ghost',
          onClick: () => {
            created = null;
            copyState = null;
            render();
            focusKey(container, 'invite-memberId');
          },
        }),
      ),
    );
  }

  /** @param {readonly InviteListing[]} invites */
  function inviteTable(invites) {
    return dataTable(
      'invite-list',
      [
        { label: t('invite.col.who') },
        { label: t('invite.col.role') },
        { label: t('invite.col.status') },
        { label: t('invite.col.createdAt') },
        { label: t('invite.col.expiresAt') },
        { label: t('invite.col.usedAt') },
      ],
      invites,
      (invite) =>
        h(
          'tr',
          { dataset: { testid: 'invite-row', inviteId: invite.id, status: invite.status } },
          h(
            'td',
            { class: 'cell-title cell-name' },
            invite.memberName ?? invite.memberId ?? roleLabel(invite.role),
          ),
          h('td', { class: 'nowrap' }, roleLabel(invite.role)),
          h(
            'td',
            null,
            h(
              'span',
              { class: ['badge', `invite-status-${invite.status}`], dataset: { testid: 'invite-status' } },
              inviteStatusLabel(invite.status),
            ),
          ),
          h('td', { class: 'nowrap' }, formatDateTime(invite.createdAt)),
          h('td', { class: 'nowrap' }, formatDateTime(invite.expiresAt)),
          h('td', { class: 'nowrap' }, invite.usedAt ? formatDateTime(invite.usedAt) : t('common.none')),
        ),
    );
  }

  return viewLifecycle({
    loader,
    render,
    setContainer: (element) => {
      container = element;
      if (element && preselected) {
        values.memberId = preselected;
        preselected = null;
        created = null;
      }
    },
  });
}

/** @param {string} name */
function fileSafe(name) {
  return name.replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 60) || 'invite';
}
