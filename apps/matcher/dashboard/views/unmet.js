// @ts-check

import { h } from '../dom.js';
import { formatQuantity } from '../format.js';
import { categoryLabel, reasonLabel, t } from '../i18n.js';
import { UNMET_REASONS } from '../vocab.js';
import { chip, createLoader, drawListView, emptyBlock, viewLifecycle } from './common.js';
import { exportButtons } from './exports.js';
import { rejectionNote } from './project-outcomes.js';
import { dataTable } from './table.js';

/** @typedef {import('../api.js').Schemas['UnmetDemand']} UnmetDemand */

/**
 * 未满足需求: what no member unit can serve yet, and why, so the joint meeting knows which
 * units to recruit or which windows to widen. Largest gaps first.
 * @param {import('./common.js').ViewContext} ctx
 */
export function createUnmetView(ctx) {
  /** @type {HTMLElement | null} */
  let container = null;
  /** @type {string} a reason, or '' for all */
  let reasonFilter = '';
  const loader = createLoader(
    () => /** @type {Promise<UnmetDemand[]>} */ (ctx.api.get('/alliance/unmet')),
    render,
  );

  function render() {
    if (!container) return;
    const rows = Array.isArray(loader.state.data) ? [...loader.state.data] : undefined;
    rows?.sort((a, b) => (Number(b.unmet) || 0) - (Number(a.unmet) || 0));
    const shown = rows?.filter((row) => reasonFilter === '' || row.reason === reasonFilter);
    drawListView(
      container,
      loader,
      {
        title: t('unmet.title'),
        count: shown?.length,
        // The demands as on screen: of the reason chosen, if any.
        extra: exportButtons(ctx, { name: 'unmet', params: () => ({ reason: reasonFilter }) }),
        controls: rows ? reasonChips(rows) : null,
      },
      () => (!shown || shown.length === 0 ? emptyBlock(t('unmet.empty')) : table(shown)),
    );
  }

  // Counts per reason double as a filter: the joint meeting asks "how many lack any supply?".
  /** @param {readonly UnmetDemand[]} rows */
  function reasonChips(rows) {
    /** @type {Map<string, number>} */
    const counts = new Map();
    for (const row of rows) counts.set(row.reason, (counts.get(row.reason) ?? 0) + 1);
    /** @type {string[]} reasons this page knows first, in their order, then any newer ones */
    const reasons = [...UNMET_REASONS.filter((reason) => counts.has(reason))];
    for (const reason of counts.keys()) if (!reasons.includes(reason)) reasons.push(reason);
    /**
     * @param {string} reason
     * @param {string} label
     * @param {number | undefined} count
     */
    const button = (reason, label, count) =>
      h(
        'button',
        {
          type: 'button',
          class: ['reason-chip', `reason-${reason || 'all'}`],
          'aria-pressed': reasonFilter === reason ? 'true' : 'false',
          dataset: { reason: reason || 'all', key: `reason-filter-${reason}` },
          onClick: () => {
            reasonFilter = reason;
            render();
          },
        },
        h('span', null, label),
        h('span', { class: 'reason-chip-count' }, String(count)),
      );
    return h(
      'div',
      { class: 'reason-chips', role: 'group', 'aria-label': t('unmet.reason') },
      button('', t('unmet.filterAll'), rows.length),
      reasons.map((reason) => button(reason, reasonLabel(reason), counts.get(reason))),
    );
  }

  /** @param {readonly UnmetDemand[]} rows */
  function table(rows) {
    return dataTable(
      'unmet-table',
      [
        { label: t('unmet.demand') },
        { label: t('unmet.community') },
        { label: t('unmet.category') },
        { label: t('unmet.quantity'), num: true },
        { label: t('unmet.unmet'), num: true },
        { label: t('unmet.reason') },
        { label: t('unmet.address') },
      ],
      rows,
      (row) =>
        h(
          'tr',
          {
            dataset: {
              testid: 'unmet-row',
              demandItemPk: row.demandItemPk,
              itemId: row.itemId,
              reason: row.reason,
            },
          },
          h('th', { scope: 'row', class: 'cell-title' }, row.title),
          h('td', null, row.submitterName ?? row.submitterId),
          h('td', null, categoryLabel(row.category)),
          h('td', { class: 'num' }, formatQuantity(row.quantity, row.quantityUnit)),
          h('td', { class: 'num is-unmet' }, formatQuantity(row.unmet, row.quantityUnit)),
          h(
            'td',
            null,
            h(
              'span',
              { dataset: { testid: 'unmet-reason' } },
              chip(reasonLabel(row.reason), `reason-${row.reason}`),
            ),
            row.reason === 'rejected' ? rejectionNote(row.rejection) : null,
          ),
          h('td', { class: 'muted' }, row.address ?? ''),
        ),
    );
  }

  return viewLifecycle({
    loader,
    render,
    setContainer: (element) => (container = element),
  });
}
