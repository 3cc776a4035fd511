// @ts-check

import { ApiError, UnauthorizedError } from '../api.js';
import { focusKey, h } from '../dom.js';
import { actionButton, describeError, form, rowMessage } from '../forms.js';
import { formatNumber, formatPercent, formatQuantity } from '../format.js';
import { t } from '../i18n.js';
import { succeeded } from './row-actions.js';

/**
 * 换一个单位: on a proposed project, the joint meeting moves one allocation to another unit
 * that could serve the demand (the candidates the matcher would have considered, best first),
 * e.g. when it knows the proposed unit is busy that week. The API answers candidates by id;
 * the roster gives their names. Applying it is PATCH …/allocations/{resourceItemPk} with
 * `swapTo`; the card then shows the new unit, and a refusal is told in words in the picker.
 */

/** @typedef {import('../api.js').Schemas} Schemas */
/** @typedef {Schemas['ProjectListing']} ProjectListing */
/** @typedef {ProjectListing['allocations'][number]} Allocation */
/**
 * One candidate as GET /projects/{projectId}/candidates answers it.
 * @typedef {import('../types/api.js').operations['projectCandidates']['responses'][200]['content']['application/json'][number]} Candidate
 */

/**
 * One allocation's picker as shown: loading, its candidates, the one chosen, a refusal.
 * @typedef {{
 *   loading: boolean,
 *   candidates?: Candidate[],
 *   choice?: string,
 *   problem?: import('../forms.js').RowMessage,
 * }} Picker
 */

/**
 * @param {object} options
 * @param {import('./common.js').ViewContext} options.ctx
 * @param {import('./member-directory.js').MemberDirectory} options.directory
 * @param {import('./row-actions.js').RowActions} options.rows the card's actions: a swap
 *   marks its project busy and leaves its success note there (the allocation row it started
 *   from is gone once it succeeds)
 * @param {() => void} options.render
 * @param {() => ParentNode | null} options.container
 * @param {(unitId: string) => string | null} options.knownUnitName a name the listings show
 */
export function createSwapPicker({ ctx, directory, rows, render, container, knownUnitName }) {
  /** @type {Map<string, Picker>} */
  const pickers = new Map();

  /**
   * @param {ProjectListing} project
   * @param {Allocation} allocation
   */
  const keyOf = (project, allocation) => `${project.id}:${allocation.resourceItemPk}`;

  /** @param {string} unitId */
  const unitNameOf = (unitId) =>
    directory.member('unit', unitId)?.name ?? knownUnitName(unitId) ?? t('review.swap.unnamedUnit');

  /**
   * Opens the picker, or reads its candidates again after a refusal (`problem`), which stays
   * shown: what made the swap fail (a resource gone, its capacity taken) changed the choices.
   * @param {ProjectListing} project
   * @param {Allocation} allocation
   * @param {import('../forms.js').RowMessage} [problem]
   */
  async function load(project, allocation, problem) {
    const key = keyOf(project, allocation);
    const shown = pickers.get(key);
    pickers.set(key, shown && problem ? { ...shown, problem } : { loading: true });
    render();
    /** @type {Picker} */
    let picker;
    try {
      // Names come from the roster; without it the picker still works, with the names it knows.
      const [candidates] = await Promise.all([
        ctx.api.get(`/projects/${encodeURIComponent(project.id)}/candidates`),
        directory.load().catch(() => undefined),
      ]);
      picker = {
        loading: false,
        problem,
        candidates: /** @type {Candidate[]} */ (candidates).filter(
          (candidate) => candidate.allocatedToThisProject === 0,
        ),
      };
    } catch (error) {
      if (error instanceof UnauthorizedError) return;
      picker = { loading: false, problem: problem ?? describeError(error) };
    }
    if (!pickers.has(key)) return;
    pickers.set(key, picker);
    render();
    if (!problem) focusKey(container(), `swap-choice:${key}`);
  }

  /** @param {string} key */
  function close(key) {
    pickers.delete(key);
    render();
    focusKey(container(), `swap-open:${key}`);
  }

  /**
   * @param {ProjectListing} project
   * @param {Allocation} allocation
   * @param {Candidate} candidate
   */
  async function apply(project, allocation, candidate) {
    const key = keyOf(project, allocation);
    const unitName = candidate.unitName || unitNameOf(candidate.unitId);
    // A candidate with less to give than the allocation takes over what it has.
    const quantity = Math.min(Number(allocation.quantity), candidate.available);
    await rows.run(project.id, [], async () => {
      try {
        await ctx.api.patch(
          `/projects/${encodeURIComponent(project.id)}/allocations/${encodeURIComponent(allocation.resourceItemPk)}`,
          { swapTo: candidate.resourceItemPk, quantity },
        );
      } catch (error) {
        if (!(error instanceof ApiError) || error instanceof UnauthorizedError) throw error;
        void load(project, allocation, describeError(error));
        return null;
      }
      pickers.delete(key);
      const unit = project.demand?.quantityUnit;
      return succeeded(() =>
        t('review.swap.done', { unit: unitName, quantity: formatQuantity(quantity, unit) }),
      );
    });
  }

  /**
   * The 换一个单位 button of one allocation.
   * @param {ProjectListing} project
   * @param {Allocation} allocation
   * @param {boolean} disabled
   */
  function toggle(project, allocation, disabled) {
    const key = keyOf(project, allocation);
    const isOpen = pickers.has(key);
    return actionButton(t('review.swap.open'), {
      action: 'swap-open',
      key: `swap-open:${key}`,
      className: ['btn-small', isOpen ? 'btn-pressed' : 'btn-secondary'].join(' '),
      'aria-expanded': isOpen ? 'true' : 'false',
      disabled,
      onClick: () => (isOpen ? close(key) : void load(project, allocation)),
    });
  }

  /**
   * The picker under an allocation, when open: the candidates as choices, then apply or cancel.
   * @param {ProjectListing} project
   * @param {Allocation} allocation
   * @param {boolean} busy
   */
  function panel(project, allocation, busy) {
    const key = keyOf(project, allocation);
    const picker = pickers.get(key);
    if (!picker) return null;
    const unit = project.demand?.quantityUnit;
    const frame = (/** @type {import('../dom.js').Child[]} */ ...children) =>
      h('div', { class: 'swap-panel', dataset: { testid: 'swap-panel' } }, children);
    if (picker.loading) return frame(h('p', { class: 'muted' }, t('review.swap.loading')));
    const candidates = picker.candidates ?? [];
    if (!picker.candidates || candidates.length === 0) {
      return frame(
        picker.candidates ? h('p', { class: 'muted' }, t('review.swap.none')) : null,
        rowMessage(picker.problem),
        cancelButton(key),
      );
    }
    const chosen = candidates.find((candidate) => candidate.resourceItemPk === picker.choice);
    return frame(
      form(
        { class: 'swap-form' },
        () => (chosen ? apply(project, allocation, chosen) : undefined),
        h(
          'fieldset',
          { class: 'swap-choices' },
          h('legend', null, t('review.swap.legend')),
          candidates.map((candidate, index) =>
            candidateChoice(candidate, {
              key,
              index,
              unit,
              checked: candidate.resourceItemPk === picker.choice,
              sameUnit: candidate.unitId === allocation.unitId,
              short: candidate.available < Number(allocation.quantity),
              onChoose: () => {
                pickers.set(key, { ...picker, choice: candidate.resourceItemPk, problem: undefined });
                render();
              },
            }),
          ),
        ),
        rowMessage(picker.problem),
        h(
          'div',
          { class: 'button-row' },
          actionButton(busy ? t('common.busy') : t('review.swap.apply'), {
            type: 'submit',
            action: 'swap-apply',
            key: `swap-apply:${key}`,
            className: 'btn-primary btn-small',
            disabled: busy || !chosen,
          }),
          cancelButton(key),
        ),
      ),
    );
  }

  /** @param {string} key */
  function cancelButton(key) {
    return actionButton(t('common.cancel'), {
      action: 'swap-cancel',
      className: 'btn-ghost btn-small',
      onClick: () => close(key),
    });
  }

  /**
   * One candidate as a radio choice: the unit, what it can give, how far and how well it fits.
   * @param {Candidate} candidate
   * @param {{
   *   key: string, index: number, unit: string | undefined, checked: boolean,
   *   sameUnit: boolean, short: boolean, onChoose: () => void,
   * }} options
   */
  function candidateChoice(candidate, { key, index, unit, checked, sameUnit, short, onChoose }) {
    const empty = candidate.available < 1;
    return h(
      'label',
      {
        class: ['swap-choice', empty && 'is-disabled'],
        dataset: { testid: 'swap-candidate', resourceItemPk: candidate.resourceItemPk },
      },
      h('input', {
        type: 'radio',
        name: `swap-${key}`,
        value: candidate.resourceItemPk,
        checked,
        disabled: empty,
        // The first choice takes focus when the picker opens.
        dataset: { key: index === 0 ? `swap-choice:${key}` : `swap-choice:${key}:${index}` },
        onChange: onChoose,
      }),
      h(
        'span',
        { class: 'swap-choice-text' },
        h('strong', { dataset: { testid: 'swap-unit' } }, candidate.unitName || unitNameOf(candidate.unitId)),
        h('span', { class: 'muted', dataset: { testid: 'swap-resource' } }, candidate.resourceTitle),
        sameUnit ? h('span', { class: 'muted' }, t('review.swap.sameUnit')) : null,
        h(
          'span',
          { class: 'swap-facts' },
          h(
            'span',
            { class: short ? 'is-unmet' : null },
            empty
              ? t('review.swap.nothingLeft')
              : t(short ? 'review.swap.availableShort' : 'review.swap.available', {
                  quantity: formatQuantity(candidate.available, unit),
                }),
          ),
          Number.isFinite(candidate.distanceKm)
            ? h('span', null, t('review.swap.distance', { km: formatNumber(candidate.distanceKm, 1) }))
            : null,
          h('span', null, `${t('review.score')} ${formatPercent(candidate.score)}`),
        ),
      ),
    );
  }

  return {
    toggle,
    panel,
    /** @param {string} key an allocation's `${projectId}:${resourceItemPk}` */
    isOpen: (key) => pickers.has(key),
  };
}

/** @typedef {ReturnType<typeof createSwapPicker>} SwapPicker */
