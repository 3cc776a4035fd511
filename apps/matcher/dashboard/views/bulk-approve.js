// @ts-check

import { UnauthorizedError } from '../api.js';
import { focusKey, h } from '../dom.js';
import { actionButton, describeError } from '../forms.js';
import { t } from '../i18n.js';

/**
 * 批量通过: the joint meeting ticks the proposals it agrees with and approves them together.
 * It asks first, naming how many and which; then an undo bar counts down before anything is
 * sent. The API has no un-approve (approval offers the project to units at once), so undo
 * can only mean "not sent yet": the approvals go out when the countdown ends, one by one,
 * and each refusal is told by the project's title in words.
 */

/** @typedef {import('../api.js').Schemas['ProjectListing']} ProjectListing */

/** How long the undo bar waits before the approvals are sent. */
export const UNDO_SECONDS = 6;

/**
 * One project as chosen: the version the coordinator saw, so a round revising it in the
 * meantime makes its approval refused (version-conflict) rather than approving unseen changes.
 * @typedef {{ projectId: string, title: string, version: number }} Choice
 */

/**
 * @typedef {{ phase: 'choosing' }
 *   | { phase: 'confirming' }
 *   | { phase: 'waiting', batch: Choice[], endsAt: number, tick: number }
 *   | { phase: 'sending', batch: Choice[] }} Phase
 */

/**
 * What the last batch came to, kept until the coordinator dismisses it.
 * @typedef {{ undone: true } | { undone: false, approved: Choice[], refused: { choice: Choice, reason: string }[] }} Outcome
 */

/**
 * @param {object} options
 * @param {import('./common.js').ViewContext} options.ctx
 * @param {() => void} options.render draws the view again
 * @param {() => ParentNode | null} options.container where the view is drawn, to move focus
 * @param {() => Promise<void>} options.onSent reloads the list after a batch
 * @param {(project: ProjectListing) => string} options.titleOf
 */
export function createBulkApproval({ ctx, render, container, onSent, titleOf }) {
  /** @type {Map<string, Choice>} */
  const chosen = new Map();
  /** @type {Phase} */
  let phase = { phase: 'choosing' };
  /** @type {Outcome | null} */
  let outcome = null;

  // Leaving the page during the countdown would drop approvals the coordinator expects sent.
  /** @param {BeforeUnloadEvent} event */
  const holdThePage = (event) => event.preventDefault();

  /** @param {ProjectListing} project */
  const choiceOf = (project) => ({
    projectId: project.id,
    title: titleOf(project),
    version: Number(project.version),
  });

  /**
   * Forgets choices that are no longer proposals (approved or revised away by someone else),
   * and refreshes the versions of the rest, as the list now shows them.
   * @param {readonly ProjectListing[]} proposed every proposed project loaded
   */
  function keepTo(proposed) {
    if (phase.phase === 'waiting' || phase.phase === 'sending') return;
    const current = new Map(proposed.map((project) => [project.id, project]));
    for (const projectId of chosen.keys()) {
      const project = current.get(projectId);
      if (project) chosen.set(projectId, choiceOf(project));
      else chosen.delete(projectId);
    }
  }

  /** @param {string} projectId */
  const isLocked = (projectId) =>
    (phase.phase === 'waiting' || phase.phase === 'sending') &&
    phase.batch.some((choice) => choice.projectId === projectId);

  /**
   * @param {ProjectListing[]} projects
   * @param {boolean} on
   */
  function choose(projects, on) {
    for (const project of projects) {
      if (on) chosen.set(project.id, choiceOf(project));
      else chosen.delete(project.id);
    }
    if (phase.phase === 'confirming' && chosen.size === 0) phase = { phase: 'choosing' };
    render();
  }

  function startCountdown() {
    const batch = [...chosen.values()];
    chosen.clear();
    outcome = null;
    const endsAt = Date.now() + UNDO_SECONDS * 1000;
    let shown = secondsLeft(endsAt);
    // Checked often so the approvals leave on time; drawn only when the number shown changes.
    const tick = window.setInterval(() => {
      if (phase.phase !== 'waiting') return;
      if (Date.now() >= phase.endsAt) void send(phase);
      else if (secondsLeft(endsAt) !== shown) {
        shown = secondsLeft(endsAt);
        render();
      }
    }, 200);
    phase = { phase: 'waiting', batch, endsAt, tick };
    window.addEventListener('beforeunload', holdThePage);
    render();
    focusKey(container(), 'bulk-undo');
  }

  function undo() {
    if (phase.phase !== 'waiting') return;
    window.clearInterval(phase.tick);
    window.removeEventListener('beforeunload', holdThePage);
    // The same projects stay ticked, so a slip of the finger costs nothing.
    for (const choice of phase.batch) chosen.set(choice.projectId, choice);
    phase = { phase: 'choosing' };
    outcome = { undone: true };
    render();
    focusKey(container(), 'bulk-approve');
  }

  /** @param {Extract<Phase, { phase: 'waiting' }>} waiting */
  async function send(waiting) {
    window.clearInterval(waiting.tick);
    const { batch } = waiting;
    phase = { phase: 'sending', batch };
    render();
    /** @type {Choice[]} */
    const approved = [];
    /** @type {{ choice: Choice, reason: string }[]} */
    const refused = [];
    // One after another: each approval is its own transaction and offers the project to units.
    for (const choice of batch) {
      try {
        await ctx.api.post(`/projects/${encodeURIComponent(choice.projectId)}/approve`, {
          expectedVersion: choice.version,
        });
        approved.push(choice);
      } catch (error) {
        if (error instanceof UnauthorizedError) break;
        refused.push({ choice, reason: describeError(error).text });
      }
    }
    window.removeEventListener('beforeunload', holdThePage);
    phase = { phase: 'choosing' };
    outcome = { undone: false, approved, refused };
    if (approved.length > 0) ctx.notify('success', t('review.bulk.approved', { count: approved.length }));
    render();
    await onSent();
  }

  /**
   * The tick box on a proposed project's card.
   * @param {ProjectListing} project
   */
  function pickBox(project) {
    if (isLocked(project.id)) {
      return h(
        'span',
        { class: 'bulk-pending', dataset: { testid: 'bulk-pending' } },
        t('review.bulk.pending'),
      );
    }
    return h(
      'label',
      { class: 'bulk-pick' },
      h('input', {
        type: 'checkbox',
        checked: chosen.has(project.id),
        disabled: phase.phase !== 'choosing' && phase.phase !== 'confirming',
        'aria-label': t('review.bulk.pickOne', { title: titleOf(project) }),
        dataset: { key: `pick:${project.id}`, action: 'pick-project' },
        onChange: (event) => choose([project], event.currentTarget.checked),
      }),
      h('span', { 'aria-hidden': 'true' }, t('review.bulk.pick')),
    );
  }

  /**
   * The bar above the list: select all shown, how many are ticked and 批量通过; then the
   * question, the countdown with 撤销, and what the last batch came to.
   * @param {readonly ProjectListing[]} shownProposed proposed projects the list shows now
   */
  function bar(shownProposed) {
    const report = outcomeBlock();
    if (phase.phase === 'waiting' || phase.phase === 'sending')
      return h('div', null, countdownBar(phase), report);
    if (shownProposed.length === 0 && chosen.size === 0) return report;
    const allShown = shownProposed.length > 0 && shownProposed.every((project) => chosen.has(project.id));
    return h(
      'div',
      { class: 'bulk-bar', dataset: { testid: 'bulk-bar' } },
      h(
        'div',
        { class: 'bulk-row' },
        shownProposed.length > 0
          ? h(
              'label',
              { class: 'bulk-pick' },
              h('input', {
                type: 'checkbox',
                checked: allShown,
                dataset: { key: 'pick-all', action: 'pick-all' },
                onChange: (event) => choose([...shownProposed], event.currentTarget.checked),
              }),
              h('span', null, t('review.bulk.pickAll', { count: shownProposed.length })),
            )
          : null,
        h(
          'span',
          { class: 'bulk-count', dataset: { testid: 'bulk-count' } },
          t('review.bulk.chosen', { count: chosen.size }),
        ),
        actionButton(t('review.bulk.approve'), {
          action: 'bulk-approve',
          key: 'bulk-approve',
          className: 'btn-primary btn-small',
          disabled: chosen.size === 0,
          'aria-expanded': phase.phase === 'confirming' ? 'true' : 'false',
          onClick: () => {
            outcome = null;
            phase = { phase: 'confirming' };
            render();
            focusKey(container(), 'bulk-confirm');
          },
        }),
      ),
      phase.phase === 'confirming' && chosen.size > 0 ? question() : null,
      report,
    );
  }

  function question() {
    return h(
      'div',
      {
        class: 'bulk-question',
        role: 'group',
        'aria-label': t('review.bulk.approve'),
        dataset: { testid: 'bulk-question' },
      },
      h('p', { class: 'reason-question' }, t('review.bulk.question', { count: chosen.size })),
      h(
        'ul',
        { class: 'bulk-titles' },
        [...chosen.values()].map((choice) => h('li', null, choice.title)),
      ),
      h(
        'div',
        { class: 'button-row' },
        actionButton(t('review.bulk.confirm', { count: chosen.size }), {
          action: 'confirm-bulk-approve',
          key: 'bulk-confirm',
          className: 'btn-primary',
          onClick: startCountdown,
        }),
        actionButton(t('common.cancel'), {
          action: 'cancel-bulk-approve',
          className: 'btn-ghost',
          onClick: () => {
            phase = { phase: 'choosing' };
            render();
            focusKey(container(), 'bulk-approve');
          },
        }),
      ),
    );
  }

  /** @param {Extract<Phase, { phase: 'waiting' | 'sending' }>} running */
  function countdownBar(running) {
    const count = running.batch.length;
    const text =
      running.phase === 'waiting'
        ? t('review.bulk.waiting', {
            count,
            seconds: secondsLeft(running.endsAt),
          })
        : t('review.bulk.sending', { count });
    return h(
      'div',
      { class: 'undo-bar', role: 'status', dataset: { testid: 'undo-bar' } },
      h('span', { class: 'undo-text' }, text),
      running.phase === 'waiting'
        ? actionButton(t('review.bulk.undo'), {
            action: 'undo-bulk-approve',
            key: 'bulk-undo',
            className: 'btn-undo',
            onClick: undo,
          })
        : null,
    );
  }

  function outcomeBlock() {
    if (!outcome) return null;
    const dismiss = actionButton(t('review.bulk.dismiss'), {
      action: 'dismiss-bulk-outcome',
      className: 'btn-ghost btn-small',
      onClick: () => {
        outcome = null;
        render();
      },
    });
    if (outcome.undone) {
      return h(
        'div',
        { class: 'row-message is-success bulk-outcome', role: 'status', dataset: { testid: 'bulk-outcome' } },
        h('span', { class: 'row-message-text' }, t('review.bulk.undone')),
        dismiss,
      );
    }
    const { approved, refused } = outcome;
    return h(
      'div',
      {
        class: ['row-message', 'bulk-outcome', refused.length > 0 ? 'is-error' : 'is-success'],
        role: refused.length > 0 ? 'alert' : 'status',
        dataset: { testid: 'bulk-outcome' },
      },
      h(
        'span',
        { class: 'row-message-text' },
        refused.length === 0
          ? t('review.bulk.approved', { count: approved.length })
          : t('review.bulk.partly', { approved: approved.length, refused: refused.length }),
      ),
      refused.length > 0
        ? h(
            'ul',
            { class: 'problem-list' },
            refused.map(({ choice, reason }) =>
              h('li', null, t('review.bulk.refusedOne', { title: choice.title, reason })),
            ),
          )
        : null,
      dismiss,
    );
  }

  return { keepTo, isLocked, pickBox, bar };
}

/** @typedef {ReturnType<typeof createBulkApproval>} BulkApproval */

/**
 * Whole seconds until `endsAt`, as the countdown shows them (never 0 while it runs).
 * @param {number} endsAt
 */
function secondsLeft(endsAt) {
  return Math.max(1, Math.ceil((endsAt - Date.now()) / 1000));
}
