// @ts-check

import { apiErrorOf, isRecord } from '../api.js';
import { h, randomId } from '../dom.js';
import {
  actionButton,
  draftField,
  form,
  numberOrUndefined,
  placeApiError,
  placeProblems,
  rowMessage,
} from '../forms.js';
import { formatDateTime, formatNumber, formatQuantity, formatRelative, formatWindow } from '../format.js';
import {
  claimCodeLabel,
  decisionLabel,
  offerStatusLabel,
  stageLabel,
  t,
  unitName,
  unitSuffix,
} from '../i18n.js';
import { completionNote } from './project-outcomes.js';
import { createReasonPrompts, reasonForm } from './reason-form.js';
import {
  cardHead,
  categoryChip,
  chip,
  createLoader,
  drawListView,
  emptyBlock,
  statusBadge,
  viewLifecycle,
} from './common.js';
import { exportButtons } from './exports.js';
import { createRowActions, succeeded } from './row-actions.js';
import { dataTable } from './table.js';
import { contactsNote, createReportDrafts, unitReport } from './work-report.js';

/**
 * What a member unit (成员单位) does: claim (认领) what is offered to it, decline what it cannot
 * serve, start claimed work, and see its record (its points, 积分, are in points.js).
 */

/** @typedef {import('../api.js').Schemas} Schemas */
/** @typedef {Schemas['MyOffer']} MyOffer */
/** @typedef {Schemas['MyClaim']} MyClaim */
/** @typedef {import('../forms.js').Feedback} Feedback */
/** @typedef {import('./common.js').ViewContext} ViewContext */

/** @type {readonly string[]} */
const CLAIM_FIELDS = ['quantity', 'note'];

/**
 * 派单: offers to this unit, open ones first and soonest to expire on top.
 * @param {ViewContext} ctx
 */
export function createOffersView(ctx) {
  /** @type {HTMLElement | null} */
  let container = null;
  /** @type {Map<string, string>} */
  const drafts = new Map();
  const loader = createLoader(() => /** @type {Promise<MyOffer[]>} */ (ctx.api.get('/me/offers')), render);
  const rows = createRowActions(loader, render);
  const declining = createReasonPrompts(render, () => container);

  function render() {
    if (!container) return;
    const offers = Array.isArray(loader.state.data) ? loader.state.data : undefined;
    const open = offers
      ?.filter((offer) => offer.status === 'open')
      .sort((a, b) => String(a.expiresAt).localeCompare(String(b.expiresAt)));
    const others = offers
      ?.filter((offer) => offer.status !== 'open')
      .sort((a, b) => String(b.expiresAt).localeCompare(String(a.expiresAt)));
    drawListView(container, loader, { title: t('tab.offers'), count: offers?.length }, () => [
      h(
        'section',
        { class: 'group', 'aria-labelledby': 'offers-open' },
        h('h3', { class: 'group-title', id: 'offers-open' }, t('offers.open')),
        !open || open.length === 0
          ? emptyBlock(t('offers.openEmpty'))
          : h('div', { class: 'card-list' }, open.map(offerRow)),
      ),
      others && others.length > 0
        ? h(
            'section',
            { class: 'group', 'aria-labelledby': 'offers-history' },
            h('h3', { class: 'group-title', id: 'offers-history' }, t('offers.history')),
            h('div', { class: 'card-list' }, others.map(offerRow)),
          )
        : null,
    ]);
  }

  /** @param {MyOffer} offer */
  function offerRow(offer) {
    /** @type {Partial<MyOffer['project']>} */
    const project = offer.project ?? {};
    const state = rows.feedback(offer.offerId);
    const isBusy = rows.isBusy(offer.offerId);
    return h(
      'article',
      {
        class: ['card', 'offer', `offer-${offer.status}`],
        dataset: {
          testid: 'offer-row',
          projectId: offer.projectId,
          offerId: offer.offerId,
          status: offer.status,
        },
        'aria-busy': isBusy ? 'true' : null,
        'aria-labelledby': `offer-title-${offer.offerId}`,
      },
      cardHead(
        [
          h(
            'h3',
            { class: 'card-title', id: `offer-title-${offer.offerId}` },
            project.title ?? offer.projectId,
          ),
          h(
            'span',
            { class: ['badge', `offer-status-${offer.status}`], dataset: { testid: 'offer-status' } },
            offerStatusLabel(offer.status),
          ),
        ],
        [
          h('span', { class: 'meta-strong' }, project.submitterName),
          categoryChip(project.category),
          chip(stageLabel(offer.stage), `chip-stage stage-${offer.stage}`),
          project.status
            ? h(
                'span',
                { class: 'meta-status' },
                `${t('offers.projectStatus')} `,
                statusBadge(project.status),
              )
            : null,
          h('span', null, `${t('offers.window')} ${formatWindow(project.windowFrom, project.windowTo)}`),
          project.address ? h('span', null, project.address) : null,
        ],
        h(
          'div',
          { class: 'qty-line' },
          h(
            'span',
            null,
            h('span', { class: 'qty-label' }, t('offers.quantity')),
            ' ',
            h(
              'strong',
              { dataset: { testid: 'offer-quantity' } },
              formatQuantity(offer.quantity, project.quantityUnit),
            ),
          ),
          offer.expiresAt
            ? h(
                'span',
                {
                  class: offer.status === 'open' ? 'deadline' : 'muted',
                  dataset: { testid: 'offer-expiry' },
                },
                t('offers.expires', { time: formatDateTime(offer.expiresAt) }),
                offer.status === 'open'
                  ? t('offers.expiresIn', { relative: formatRelative(offer.expiresAt) })
                  : null,
              )
            : null,
        ),
      ),
      offer.status === 'declined' && offer.declineReason
        ? h(
            'p',
            { class: 'outcome-note', dataset: { testid: 'decline-reason' } },
            t('offers.declinedBecause', { reason: offer.declineReason }),
          )
        : null,
      offer.status === 'open' ? claimForm(offer, state, isBusy) : null,
      offer.status === 'open' && declining.isOpen(offer.offerId) ? declineForm(offer, state, isBusy) : null,
      offer.status === 'claimed' && project.status === 'claimed'
        ? h(
            'div',
            { class: 'card-actions' },
            startButton(ctx, rows, {
              key: offer.offerId,
              projectId: offer.projectId,
              title: offer.project?.title,
              className: 'btn-primary',
            }),
          )
        : null,
      rowMessage(state.message),
    );
  }

  /**
   * @param {MyOffer} offer
   * @param {Feedback} state
   * @param {boolean} isBusy
   */
  function claimForm(offer, state, isBusy) {
    const quantityKey = `quantity:${offer.offerId}`;
    const noteKey = `note:${offer.offerId}`;
    return form(
      { class: 'card-actions claim-form' },
      () => claim(offer, quantityKey, noteKey),
      h(
        'div',
        { class: 'form-row' },
        draftField({
          name: 'quantity',
          drafts,
          key: quantityKey,
          state,
          attributes: { type: 'number', inputmode: 'numeric', step: 'any' },
          fallback: String(offer.quantity ?? ''),
          label: t('offers.claimQuantity'),
          className: 'field-quantity',
          labelNote: unitName(offer.project?.quantityUnit) || null,
        }),
        draftField({
          name: 'note',
          drafts,
          key: noteKey,
          state,
          attributes: { type: 'text', placeholder: t('offers.notePlaceholder') },
          label: t('offers.note'),
          optional: true,
          className: 'field-grow',
        }),
        h(
          'div',
          { class: 'button-row form-row-end' },
          actionButton(t('offers.claim'), {
            type: 'submit',
            action: 'claim',
            key: `claim:${offer.offerId}`,
            className: 'btn-primary',
            disabled: isBusy,
          }),
          actionButton(t('offers.decline'), {
            action: 'decline',
            key: `decline:${offer.offerId}`,
            className: declining.isOpen(offer.offerId) ? 'btn-pressed' : 'btn-secondary',
            'aria-expanded': declining.isOpen(offer.offerId) ? 'true' : 'false',
            disabled: isBusy,
            onClick: () => declining.toggle(offer.offerId, `decline-reason:${offer.offerId}`),
          }),
        ),
      ),
    );
  }

  /**
   * @param {MyOffer} offer
   * @param {string} quantityKey
   * @param {string} noteKey
   */
  function claim(offer, quantityKey, noteKey) {
    return rows.run(offer.offerId, CLAIM_FIELDS, async () => {
      const note = drafts.get(noteKey);
      /**
       * A ClaimRequest whose quantity goes as typed, for the server to judge.
       * @type {Omit<Schemas['ClaimRequest'], 'quantity'> & { quantity: number | string | undefined }}
       */
      const body = {
        // A fresh id per attempt: the id makes a resent claim idempotent, not a new one.
        claimId: randomId('web'),
        projectId: offer.projectId,
        quantity: numberOrUndefined(drafts.get(quantityKey) ?? offer.quantity),
      };
      // An empty note is an error to the API; leaving the box empty means "no note".
      if (note !== undefined && note !== '') body.note = note;
      const answer = await ctx.api.send('POST', '/claims', body);
      return claimOutcome(answer, offer, quantityKey, noteKey);
    });
  }

  /**
   * Reads a claim answer; returns the row's feedback as a function (see feedbackOf).
   * @param {import('../api.js').Answer} answer
   * @param {MyOffer} offer
   * @param {string} quantityKey
   * @param {string} noteKey
   * @returns {() => Feedback}
   */
  function claimOutcome(answer, offer, quantityKey, noteKey) {
    if (answer.ok) {
      const decision = /** @type {Schemas['ClaimDecided']} */ (answer.body);
      drafts.delete(quantityKey);
      drafts.delete(noteKey);
      const text = () => {
        const unit = unitSuffix(offer.project?.quantityUnit);
        const accepted = formatNumber(decision.acceptedQuantity);
        const requested = formatNumber(decision.requestedQuantity);
        return decision.requestedQuantity !== undefined &&
          decision.acceptedQuantity < decision.requestedQuantity
          ? t('offers.claimedPartly', { accepted, requested, unit })
          : t('offers.claimed', { accepted, unit });
      };
      ctx.notify('success', `${offer.project?.title ?? ''} · ${text()}`);
      return succeeded(text);
    }
    const error = apiErrorOf(answer);
    // A refused claim (its decision rides beside the error): worded from its code.
    if (isRecord(error.body) && error.body.decision) {
      return () => {
        const placed = placeProblems(error.problems, (path) => (CLAIM_FIELDS.includes(path) ? path : null));
        const hasFieldProblems = Object.keys(placed.fields).length > 0;
        return {
          fields: placed.fields,
          message:
            hasFieldProblems && placed.general.length === 0
              ? null
              : {
                  kind: 'error',
                  text: claimCodeLabel(error.code),
                  items: placed.general,
                },
        };
      };
    }
    // Anything else (invalid-request, 403, 404, 5xx) as every other call's error.
    return () => placeApiError(error, CLAIM_FIELDS);
  }

  /**
   * Declining asks first, with room for why (the joint meeting sees it): a declined offer
   * does not come back to this unit.
   * @param {MyOffer} offer
   * @param {Feedback} state
   * @param {boolean} isBusy
   */
  function declineForm(offer, state, isBusy) {
    const reasonKey = `decline-reason:${offer.offerId}`;
    return reasonForm({
      verb: 'decline',
      id: offer.offerId,
      question: t('offers.declineQuestion'),
      drafts,
      reasonKey,
      state,
      label: t('offers.declineReason'),
      placeholder: t('offers.declineReasonPlaceholder'),
      optional: true,
      confirmLabel: t('offers.confirmDecline'),
      busy: isBusy,
      onConfirm: () => decline(offer, reasonKey),
      onCancel: () => {
        declining.close(offer.offerId);
        render();
      },
    });
  }

  /**
   * @param {MyOffer} offer
   * @param {string} reasonKey
   */
  function decline(offer, reasonKey) {
    return rows.run(offer.offerId, ['reason'], async () => {
      const reason = (drafts.get(reasonKey) ?? '').trim();
      await ctx.api.post(
        `/offers/${encodeURIComponent(offer.offerId)}/decline`,
        reason === '' ? {} : { reason },
      );
      declining.close(offer.offerId);
      drafts.delete(reasonKey);
      ctx.notify('success', t('offers.declined'));
      return succeeded(() => t('offers.declined'));
    });
  }

  return viewLifecycle({
    loader,
    render,
    setContainer: (element) => (container = element),
  });
}

/**
 * 认领记录: every claim this unit made and what became of it.
 * @param {ViewContext} ctx
 */
export function createClaimsView(ctx) {
  /** @type {HTMLElement | null} */
  let container = null;
  const loader = createLoader(() => /** @type {Promise<MyClaim[]>} */ (ctx.api.get('/me/claims')), render);
  const rows = createRowActions(loader, render);
  const reports = createReportDrafts(render);

  function render() {
    if (!container) return;
    const claims = Array.isArray(loader.state.data)
      ? [...loader.state.data].sort((a, b) => String(b.at).localeCompare(String(a.at)))
      : undefined;
    drawListView(
      container,
      loader,
      { title: t('tab.claims'), count: claims?.length, extra: exportButtons(ctx, { name: 'claims' }) },
      () => (!claims || claims.length === 0 ? emptyBlock(t('claims.empty')) : table(claims)),
    );
  }

  /** @param {readonly MyClaim[]} claims */
  function table(claims) {
    return dataTable(
      'claims-table',
      [
        { label: t('claims.project') },
        { label: t('claims.quantity'), num: true },
        { label: t('claims.accepted'), num: true },
        { label: t('claims.decision') },
        { label: t('claims.projectStatus') },
        { label: t('claims.at') },
        { label: t('claims.actions') },
      ],
      claims,
      claimRow,
    );
  }

  /** @param {MyClaim} claim */
  function claimRow(claim) {
    const state = rows.feedback(claim.claimId);
    return h(
      'tr',
      {
        dataset: {
          testid: 'claim-row',
          claimId: claim.claimId,
          projectId: claim.projectId,
          decision: claim.decision,
        },
      },
      h('th', { scope: 'row', class: 'cell-title' }, claim.title ?? claim.projectId),
      h('td', { class: 'num' }, formatNumber(claim.quantity)),
      h('td', { class: 'num' }, formatNumber(claim.acceptedQuantity)),
      h(
        'td',
        null,
        h(
          'span',
          { class: ['badge', `decision-${claim.decision}`], dataset: { testid: 'claim-decision' } },
          decisionLabel(claim.decision),
        ),
        claim.decision === 'rejected' && claim.code
          ? h(
              'span',
              { class: 'cell-note', dataset: { testid: 'claim-reason' } },
              // The code says why in words; the decision's `reason` is developer English.
              claimCodeLabel(claim.code),
            )
          : null,
      ),
      h(
        'td',
        null,
        claim.projectStatus ? statusBadge(claim.projectStatus) : t('common.none'),
        completionNote(claim.completion),
        contactsNote([claim.contact]),
      ),
      h('td', null, h('time', { datetime: claim.at }, formatDateTime(claim.at))),
      h(
        'td',
        null,
        claim.decision === 'accepted' && claim.projectStatus === 'claimed'
          ? startButton(ctx, rows, {
              key: claim.claimId,
              projectId: claim.projectId,
              title: claim.title,
              className: 'btn-small btn-primary',
            })
          : null,
        claim.decision === 'accepted' && claim.projectStatus === 'in-progress'
          ? unitReport({
              ctx,
              rows,
              drafts: reports,
              key: claim.claimId,
              projectId: claim.projectId,
              report: claim.report,
              render,
            })
          : null,
        reports.isOpen(claim.claimId) ? null : rowMessage(state.message),
      ),
    );
  }

  return viewLifecycle({
    loader,
    render,
    setContainer: (element) => (container = element),
  });
}

/**
 * 开始服务: starts claimed work; offer rows and claim rows both have it, by their own row key.
 * @param {ViewContext} ctx
 * @param {import('./row-actions.js').RowActions} rows
 * @param {{ key: string, projectId: string, title: string | null | undefined, className: string }} options
 */
function startButton(ctx, rows, { key, projectId, title, className }) {
  return actionButton(t('offers.start'), {
    action: 'start',
    key: `start:${key}`,
    className,
    disabled: rows.isBusy(key),
    onClick: () =>
      void rows.run(key, [], async () => {
        await ctx.api.post(`/projects/${encodeURIComponent(projectId)}/start`);
        ctx.notify('success', `${title ?? ''} · ${t('offers.started')}`);
        return succeeded(() => t('offers.started'));
      }),
  });
}
