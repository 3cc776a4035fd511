// @ts-check

import { ApiError } from '../api.js';
import { h } from '../dom.js';
import { actionButton, draftField, form, numberOrUndefined, rowMessage } from '../forms.js';
import { formatQuantity } from '../format.js';
import { t, unitSuffix } from '../i18n.js';
import { succeeded } from './row-actions.js';
import { percentMeter, scoreBreakdown } from './score-reading.js';

/**
 * One allocation on a review card: which unit gives what (拟派单位 / 承接单位), how much — an
 * inline quantity edit while the project is proposed — the match score with its breakdown,
 * and the swap to another unit (swap-allocation.js).
 */

/** @typedef {import('../api.js').Schemas['ProjectListing']} ProjectListing */
/** @typedef {ProjectListing['allocations'][number]} Allocation */
/** @typedef {import('../forms.js').Feedback} Feedback */

/**
 * @param {object} options
 * @param {import('./common.js').ViewContext} options.ctx
 * @param {import('./row-actions.js').RowActions} options.rows the screen's row actions: an
 *   allocation's key is `${projectId}:${resourceItemPk}`, its project's is the project id
 * @param {Map<string, string>} options.drafts what is typed, kept across live re-renders
 * @param {import('./swap-allocation.js').SwapPicker} options.swaps
 */
export function createAllocationRows({ ctx, rows, drafts, swaps }) {
  // Score breakdowns the reader unfolded, by allocation key, so live re-renders keep them open.
  /** @type {Set<string>} */
  const unfolded = new Set();

  /**
   * @param {ProjectListing} project
   * @param {Allocation} allocation
   * @param {boolean} editable whether quantity and unit may be changed (proposed, not busy)
   */
  function allocationRow(project, allocation, editable) {
    const unit = project.demand?.quantityUnit;
    const key = `${project.id}:${allocation.resourceItemPk}`;
    const state = rows.feedback(key);
    const components = Array.isArray(allocation.explanation) ? allocation.explanation : [];
    return h(
      'div',
      {
        class: 'allocation review-allocation',
        dataset: { testid: 'allocation-row', resourceItemPk: allocation.resourceItemPk },
      },
      h(
        'div',
        { class: 'alloc-who' },
        h(
          'span',
          { class: 'alloc-role', dataset: { testid: 'allocation-role' } },
          unitRole(project, allocation),
        ),
        h('strong', { dataset: { testid: 'allocation-unit' } }, allocation.unitName ?? allocation.unitId),
        h('span', { class: 'muted' }, allocation.resourceTitle),
      ),
      h(
        'div',
        { class: 'alloc-qty' },
        editable
          ? quantityForm(project, allocation, key, state)
          : formatQuantity(allocation.quantity, unit, { capacity: allocation.resourceQuantity }),
      ),
      h(
        'div',
        { class: 'alloc-score', dataset: { testid: 'allocation-score' } },
        percentMeter(allocation.score, t('review.score')),
      ),
      editable
        ? h('div', { class: 'alloc-swap' }, swaps.toggle(project, allocation, rows.isBusy(project.id)))
        : null,
      editable ? swaps.panel(project, allocation, rows.isBusy(project.id)) : null,
      scoreBreakdown(components, {
        open: unfolded.has(key),
        onToggle: (open) => {
          if (open) unfolded.add(key);
          else unfolded.delete(key);
        },
      }),
      rowMessage(state.message),
    );
  }

  /**
   * @param {ProjectListing} project
   * @param {Allocation} allocation
   * @param {string} key
   * @param {Feedback} state
   */
  function quantityForm(project, allocation, key, state) {
    const draftKey = `quantity:${key}`;
    return form(
      { class: 'inline-form' },
      () => saveQuantity(project, allocation, key, draftKey),
      draftField({
        name: 'quantity',
        drafts,
        key: draftKey,
        state,
        attributes: { type: 'number', inputmode: 'numeric', step: 'any' },
        fallback: String(allocation.quantity ?? ''),
        label: t('review.quantity'),
        // The unit of measure and what the resource offers, so nobody types 人 where 份 is meant.
        hint: t('review.quantityIn', {
          unit: unitSuffix(project.demand?.quantityUnit).trim() || t('common.none'),
          capacity:
            allocation.resourceQuantity === null || allocation.resourceQuantity === undefined
              ? t('common.none')
              : formatQuantity(allocation.resourceQuantity, project.demand?.quantityUnit),
        }),
        className: 'field-compact',
      }),
      actionButton(t('review.saveQuantity'), {
        type: 'submit',
        action: 'save-quantity',
        key: `save:${key}`,
        className: 'btn-small',
        disabled: rows.isBusy(key),
      }),
    );
  }

  /**
   * @param {ProjectListing} project
   * @param {Allocation} allocation
   * @param {string} key
   * @param {string} draftKey
   */
  async function saveQuantity(project, allocation, key, draftKey) {
    const typed = drafts.get(draftKey) ?? String(allocation.quantity ?? '');
    await rows.run(key, ['quantity'], async () => {
      const quantity = numberOrUndefined(typed) ?? null;
      try {
        await ctx.api.patch(
          `/projects/${encodeURIComponent(project.id)}/allocations/${encodeURIComponent(allocation.resourceItemPk)}`,
          { quantity },
        );
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== 'capacity-exceeded') throw error;
        return () => ({
          fields: { quantity: [{ message: overCapText(project, allocation, Number(quantity)) }] },
        });
      }
      drafts.delete(draftKey);
      return succeeded(() => t('review.quantitySaved'));
    });
  }

  /**
   * Which cap a refused quantity passed, in words: the demand's (what it asks, less the other
   * allocations) or the resource's (what it has left); the API refuses both with one code.
   * @param {ProjectListing} project
   * @param {Allocation} allocation
   * @param {number} quantity
   */
  function overCapText(project, allocation, quantity) {
    const unit = project.demand?.quantityUnit;
    const requested = Number(project.requested) || 0;
    const others = (project.allocations ?? [])
      .filter((entry) => entry.resourceItemPk !== allocation.resourceItemPk)
      .reduce((sum, entry) => sum + (Number(entry.quantity) || 0), 0);
    if (others + quantity <= requested) return t('review.overResource');
    return t('review.overDemand', {
      requested: formatQuantity(requested, unit),
      others: formatQuantity(others, unit),
      most: formatQuantity(Math.max(0, requested - others), unit),
    });
  }

  return allocationRow;
}

/**
 * 拟派单位 until the unit's claim is accepted, 承接单位 after: a proposal commits nobody.
 * @param {ProjectListing} project
 * @param {Allocation} allocation
 */
function unitRole(project, allocation) {
  const claimed = (project.offers ?? []).some(
    (offer) => offer.unitId === allocation.unitId && offer.status === 'claimed',
  );
  return claimed ? t('review.unitServing') : t('review.unitProposed');
}
