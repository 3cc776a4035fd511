import { h, replaceContent } from '../dom.js';
import { formatQuantity } from '../format.js';
import { categoryLabel, reasonLabel, t } from '../i18n.js';
import { UNMET_REASONS } from '../vocab.js';
import { chip, createLoader, emptyBlock, placeholder, staleNote, viewHeader } from './common.js';

/**
 * 未满足需求: what no member unit can serve yet, and why, so the joint meeting knows which
 * units to recruit or which windows to widen. Largest gaps first.
 */
export function createUnmetView(ctx) {
  let container = null;
  let reasonFilter = '';
  const loader = createLoader(() => ctx.api.get('/alliance/unmet'), render);

  function render() {
    if (!container) return;
    const rows = Array.isArray(loader.state.data) ? [...loader.state.data] : undefined;
    rows?.sort((a, b) => (Number(b.unmet) || 0) - (Number(a.unmet) || 0));
    const shown = rows?.filter((row) => reasonFilter === '' || row.reason === reasonFilter);
    replaceContent(
      container,
      viewHeader({ title: t('unmet.title'), count: shown?.length, loader }),
      rows ? reasonChips(rows) : null,
      staleNote(loader),
      placeholder(loader, () => void loader.refresh()) ??
        (shown.length === 0 ? emptyBlock(t('unmet.empty')) : table(shown)),
    );
  }

  // Counts per reason double as a filter: the joint meeting asks "how many lack any supply?".
  function reasonChips(rows) {
    const counts = new Map();
    for (const row of rows) counts.set(row.reason, (counts.get(row.reason) ?? 0) + 1);
    const reasons = [...UNMET_REASONS.filter((reason) => counts.has(reason))];
    for (const reason of counts.keys()) if (!reasons.includes(reason)) reasons.push(reason);
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

  function table(rows) {
    return h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'data-table', dataset: { testid: 'unmet-table' } },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, t('unmet.demand')),
            h('th', { scope: 'col' }, t('unmet.community')),
            h('th', { scope: 'col' }, t('unmet.category')),
            h('th', { scope: 'col', class: 'num' }, t('unmet.quantity')),
            h('th', { scope: 'col', class: 'num' }, t('unmet.unmet')),
            h('th', { scope: 'col' }, t('unmet.reason')),
            h('th', { scope: 'col' }, t('unmet.address')),
          ),
        ),
        h(
          'tbody',
          null,
          rows.map((row) =>
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
              ),
              h('td', { class: 'muted' }, row.address ?? ''),
            ),
          ),
        ),
      ),
    );
  }

  return {
    mount(element) {
      container = element;
      render();
      return loader.refresh();
    },
    unmount() {
      container = null;
    },
    refresh: () => loader.refresh(),
  };
}
