// @ts-check

import { h } from '../dom.js';
import { actionButton } from '../forms.js';
import { categoryLabel, statusLabel, t, urgencyLabel } from '../i18n.js';
import { PROJECT_STATUSES, URGENCIES } from '../vocab.js';
import { searchBox } from './project-search.js';

/**
 * The review screen's filter bar: the search box, then status, community, category and
 * urgency (the listing's query parameters), and 重置.
 */

/** @typedef {{ status: string, community: string, category: string, urgency: string }} Filters */

/**
 * @param {object} options
 * @param {Filters} options.filters changed in place as the selects change
 * @param {ReadonlyMap<string, string>} options.communities id → name, as listings showed them
 * @param {ReadonlySet<string>} options.categories the codes to offer
 * @param {string} options.query what is typed in the search box
 * @param {(query: string) => void} options.onSearch
 * @param {() => void} options.onFilter after a select changed `filters`
 * @param {() => void} options.onReset
 */
export function reviewFilterBar({ filters, communities, categories, query, onSearch, onFilter, onReset }) {
  /**
   * @param {keyof Filters} name
   * @param {string} label
   * @param {readonly [value: string, text: string][]} options
   */
  const select = (name, label, options) =>
    h(
      'label',
      { class: 'filter' },
      h('span', { class: 'filter-label' }, label),
      h(
        'select',
        {
          name,
          dataset: { key: `filter-${name}` },
          onChange: (event) => {
            filters[name] = event.currentTarget.value;
            onFilter();
          },
        },
        h('option', { value: '', selected: filters[name] === '' }, t('common.all')),
        options.map(([value, text]) => h('option', { value, selected: filters[name] === value }, text)),
      ),
    );
  const communityOptions = [...communities].sort((a, b) => a[1].localeCompare(b[1], 'zh-CN'));
  if (filters.community && !communities.has(filters.community)) {
    communityOptions.push([filters.community, filters.community]);
  }
  return h(
    'form',
    {
      class: 'filter-bar',
      role: 'search',
      'aria-label': t('review.filters'),
      dataset: { testid: 'review-filters' },
      onSubmit: (event) => event.preventDefault(),
    },
    searchBox(query, onSearch),
    select(
      'status',
      t('review.status'),
      PROJECT_STATUSES.map((status) => [status, statusLabel(status)]),
    ),
    select('community', t('review.community'), communityOptions),
    select(
      'category',
      t('review.category'),
      [...categories].map((code) => [code, categoryLabel(code)]),
    ),
    select(
      'urgency',
      t('review.urgency'),
      URGENCIES.map((urgency) => [urgency, urgencyLabel(urgency)]),
    ),
    actionButton(t('common.reset'), { action: 'reset-filters', className: 'btn-ghost', onClick: onReset }),
  );
}
