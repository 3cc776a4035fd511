// @ts-check

import { UnauthorizedError } from '../api.js';
import { focusKey, h } from '../dom.js';
import {
  actionButton,
  actOrCancel,
  feedbackOf,
  field,
  focusFirstInvalid,
  form,
  formFeedback,
  numberOrUndefined,
  rowMessage,
} from '../forms.js';
import { memberKindLabel, memberStatusLabel, t, unitKindLabel } from '../i18n.js';
import { cardHead, chip, createLoader, drawListView, emptyBlock, viewLifecycle } from './common.js';
import { inviteMember } from './invites.js';
import { createRowActions, succeeded } from './row-actions.js';

/**
 * 成员名册: the alliance's member units and communities, kept by its coordinators. Only
 * active members' lists are matched: a member that registered by sending a list waits as
 * pending until it is admitted (or refused) here. Representatives are invited from here.
 */

/** @typedef {import('../api.js').Schemas} Schemas */
/** @typedef {Schemas['Member']} Member */
/** @typedef {import('../forms.js').Feedback} Feedback */
/** @typedef {import('../forms.js').FeedbackEntry} FeedbackEntry */
/** @typedef {{ kind: string, status: string }} Filters */

// The roster's vocabularies as docs/openapi.yaml states them (Member in types/api.d.ts).
/** @type {readonly Member['kind'][]} */
const MEMBER_KINDS = ['unit', 'community'];
/** @type {readonly Member['status'][]} */
const MEMBER_STATUSES = ['active', 'pending', 'refused', 'withdrawn'];
/** @type {readonly NonNullable<Member['unitKind']>[]} */
const UNIT_KINDS = [
  'university',
  'research-institute',
  'hospital',
  'company',
  'school',
  'government',
  'other',
];

/** The fields a coordinator types, in form order; kind and memberId only when adding. */
const DETAIL_FIELDS = /** @type {const} */ ([
  'name',
  'unitKind',
  'address',
  'lat',
  'lng',
  'contactName',
  'contactPhone',
  'status',
]);
const ADD_FIELDS = ['kind', 'memberId', ...DETAIL_FIELDS];
const NUMBER_FIELDS = new Set(['lat', 'lng']);

/** @param {import('./common.js').ViewContext} ctx */
export function createRosterView(ctx) {
  /** @type {Filters} */
  const filters = { kind: '', status: '' };
  /** @type {HTMLElement | null} */
  let container = null;
  const membersPath = () => `/alliances/${encodeURIComponent(ctx.allianceId() ?? '')}/members`;
  const loader = createLoader(
    () =>
      /** @type {Promise<Member[]>} */ (
        ctx.api.get(membersPath(), filters.kind ? { kind: filters.kind } : {})
      ),
    render,
  );
  const rows = createRowActions(loader, render);
  /**
   * What is typed in each open edit form, by member key.
   * @type {Map<string, Record<string, string>>}
   */
  const editing = new Map();
  /**
   * The add form, while it is open.
   * @type {Record<string, string> | null}
   */
  let adding = null;
  /** @type {FeedbackEntry} */
  let addFeedback = null;
  let addBusy = false;

  function render() {
    if (!container) return;
    if (!ctx.allianceId()) {
      drawListView(container, loader, { title: t('tab.roster') }, () => emptyBlock(t('roster.noAlliance')));
      return;
    }
    const members = Array.isArray(loader.state.data) ? loader.state.data : undefined;
    const shown = members?.filter((member) => !filters.status || member.status === filters.status);
    const pending = members?.filter((member) => member.status === 'pending').length ?? 0;
    drawListView(
      container,
      loader,
      {
        title: t('tab.roster'),
        count: shown?.length,
        extra: [
          pending > 0 ? chip(t('roster.pendingCount', { count: pending }), 'chip-attention') : null,
          adding
            ? null
            : actionButton(t('roster.add'), {
                action: 'open-add-member',
                key: 'roster-open-add',
                className: 'btn-primary',
                onClick: () => {
                  adding = { kind: filters.kind || 'unit', status: 'active' };
                  addFeedback = null;
                  render();
                  focusKey(container, 'roster-add-kind');
                },
              }),
        ],
        controls: [filterBar(), adding ? addForm(adding) : null],
      },
      () =>
        !shown || shown.length === 0
          ? emptyBlock(t('roster.empty'))
          : h('div', { class: 'card-list', dataset: { testid: 'roster-list' } }, shown.map(memberRow)),
    );
  }

  function filterBar() {
    /**
     * @param {keyof Filters} name
     * @param {string} label
     * @param {readonly [value: string, text: string][]} options
     * @param {boolean} reload the server filters this one
     */
    const select = (name, label, options, reload) =>
      h(
        'label',
        { class: 'filter' },
        h('span', { class: 'filter-label' }, label),
        h(
          'select',
          {
            name,
            dataset: { key: `roster-filter-${name}` },
            onChange: (event) => {
              filters[name] = event.currentTarget.value;
              if (reload) void loader.refresh();
              else render();
            },
          },
          h('option', { value: '', selected: filters[name] === '' }, t('common.all')),
          options.map(([value, text]) => h('option', { value, selected: filters[name] === value }, text)),
        ),
      );
    return h(
      'form',
      {
        class: 'filter-bar',
        role: 'search',
        'aria-label': t('review.filters'),
        onSubmit: (event) => event.preventDefault(),
      },
      select(
        'kind',
        t('roster.field.kind'),
        MEMBER_KINDS.map((kind) => [kind, memberKindLabel(kind)]),
        true,
      ),
      select(
        'status',
        t('roster.field.status'),
        MEMBER_STATUSES.map((status) => [status, memberStatusLabel(status)]),
        false,
      ),
    );
  }

  /** @param {Member} member */
  function memberRow(member) {
    const key = keyOf(member);
    const state = rows.feedback(key);
    const isBusy = rows.isBusy(key);
    const draft = editing.get(key);
    return h(
      'article',
      {
        class: ['card', 'member', `member-${member.status}`],
        dataset: {
          testid: 'member-row',
          kind: member.kind,
          memberId: member.memberId,
          status: member.status,
        },
        'aria-busy': isBusy ? 'true' : null,
        'aria-labelledby': `member-${key}`,
      },
      cardHead(
        [
          h('h3', { class: 'card-title', id: `member-${key}` }, member.name),
          h(
            'span',
            { class: ['badge', `member-status-${member.status}`], dataset: { testid: 'member-status' } },
            memberStatusLabel(member.status),
          ),
        ],
        [
          chip(memberKindLabel(member.kind)),
          member.unitKind ? chip(unitKindLabel(member.unitKind)) : null,
          h('span', { class: 'mono' }, member.memberId),
          member.contactName || member.contactPhone
            ? h(
                'span',
                null,
                `${t('roster.contact')} `,
                [member.contactName, member.contactPhone].filter(Boolean).join(' · '),
              )
            : null,
          member.address ? h('span', null, member.address) : null,
        ],
      ),
      draft
        ? editForm(member, draft, state, isBusy)
        : h(
            'div',
            { class: 'card-actions card-actions-row' },
            member.status === 'pending'
              ? [
                  actionButton(t('roster.admit'), {
                    action: 'admit',
                    key: `admit:${key}`,
                    className: 'btn-primary',
                    disabled: isBusy,
                    onClick: () => void setStatus(member, 'active'),
                  }),
                  actionButton(t('roster.refuse'), {
                    action: 'refuse',
                    key: `refuse:${key}`,
                    className: 'btn-secondary',
                    disabled: isBusy,
                    onClick: () => void setStatus(member, 'refused'),
                  }),
                ]
              : null,
            member.status === 'active'
              ? actionButton(t('roster.invite'), {
                  action: 'invite-member',
                  key: `invite:${key}`,
                  className: 'btn-secondary',
                  onClick: () => {
                    inviteMember(member.kind, member.memberId);
                    ctx.goTo('invites');
                  },
                })
              : null,
            actionButton(t('roster.edit'), {
              action: 'edit-member',
              key: `edit:${key}`,
              className: 'btn-ghost',
              disabled: isBusy,
              onClick: () => {
                editing.set(key, valuesOf(member));
                rows.forget(key);
                render();
                focusKey(container, `edit-${key}-name`);
              },
            }),
          ),
      rowMessage(state.message),
    );
  }

  /**
   * @param {Member} member
   * @param {Member['status']} status
   */
  function setStatus(member, status) {
    return rows.run(keyOf(member), [], async () => {
      await ctx.api.patch(memberPath(member), { status });
      const text = () => t(status === 'active' ? 'roster.admitted' : 'roster.refused', { name: member.name });
      ctx.notify('success', text());
      return succeeded(text);
    });
  }

  /**
   * @param {Member} member
   * @param {Record<string, string>} draft
   * @param {Feedback} state
   * @param {boolean} isBusy
   */
  function editForm(member, draft, state, isBusy) {
    const key = keyOf(member);
    return form(
      { class: 'card-actions member-form', dataset: { testid: 'member-edit-form' } },
      () => save(member, draft),
      h(
        'div',
        { class: 'form-grid' },
        detailFields(member.kind, draft, state, `edit-${key}`, MEMBER_STATUSES),
      ),
      actOrCancel({
        label: t('roster.save'),
        busy: isBusy,
        action: 'save-member',
        key: `save:${key}`,
        cancel: {
          action: 'cancel-edit',
          key: `cancel:${key}`,
          onClick: () => {
            editing.delete(key);
            rows.forget(key);
            render();
            focusKey(container, `edit:${key}`);
          },
        },
      }),
    );
  }

  /**
   * Sends the fields that changed (an emptied optional field is cleared with null).
   * @param {Member} member
   * @param {Record<string, string>} draft
   */
  function save(member, draft) {
    const key = keyOf(member);
    const before = valuesOf(member);
    /** @type {Record<string, unknown>} */
    const changes = {};
    for (const name of DETAIL_FIELDS) {
      if ((draft[name] ?? '') === (before[name] ?? '')) continue;
      changes[name] = valueToSend(name, draft[name] ?? '');
    }
    return rows.run(key, [...DETAIL_FIELDS], async () => {
      if (Object.keys(changes).length > 0) {
        try {
          await ctx.api.patch(memberPath(member), changes);
        } catch (error) {
          if (error instanceof UnauthorizedError) throw error;
          return () => formFeedback(error, DETAIL_FIELDS);
        }
      }
      editing.delete(key);
      return succeeded(() => t('roster.saved'));
    });
  }

  /** @param {Record<string, string>} draft */
  function addForm(draft) {
    const state = feedbackOf(addFeedback);
    const kindSelect = h(
      'select',
      {
        name: 'kind',
        dataset: { key: 'roster-add-kind' },
        onChange: (event) => {
          draft.kind = event.currentTarget.value;
          render();
        },
      },
      MEMBER_KINDS.map((kind) =>
        h('option', { value: kind, selected: draft.kind === kind }, memberKindLabel(kind)),
      ),
    );
    return form(
      {
        class: ['card', 'post-form', 'member-add'],
        dataset: { testid: 'member-add-form' },
        'aria-busy': addBusy ? 'true' : null,
        'aria-labelledby': 'member-add-title',
      },
      () => add(draft),
      h('h3', { class: 'group-title', id: 'member-add-title' }, t('roster.addTitle')),
      h(
        'div',
        { class: 'form-grid' },
        field({
          name: 'kind',
          label: t('roster.field.kind'),
          control: kindSelect,
          errors: state.fields?.kind ?? [],
        }),
        textField(
          'memberId',
          draft,
          state,
          'roster-add',
          { required: true, autocapitalize: 'off', spellcheck: 'false' },
          t('roster.field.memberIdHint'),
        ),
        detailFields(draft.kind === 'community' ? 'community' : 'unit', draft, state, 'roster-add', [
          'active',
          'pending',
        ]),
      ),
      rowMessage(state.message),
      actOrCancel({
        label: t('roster.addSubmit'),
        busy: addBusy,
        action: 'add-member',
        key: 'roster-add-submit',
        className: 'form-submit',
        cancel: {
          action: 'cancel-add',
          onClick: () => {
            adding = null;
            addFeedback = null;
            render();
            focusKey(container, 'roster-open-add');
          },
        },
      }),
    );
  }

  /** @param {Record<string, string>} draft */
  async function add(draft) {
    if (addBusy) return;
    addBusy = true;
    addFeedback = null;
    render();
    /** @type {Record<string, unknown>} */
    const body = { kind: draft.kind, memberId: draft.memberId ?? '', name: draft.name ?? '' };
    for (const name of DETAIL_FIELDS) {
      if (name === 'name' || !draft[name]) continue;
      if (name === 'unitKind' && draft.kind !== 'unit') continue;
      body[name] = valueToSend(name, draft[name] ?? '');
    }
    try {
      const member = /** @type {Member} */ (await ctx.api.post(membersPath(), body));
      adding = null;
      ctx.notify('success', t('roster.added', { name: member.name }));
      void loader.refresh();
    } catch (error) {
      if (error instanceof UnauthorizedError) return;
      addFeedback = () => formFeedback(error, ADD_FIELDS);
    } finally {
      addBusy = false;
    }
    render();
    if (adding) focusFirstInvalid(container);
    else focusKey(container, 'roster-open-add');
  }

  /** @param {Member} member */
  const memberPath = (member) =>
    `${membersPath()}/${encodeURIComponent(member.kind)}/${encodeURIComponent(member.memberId)}`;

  return viewLifecycle({ loader, render, setContainer: (element) => (container = element) });
}

/**
 * The detail fields of a member, as typed in `draft`.
 * @param {string} kind
 * @param {Record<string, string>} draft
 * @param {Feedback} state
 * @param {string} keyPrefix
 * @param {readonly string[]} statuses the statuses the form offers
 */
function detailFields(kind, draft, state, keyPrefix, statuses) {
  const unitKind = h(
    'select',
    {
      name: 'unitKind',
      dataset: { key: `${keyPrefix}-unitKind` },
      onChange: (event) => {
        draft.unitKind = event.currentTarget.value;
      },
    },
    h('option', { value: '', selected: !draft.unitKind }, t('common.none')),
    UNIT_KINDS.map((value) =>
      h('option', { value, selected: draft.unitKind === value }, unitKindLabel(value)),
    ),
  );
  const status = h(
    'select',
    {
      name: 'status',
      dataset: { key: `${keyPrefix}-status` },
      onChange: (event) => {
        draft.status = event.currentTarget.value;
      },
    },
    statuses.map((value) =>
      h('option', { value, selected: draft.status === value }, memberStatusLabel(value)),
    ),
  );
  return [
    textField('name', draft, state, keyPrefix, { required: true }),
    kind === 'unit'
      ? field({
          name: 'unitKind',
          label: t('roster.field.unitKind'),
          control: unitKind,
          errors: state.fields?.unitKind ?? [],
          optional: true,
        })
      : null,
    field({
      name: 'status',
      label: t('roster.field.status'),
      control: status,
      errors: state.fields?.status ?? [],
    }),
    textField('contactName', draft, state, keyPrefix, { autocomplete: 'off' }, undefined, true),
    textField(
      'contactPhone',
      draft,
      state,
      keyPrefix,
      { type: 'tel', inputmode: 'tel', autocomplete: 'off' },
      undefined,
      true,
    ),
    textField('address', draft, state, keyPrefix, {}, undefined, true, 'span-2'),
    textField(
      'lat',
      draft,
      state,
      keyPrefix,
      { type: 'number', step: 'any', placeholder: t('post.field.latPlaceholder') },
      undefined,
      true,
    ),
    textField(
      'lng',
      draft,
      state,
      keyPrefix,
      { type: 'number', step: 'any', placeholder: t('post.field.lngPlaceholder') },
      undefined,
      true,
    ),
  ];
}

/**
 * @param {string} name
 * @param {Record<string, string>} draft
 * @param {Feedback} state
 * @param {string} keyPrefix
 * @param {import('../dom.js').Props<'input'>} attributes
 * @param {string} [hint]
 * @param {boolean} [optional]
 * @param {string} [className]
 */
function textField(name, draft, state, keyPrefix, attributes, hint, optional = false, className) {
  const control = h('input', {
    type: 'text',
    ...attributes,
    name,
    value: draft[name] ?? '',
    dataset: { key: `${keyPrefix}-${name}` },
    onInput: (event) => {
      draft[name] = event.currentTarget.value;
    },
  });
  return field({
    name,
    label: t(`roster.field.${name}`),
    control,
    errors: state.fields?.[name] ?? [],
    hint,
    optional,
    className,
  });
}

/** @param {Member} member */
function keyOf(member) {
  return `${member.kind}:${member.memberId}`;
}

/**
 * A member's details as the form shows them (text).
 * @param {Member} member
 * @returns {Record<string, string>}
 */
function valuesOf(member) {
  /** @type {Record<string, string>} */
  const values = {};
  for (const name of DETAIL_FIELDS) {
    const value = member[name];
    values[name] = value === null || value === undefined ? '' : String(value);
  }
  return values;
}

/**
 * What a typed value is sent as: an empty optional field as null (clearing it), coordinates
 * as numbers, anything else as typed for the server to judge.
 * @param {string} name
 * @param {string} typed
 */
function valueToSend(name, typed) {
  if (name === 'name' || name === 'status') return typed;
  if (typed.trim() === '') return null;
  return NUMBER_FIELDS.has(name) ? numberOrUndefined(typed) : typed;
}
