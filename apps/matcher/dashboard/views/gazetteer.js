// @ts-check

import { ApiError, UnauthorizedError, isRecord } from '../api.js';
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
import { has, t } from '../i18n.js';
import { cardHead, chip, createLoader, drawListView, emptyBlock, viewLifecycle } from './common.js';
import { createRowActions, succeeded } from './row-actions.js';

/**
 * 地名库 the alliance gazetteer: the communities, compounds and buildings list rows may name
 * instead of giving coordinates, kept by the coordinators. Every name and alias finds its
 * place, so the server refuses one that another place already answers to (place-exists,
 * with that place beside the error); this screen says which place that is.
 */

/** @typedef {import('../api.js').Schemas} Schemas */
/** @typedef {Schemas['Place']} Place */
/** @typedef {import('../forms.js').Feedback} Feedback */
/** @typedef {import('../forms.js').FeedbackEntry} FeedbackEntry */
/** @typedef {Record<string, string>} Draft what is typed in a place's form, by field */

// The kinds as docs/openapi.yaml states them (Place in types/api.d.ts): 社区, 小区, 楼栋, 其他.
/** @type {readonly Place['kind'][]} */
const PLACE_KINDS = ['community', 'compound', 'building', 'other'];

/** The fields of a place's form, in form order, named as the API names them. */
const FIELDS = /** @type {const} */ (['name', 'kind', 'lat', 'lng', 'address', 'parentId', 'aliases']);

// People separate aliases with commas (half- or full-width), 顿号, semicolons or new lines.
const ALIAS_SEPARATORS = /[,，、;；\n]+/;

/** @param {import('./common.js').ViewContext} ctx */
export function createGazetteerView(ctx) {
  const filters = { kind: '', search: '' };
  /** @type {HTMLElement | null} */
  let container = null;
  const placesPath = () => `/alliances/${encodeURIComponent(ctx.allianceId() ?? '')}/places`;
  const loader = createLoader(() => /** @type {Promise<Place[]>} */ (ctx.api.get(placesPath())), render);
  const rows = createRowActions(loader, render);
  /** @type {Map<string, Draft>} the open edit forms, by placeId */
  const editing = new Map();
  /** @type {Set<string>} the places whose removal waits for a confirmation */
  const confirming = new Set();
  /** @type {Draft | null} the add form, while it is open */
  let adding = null;
  /** @type {FeedbackEntry} */
  let addFeedback = null;
  let addBusy = false;

  const places = () => (Array.isArray(loader.state.data) ? loader.state.data : []);

  function render() {
    if (!container) return;
    if (!ctx.allianceId()) {
      drawListView(container, loader, { title: t('tab.gazetteer') }, () =>
        emptyBlock(t('gazetteer.noAlliance')),
      );
      return;
    }
    const shown = places().filter(matches);
    drawListView(
      container,
      loader,
      {
        title: t('tab.gazetteer'),
        count: loader.state.data === undefined ? undefined : shown.length,
        extra: adding
          ? null
          : actionButton(t('gazetteer.add'), {
              action: 'open-add-place',
              key: 'gazetteer-open-add',
              className: 'btn-primary',
              onClick: () => {
                adding = { kind: filters.kind || 'community' };
                addFeedback = null;
                render();
                focusKey(container, 'gazetteer-add-name');
              },
            }),
        controls: [
          h('p', { class: 'field-hint place-intro' }, t('gazetteer.intro')),
          filterBar(),
          adding ? addForm(adding) : null,
        ],
      },
      () =>
        shown.length === 0
          ? emptyBlock(t(places().length === 0 ? 'gazetteer.empty' : 'gazetteer.noMatch'))
          : groups(shown),
    );
  }

  /** @param {Place} place */
  function matches(place) {
    if (filters.kind && place.kind !== filters.kind) return false;
    const wanted = filters.search.trim().toLowerCase();
    if (!wanted) return true;
    return [place.name, place.address ?? '', ...place.aliases].some((text) =>
      text.toLowerCase().includes(wanted),
    );
  }

  /**
   * The places by kind, each kind under its heading (one kind when the filter picks one).
   * @param {Place[]} shown
   */
  function groups(shown) {
    return h(
      'div',
      { class: 'place-groups', dataset: { testid: 'place-list' } },
      PLACE_KINDS.map((kind) => {
        const ofKind = shown.filter((place) => place.kind === kind);
        if (ofKind.length === 0) return null;
        return h(
          'section',
          { class: 'place-group', dataset: { kind }, 'aria-labelledby': `place-group-${kind}` },
          h(
            'h3',
            { class: 'group-title', id: `place-group-${kind}` },
            `${kindLabel(kind)} · ${t('common.total', { count: ofKind.length })}`,
          ),
          h('div', { class: 'card-list' }, ofKind.map(placeRow)),
        );
      }),
    );
  }

  function filterBar() {
    return h(
      'form',
      {
        class: 'filter-bar',
        role: 'search',
        'aria-label': t('gazetteer.filters'),
        onSubmit: (event) => event.preventDefault(),
      },
      h(
        'label',
        { class: 'filter' },
        h('span', { class: 'filter-label' }, t('gazetteer.field.kind')),
        h(
          'select',
          {
            name: 'kind',
            dataset: { key: 'gazetteer-filter-kind' },
            onChange: (event) => {
              filters.kind = event.currentTarget.value;
              render();
            },
          },
          h('option', { value: '', selected: filters.kind === '' }, t('common.all')),
          PLACE_KINDS.map((kind) =>
            h('option', { value: kind, selected: filters.kind === kind }, kindLabel(kind)),
          ),
        ),
      ),
      h(
        'label',
        { class: 'filter' },
        h('span', { class: 'filter-label' }, t('gazetteer.search')),
        h('input', {
          type: 'search',
          name: 'search',
          value: filters.search,
          placeholder: t('gazetteer.searchPlaceholder'),
          autocomplete: 'off',
          dataset: { key: 'gazetteer-search' },
          onInput: (event) => {
            filters.search = event.currentTarget.value;
            render();
          },
        }),
      ),
    );
  }

  /** @param {Place} place */
  function placeRow(place) {
    const key = place.placeId;
    const state = rows.feedback(key);
    const isBusy = rows.isBusy(key);
    const draft = editing.get(key);
    const parent = place.parentId ? places().find((other) => other.placeId === place.parentId) : undefined;
    return h(
      'article',
      {
        class: ['card', 'place'],
        dataset: { testid: 'place-row', placeId: place.placeId, kind: place.kind },
        'aria-busy': isBusy ? 'true' : null,
        'aria-labelledby': `place-${key}`,
      },
      cardHead(
        [
          h('h3', { class: 'card-title', id: `place-${key}`, dataset: { testid: 'place-name' } }, place.name),
          chip(kindLabel(place.kind)),
        ],
        [
          place.address ? h('span', { dataset: { testid: 'place-address' } }, place.address) : null,
          h(
            'span',
            { class: 'mono', dataset: { testid: 'place-coordinates' } },
            t('gazetteer.coordinates', { lat: place.lat, lng: place.lng }),
          ),
          parent
            ? h('span', { dataset: { testid: 'place-parent' } }, t('gazetteer.inside', { name: parent.name }))
            : null,
        ],
        place.aliases.length > 0
          ? h(
              'div',
              { class: 'place-aliases' },
              h('span', { class: 'filter-label' }, t('gazetteer.field.aliases')),
              place.aliases.map((alias) =>
                h('span', { class: 'chip', dataset: { testid: 'place-alias' } }, alias),
              ),
            )
          : null,
      ),
      draft ? editForm(place, draft, state, isBusy) : actions(place, isBusy),
      rowMessage(state.message),
    );
  }

  /**
   * Edit and remove, or, once remove is pressed, what removing does and the buttons to go on or not.
   * @param {Place} place
   * @param {boolean} isBusy
   */
  function actions(place, isBusy) {
    const key = place.placeId;
    if (!confirming.has(key)) {
      return h(
        'div',
        { class: 'card-actions card-actions-row' },
        actionButton(t('gazetteer.edit'), {
          action: 'edit-place',
          key: `edit:${key}`,
          className: 'btn-secondary',
          disabled: isBusy,
          onClick: () => {
            editing.set(key, valuesOf(place));
            rows.forget(key);
            render();
            focusKey(container, `edit-${key}-name`);
          },
        }),
        actionButton(t('gazetteer.remove'), {
          action: 'remove-place',
          key: `remove:${key}`,
          className: 'btn-ghost',
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
    const inside = places().filter((other) => other.parentId === key).length;
    const questionId = `remove-place-question-${key}`;
    return h(
      'div',
      {
        class: 'card-actions remove-confirm',
        role: 'group',
        'aria-labelledby': questionId,
        dataset: { testid: 'remove-confirm' },
      },
      h(
        'p',
        { class: 'remove-question', id: questionId },
        t('gazetteer.removeQuestion', { name: place.name }),
        inside > 0 ? ` ${t('gazetteer.removeInside', { count: inside })}` : null,
      ),
      actOrCancel({
        label: t('gazetteer.confirmRemove'),
        busy: isBusy,
        action: 'confirm-remove-place',
        key: `confirm-remove:${key}`,
        danger: true,
        onAct: () => void remove(place),
        cancel: {
          action: 'cancel-remove-place',
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

  /** @param {Place} place */
  async function remove(place) {
    const key = place.placeId;
    let removed = false;
    await rows.run(key, [], async () => {
      await ctx.api.delete(placePath(place));
      removed = true;
      confirming.delete(key);
      ctx.notify('success', t('gazetteer.removed', { name: place.name }));
      return null;
    });
    // A removed card is gone: the add button takes the focus rather than nothing.
    if (removed) focusKey(container, 'gazetteer-open-add');
    else focusKey(container, `confirm-remove:${key}`);
  }

  /**
   * @param {Place} place
   * @param {Draft} draft
   * @param {Feedback} state
   * @param {boolean} isBusy
   */
  function editForm(place, draft, state, isBusy) {
    const key = place.placeId;
    return form(
      { class: 'card-actions place-form', dataset: { testid: 'place-edit-form' } },
      () => save(place, draft),
      h('div', { class: 'form-grid' }, placeFields(draft, state, `edit-${key}`, place)),
      actOrCancel({
        label: t('gazetteer.save'),
        busy: isBusy,
        action: 'save-place',
        key: `save:${key}`,
        cancel: {
          action: 'cancel-edit-place',
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
   * Sends the fields that changed; an emptied address or parent is cleared with null.
   * @param {Place} place
   * @param {Draft} draft
   */
  function save(place, draft) {
    const key = place.placeId;
    const before = valuesOf(place);
    /** @type {Record<string, unknown>} */
    const changes = {};
    for (const name of FIELDS) {
      if ((draft[name] ?? '') === (before[name] ?? '')) continue;
      // An emptied coordinate goes as null, so the server says it is needed.
      changes[name] = valueToSend(name, draft[name] ?? '') ?? null;
    }
    return rows.run(key, FIELDS, async () => {
      if (Object.keys(changes).length > 0) {
        try {
          await ctx.api.patch(placePath(place), changes);
        } catch (error) {
          if (error instanceof UnauthorizedError) throw error;
          return () => placeFeedback(error);
        }
      }
      editing.delete(key);
      return succeeded(() => t('gazetteer.saved'));
    });
  }

  /** @param {Draft} draft */
  function addForm(draft) {
    const state = feedbackOf(addFeedback);
    return form(
      {
        class: ['card', 'post-form', 'place-add'],
        dataset: { testid: 'place-add-form' },
        'aria-busy': addBusy ? 'true' : null,
        'aria-labelledby': 'place-add-title',
      },
      () => add(draft),
      h('h3', { class: 'group-title', id: 'place-add-title' }, t('gazetteer.addTitle')),
      h('div', { class: 'form-grid' }, placeFields(draft, state, 'gazetteer-add')),
      rowMessage(state.message),
      actOrCancel({
        label: t('gazetteer.addSubmit'),
        busy: addBusy,
        action: 'add-place',
        key: 'gazetteer-add-submit',
        className: 'form-submit',
        cancel: {
          action: 'cancel-add-place',
          onClick: () => {
            adding = null;
            addFeedback = null;
            render();
            focusKey(container, 'gazetteer-open-add');
          },
        },
      }),
    );
  }

  /** @param {Draft} draft */
  async function add(draft) {
    if (addBusy) return;
    addBusy = true;
    addFeedback = null;
    render();
    /** @type {Record<string, unknown>} */
    const body = {};
    for (const name of FIELDS) {
      const value = valueToSend(name, draft[name] ?? '');
      // Optional fields left empty are left out rather than sent as null.
      if (value !== null) body[name] = value;
    }
    try {
      const place = /** @type {Place} */ (await ctx.api.post(placesPath(), body));
      adding = null;
      ctx.notify('success', t('gazetteer.added', { name: place.name }));
      void loader.refresh();
    } catch (error) {
      if (error instanceof UnauthorizedError) return;
      addFeedback = () => placeFeedback(error);
    } finally {
      addBusy = false;
    }
    render();
    if (adding) focusFirstInvalid(container);
    else focusKey(container, 'gazetteer-open-add');
  }

  /**
   * The fields of a place's form, bound to `draft`. The parent is picked from the other
   * places; a place being edited cannot lie in itself or in a place inside it.
   * @param {Draft} draft
   * @param {Feedback} state
   * @param {string} keyPrefix
   * @param {Place} [self] the place being edited
   */
  function placeFields(draft, state, keyPrefix, self) {
    /**
     * @param {string} name
     * @param {HTMLElement} control
     * @param {{ optional?: boolean, hint?: string, className?: string }} [options]
     */
    const box = (name, control, options = {}) =>
      field({
        name,
        label: t(`gazetteer.field.${name}`),
        control,
        errors: state.fields?.[name] ?? [],
        ...options,
      });
    /**
     * @param {string} name
     * @param {import('../dom.js').Props<'input'>} [attributes]
     */
    const input = (name, attributes = {}) =>
      h('input', {
        type: 'text',
        ...attributes,
        name,
        value: draft[name] ?? '',
        dataset: { key: `${keyPrefix}-${name}` },
        onInput: (event) => {
          draft[name] = event.currentTarget.value;
        },
      });
    /**
     * @param {string} name
     * @param {readonly [value: string, text: string][]} options
     */
    const select = (name, options) =>
      h(
        'select',
        {
          name,
          dataset: { key: `${keyPrefix}-${name}` },
          onChange: (event) => {
            draft[name] = event.currentTarget.value;
          },
        },
        options.map(([value, text]) => h('option', { value, selected: (draft[name] ?? '') === value }, text)),
      );
    const excluded = self ? insideOf(self.placeId) : new Set();
    const parents = places().filter((place) => !excluded.has(place.placeId));
    const coordinate = { type: 'number', step: 'any', inputmode: 'decimal' };
    return [
      box('name', input('name', { required: true, autocomplete: 'off' }), { className: 'span-2' }),
      box(
        'kind',
        select(
          'kind',
          PLACE_KINDS.map((kind) => [kind, kindLabel(kind)]),
        ),
      ),
      box(
        'parentId',
        select('parentId', [
          ['', t('gazetteer.noParent')],
          ...parents.map((place) => /** @type {[string, string]} */ ([place.placeId, place.name])),
        ]),
        { optional: true },
      ),
      box('lat', input('lat', { ...coordinate, placeholder: t('post.field.latPlaceholder') })),
      box('lng', input('lng', { ...coordinate, placeholder: t('post.field.lngPlaceholder') })),
      box('address', input('address', { autocomplete: 'off' }), { optional: true, className: 'span-2' }),
      box('aliases', input('aliases', { autocomplete: 'off' }), {
        optional: true,
        hint: t('gazetteer.field.aliasesHint'),
        className: 'span-2',
      }),
    ];
  }

  /**
   * The place and every place inside it, however deep: none of them can be its parent.
   * @param {string} placeId
   */
  function insideOf(placeId) {
    const inside = new Set([placeId]);
    for (let grown = true; grown;) {
      grown = false;
      for (const place of places()) {
        if (place.parentId && inside.has(place.parentId) && !inside.has(place.placeId)) {
          inside.add(place.placeId);
          grown = true;
        }
      }
    }
    return inside;
  }

  /** @param {Place} place */
  const placePath = (place) => `${placesPath()}/${encodeURIComponent(place.placeId)}`;

  return viewLifecycle({ loader, render, setContainer: (element) => (container = element) });
}

/**
 * A refused add or change as the form shows it: a name another place has says which place;
 * a parent the server refuses says why in the page's words; anything else goes under the
 * field its problems name (aliases[2] under aliases).
 * @param {unknown} error
 * @returns {Feedback}
 */
function placeFeedback(error) {
  if (error instanceof ApiError && error.code === 'place-exists') {
    const clash = isRecord(error.body) && isRecord(error.body.place) ? error.body.place : {};
    const name = error.field === 'aliases' ? 'aliases' : 'name';
    const text =
      typeof clash.name === 'string' ? t('gazetteer.exists', { name: clash.name }) : t('error.place-exists');
    return { fields: { [name]: [{ message: text }] }, message: null };
  }
  if (
    error instanceof ApiError &&
    error.code === 'invalid-request' &&
    error.field === 'parentId' &&
    error.problems.length === 0
  ) {
    return { fields: { parentId: [{ message: t('gazetteer.parentRefused') }] }, message: null };
  }
  return formFeedback(error, FIELDS, (path) => {
    const name = path.replace(/\[\d+\]$/, '');
    return /** @type {readonly string[]} */ (FIELDS).includes(name) ? name : null;
  });
}

/** @param {string} kind */
function kindLabel(kind) {
  return has(`gazetteer.kind.${kind}`) ? t(`gazetteer.kind.${kind}`) : kind;
}

/**
 * A place as its form shows it (text); aliases joined with 顿号.
 * @param {Place} place
 * @returns {Draft}
 */
function valuesOf(place) {
  return {
    name: place.name,
    kind: place.kind,
    lat: String(place.lat),
    lng: String(place.lng),
    address: place.address ?? '',
    parentId: place.parentId ?? '',
    aliases: place.aliases.join('、'),
  };
}

/**
 * What a typed value is sent as: coordinates as numbers (as typed when not one, for the
 * server to say why), aliases as a list, an empty address or parent as null (none).
 * @param {string} name
 * @param {string} typed
 */
function valueToSend(name, typed) {
  switch (name) {
    case 'lat':
    case 'lng':
      return numberOrUndefined(typed.trim());
    case 'aliases':
      return typed
        .split(ALIAS_SEPARATORS)
        .map((alias) => alias.trim())
        .filter(Boolean);
    case 'address':
    case 'parentId':
      return typed.trim() === '' ? null : typed;
    default:
      return typed;
  }
}
