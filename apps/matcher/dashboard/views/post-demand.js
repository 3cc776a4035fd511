// @ts-check

import { UnauthorizedError } from '../api.js';
import { h, replaceContent } from '../dom.js';
import {
  actionButton,
  boundControls,
  describeError,
  feedbackOf,
  form,
  numberOrUndefined,
  rowMessage,
} from '../forms.js';
import { localInputToOffsetDateTime, toOffsetDateTime } from '../format.js';
import { intakeUrl, itemFieldOf, listAnswerOf, refusalFeedback } from '../intake.js';
import { categoryLabel, t, unitName, urgencyLabel } from '../i18n.js';
import { DEFAULT_CATEGORIES, QUANTITY_UNITS, URGENCIES } from '../vocab.js';
import { viewLifecycle } from './common.js';
import { createPlacePicker } from './place-picker.js';

/**
 * 发布需求: a community posts one demand as a one-item demand list to intake, the same
 * endpoint and validation that spreadsheets and Kafka producers go through. The form checks
 * nothing itself: intake's answer is put under the fields it names.
 */

/** @typedef {import('../forms.js').FeedbackEntry} FeedbackEntry */

// Where intake's problem paths (items[0].window.from) land on this form, beyond the fields
// every list item has (intake.js).
/** @type {Readonly<Record<string, string>>} */
const DEMAND_FIELDS = {
  urgency: 'urgency',
  beneficiaries: 'beneficiaries',
  window: 'windowFrom',
  'window.from': 'windowFrom',
  'window.to': 'windowTo',
  // Coordinates are picked, not typed: a problem with them belongs to the place picker.
  location: 'place',
  'location.lat': 'place',
  'location.lng': 'place',
};

/**
 * @param {string} path
 * @returns {string | null}
 */
export function fieldOfProblemPath(path) {
  const place = itemFieldOf(path, DEMAND_FIELDS);
  return place && place.index === 0 ? place.field : null;
}

// Kept for the next demand: a community usually posts from the same place.
const STICKY_FIELDS = ['address', 'lat', 'lng'];

/** @param {import('./common.js').ViewContext} ctx */
export function createPostDemandView(ctx) {
  /** @type {HTMLElement | null} */
  let container = null;
  /** @type {Record<string, string>} what is typed, by field name */
  const values = { urgency: 'routine' };
  /** @type {FeedbackEntry} */
  let feedback = null;
  let stored = false;
  let busy = false;
  const picker = createPlacePicker(ctx, {
    onPick: (place) => {
      values.lat = place ? String(place.lat) : '';
      values.lng = place ? String(place.lng) : '';
      // Picking a place writes its address into the field; the person may still add to it.
      if (place) values.address = place.address;
    },
    onChange: () => render(),
  });

  /**
   * The coordinates the demand goes with, for whoever wants to check them: read-only, since
   * the place picker sets them.
   * @param {Pick<ReturnType<typeof boundControls>, 'input' | 'box'>} controls
   */
  function coordinatesFold({ input, box }) {
    return h(
      'details',
      { class: ['span-2', 'coordinates-fold'], dataset: { testid: 'coordinates' } },
      h('summary', null, t('post.place.coordinates')),
      h(
        'div',
        { class: 'form-grid' },
        box('lat', input('lat', { type: 'text', readonly: true })),
        box('lng', input('lng', { type: 'text', readonly: true })),
      ),
    );
  }

  function render() {
    if (!container) return;
    const state = feedbackOf(feedback);
    const { input, textarea, select, box } = boundControls({
      values,
      errors: state.fields ?? {},
      keyPrefix: 'post-',
      labelOf: (name) => t(`post.field.${name}`),
    });

    replaceContent(
      container,
      h('div', { class: 'view-header' }, h('div', { class: 'view-title' }, h('h2', null, t('post.title')))),
      // `required` marks the fields for people and screen readers; form() is novalidate, which
      // leaves the judging to intake, so a missing field gets the API's own message like any other.
      form(
        {
          class: ['card', 'post-form'],
          dataset: { testid: 'post-demand-form' },
          'aria-busy': busy ? 'true' : null,
        },
        submit,
        h('p', { class: 'form-intro' }, t('post.intro')),
        h(
          'fieldset',
          { class: 'form-section' },
          h('legend', null, t('post.section.what')),
          h(
            'div',
            { class: 'form-grid' },
            box(
              'title',
              input('title', { type: 'text', required: true, placeholder: t('post.field.titlePlaceholder') }),
              { className: 'span-2' },
            ),
            box(
              'category',
              select(
                'category',
                DEFAULT_CATEGORIES.map((code) => [code, categoryLabel(code)]),
                { required: true },
              ),
            ),
            box(
              'urgency',
              select(
                'urgency',
                URGENCIES.map((urgency) => [urgency, urgencyLabel(urgency)]),
                { required: true },
              ),
            ),
            // step="any": whole numbers are the server's rule to state, not the browser's.
            box(
              'quantity',
              input('quantity', { type: 'number', step: 'any', inputmode: 'numeric', required: true }),
            ),
            box(
              'unit',
              select(
                'unit',
                QUANTITY_UNITS.map((unit) => [unit, unitName(unit)]),
                { required: true },
              ),
            ),
            box(
              'beneficiaries',
              input('beneficiaries', { type: 'number', step: 'any', inputmode: 'numeric' }),
              {
                optional: true,
              },
            ),
            box('description', textarea('description', { rows: '2' }), {
              optional: true,
              className: 'span-2',
            }),
          ),
        ),
        h(
          'fieldset',
          { class: 'form-section' },
          h('legend', null, t('post.section.where')),
          h(
            'div',
            { class: 'form-grid' },
            picker.render(state.fields?.place ?? []),
            box(
              'address',
              input('address', { type: 'text', placeholder: t('post.field.addressPlaceholder') }),
              { optional: true, className: 'span-2' },
            ),
            coordinatesFold({ input, box }),
          ),
        ),
        h(
          'fieldset',
          { class: 'form-section' },
          h('legend', null, t('post.section.when')),
          h(
            'div',
            { class: 'form-grid' },
            box('windowFrom', input('windowFrom', { type: 'datetime-local', required: true })),
            box('windowTo', input('windowTo', { type: 'datetime-local', required: true })),
          ),
        ),
        rowMessage(state.message),
        h(
          'div',
          { class: 'button-row form-submit' },
          actionButton(busy ? t('common.busy') : t('post.submit'), {
            type: 'submit',
            action: 'post-demand',
            key: 'post-submit',
            className: 'btn-primary btn-large',
            disabled: busy,
          }),
          stored
            ? h(
                'button',
                { type: 'button', class: 'btn btn-ghost', onClick: () => ctx.goTo('demands') },
                t('post.viewDemands'),
              )
            : null,
        ),
      ),
    );
  }

  function demandList() {
    const now = new Date();
    const location = {
      lat: numberOrUndefined(values.lat),
      lng: numberOrUndefined(values.lng),
      address: values.address ? values.address : undefined,
    };
    return {
      listId: `web-${now.getTime()}`,
      revision: 1,
      allianceId: ctx.me.allianceId,
      submitter: { kind: 'community', id: ctx.me.communityId, name: ctx.me.name },
      submittedAt: toOffsetDateTime(now),
      items: [
        {
          itemId: `web-${now.getTime().toString(36)}`,
          category: values.category || undefined,
          title: values.title || undefined,
          description: values.description ? values.description : undefined,
          quantity: numberOrUndefined(values.quantity),
          unit: values.unit || undefined,
          location,
          window: {
            from: localInputToOffsetDateTime(values.windowFrom),
            to: localInputToOffsetDateTime(values.windowTo),
          },
          urgency: values.urgency || undefined,
          beneficiaries: numberOrUndefined(values.beneficiaries),
        },
      ],
    };
  }

  async function submit() {
    busy = true;
    feedback = null;
    stored = false;
    render();
    const list = demandList();
    try {
      const answer = await ctx.api.send('POST', intakeUrl(ctx.me, '/demand-lists'), list);
      ({ stored, feedback } = outcome(answer));
      if (stored) {
        for (const name of Object.keys(values)) if (!STICKY_FIELDS.includes(name)) delete values[name];
        values.urgency = 'routine';
      }
    } catch (error) {
      if (error instanceof UnauthorizedError) return;
      feedback = () => ({ message: describeError(error) });
    } finally {
      busy = false;
    }
    render();
    if (!stored) focusFirstError();
  }

  /**
   * Reads intake's answer: whether the list was stored, and the feedback (see feedbackOf).
   * @param {import('../api.js').Answer} answer
   * @returns {{ stored: boolean, feedback: FeedbackEntry }}
   */
  function outcome(answer) {
    const { accepted, error } = listAnswerOf(answer);
    if (accepted) {
      const text = () => (accepted.outcome === 'unchanged' ? t('post.unchanged') : t('post.stored'));
      ctx.notify('success', text());
      return { stored: true, feedback: () => ({ message: { kind: 'success', text: text() } }) };
    }
    // A refused list: intake's problems, placed next to the fields they name.
    return { stored: false, feedback: () => refusalFeedback(error, fieldOfProblemPath, 'post.problems') };
  }

  function focusFirstError() {
    const invalid = container?.querySelector('[aria-invalid="true"]');
    if (invalid instanceof HTMLElement) invalid.focus();
  }

  return viewLifecycle({
    render,
    setContainer: (element) => (container = element),
    // The gazetteer, for the place picker; the rest of the form is the person's own.
    refresh: () => picker.refresh(),
  });
}
