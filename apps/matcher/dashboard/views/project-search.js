// @ts-check

import { h } from '../dom.js';
import { t } from '../i18n.js';

/**
 * 搜索 on the review screen: the coordinator types part of a project's title, its community's
 * name or a unit's name and the list narrows as they type. It searches the projects already
 * loaded (the filters above choose those), so it needs no round trip and works offline.
 */

/** @typedef {import('../api.js').Schemas['ProjectListing']} ProjectListing */

/**
 * Text as compared: case and spaces do not matter ("014 中心社区" finds 014中心社区).
 * @param {string | null | undefined} text
 */
function folded(text) {
  return (text ?? '').toLocaleLowerCase('zh-CN').replace(/\s+/g, '');
}

/**
 * Whether a project answers the query: every word typed appears in its title, its
 * community's name or the name of a unit allocated or offered to it.
 * @param {ProjectListing} project
 * @param {string} query
 */
export function matchesSearch(project, query) {
  const words = query.split(/\s+/).map(folded).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [
    project.demand?.title,
    project.submitterName,
    ...(project.allocations ?? []).map((allocation) => allocation.unitName),
    ...(project.offers ?? []).map((offer) => offer.unitName),
  ]
    .map(folded)
    .join('\n');
  return words.every((word) => haystack.includes(word));
}

/**
 * The search box. Its data-key lets the view's re-render (one per keystroke) keep focus and
 * caret in it.
 * @param {string} value what is typed so far
 * @param {(value: string) => void} onSearch
 */
export function searchBox(value, onSearch) {
  return h(
    'label',
    { class: 'filter filter-search' },
    h('span', { class: 'filter-label' }, t('review.search')),
    h('input', {
      type: 'search',
      name: 'search',
      value,
      placeholder: t('review.searchPlaceholder'),
      autocomplete: 'off',
      enterkeyhint: 'search',
      dataset: { key: 'review-search', testid: 'review-search' },
      // A Chinese input method composes a word from pinyin in the box: redrawing the list then
      // would replace the box and lose the word, so the list follows once the word is chosen.
      onInput: (event) => {
        if (!(event instanceof window.InputEvent && event.isComposing)) onSearch(event.currentTarget.value);
      },
      onCompositionend: (/** @type {CompositionEvent & { currentTarget: HTMLInputElement }} */ event) =>
        onSearch(event.currentTarget.value),
    }),
  );
}
