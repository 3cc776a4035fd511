// @ts-check

import { h } from '../dom.js';
import { formatPercent } from '../format.js';
import { componentLabel, scoreExplanationLabel, t } from '../i18n.js';

/**
 * How a match score reads on a card: "匹配度 91%" at a glance, and why, folded away until
 * asked for. A coordinator on a phone reads the verdict first; the engine's components (类别,
 * 标签, 距离, 时间, each with its weight and reason) are for the one who doubts it.
 */

/** @typedef {import('../api.js').Schemas['ScoreComponentEntry']} ScoreComponent */

/**
 * A score in [0, 1] as a percentage with a bar under the number; the bar is decoration, the
 * number is what is read out.
 * @param {unknown} value
 * @param {string} label e.g. 匹配度, or a component's name
 * @param {string} [className]
 */
export function percentMeter(value, label, className) {
  const ratio = Math.max(0, Math.min(1, Number(value) || 0));
  return h(
    'span',
    { class: ['percent-meter', className] },
    h('span', { class: 'percent-meter-label' }, label),
    ' ',
    h('strong', { class: 'percent-meter-value', dataset: { testid: 'score-value' } }, formatPercent(ratio)),
    h(
      'span',
      { class: 'meter-track', 'aria-hidden': 'true' },
      h('span', { class: 'meter-fill', style: { width: `${(ratio * 100).toFixed(1)}%` } }),
    ),
  );
}

/**
 * The breakdown of one score, in a <details> that stays open across live re-renders when the
 * reader opened it (`open` and `onToggle` keep that state outside the DOM).
 * @param {readonly Partial<ScoreComponent>[]} components
 * @param {{ open: boolean, onToggle: (open: boolean) => void }} folding
 */
export function scoreBreakdown(components, { open, onToggle }) {
  if (components.length === 0) return null;
  // The score is the weighted mean of its components, so each weight reads as its share.
  const totalWeight = components.reduce((sum, component) => sum + (Number(component.weight) || 0), 0);
  return h(
    'details',
    {
      class: 'score-detail',
      open,
      dataset: { testid: 'score-detail' },
      onToggle: (event) => {
        if (event.currentTarget.open !== open) onToggle(event.currentTarget.open);
      },
    },
    h('summary', null, t('review.explanation')),
    h(
      'ul',
      { class: 'components', 'aria-label': t('review.explanation') },
      components.map((component) =>
        h(
          'li',
          { class: 'component', dataset: { component: component.name } },
          percentMeter(component.value, componentLabel(component.name), 'component-meter'),
          h(
            'span',
            { class: 'component-weight' },
            t('review.weight', {
              weight: formatPercent(totalWeight > 0 ? (Number(component.weight) || 0) / totalWeight : 0),
            }),
          ),
          h('span', { class: 'component-detail' }, scoreExplanationLabel(component)),
        ),
      ),
    ),
  );
}
