import { UnauthorizedError } from '../api.js';
import { h, replaceContent, uniqueId } from '../dom.js';
import { feedbackOf, field, placeApiError, rowMessage } from '../forms.js';
import { formatNumber, formatQuantity } from '../format.js';
import { categoryLabel, reasonLabel, t, unitSuffix, urgencyLabel } from '../i18n.js';
import {
  chip,
  createLoader,
  emptyBlock,
  lifecycle,
  placeholder,
  staleNote,
  statusBadge,
  viewHeader,
} from './common.js';

/** 我的需求: a community's demands, what became of them, and confirming finished work. */
export function createDemandsView(ctx) {
  let container = null;
  const ratings = new Map();
  const notes = new Map();
  const feedback = new Map();
  const busy = new Set();
  const loader = createLoader(() => ctx.api.get('/me/demands'), render);

  function render() {
    if (!container) return;
    const demands = Array.isArray(loader.state.data) ? loader.state.data : undefined;
    replaceContent(
      container,
      viewHeader({
        title: t('tab.demands'),
        count: demands?.length,
        loader,
        extra: h(
          'button',
          { type: 'button', class: 'btn btn-secondary', onClick: () => ctx.goTo('post-demand') },
          t('demands.post'),
        ),
      }),
      staleNote(loader),
      placeholder(loader, () => void loader.refresh()) ??
        (demands.length === 0
          ? emptyBlock(t('demands.empty'))
          : h('div', { class: 'card-list' }, demands.map(demandRow))),
    );
  }

  function demandRow(demand) {
    const project = demand.project ?? null;
    const key = project?.projectId ?? `demand:${demand.demandItemPk}`;
    const state = feedbackOf(feedback.get(key));
    const units = Array.isArray(project?.units) ? project.units : [];
    const unmet = project ? Number(project.unmet) || 0 : Number(demand.quantity) || 0;
    return h(
      'article',
      {
        class: ['card', 'demand', `urgency-${demand.urgency}`],
        dataset: {
          testid: 'demand-row',
          demandItemPk: demand.demandItemPk,
          itemId: demand.itemId,
          projectId: project?.projectId,
          status: project?.status,
        },
        'aria-busy': busy.has(key) ? 'true' : null,
      },
      h(
        'header',
        { class: 'card-head' },
        h(
          'div',
          { class: 'card-title-line' },
          h('h3', { class: 'card-title' }, demand.title),
          project
            ? statusBadge(project.status)
            : h(
                'span',
                { class: 'badge status-none', dataset: { testid: 'project-status' } },
                t('demands.noProject'),
              ),
        ),
        h(
          'div',
          { class: 'card-meta' },
          chip(categoryLabel(demand.category), 'chip-category'),
          chip(urgencyLabel(demand.urgency), `chip-urgency urgency-${demand.urgency}`),
          h('span', null, formatQuantity(demand.quantity, demand.quantityUnit)),
          units.length > 0 ? h('span', null, t('demands.units', { units: units.join('、') })) : null,
          unmet > 0
            ? h(
                'span',
                { class: 'is-unmet' },
                t('demands.unmet', { unmet: formatNumber(unmet), unit: unitSuffix(demand.quantityUnit) }),
              )
            : null,
          demand.unmetReason
            ? h(
                'span',
                { dataset: { testid: 'unmet-reason' } },
                chip(reasonLabel(demand.unmetReason), `reason-${demand.unmetReason}`),
              )
            : null,
        ),
      ),
      project?.status === 'in-progress' ? completeForm(project, key, state) : null,
      rowMessage(state.message),
    );
  }

  function completeForm(project, key, state) {
    const selected = ratings.get(key);
    const groupId = uniqueId('rating');
    const errors = state.fields?.rating ?? [];
    const errorNodes = errors.map((error, index) =>
      h(
        'p',
        { class: 'field-error', id: `${groupId}-error-${index}`, dataset: { field: 'rating' } },
        error.label ? h('strong', null, error.label) : null,
        error.label && error.message ? ' ' : null,
        error.message ? h('span', { class: 'field-error-detail' }, error.message) : null,
      ),
    );
    return h(
      'form',
      {
        class: 'card-actions complete-form',
        novalidate: true,
        onSubmit: (event) => {
          event.preventDefault();
          void complete(project, key);
        },
      },
      h(
        'fieldset',
        {
          class: ['field', 'rating', errors.length > 0 && 'has-error'],
          dataset: { field: 'rating' },
          'aria-describedby': errorNodes.map((node) => node.id).join(' ') || null,
          'aria-invalid': errors.length > 0 ? 'true' : null,
        },
        h('legend', null, t('demands.rating')),
        h(
          'div',
          { class: 'stars' },
          [1, 2, 3, 4, 5].map((n) =>
            h(
              'label',
              { class: ['star', selected !== undefined && n <= selected && 'is-on'] },
              h('input', {
                type: 'radio',
                name: 'rating',
                value: String(n),
                checked: selected === n,
                'aria-label': t('demands.ratingStar', { n }),
                dataset: { key: `rating:${key}:${n}` },
                onChange: () => {
                  ratings.set(key, n);
                  render();
                },
              }),
              h('span', { 'aria-hidden': 'true' }, '★'),
            ),
          ),
        ),
        errorNodes,
      ),
      field({
        name: 'note',
        label: t('demands.note'),
        optional: true,
        control: h('textarea', {
          name: 'note',
          rows: '2',
          placeholder: t('demands.notePlaceholder'),
          value: notes.get(key) ?? '',
          dataset: { key: `note:${key}` },
          onInput: (event) => notes.set(key, event.target.value),
        }),
        errors: state.fields?.note ?? [],
        className: 'field-grow',
      }),
      h(
        'div',
        { class: 'button-row form-row-end' },
        h(
          'button',
          {
            type: 'submit',
            class: 'btn btn-primary',
            dataset: { action: 'confirm-complete', key: `complete:${key}` },
            disabled: busy.has(key),
          },
          t('demands.confirmComplete'),
        ),
      ),
    );
  }

  async function complete(project, key) {
    busy.add(key);
    feedback.delete(key);
    render();
    try {
      const note = notes.get(key);
      await ctx.api.post(`/projects/${encodeURIComponent(project.projectId)}/complete`, {
        rating: ratings.get(key),
        note: note === undefined || note === '' ? undefined : note,
      });
      ratings.delete(key);
      notes.delete(key);
      ctx.notify('success', t('demands.completed'));
      feedback.set(key, () => ({ message: { kind: 'success', text: t('demands.completed') } }));
    } catch (error) {
      if (error instanceof UnauthorizedError) return;
      feedback.set(key, () => placeApiError(error, ['rating', 'note']));
    } finally {
      busy.delete(key);
    }
    render();
    await loader.refresh();
  }

  return lifecycle(loader, (element) => {
    container = element;
    if (element) render();
  });
}
