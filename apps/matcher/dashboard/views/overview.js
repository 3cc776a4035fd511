// @ts-check

import { COLORS, STATUS_COLORS } from '../charts.js';
import { h, replaceContent } from '../dom.js';
import { formatNumber, formatPercent, formatQuantity, formatRelative } from '../format.js';
import { categoryLabel, statusLabel, t, unitName } from '../i18n.js';
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
    const waits = data.demandToClaimHours;
    replaceContent(
      parts.claimSummary,
      Number(waits?.count) > 0
        ? t('overview.demandToClaimSummary', {
            p50: formatNumber(waits?.p50, 1),
            p90: formatNumber(waits?.p90, 1),
            count: formatNumber(waits?.count),
          })
        : null,
    );
    replaceContent(parts.openHall, openHallList(data.openHall));
    replaceContent(parts.quantities, quantitiesList(data.quantitiesByUnit));
    replaceContent(parts.supply, supplyList(data.supplyByCategory));
    const communities = listOf(data.coverageByCommunity);
    const categories = listOf(data.coverageByCategory);
    const demandCount = communities.reduce((sum, row) => sum + (Number(row.demands) || 0), 0);
    drawChart(
      'chart-coverage-community',
      communities.length > 0 ? coverageOption(communities, (row) => row.name) : t('overview.noDemands'),
    );
    drawChart(
      'chart-coverage-category',
      categories.length > 0
        ? coverageOption(categories, (row) => categoryLabel(row.category))
        : t('overview.noDemands'),
    );
    drawChart(
      'chart-claimed-share',
      demandCount > 0 ? shareOption(data.demandsByClaimedShare) : t('overview.noDemands'),
    );
    drawChart(
      'chart-demand-to-claim',
      Number(waits?.count) > 0 ? histogramOption(waits) : t('overview.demandToClaimNone'),
    );
    const statusTotal = Object.values(data.statusCounts ?? {}).reduce((sum, n) => sum + (Number(n) || 0), 0);
    drawChart('chart-status', statusTotal > 0 ? statusOption(data.statusCounts) : t('overview.noProjects'));
    // One row per unit: the chart grows with the alliance instead of squeezing its bars.
    const units = listOf(data.units);
    const unitsChart = parts.chartElements.get('chart-units');
    if (unitsChart) unitsChart.style.height = `${Math.max(260, 72 + units.length * 44)}px`;
    drawChart('chart-units', units.length > 0 ? unitsOption(units) : t('overview.noUnits'));
  }

  function buildLayout() {
    const parts = {
      header: h('div'),
      kpis: h('div', { class: 'kpi-strip', dataset: { testid: 'kpis' } }),
      claimSummary: h('p', { class: 'card-note', dataset: { testid: 'demand-to-claim-summary' } }),
      openHall: h('div', { class: 'open-hall', id: 'open-hall', dataset: { testid: 'open-hall' } }),
      quantities: h('div', { dataset: { testid: 'quantities-by-unit' } }),
      supply: h('div', { dataset: { testid: 'supply-by-category' } }),
      /** @type {Map<string, HTMLElement>} */
      chartElements: new Map(),
      /** What a chart card says instead of its chart when there is nothing to draw. @type {Map<string, HTMLElement>} */
      emptyNotes: new Map(),
    };
    /**
     * @param {string} id
     * @param {string} title
     * @param {{ span?: number, note?: HTMLElement | null }} [options]
     */
    const chartCard = (id, title, { span = 4, note = null } = {}) => {
      const element = h('div', { class: 'chart', id, role: 'img', 'aria-label': title });
      const empty = h('p', { class: 'chart-empty', hidden: true, dataset: { testid: 'chart-empty' } });
      parts.chartElements.set(id, element);
      parts.emptyNotes.set(id, empty);
      return h(
        'section',
        { class: ['card', 'chart-card', `span-${span}`], id: `card-${id.replace(/^chart-/, '')}` },
        h('h3', { class: 'card-heading' }, title),
        note,
        element,
        empty,
      );
    };
    /**
     * A card of figures in words and bars, for what a canvas would shrink past reading on a phone.
     * @param {string} name
     * @param {string} title
     * @param {HTMLElement} body
     */
    const listCard = (name, title, body) =>
      h(
        'section',
        { class: ['card', 'chart-card', 'span-6'], id: `card-${name}` },
        h('h3', { class: 'card-heading' }, title),
        body,
      );
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
        chartCard('chart-claimed-share', t('overview.claimedShare')),
        chartCard('chart-demand-to-claim', t('overview.demandToClaim'), { note: parts.claimSummary }),
        listCard('quantities-by-unit', t('overview.quantitiesByUnit'), parts.quantities),
        listCard('supply-category', t('overview.supplyCategory'), parts.supply),
        chartCard('chart-status', t('overview.statusCounts')),
        chartCard('chart-units', t('overview.units'), { span: 8 }),
      ),
    );
    return parts;
  }

  /**
   * Draws the chart, or, given words instead of an option, says them in its place: an empty
   * chart with its axes would read as data.
   * @param {string} id
   * @param {ChartOption | string} optionOrEmpty
   */
  function drawChart(id, optionOrEmpty) {
    const parts = layout.parts();
    const element = parts.chartElements.get(id);
    const empty = parts.emptyNotes.get(id);
    if (!element || !empty) return;
    const isEmpty = typeof optionOrEmpty === 'string';
    element.hidden = isEmpty;
    empty.hidden = !isEmpty;
    if (isEmpty) empty.textContent = optionOrEmpty;
    else layout.draw(element, optionOrEmpty);
  }

  return viewLifecycle({
    loader,
    render,
    dispose: layout.dispose,
    setContainer: (element) => (container = element),
  });
}

/**
 * The rows of a list the API gives, or none when it is missing or malformed.
 * @template Row
 * @param {readonly Row[] | undefined} rows
 * @returns {readonly Row[]}
 */
function listOf(rows) {
  return Array.isArray(rows) ? rows : [];
}

/** @param {Partial<AllianceOverview>} data */
function kpis(data) {
  const counts = data.statusCounts ?? {};
  const total = Object.values(counts).reduce((sum, value) => sum + (Number(value) || 0), 0);
  // Coverage counts demands, not quantities: 30 meals and 700 m²·days make no sum.
  const demands = listOf(data.coverageByCommunity).reduce(
    (acc, row) => ({
      all: acc.all + (Number(row.demands) || 0),
      allocated: acc.allocated + (Number(row.fullyAllocated) || 0),
      claimed: acc.claimed + (Number(row.fullyClaimed) || 0),
    }),
    { all: 0, allocated: 0, claimed: 0 },
  );
  /** @param {number} part */
  const ofDemands = (part) =>
    t('overview.ofDemands', { part: formatNumber(part), total: formatNumber(demands.all) });
  /** @param {number} part */
  const share = (part) =>
    demands.all > 0 ? t('overview.kpi.share', { percent: formatPercent(part / demands.all) }) : null;
  /**
   * @param {string} name
   * @param {string} label
   * @param {string} value
   * @param {string} [className]
   * @param {string | null} [note]
   */
  const kpi = (name, label, value, className, note = null) =>
    h(
      'div',
      { class: ['kpi', className], dataset: { testid: `kpi-${name}` } },
      h('span', { class: 'kpi-value' }, value),
      h('span', { class: 'kpi-label' }, label, note ? h('span', { class: 'kpi-note' }, note) : null),
    );
  return [
    kpi('projects', t('overview.kpi.projects'), formatNumber(total)),
    kpi('proposed', t('overview.kpi.proposed'), formatNumber(counts.proposed ?? 0), 'is-attention'),
    kpi('in-progress', t('overview.kpi.inProgress'), formatNumber(counts['in-progress'] ?? 0)),
    kpi('completed', t('overview.kpi.completed'), formatNumber(counts.completed ?? 0), 'is-good'),
    kpi(
      'allocated-demands',
      t('overview.kpi.allocatedDemands'),
      ofDemands(demands.allocated),
      undefined,
      share(demands.allocated),
    ),
    kpi(
      'met-demands',
      t('overview.kpi.metDemands'),
      ofDemands(demands.claimed),
      'is-primary',
      share(demands.claimed),
    ),
  ];
}

/**
 * A bar for a share in [0, 1] beside the words that say it; the words carry the figures, the
 * bar only lets the eye compare rows.
 * @param {number} ratio
 * @param {string} words
 * @param {string} [className]
 */
function shareLine(ratio, words, className) {
  const width = `${(Math.max(0, Math.min(1, ratio)) * 100).toFixed(1)}%`;
  return h(
    'div',
    { class: ['share-line', className] },
    h('span', { class: 'share-words' }, words),
    h(
      'span',
      { class: 'share-track', 'aria-hidden': 'true' },
      h('span', { class: 'share-fill', style: { width } }),
    ),
  );
}

/** @param {number} part @param {number} whole */
const ratioOf = (part, whole) => (whole > 0 ? part / whole : 0);

/**
 * 按计量单位的供需: per unit of measure, what demands ask and units claimed, what resources
 * offer and projects use — quantities added up only where they share a unit.
 * @param {AllianceOverview['quantitiesByUnit'] | undefined} rows
 */
function quantitiesList(rows) {
  const list = listOf(rows);
  if (list.length === 0) return emptyBlock(t('overview.noLists'));
  return h(
    'ul',
    { class: ['plain-list', 'share-list'] },
    list.map((row) => {
      const unit = row.quantityUnit;
      return h(
        'li',
        { class: 'share-row', dataset: { testid: 'unit-row', unit } },
        h('strong', { class: 'share-row-name' }, unitName(unit)),
        row.requested > 0
          ? shareLine(
              ratioOf(row.claimed, row.requested),
              t('overview.unitDemand', {
                requested: formatQuantity(row.requested, unit),
                allocated: formatQuantity(row.allocated, unit),
                claimed: formatQuantity(row.claimed, unit),
              }),
              'is-demand',
            )
          : h('div', { class: 'muted' }, t('overview.unitNoDemand')),
        row.offered > 0
          ? shareLine(
              ratioOf(row.used, row.offered),
              t('overview.unitSupply', { usage: formatQuantity(row.used, unit, { capacity: row.offered }) }),
              'is-supply',
            )
          : h('div', { class: 'muted' }, t('overview.unitNoSupply')),
      );
    }),
  );
}

/**
 * 各类别资源使用: per category and unit of measure, what projects use of what is offered.
 * @param {AllianceOverview['supplyByCategory'] | undefined} rows
 */
function supplyList(rows) {
  const list = listOf(rows);
  if (list.length === 0) return emptyBlock(t('overview.noResources'));
  return h(
    'ul',
    { class: ['plain-list', 'share-list'] },
    list.map((row) =>
      h(
        'li',
        {
          class: 'share-row',
          dataset: { testid: 'supply-row', category: row.category, unit: row.quantityUnit },
        },
        h('strong', { class: 'share-row-name' }, categoryLabel(row.category)),
        shareLine(
          ratioOf(row.used, row.offered),
          t('overview.supplyUsed', {
            usage: formatQuantity(row.used, row.quantityUnit, { capacity: row.offered }),
          }),
          'is-supply',
        ),
      ),
    ),
  );
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
 * Demands of each group counted: all, fully allocated, fully claimed (met).
 * @template {{ demands: number, fullyAllocated: number, fullyClaimed: number }} Row
 * @param {readonly Row[]} list
 * @param {(row: Row) => string} labelOf
 */
function coverageOption(list, labelOf) {
  /**
   * @param {'demands' | 'fullyAllocated' | 'fullyClaimed'} key
   * @param {string} name
   * @param {string} color
   */
  const bar = (key, name, color) => barSeries(list, key, name, color, { emphasis: { focus: 'series' } });
  const option = columnsOption(list.map(labelOf), [
    bar('demands', t('overview.demands'), COLORS.neutralSoft),
    bar('fullyAllocated', t('overview.fullyAllocated'), COLORS.gold),
    bar('fullyClaimed', t('overview.fullyClaimed'), COLORS.red),
  ]);
  return { ...option, yAxis: { ...valueAxis(), minInterval: 1 } };
}

// Bands from nothing claimed to fully met, grey to red.
const SHARE_COLORS = [COLORS.neutralSoft, COLORS.redSoft, COLORS.gold, COLORS.red];

/**
 * How many demands are claimed not at all, under half, half or more, in full.
 * @param {AllianceOverview['demandsByClaimedShare'] | undefined} bands
 * @returns {ChartOption}
 */
function shareOption(bands) {
  const list = listOf(bands);
  return {
    legend: { show: false },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, confine: true },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: categoryAxis(
      list.map((band) => t(`overview.share.${band.band}`)),
      { tiltAbove: 12 },
    ),
    yAxis: { ...valueAxis(), minInterval: 1 },
    series: [
      {
        name: t('overview.demands'),
        type: 'bar',
        barMaxWidth: 48,
        label: { show: true, position: 'top', color: COLORS.ink },
        data: list.map((band, index) => ({
          value: Number(band.count) || 0,
          itemStyle: { color: SHARE_COLORS[index] ?? COLORS.neutral, borderRadius: [3, 3, 0, 0] },
        })),
      },
    ],
  };
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
      buckets.map((bucket) => waitLabel(bucket.label)),
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

// The API names its wait buckets in developer shorthand (<1h, 1–3d); the page words them.
/** @type {Readonly<Record<string, string>>} */
const WAIT_KEYS = {
  '<1h': 'under1h',
  '1–6h': '1to6h',
  '6–24h': '6to24h',
  '1–3d': '1to3d',
  '3–7d': '3to7d',
  '>7d': 'over7d',
};

/** @param {string} label */
const waitLabel = (label) => (WAIT_KEYS[label] ? t(`overview.wait.${WAIT_KEYS[label]}`) : label);

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
 * @param {readonly AllianceOverview['units'][number][]} rows
 * @returns {ChartOption}
 */
function unitsOption(rows) {
  const list = [...rows].sort((a, b) => (Number(a.points) || 0) - (Number(b.points) || 0));
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
        );
      },
    },
    grid: { left: 8, right: 48, top: 40, bottom: 8, containLabel: true },
    xAxis: valueAxis(),
    yAxis: { ...categoryAxis(list.map((row) => row.name)), axisLabel: { color: COLORS.ink, width: 140 } },
    // Sideways bars of points with the project count in words at the end: points and projects
    // are not one measure, so they never share an axis. Unit names are long, the numbers short.
    series: [
      barSeries(list, 'points', t('overview.points'), COLORS.red, {
        horizontal: true,
        label: {
          show: true,
          position: 'right',
          color: COLORS.ink,
          /** @param {{ dataIndex: number }} bar */
          formatter: (bar) =>
            t('overview.unitBar', {
              points: formatNumber(list[bar.dataIndex]?.points),
              projects: formatNumber(list[bar.dataIndex]?.projects),
            }),
        },
      }),
    ],
  };
}
