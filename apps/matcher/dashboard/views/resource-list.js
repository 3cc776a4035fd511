// @ts-check

import { UnauthorizedError } from '../api.js';
import { h, randomId, replaceContent } from '../dom.js';
import {
  actionButton,
  boundControls,
  describeError,
  feedbackOf,
  focusFirstInvalid,
  form,
  numberOrUndefined,
  rowMessage,
} from '../forms.js';
import { allianceDay, toOffsetDateTime } from '../format.js';
import { categoryLabel, t, unitName } from '../i18n.js';
import { acceptedText, intakeUrl, itemFieldOf, listAnswerOf, refusalFeedback } from '../intake.js';
import { DEFAULT_CATEGORIES, QUANTITY_UNITS } from '../vocab.js';
import { chip, createLoader, placeholder, viewHeader, viewLifecycle } from './common.js';

/**
 * 资源清单: a unit enters or revises its resource list row by row. The whole list goes to
 * intake as JSON (POST /resource-lists) as the next revision of the stored one, through the
 * same validation as Kafka and workbooks; intake's problems are placed under the row and
 * field their paths name (items[3].quantity is row 4's quantity).
 */

/** @typedef {import('../api.js').Schemas} Schemas */
/** @typedef {Schemas['MyResourceList']} MyResourceList */
/** @typedef {Schemas['ResourceItem']} ResourceItem */
/** @typedef {import('../forms.js').FeedbackEntry} FeedbackEntry */
/** A row as typed, by field name; `key` tells rows apart across renders. @typedef {Record<string, string>} Row */

// A unit's standing list, the one a workbook without a list id goes to as well.
const STANDING_LIST_ID = 'resource-list';

// Where problem paths land on a row, beyond the fields every list item has (intake.js).
/** @type {Readonly<Record<string, string>>} */
const RESOURCE_FIELDS = {
  serviceRadiusKm: 'serviceRadiusKm',
  available: 'from',
  'available.from': 'from',
  'available.to': 'to',
};

// A new row starts where and when the one above it is: a unit mostly offers from one place.
const CARRIED_FIELDS = ['address', 'lat', 'lng', 'serviceRadiusKm', 'from', 'to'];

/**
 * Where a problem's path lands: `${row}.${field}`, `${row}.row` for the row as a whole, or
 * null for the list as a whole.
 * @param {string} path
 */
export function rowFieldOf(path) {
  const place = itemFieldOf(path, RESOURCE_FIELDS);
  if (place) return `${place.index}.${place.field}`;
  const item = /^items\[(\d+)\]/.exec(path);
  return item ? `${item[1]}.row` : null;
}

/** @param {import('./common.js').ViewContext} ctx */
export function createResourceListView(ctx) {
  /** @type {HTMLElement | null} */
  let container = null;
  const loader = createLoader(
    () => /** @type {Promise<MyResourceList[]>} */ (ctx.api.get('/me/resource-lists')),
    () => {
      if (!dirty) startFrom(chosenList());
      render();
    },
  );
  /** @type {Row[]} */
  let rows = [];
  /** The list being edited; the standing list when the unit has none yet. */
  let listId = STANDING_LIST_ID;
  // Once something is typed, a refresh (a live change elsewhere) leaves the rows alone.
  let dirty = false;
  let busy = false;
  /** @type {FeedbackEntry} */
  let feedback = null;

  function chosenList() {
    return (loader.state.data ?? []).find((list) => list.listId === listId) ?? loader.state.data?.[0];
  }

  /** @param {MyResourceList | undefined} list */
  function startFrom(list) {
    listId = list?.listId ?? STANDING_LIST_ID;
    rows = list && list.items.length > 0 ? list.items.map(rowOf) : [emptyRow()];
    dirty = false;
  }

  function render() {
    if (!container) return;
    const list = chosenList();
    const waiting = placeholder(loader, () => void loader.refresh());
    replaceContent(
      container,
      viewHeader({ title: t('tab.resource-list'), loader }),
      waiting ?? listForm(list),
    );
  }

  /** @param {MyResourceList | undefined} list */
  function listForm(list) {
    const state = feedbackOf(feedback);
    const errors = state.fields ?? {};
    const held = new Set(list?.heldItemIds ?? []);
    return form(
      {
        class: ['card', 'post-form', 'resource-form'],
        dataset: { testid: 'resource-list-form' },
        'aria-busy': busy ? 'true' : null,
        // Typing anywhere in the rows (input events bubble up to here).
        onInput: () => {
          dirty = true;
        },
      },
      submit,
      h('p', { class: 'form-intro' }, t('resourceList.intro')),
      h(
        'p',
        {
          class: 'resource-form-status',
          dataset: { testid: 'resource-list-status', revision: list?.revision ?? 0 },
        },
        list
          ? t('resourceList.stored', { revision: list.revision, count: list.items.length })
          : t('resourceList.none'),
      ),
      listPicker(),
      rows.map((row, index) => rowFields(row, index, errors, held.has(row.itemId ?? ''))),
      h(
        'div',
        { class: 'button-row' },
        actionButton(t('resourceList.addRow'), {
          action: 'add-row',
          className: 'btn-secondary',
          onClick: () => {
            const last = rows[rows.length - 1];
            const row = emptyRow();
            for (const name of CARRIED_FIELDS) if (last?.[name]) row[name] = last[name];
            rows.push(row);
            dirty = true;
            render();
          },
        }),
      ),
      rowMessage(state.message),
      h(
        'div',
        { class: 'button-row form-submit' },
        actionButton(busy ? t('common.busy') : t('resourceList.submit'), {
          type: 'submit',
          action: 'save-resource-list',
          className: 'btn-primary btn-large',
          disabled: busy,
        }),
      ),
    );
  }

  // A unit with several lists (sent from its own systems) picks the one to revise.
  function listPicker() {
    const lists = loader.state.data ?? [];
    if (lists.length < 2) return null;
    return h(
      'label',
      { class: 'field' },
      h('span', null, t('resourceList.which')),
      h(
        'select',
        {
          name: 'listId',
          onChange: (event) => {
            listId = event.currentTarget.value;
            feedback = null;
            startFrom(chosenList());
            render();
          },
        },
        lists.map((list) =>
          h(
            'option',
            { value: list.listId, selected: list.listId === listId },
            t('resourceList.option', {
              listId: list.listId,
              revision: list.revision,
              count: list.items.length,
            }),
          ),
        ),
      ),
    );
  }

  /**
   * @param {Row} row
   * @param {number} index
   * @param {Record<string, import('../forms.js').FieldError[]>} errors by `${index}.${field}`
   * @param {boolean} held
   */
  function rowFields(row, index, errors, held) {
    /** @type {Record<string, import('../forms.js').FieldError[]>} */
    const own = {};
    for (const [key, list] of Object.entries(errors)) {
      const [at, name = ''] = key.split(/\.(.*)/);
      if (Number(at) === index) own[name] = list;
    }
    const { input, textarea, select, box } = boundControls({
      values: row,
      errors: own,
      keyPrefix: `rl-${row.key}-`,
      labelOf: (name) => t(`resourceList.field.${name}`),
    });
    const number = { type: 'number', step: 'any', inputmode: 'decimal' };
    return h(
      'fieldset',
      {
        class: ['form-section', 'resource-row', Object.keys(own).length > 0 && 'has-error'],
        dataset: { testid: 'resource-row', row: index + 1 },
      },
      h(
        'legend',
        null,
        t('resourceList.row', { n: index + 1 }),
        held ? chip(t('resourceList.held'), 'chip-attention') : null,
      ),
      h(
        'div',
        { class: 'form-grid' },
        box('title', input('title', { type: 'text', required: true }), { className: 'span-2' }),
        box(
          'category',
          select(
            'category',
            DEFAULT_CATEGORIES.map((code) => [code, categoryLabel(code)]),
            { required: true },
          ),
        ),
        box('quantity', input('quantity', { ...number, inputmode: 'numeric', required: true })),
        box(
          'unit',
          select(
            'unit',
            QUANTITY_UNITS.map((unit) => [unit, unitName(unit)]),
            { required: true },
          ),
        ),
        box('serviceRadiusKm', input('serviceRadiusKm', { ...number, required: true })),
        box('address', input('address', { type: 'text' }), { optional: true, className: 'span-2' }),
        box('lat', input('lat', { ...number, required: true, placeholder: t('post.field.latPlaceholder') })),
        box('lng', input('lng', { ...number, required: true, placeholder: t('post.field.lngPlaceholder') })),
        box('from', input('from', { type: 'date', required: true })),
        box('to', input('to', { type: 'date', required: true })),
        box('description', textarea('description', { rows: '2' }), { optional: true, className: 'span-2' }),
      ),
      rowMessage(own.row ? { kind: 'error', text: t('resourceList.rowProblem'), items: own.row } : null),
      h(
        'div',
        { class: 'button-row' },
        actionButton(t('resourceList.removeRow'), {
          action: 'remove-row',
          className: 'btn-ghost btn-small',
          disabled: rows.length < 2,
          onClick: () => {
            rows.splice(index, 1);
            dirty = true;
            // Problems were placed by row number, which has just changed.
            feedback = null;
            render();
          },
        }),
      ),
    );
  }

  async function submit() {
    const stored = chosenList();
    const list = {
      listId,
      revision: (stored?.listId === listId ? stored.revision : 0) + 1,
      allianceId: ctx.me.allianceId,
      unit: { id: ctx.me.unitId, name: ctx.me.name },
      submittedAt: toOffsetDateTime(new Date()),
      items: rows.map(itemOf),
    };
    busy = true;
    feedback = null;
    render();
    try {
      const { accepted, error } = listAnswerOf(
        await ctx.api.send('POST', intakeUrl(ctx.me, '/resource-lists'), list),
      );
      if (accepted) {
        const text = () => acceptedText('resource', accepted);
        ctx.notify('success', text());
        feedback = () => ({ message: { kind: 'success', text: text() } });
        dirty = false;
        await loader.refresh();
      } else {
        feedback = () => refusalFeedback(error, rowFieldOf, 'resourceList.problems');
      }
    } catch (caught) {
      if (caught instanceof UnauthorizedError) return;
      feedback = () => ({ message: describeError(caught) });
    } finally {
      busy = false;
    }
    render();
    focusFirstInvalid(container);
  }

  return viewLifecycle({
    loader,
    render,
    setContainer: (element) => (container = element),
  });
}

/** @returns {Row} */
function emptyRow() {
  return { key: randomId('row'), itemId: randomId('item') };
}

/**
 * A stored item as the form's row.
 * @param {ResourceItem} item
 * @returns {Row}
 */
function rowOf(item) {
  const text = (/** @type {unknown} */ value) => (value === undefined || value === null ? '' : String(value));
  return {
    key: randomId('row'),
    itemId: item.itemId,
    title: item.title,
    category: item.category,
    quantity: text(item.quantity),
    unit: item.unit,
    serviceRadiusKm: text(item.serviceRadiusKm),
    address: text(item.location?.address),
    lat: text(item.location?.lat),
    lng: text(item.location?.lng),
    from: allianceDay(item.available?.from),
    to: allianceDay(item.available?.to, { last: true }),
    description: text(item.description),
    // Tags have no field here; a revision keeps them.
    tags: JSON.stringify(item.tags ?? []),
  };
}

/**
 * A row as the item intake judges: what is empty stays out, so intake says it is missing.
 * @param {Row} row
 */
function itemOf(row) {
  const optional = (/** @type {string | undefined} */ value) => (value ? value : undefined);
  /** @type {unknown} */
  const tags = JSON.parse(row.tags || '[]');
  return {
    itemId: row.itemId,
    category: optional(row.category),
    title: optional(row.title),
    description: optional(row.description),
    quantity: numberOrUndefined(row.quantity),
    unit: optional(row.unit),
    location: {
      lat: numberOrUndefined(row.lat),
      lng: numberOrUndefined(row.lng),
      address: optional(row.address),
    },
    serviceRadiusKm: numberOrUndefined(row.serviceRadiusKm),
    // Whole days as typed: intake reads them in the alliance's own time zone, the last day included.
    available: { from: row.from, to: row.to },
    tags: Array.isArray(tags) && tags.length > 0 ? tags : undefined,
  };
}
