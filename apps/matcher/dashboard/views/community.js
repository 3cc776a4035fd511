// @ts-check

import { h, uniqueId } from '../dom.js';
import { actionButton, draftField, fieldErrors, form, rowMessage } from '../forms.js';
import { formatNumber, formatQuantity } from '../format.js';
import { reasonLabel, t, unitSuffix } from '../i18n.js';
import {
  cardHead,
  categoryChip,
  chip,
  createLoader,
  drawListView,
  emptyBlock,
  statusBadge,
  urgencyChip,
  viewLifecycle,
} from './common.js';
import { completionNote, isServing, rejectionNote } from './project-outcomes.js';
import { createRowActions, succeeded } from './row-actions.js';
import { contactsNote, reportsForConfirmation } from './work-report.js';

/** @typedef {import('../api.js').Schemas['MyDemand']} MyDemand */
/** @typedef {NonNullable<MyDemand['project']>} DemandProject */
/** @typedef {import('../forms.js').Feedback} Feedback */

/**
 * 我的需求: a community's demands, what became of them, and confirming finished work.
 * @param {import('./common.js').ViewContext} ctx
 */
export function createDemandsView(ctx) {
  /** @type {HTMLElement | null} */
  let container = null;
  /** @type {Map<string, number>} */
  const ratings = new Map();
  /** @type {Map<string, string>} */
  const drafts = new Map();
  const loader = createLoader(() => /** @type {Promise<MyDemand[]>} */ (ctx.api.get('/me/demands')), render);
  const rows = createRowActions(loader, render);

  function render() {
    if (!container) return;
    const demands = Array.isArray(loader.state.data) ? loader.state.data : undefined;
    const post = h(
      'button',
      { type: 'button', class: 'btn btn-secondary', onClick: () => ctx.goTo('post-demand') },
      t('demands.post'),
    );
    drawListView(container, loader, { title: t('tab.demands'), count: demands?.length, extra: post }, () =>
      !demands || demands.length === 0
        ? emptyBlock(t('demands.empty'))
        : h('div', { class: 'card-list' }, demands.map(demandRow)),
    );
  }

  /** @param {MyDemand} demand */
  function demandRow(demand) {
    const project = demand.project ?? null;
    const key = project?.projectId ?? `demand:${demand.demandItemPk}`;
    const state = rows.feedback(key);
    const units = Array.isArray(project?.units) ? project.units : [];
    // A rejected demand is waiting on nobody: no "unmet" count, no "not matched yet" chip.
    const rejection = project ? null : (demand.rejection ?? null);
    const unmet = rejection ? 0 : project ? Number(project.unmet) || 0 : Number(demand.quantity) || 0;
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
        'aria-busy': rows.isBusy(key) ? 'true' : null,
      },
      cardHead(
        [
          h('h3', { class: 'card-title' }, demand.title),
          project
            ? statusBadge(project.status)
            : rejection
              ? statusBadge('rejected')
              : h(
                  'span',
                  { class: 'badge status-none', dataset: { testid: 'project-status' } },
                  t('demands.noProject'),
                ),
        ],
        [
          categoryChip(demand.category),
          urgencyChip(demand.urgency),
          h('span', null, formatQuantity(demand.quantity, demand.quantityUnit)),
          units.length > 0
            ? h(
                'span',
                { dataset: { testid: 'demand-units' } },
                t(isServing(project?.status) ? 'demands.unitsServing' : 'demands.unitsProposed', {
                  units: units.join('、'),
                }),
              )
            : null,
          unmet > 0
            ? h(
                'span',
                { class: 'is-unmet' },
                t('demands.unmet', { unmet: formatNumber(unmet), unit: unitSuffix(demand.quantityUnit) }),
              )
            : null,
          demand.unmetReason && !rejection
            ? h(
                'span',
                { dataset: { testid: 'unmet-reason' } },
                chip(reasonLabel(demand.unmetReason), `reason-${demand.unmetReason}`),
              )
            : null,
        ],
        rejectionNote(rejection),
        completionNote(project?.completion),
      ),
      project && isServing(project.status) ? contactsNote(project.contacts ?? []) : null,
      project?.status === 'in-progress'
        ? reportsForConfirmation(ctx, project.projectId, project.reports, project.awaitingReports)
        : null,
      project?.status === 'in-progress' && (project.awaitingReports ?? []).length === 0
        ? completeForm(project, key, state)
        : null,
      rowMessage(state.message),
    );
  }

  /**
   * @param {DemandProject} project
   * @param {string} key
   * @param {Feedback} state
   */
  function completeForm(project, key, state) {
    const selected = ratings.get(key);
    const groupId = uniqueId('rating');
    const errors = state.fields?.rating ?? [];
    const errorNodes = fieldErrors(groupId, 'rating', errors);
    return form(
      { class: 'card-actions complete-form' },
      () => complete(project, key),
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
      draftField({
        name: 'note',
        drafts,
        key: `note:${key}`,
        state,
        tag: 'textarea',
        attributes: { rows: '2', placeholder: t('demands.notePlaceholder') },
        label: t('demands.note'),
        optional: true,
        className: 'field-grow',
      }),
      h(
        'div',
        { class: 'button-row form-row-end' },
        actionButton(t('demands.confirmComplete'), {
          type: 'submit',
          action: 'confirm-complete',
          key: `complete:${key}`,
          className: 'btn-primary',
          disabled: rows.isBusy(key),
        }),
      ),
    );
  }

  /**
   * @param {DemandProject} project
   * @param {string} key
   */
  function complete(project, key) {
    const noteKey = `note:${key}`;
    return rows.run(key, ['rating', 'note'], async () => {
      const note = drafts.get(noteKey);
      await ctx.api.post(`/projects/${encodeURIComponent(project.projectId)}/complete`, {
        rating: ratings.get(key),
        note: note === undefined || note === '' ? undefined : note,
      });
      ratings.delete(key);
      drafts.delete(noteKey);
      ctx.notify('success', t('demands.completed'));
      return succeeded(() => t('demands.completed'));
    });
  }

  return viewLifecycle({
    loader,
    render,
    setContainer: (element) => (container = element),
  });
}
