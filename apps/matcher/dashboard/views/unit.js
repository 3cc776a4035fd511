import { ApiError, UnauthorizedError } from '../api.js';
import { COLORS, mountChart } from '../charts.js';
import { h, randomId, replaceContent } from '../dom.js';
import { feedbackOf, field, numberOrUndefined, placeApiError, placeProblems, rowMessage } from '../forms.js';
import { formatDateTime, formatNumber, formatQuantity, formatRelative, formatWindow } from '../format.js';
import {
  categoryLabel,
  claimCodeLabel,
  decisionLabel,
  offerStatusLabel,
  stageLabel,
  t,
  unitName,
  unitSuffix,
} from '../i18n.js';
import {
  chip,
  createLoader,
  emptyBlock,
  lifecycle,
  placeholder,
  staleNote,
  statusBadge,
  viewHeader,
} from './common.js';

/**
 * What a member unit (成员单位) does: claim (认领) what is offered to it, decline what it cannot
 * serve, start claimed work, and see its record and points (积分).
 */

const CLAIM_FIELDS = ['quantity', 'note'];

/** 派单: offers to this unit, open ones first and soonest to expire on top. */
export function createOffersView(ctx) {
  let container = null;
  const drafts = new Map();
  const feedback = new Map();
  const busy = new Set();
  const loader = createLoader(() => ctx.api.get('/me/offers'), render);

  function render() {
    if (!container) return;
    const offers = Array.isArray(loader.state.data) ? loader.state.data : undefined;
    const open = offers
      ?.filter((offer) => offer.status === 'open')
      .sort((a, b) => String(a.expiresAt).localeCompare(String(b.expiresAt)));
    const others = offers
      ?.filter((offer) => offer.status !== 'open')
      .sort((a, b) => String(b.expiresAt).localeCompare(String(a.expiresAt)));
    replaceContent(
      container,
      viewHeader({ title: t('tab.offers'), count: offers?.length, loader }),
      staleNote(loader),
      placeholder(loader, () => void loader.refresh()) ?? [
        h(
          'section',
          { class: 'group', 'aria-labelledby': 'offers-open' },
          h('h3', { class: 'group-title', id: 'offers-open' }, t('offers.open')),
          open.length === 0
            ? emptyBlock(t('offers.openEmpty'))
            : h('div', { class: 'card-list' }, open.map(offerRow)),
        ),
        others.length > 0
          ? h(
              'section',
              { class: 'group', 'aria-labelledby': 'offers-history' },
              h('h3', { class: 'group-title', id: 'offers-history' }, t('offers.history')),
              h('div', { class: 'card-list' }, others.map(offerRow)),
            )
          : null,
      ],
    );
  }

  function offerRow(offer) {
    const project = offer.project ?? {};
    const state = feedbackOf(feedback.get(offer.offerId));
    const isBusy = busy.has(offer.offerId);
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
      h(
        'header',
        { class: 'card-head' },
        h(
          'div',
          { class: 'card-title-line' },
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
        ),
        h(
          'div',
          { class: 'card-meta' },
          h('span', { class: 'meta-strong' }, project.submitterName),
          chip(categoryLabel(project.category), 'chip-category'),
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
        ),
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
      offer.status === 'open' ? claimForm(offer, state, isBusy) : null,
      offer.status === 'claimed' && project.status === 'claimed'
        ? h(
            'div',
            { class: 'card-actions' },
            h(
              'button',
              {
                type: 'button',
                class: 'btn btn-primary',
                dataset: { action: 'start', key: `start:${offer.offerId}` },
                disabled: isBusy,
                onClick: () => void start(offer),
              },
              t('offers.start'),
            ),
          )
        : null,
      rowMessage(state.message),
    );
  }

  function claimForm(offer, state, isBusy) {
    const quantityKey = `quantity:${offer.offerId}`;
    const noteKey = `note:${offer.offerId}`;
    return h(
      'form',
      {
        class: 'card-actions claim-form',
        novalidate: true,
        onSubmit: (event) => {
          event.preventDefault();
          void claim(offer, quantityKey, noteKey);
        },
      },
      h(
        'div',
        { class: 'form-row' },
        field({
          name: 'quantity',
          label: t('offers.claimQuantity'),
          control: h('input', {
            type: 'number',
            name: 'quantity',
            inputmode: 'numeric',
            step: 'any',
            value: drafts.get(quantityKey) ?? String(offer.quantity ?? ''),
            dataset: { key: quantityKey },
            onInput: (event) => drafts.set(quantityKey, event.target.value),
          }),
          errors: state.fields?.quantity ?? [],
          className: 'field-quantity',
          labelNote: unitName(offer.project?.quantityUnit) || null,
        }),
        field({
          name: 'note',
          label: t('offers.note'),
          optional: true,
          control: h('input', {
            type: 'text',
            name: 'note',
            placeholder: t('offers.notePlaceholder'),
            value: drafts.get(noteKey) ?? '',
            dataset: { key: noteKey },
            onInput: (event) => drafts.set(noteKey, event.target.value),
          }),
          errors: state.fields?.note ?? [],
          className: 'field-grow',
        }),
        h(
          'div',
          { class: 'button-row form-row-end' },
          h(
            'button',
            {
              type: 'submit',
              class: 'btn btn-primary',
              dataset: { action: 'claim', key: `claim:${offer.offerId}` },
              disabled: isBusy,
            },
            t('offers.claim'),
          ),
          h(
            'button',
            {
              type: 'button',
              class: 'btn btn-secondary',
              dataset: { action: 'decline', key: `decline:${offer.offerId}` },
              disabled: isBusy,
              onClick: () => void decline(offer),
            },
            t('offers.decline'),
          ),
        ),
      ),
    );
  }

  async function act(offer, run) {
    busy.add(offer.offerId);
    feedback.delete(offer.offerId);
    render();
    try {
      feedback.set(offer.offerId, await run());
    } catch (error) {
      if (error instanceof UnauthorizedError) return;
      feedback.set(offer.offerId, () => placeApiError(error, CLAIM_FIELDS));
    } finally {
      busy.delete(offer.offerId);
    }
    render();
    await loader.refresh();
  }

  function claim(offer, quantityKey, noteKey) {
    return act(offer, async () => {
      const note = drafts.get(noteKey);
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

  /** Reads a claim answer; returns the row's feedback as a function (see feedbackOf). */
  function claimOutcome(answer, offer, quantityKey, noteKey) {
    const decision = answer.body && typeof answer.body === 'object' ? answer.body : {};
    if (answer.ok && decision.decision === 'accepted') {
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
      return () => ({ message: { kind: 'success', text: text() } });
    }
    if (decision.decision === 'rejected') {
      return () => {
        const placed = placeProblems(decision.problems, (path) =>
          CLAIM_FIELDS.includes(path) ? path : null,
        );
        const hasFieldProblems = Object.keys(placed.fields).length > 0;
        return {
          fields: placed.fields,
          message:
            hasFieldProblems && placed.general.length === 0
              ? null
              : {
                  kind: 'error',
                  text: claimCodeLabel(decision.code),
                  detail: decision.reason,
                  items: placed.general,
                },
        };
      };
    }
    // Not a claim answer (403, 404, 5xx): the usual error envelope.
    const error = apiErrorOf(answer);
    return () => placeApiError(error, CLAIM_FIELDS);
  }

  function decline(offer) {
    return act(offer, async () => {
      await ctx.api.post(`/offers/${encodeURIComponent(offer.offerId)}/decline`);
      return () => ({ message: { kind: 'success', text: t('offers.declined') } });
    });
  }

  function start(offer) {
    return act(offer, async () => {
      await ctx.api.post(`/projects/${encodeURIComponent(offer.projectId)}/start`);
      ctx.notify('success', `${offer.project?.title ?? ''} · ${t('offers.started')}`);
      return () => ({ message: { kind: 'success', text: t('offers.started') } });
    });
  }

  return lifecycle(loader, (element) => {
    container = element;
    if (!element) return;
    render();
  });
}

/** 认领记录: every claim this unit made and what became of it. */
export function createClaimsView(ctx) {
  let container = null;
  const feedback = new Map();
  const busy = new Set();
  const loader = createLoader(() => ctx.api.get('/me/claims'), render);

  function render() {
    if (!container) return;
    const claims = Array.isArray(loader.state.data)
      ? [...loader.state.data].sort((a, b) => String(b.at).localeCompare(String(a.at)))
      : undefined;
    replaceContent(
      container,
      viewHeader({ title: t('tab.claims'), count: claims?.length, loader }),
      staleNote(loader),
      placeholder(loader, () => void loader.refresh()) ??
        (claims.length === 0 ? emptyBlock(t('claims.empty')) : table(claims)),
    );
  }

  function table(claims) {
    return h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'data-table', dataset: { testid: 'claims-table' } },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', { scope: 'col' }, t('claims.project')),
            h('th', { scope: 'col', class: 'num' }, t('claims.quantity')),
            h('th', { scope: 'col', class: 'num' }, t('claims.accepted')),
            h('th', { scope: 'col' }, t('claims.decision')),
            h('th', { scope: 'col' }, t('claims.projectStatus')),
            h('th', { scope: 'col' }, t('claims.at')),
            h('th', { scope: 'col' }, t('claims.actions')),
          ),
        ),
        h(
          'tbody',
          null,
          claims.map((claim) => {
            const state = feedbackOf(feedback.get(claim.claimId));
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
                      claimCodeLabel(claim.code),
                      claim.reason ? h('span', { class: 'cell-note-detail' }, claim.reason) : null,
                    )
                  : null,
              ),
              h('td', null, claim.projectStatus ? statusBadge(claim.projectStatus) : t('common.none')),
              h('td', null, h('time', { datetime: claim.at }, formatDateTime(claim.at))),
              h(
                'td',
                null,
                claim.decision === 'accepted' && claim.projectStatus === 'claimed'
                  ? h(
                      'button',
                      {
                        type: 'button',
                        class: 'btn btn-small btn-primary',
                        dataset: { action: 'start', key: `start:${claim.claimId}` },
                        disabled: busy.has(claim.claimId),
                        onClick: () => void start(claim),
                      },
                      t('offers.start'),
                    )
                  : null,
                rowMessage(state.message),
              ),
            );
          }),
        ),
      ),
    );
  }

  async function start(claim) {
    busy.add(claim.claimId);
    feedback.delete(claim.claimId);
    render();
    try {
      await ctx.api.post(`/projects/${encodeURIComponent(claim.projectId)}/start`);
      ctx.notify('success', `${claim.title ?? ''} · ${t('offers.started')}`);
      feedback.set(claim.claimId, () => ({ message: { kind: 'success', text: t('offers.started') } }));
    } catch (error) {
      if (error instanceof UnauthorizedError) return;
      feedback.set(claim.claimId, () => placeApiError(error, []));
    } finally {
      busy.delete(claim.claimId);
    }
    render();
    await loader.refresh();
  }

  return lifecycle(loader, (element) => {
    container = element;
    if (!element) return;
    render();
  });
}

/** 积分: points earned by completed work, with how they accumulated. */
export function createPointsView(ctx) {
  let container = null;
  let layout = null;
  let chart = null;
  // Point entries name only the project; this unit's claims carry the titles.
  const loader = createLoader(async () => {
    const [points, claims] = await Promise.all([ctx.api.get('/me/points'), ctx.api.get('/me/claims')]);
    const titles = new Map(
      (Array.isArray(claims) ? claims : []).map((claim) => [claim.projectId, claim.title]),
    );
    const entries = Array.isArray(points?.entries) ? points.entries : [];
    return { ...points, entries: entries.map((entry) => ({ title: titles.get(entry.projectId), ...entry })) };
  }, render);

  function render() {
    if (!container) return;
    const waiting = placeholder(loader, () => void loader.refresh());
    if (waiting) {
      dispose();
      replaceContent(container, viewHeader({ title: t('tab.points'), loader }), waiting);
      return;
    }
    if (!layout) layout = buildLayout();
    const data = loader.state.data ?? {};
    const entries = (Array.isArray(data.entries) ? [...data.entries] : []).sort((a, b) =>
      String(a.at).localeCompare(String(b.at)),
    );
    replaceContent(layout.header, viewHeader({ title: t('tab.points'), loader }), staleNote(loader));
    replaceContent(layout.total, formatNumber(Number(data.total)));
    replaceContent(
      layout.table,
      entries.length === 0 ? emptyBlock(t('points.empty')) : entriesTable([...entries].reverse()),
    );
    const option = trendOption(entries);
    if (chart) chart.update(option);
    else chart = mountChart(layout.chart, option);
  }

  function buildLayout() {
    const parts = {
      header: h('div'),
      total: h('span', { class: 'kpi-value', dataset: { testid: 'points-total' } }),
      chart: h('div', { class: 'chart', id: 'chart-points', role: 'img', 'aria-label': t('points.trend') }),
      table: h('div'),
    };
    replaceContent(
      container,
      parts.header,
      h(
        'div',
        { class: 'points-layout' },
        h(
          'section',
          { class: ['card', 'points-total-card'] },
          h(
            'div',
            { class: 'kpi is-primary' },
            parts.total,
            h('span', { class: 'kpi-label' }, t('points.total')),
          ),
        ),
        h(
          'section',
          { class: ['card', 'chart-card'] },
          h('h3', { class: 'card-heading' }, t('points.trend')),
          parts.chart,
        ),
      ),
      parts.table,
    );
    return parts;
  }

  function dispose() {
    chart?.dispose();
    chart = null;
    layout = null;
  }

  return lifecycle(loader, (element) => {
    if (!element) dispose();
    container = element;
    if (element) render();
  });
}

function entriesTable(entries) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'data-table', dataset: { testid: 'points-table' } },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          h('th', { scope: 'col' }, t('points.at')),
          h('th', { scope: 'col' }, t('points.project')),
          h('th', { scope: 'col' }, t('points.reason')),
          h('th', { scope: 'col', class: 'num' }, t('points.points')),
        ),
      ),
      h(
        'tbody',
        null,
        entries.map((entry) =>
          h(
            'tr',
            { dataset: { testid: 'points-row', projectId: entry.projectId } },
            h('td', null, h('time', { datetime: entry.at }, formatDateTime(entry.at))),
            entry.title
              ? h('td', null, entry.title)
              : h('td', { class: 'mono', title: entry.projectId }, shortId(entry.projectId)),
            h('td', null, entry.reason ?? ''),
            h('td', { class: 'num strong' }, `+${formatNumber(Number(entry.points))}`),
          ),
        ),
      ),
    ),
  );
}

function trendOption(entries) {
  let running = 0;
  const points = entries.map((entry) => {
    running += Number(entry.points) || 0;
    return [entry.at, running];
  });
  return {
    legend: { show: false },
    tooltip: { trigger: 'axis', confine: true },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: { type: 'time', axisLabel: { color: COLORS.muted, formatter: '{MM}/{dd}' } },
    yAxis: { type: 'value', minInterval: 1, splitLine: { lineStyle: { color: COLORS.grid } } },
    series: [
      {
        name: t('points.total'),
        type: 'line',
        step: 'end',
        data: points,
        symbolSize: 6,
        itemStyle: { color: COLORS.red },
        areaStyle: { color: 'rgba(185, 28, 28, 0.08)' },
      },
    ],
  };
}

function shortId(id) {
  return typeof id === 'string' && id.length > 8 ? `${id.slice(0, 8)}…` : (id ?? '');
}

/** Turns a non-claim answer from /claims (403, 404, 5xx) into the error the helpers read. */
function apiErrorOf(answer) {
  const error = answer.body && typeof answer.body === 'object' && answer.body.error ? answer.body.error : {};
  return new ApiError({
    status: answer.status,
    code: error.code ?? (answer.status >= 500 ? 'server' : undefined),
    message: error.message ?? '',
    field: error.field,
    body: answer.body,
  });
}
