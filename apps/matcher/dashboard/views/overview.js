// @ts-check

import { COLORS, STATUS_COLORS } from '../charts.js';
import { h, replaceContent } from '../dom.js';
import { formatNumber, formatPercent, formatQuantity, formatRelative } from '../format.js';
import { categoryLabel, statusLabel, t } from '../i18n.js';
import { PROJECT_STATUSES } from '../vocab.js';
import { createChartLayout } from './chart-layout.js';
import { allianceExports } from './exports.js';
import {
  createLoader,
  emptyBlock,
  showsPlaceholder,
  staleNote,
  viewHeader,
  viewLifecycle,
} from './common.js';

/** @typedef {import('../api.js').Schemas['AllianceOverview']} AllianceOverview */
/** @typedef {import('../charts.js').ChartOption} ChartOption */
/** @typedef {import('echarts').BarSeriesOption} BarSeries */
/** @typedef {import('echarts').XAXisComponentOption & import('echarts').YAXisComponentOption} Axis */

/**
 * 总览: the state of the alliance at a glance, for the joint meeting's wall screen. The layout
 * is built once per visit and charts are updated in place, so live refreshes do not flicker.
 * @param {import('./common.js').ViewContext} ctx
 */
export function createOverviewView(ctx) {
  /** @type {HTMLElement | null} */
  let container = null;
  const loader = createLoader(
    () => /** @type {Promise<AllianceOverview>} */ (ctx.api.get('/alliance/overview')),
    render,
  );
  const layout = createChartLayout(buildLayout);

  function render() {
    if (!container || showsPlaceholder(container, loader, t('tab.overview'), layout.dispose)) return;
    const parts = layout.parts();
    /** @type {Partial<AllianceOverview>} */
    const data = loader.state.data ?? {};
    replaceContent(
      parts.header,
      viewHeader({ title: t('tab.overview'), loader, extra: allianceExports(ctx) }),
      staleNote(loader),
    );
    replaceContent(parts.kpis, ...kpis(data));
    replaceContent(
      parts.claimSummary,
      t('overview.demandToClaimSummary', {
        p50: formatNumber(data.demandToClaimHours?.p50, 1),
        p90: formatNumber(data.demandToClaimHours?.p90, 1),
        count: formatNumber(data.demandToClaimHours?.count),
      }),
    );
    replaceContent(parts.openHall, openHallList(data.openHall));
    drawChart(
      'chart-coverage-community',
      coverageOption(data.coverageByCommunity, (row) => row.name),
    );
    drawChart(
      'chart-coverage-category',
      coverageOption(data.coverageByCategory, (row) => categoryLabel(row.category)),
    );
    drawChart('chart-supply-category', supplyOption(data.supplyByCategory));
    drawChart('chart-demand-to-claim', histogramOption(data.demandToClaimHours));
    drawChart('chart-status', statusOption(data.statusCounts));
    // One row per unit: the chart grows with the alliance instead of squeezing its bars.
    const unitCount = Array.isArray(data.units) ? data.units.length : 0;
    const unitsChart = parts.chartElements.get('chart-units');
    if (unitsChart) unitsChart.style.height = `${Math.max(260, 72 + unitCount * 44)}px`;
    drawChart('chart-units', unitsOption(data.units));
  }

  function buildLayout() {
    const parts = {
      header: h('div'),
      kpis: h('div', { class: 'kpi-strip', dataset: { testid: 'kpis' } }),
      claimSummary: h('p', { class: 'card-note', dataset: { testid: 'demand-to-claim-summary' } }),
      openHall: h('div', { class: 'open-hall', id: 'open-hall', dataset: { testid: 'open-hall' } }),
      /** @type {Map<string, HTMLElement>} */
      chartElements: new Map(),
    };
    /**
     * @param {string} id
     * @param {string} title
     * @param {{ span?: number, note?: HTMLElement | null }} [options]
     */
    const chartCard = (id, title, { span = 4, note = null } = {}) => {
      const element = h('div', { class: 'chart', id, role: 'img', 'aria-label': title });
      parts.chartElements.set(id, element);
      return h(
        'section',
        { class: ['card', 'chart-card', `span-${span}`], id: `card-${id.replace(/^chart-/, '')}` },
        h('h3', { class: 'card-heading' }, title),
        note,
        element,
      );
    };
    // Built from render(), once it has checked that the view is on screen.
    if (!container) return parts;
    replaceContent(
      container,
      parts.header,
      parts.kpis,
      h(
        'div',
        { class: 'chart-grid' },
        chartCard('chart-coverage-community', t('overview.coverageCommunity'), { span: 8 }),
        h(
          'section',
          { class: ['card', 'chart-card', 'span-4'], id: 'card-open-hall' },
          h('h3', { class: 'card-heading' }, t('overview.openHall')),
          parts.openHall,
        ),
        chartCard('chart-coverage-category', t('overview.coverageCategory')),
        chartCard('chart-supply-category', t('overview.supplyCategory')),
        chartCard('chart-demand-to-claim', t('overview.demandToClaim'), { note: parts.claimSummary }),
        chartCard('chart-status', t('overview.statusCounts')),
        chartCard('chart-units', t('overview.units'), { span: 8 }),
      ),
    );
    return parts;
  }

  /**
   * @param {string} id
   * @param {ChartOption} option
   */
  function drawChart(id, option) {
    const element = layout.parts().chartElements.get(id);
    if (element) layout.draw(element, option);
  }

  return viewLifecycle({
    loader,
    render,
    dispose: layout.dispose,
    setContainer: (element) => (container = element),
  });
}

/** @param {Partial<AllianceOverview>} data */
function kpis(data) {
  const counts = data.statusCounts ?? {};
  const total = Object.values(counts).reduce((sum, value) => sum + (Number(value) || 0), 0);
  const sums = (data.coverageByCommunity ?? []).reduce(
    (acc, row) => ({
      requested: acc.requested + (Number(row.requested) || 0),
      allocated: acc.allocated + (Number(row.allocated) || 0),
      claimed: acc.claimed + (Number(row.claimed) || 0),
    }),
    { requested: 0, allocated: 0, claimed: 0 },
  );
  /** @param {number} part */
  const rate = (part) => (sums.requested > 0 ? part / sums.requested : NaN);
  /**
   * @param {string} name
   * @param {string} label
   * @param {string} value
   * @param {string} [className]
   */
  const kpi = (name, label, value, className) =>
    h(
      'div',
      { class: ['kpi', className], dataset: { testid: `kpi-${name}` } },
      h('span', { class: 'kpi-value' }, value),
      h('span', { class: 'kpi-label' }, label),
    );
  return [
    kpi('projects', t('overview.kpi.projects'), formatNumber(total)),
    kpi('proposed', t('overview.kpi.proposed'), formatNumber(counts.proposed ?? 0), 'is-attention'),
    kpi('in-progress', t('overview.kpi.inProgress'), formatNumber(counts['in-progress'] ?? 0)),
    kpi('completed', t('overview.kpi.completed'), formatNumber(counts.completed ?? 0), 'is-good'),
    kpi('allocated-rate', t('overview.kpi.allocatedRate'), formatPercent(rate(sums.allocated))),
    kpi('claimed-rate', t('overview.kpi.claimedRate'), formatPercent(rate(sums.claimed)), 'is-primary'),
  ];
}

/** @param {AllianceOverview['openHall'] | undefined} rows */
function openHallList(rows) {
  if (!Array.isArray(rows) || rows.length === 0) return emptyBlock(t('overview.openHallEmpty'));
  return h(
    'ul',
    { class: 'plain-list' },
    rows.map((row) =>
      h(
        'li',
        { class: 'open-hall-row', dataset: { testid: 'open-hall-row', projectId: row.projectId } },
        h('span', { class: 'open-hall-title' }, row.title),
        h('span', { class: 'open-hall-qty' }, formatQuantity(row.quantity, row.quantityUnit)),
        h(
          'span',
          { class: 'muted open-hall-since', title: row.since },
          t('overview.openHallSince', { time: formatRelative(row.since) }),
        ),
      ),
    ),
  );
}

// Many communities or categories would squeeze the bars; past this many, the chart scrolls.
const VISIBLE_BARS = 10;

/**
 * @param {string[]} labels
 * @param {{ tiltAbove?: number }} [options]
 * @returns {Axis}
 */
function categoryAxis(labels, { tiltAbove = 5 } = {}) {
  // Chinese labels run wide: past a handful, tilt them rather than drop every other one.
  const crowded = labels.length > tiltAbove;
  return {
    type: 'category',
    data: labels,
    axisTick: { alignWithLabel: true },
    axisLabel: {
      interval: 0,
      rotate: crowded ? 35 : 0,
      width: crowded ? 84 : 110,
      overflow: 'truncate',
      color: COLORS.muted,
    },
    axisLine: { lineStyle: { color: COLORS.neutralSoft } },
  };
}

/** @returns {Axis} */
const valueAxis = () => ({
  type: 'value',
  axisLabel: { color: COLORS.muted },
  splitLine: { lineStyle: { color: COLORS.grid } },
});

/**
 * @param {number} count
 * @returns {import('echarts').DataZoomComponentOption[]}
 */
function scrollFor(count) {
  if (count <= VISIBLE_BARS) return [];
  return [
    { type: 'slider', height: 14, bottom: 4, end: (VISIBLE_BARS / count) * 100, brushSelect: false },
    { type: 'inside' },
  ];
}

// One series: a bar per row of `list` as long as row[key] (a missing or odd value draws as
// zero), rounded at its free end.
/**
 * @template Row
 * @param {readonly Row[]} list
 * @param {keyof Row} key
 * @param {string} name
 * @param {string} color
 * @param {BarSeries & { horizontal?: boolean }} [options]
 * @returns {BarSeries}
 */
function barSeries(list, key, name, color, { horizontal = false, ...extra } = {}) {
  return {
    name,
    type: 'bar',
    data: list.map((row) => Number(row[key]) || 0),
    itemStyle: { color, borderRadius: horizontal ? [0, 3, 3, 0] : [3, 3, 0, 0] },
    barMaxWidth: horizontal ? 18 : 22,
    ...extra,
  };
}

/**
 * Upright bars over the labels, scrolling sideways once there are more than VISIBLE_BARS.
 * @param {string[]} labels
 * @param {BarSeries[]} series
 * @returns {ChartOption}
 */
function columnsOption(labels, series) {
  return {
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    grid: { left: 8, right: 16, top: 40, bottom: labels.length > VISIBLE_BARS ? 28 : 8, containLabel: true },
    xAxis: categoryAxis(labels),
    yAxis: valueAxis(),
    dataZoom: scrollFor(labels.length),
    series,
  };
}

/**
 * @template {{ requested: number, allocated: number, claimed: number }} Row
 * @param {readonly Row[] | undefined} rows
 * @param {(row: Row) => string} labelOf
 */
function coverageOption(rows = [], labelOf) {
  const list = Array.isArray(rows) ? rows : [];
  /**
   * @param {'requested' | 'allocated' | 'claimed'} key
   * @param {string} name
   * @param {string} color
   */
  const bar = (key, name, color) => barSeries(list, key, name, color, { emphasis: { focus: 'series' } });
  return columnsOption(list.map(labelOf), [
    bar('requested', t('overview.requested'), COLORS.neutralSoft),
    bar('allocated', t('overview.allocated'), COLORS.gold),
    bar('claimed', t('overview.claimed'), COLORS.red),
  ]);
}

/** @param {AllianceOverview['supplyByCategory'] | undefined} rows */
function supplyOption(rows = []) {
  const list = Array.isArray(rows) ? rows : [];
  return columnsOption(
    list.map((row) => categoryLabel(row.category)),
    [
      barSeries(list, 'offered', t('overview.offered'), '#b9cfe6'),
      barSeries(list, 'used', t('overview.used'), COLORS.blue),
    ],
  );
}

/**
 * @param {Partial<AllianceOverview['demandToClaimHours']> | undefined} hours
 * @returns {ChartOption}
 */
function histogramOption(hours = {}) {
  const buckets = Array.isArray(hours?.buckets) ? hours.buckets : [];
  return {
    legend: { show: false },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    xAxis: categoryAxis(
      buckets.map((bucket) => bucket.label),
      { tiltAbove: 12 },
    ),
    yAxis: { ...valueAxis(), minInterval: 1 },
    series: [
      {
        name: t('overview.count'),
        type: 'bar',
        barCategoryGap: '8%',
        data: buckets.map((bucket) => Number(bucket.count) || 0),
        itemStyle: { color: COLORS.red, borderRadius: [2, 2, 0, 0] },
      },
    ],
  };
}

/**
 * @param {AllianceOverview['statusCounts'] | undefined} counts
 * @returns {ChartOption}
 */
function statusOption(counts = {}) {
  const known = PROJECT_STATUSES.filter((status) => Number(counts?.[status]) > 0);
  /** @type {readonly string[]} */
  const statuses = PROJECT_STATUSES;
  const extra = Object.keys(counts ?? {}).filter(
    (status) => !statuses.includes(status) && Number(counts[status]) > 0,
  );
  const data = [...known, ...extra].map((status) => ({
    name: statusLabel(status),
    value: Number(counts[status]),
    itemStyle: { color: STATUS_COLORS[status] ?? COLORS.neutral },
  }));
  const total = data.reduce((sum, item) => sum + item.value, 0);
  const countOf = new Map(data.map((item) => [item.name, item.value]));
  return {
    tooltip: { trigger: 'item', confine: true, formatter: '{b}: {c} ({d}%)' },
    // Counts sit in the legend: outer labels collide as soon as a few statuses are small.
    legend: {
      type: 'scroll',
      orient: 'vertical',
      right: 8,
      top: 'middle',
      left: 'auto',
      formatter: (name) => `${name}  ${countOf.get(name) ?? 0}`,
    },
    title: {
      text: formatNumber(total),
      subtext: t('overview.kpi.projects'),
      left: '34%',
      top: '41%',
      textAlign: 'center',
      textStyle: { fontSize: 24, fontWeight: 600, color: COLORS.ink },
      subtextStyle: { color: COLORS.muted },
      itemGap: 2,
    },
    series: [
      {
        name: t('overview.statusCounts'),
        type: 'pie',
        radius: ['50%', '76%'],
        center: ['34%', '52%'],
        itemStyle: { borderColor: '#fff', borderWidth: 2 },
        label: { show: false },
        data,
      },
    ],
  };
}

/**
 * @param {AllianceOverview['units'] | undefined} rows
 * @returns {ChartOption}
 */
function unitsOption(rows = []) {
  const list = (Array.isArray(rows) ? [...rows] : []).sort(
    (a, b) => (Number(a.points) || 0) - (Number(b.points) || 0),
  );
  return {
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      confine: true,
      // Built as elements, not an HTML string: unit names come from submitted lists.
      formatter: (params) => {
        const index = Array.isArray(params) ? params[0]?.dataIndex : params?.dataIndex;
        const row = index === undefined ? undefined : list[index];
        if (!row) return '';
        return h(
          'div',
          { class: 'chart-tooltip' },
          h('strong', null, row.name),
          h('div', null, `${t('overview.points')}: ${formatNumber(row.points)}`),
          h('div', null, `${t('overview.projects')}: ${formatNumber(row.projects)}`),
          h('div', null, `${t('overview.claimed')}: ${formatNumber(row.claimed)}`),
        );
      },
    },
    grid: { left: 8, right: 48, top: 40, bottom: 8, containLabel: true },
    xAxis: valueAxis(),
    yAxis: { ...categoryAxis(list.map((row) => row.name)), axisLabel: { color: COLORS.ink, width: 140 } },
    // Sideways bars with their value at the end: unit names are long, the numbers short.
    series: [
      barSeries(list, 'points', t('overview.points'), COLORS.red, {
        horizontal: true,
        label: { show: true, position: 'right', color: COLORS.ink },
      }),
      barSeries(list, 'projects', t('overview.projects'), COLORS.gold, {
        horizontal: true,
        label: { show: true, position: 'right', color: COLORS.muted },
      }),
    ],
  };
}
