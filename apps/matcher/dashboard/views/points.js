// @ts-check

import { COLORS } from '../charts.js';
import { h, replaceContent } from '../dom.js';
import { formatDateTime, formatDay, formatNumber } from '../format.js';
import { t } from '../i18n.js';
import { createChartLayout } from './chart-layout.js';
import {
  createLoader,
  emptyBlock,
  showsPlaceholder,
  staleNote,
  viewHeader,
  viewLifecycle,
} from './common.js';
import { exportButtons } from './exports.js';
import { dataTable } from './table.js';

const DAY_MS = 86_400_000;
/** @typedef {import('../api.js').Schemas} Schemas */
/** @typedef {Schemas['MyClaim']} MyClaim */
/** @typedef {import('./common.js').ViewContext} ViewContext */
/**
 * A point entry with the title of its project and the community's rating, when one of this
 * unit's claims names them.
 * @typedef {Schemas['PointsLedger']['entries'][number] & { title?: string | null, rating?: number | null }} PointsEntry
 */

/**
 * 积分: points earned by completed work, with how they accumulated.
 * @param {ViewContext} ctx
 */
export function createPointsView(ctx) {
  /** @type {HTMLElement | null} */
  let container = null;
  // Point entries name only the project; this unit's claims carry its title and rating.
  const loader = createLoader(async () => {
    const [points, claims] = /** @type {[Schemas['PointsLedger'], MyClaim[]]} */ (
      await Promise.all([ctx.api.get('/me/points'), ctx.api.get('/me/claims')])
    );
    const byProject = new Map((Array.isArray(claims) ? claims : []).map((claim) => [claim.projectId, claim]));
    const entries = Array.isArray(points?.entries) ? points.entries : [];
    /** @type {PointsEntry[]} */
    const titled = entries.map((entry) => {
      const claim = byProject.get(entry.projectId);
      return { title: claim?.title, rating: claim?.completion?.rating ?? null, ...entry };
    });
    return { ...points, entries: titled };
  }, render);
  const layout = createChartLayout(buildLayout);

  function render() {
    if (!container || showsPlaceholder(container, loader, t('tab.points'), layout.dispose)) return;
    const parts = layout.parts();
    /** @type {Partial<{ total: number, entries: PointsEntry[] }>} */
    const data = loader.state.data ?? {};
    const entries = (Array.isArray(data.entries) ? [...data.entries] : []).sort((a, b) =>
      String(a.at).localeCompare(String(b.at)),
    );
    replaceContent(
      parts.header,
      viewHeader({ title: t('tab.points'), loader, extra: exportButtons(ctx, { name: 'points' }) }),
      staleNote(loader),
    );
    replaceContent(parts.total, formatNumber(Number(data.total)));
    replaceContent(
      parts.table,
      entries.length === 0 ? emptyBlock(t('points.empty')) : entriesTable([...entries].reverse()),
    );
    layout.draw(parts.chart, trendOption(entries));
  }

  function buildLayout() {
    const parts = {
      header: h('div'),
      total: h('span', { class: 'kpi-value', dataset: { testid: 'points-total' } }),
      chart: h('div', { class: 'chart', id: 'chart-points', role: 'img', 'aria-label': t('points.trend') }),
      table: h('div'),
    };
    // Built from render(), once it has checked that the view is on screen.
    if (!container) return parts;
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

  return viewLifecycle({
    loader,
    render,
    dispose: layout.dispose,
    setContainer: (element) => (container = element),
  });
}

/** @param {readonly PointsEntry[]} entries */
function entriesTable(entries) {
  return dataTable(
    'points-table',
    [
      { label: t('points.at') },
      { label: t('points.project') },
      { label: t('points.reason') },
      { label: t('points.points'), num: true },
    ],
    entries,
    (entry) =>
      h(
        'tr',
        { dataset: { testid: 'points-row', projectId: entry.projectId } },
        h('td', null, h('time', { datetime: entry.at }, formatDateTime(entry.at))),
        entry.title
          ? h('td', null, entry.title)
          : h('td', { class: 'mono', title: entry.projectId }, shortId(entry.projectId)),
        // Points come only from confirmed work; the ledger's own reason is developer English.
        h(
          'td',
          { dataset: { testid: 'points-reason' } },
          typeof entry.rating === 'number'
            ? t('points.reason.completedRated', { rating: entry.rating })
            : t('points.reason.completed'),
        ),
        h('td', { class: 'num strong' }, `+${formatNumber(Number(entry.points))}`),
      ),
  );
}

/**
 * @param {readonly PointsEntry[]} entries
 * @returns {import('../charts.js').ChartOption}
 */
function trendOption(entries) {
  let running = 0;
  const points = entries.map((entry) => {
    running += Number(entry.points) || 0;
    return [entry.at, running];
  });
  // The total starts from nothing a day before the first credit, so even one entry draws a
  // step rather than a lone dot.
  const first = entries[0] ? Date.parse(entries[0].at) : NaN;
  if (Number.isFinite(first)) points.unshift([new Date(first - DAY_MS).toISOString(), 0]);
  return {
    legend: { show: false },
    tooltip: {
      trigger: 'axis',
      confine: true,
      // ECharts would write the moment in its own format; the page has one way of writing dates.
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        const [at, total] = /** @type {[string, number]} */ (first?.data ?? []);
        return h(
          'div',
          { class: 'chart-tooltip' },
          h('strong', null, formatDateTime(at)),
          h('div', null, `${t('points.total')}: ${formatNumber(total)}`),
        );
      },
    },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    // Whole days between ticks, and none drawn over another: on a phone a week of hourly ticks
    // all read 12月6日 and ran into each other.
    xAxis: {
      type: 'time',
      minInterval: DAY_MS,
      axisLabel: { color: COLORS.muted, hideOverlap: true, formatter: (value) => formatDay(value) },
    },
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

/** @param {string | undefined} id */
function shortId(id) {
  return typeof id === 'string' && id.length > 8 ? `${id.slice(0, 8)}…` : (id ?? '');
}
