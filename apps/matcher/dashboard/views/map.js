// @ts-check

import { COLORS, STATUS_COLORS } from '../charts.js';
import { h, replaceContent } from '../dom.js';
import { formatNumber, formatQuantity } from '../format.js';
import { categoryLabel, statusLabel, t } from '../i18n.js';
import { PROJECT_STATUSES } from '../vocab.js';
import { createChartLayout } from './chart-layout.js';
import { createLoader, showsPlaceholder, staleNote, viewHeader, viewLifecycle } from './common.js';

/**
 * 地图: demands, resources and who serves whom, drawn on plain longitude/latitude axes.
 * No online tiles: the wall screen may be offline, and a tile provider would learn where
 * residents in need live.
 */

/** @typedef {import('../api.js').Schemas['AllianceMap']} AllianceMap */
/** @typedef {AllianceMap['demands'][number]} MapDemand */
/** @typedef {AllianceMap['resources'][number]} MapResource */
/** @typedef {AllianceMap['links'][number] & { demand: MapDemand, resource: MapResource }} MapLink */
/** @typedef {{ demands: MapDemand[], resources: MapResource[], links: MapLink[] }} MapData */
/**
 * What a point or line on the chart stands for, kept in its data item for the tooltip.
 * @typedef {{ kind: 'demand', row: MapDemand } | { kind: 'resource', row: MapResource } | { kind: 'link', row: MapLink }} MapItem
 */
/** @typedef {{ midLng: number, midLat: number, lngSpan: number, latSpan: number }} Bounds */
/** @typedef {import('../charts.js').Chart} Chart */
/** @typedef {import('../charts.js').ChartOption} ChartOption */

// Plot area in pixels, fixed so the equal-scale computation knows how much room there is.
const GRID = { left: 64, right: 24, top: 56, bottom: 40 };
// A phone's map is too narrow for tick labels of 112.437: the plot takes the whole width, and
// the grid lines alone show the scale.
const COMPACT_WIDTH = 480;
const COMPACT_GRID = { left: 8, right: 8, top: 40, bottom: 8 };

/** @param {number} width the chart's width in pixels */
const isCompact = (width) => width < COMPACT_WIDTH;

/**
 * Touch screens zoom with two fingers and pan with one; a mouse scrolls its wheel.
 * @returns {string}
 */
function interactionHint() {
  const touch = typeof window.matchMedia === 'function' && window.matchMedia('(pointer: coarse)').matches;
  return t(touch ? 'map.hintTouch' : 'map.hint');
}

/** @param {import('./common.js').ViewContext} ctx */
export function createMapView(ctx) {
  /** @type {HTMLElement | null} */
  let container = null;
  /** @type {Bounds | null} */
  let bounds = null;
  const loader = createLoader(
    () => /** @type {Promise<AllianceMap>} */ (ctx.api.get('/alliance/map')),
    render,
  );
  const layout = createChartLayout(buildLayout);

  function render() {
    if (!container || showsPlaceholder(container, loader, t('map.title'), layout.dispose)) return;
    const parts = layout.parts();
    const data = normalise(loader.state.data);
    bounds = boundsOf(data);
    replaceContent(parts.header, viewHeader({ title: t('map.title'), loader }), staleNote(loader));
    replaceContent(
      parts.summary,
      t('map.summary', {
        demands: data.demands.length,
        unmet: data.demands.filter((demand) => demand.unmet > 0).length,
        resources: data.resources.length,
        links: data.links.length,
      }),
    );
    replaceContent(parts.key, linkKey(data.links));
    const chart = layout.draw(parts.chart, mapOption(data), { onResize: fitAxes });
    fitAxes(chart.chart);
  }

  function buildLayout() {
    const parts = {
      header: h('div'),
      summary: h('p', { class: 'map-summary', dataset: { testid: 'map-summary' } }),
      key: h('div', { class: 'map-key', dataset: { testid: 'map-key' } }),
      chart: h('div', { id: 'map-chart', class: 'map-chart', role: 'img', 'aria-label': t('map.title') }),
    };
    // Built from render(), once it has checked that the view is on screen.
    if (!container) return parts;
    replaceContent(
      container,
      parts.header,
      h(
        'section',
        { class: ['card', 'map-card'] },
        h(
          'div',
          { class: 'map-caption' },
          parts.summary,
          h('p', { class: 'muted map-hint', dataset: { testid: 'map-hint' } }, interactionHint()),
        ),
        parts.chart,
        parts.key,
      ),
    );
    return parts;
  }

  /**
   * Sets the axis ranges so that a kilometre east is as long on screen as a kilometre north
   * (a degree of longitude is cos(latitude) times shorter), whatever the container's shape.
   * @param {Chart | null} instance
   */
  function fitAxes(instance) {
    if (!instance || !bounds) return;
    const compact = isCompact(instance.getWidth());
    const grid = compact ? COMPACT_GRID : GRID;
    const width = Math.max(1, instance.getWidth() - grid.left - grid.right);
    const height = Math.max(1, instance.getHeight() - grid.top - grid.bottom);
    const squeeze = Math.max(0.1, Math.cos((bounds.midLat * Math.PI) / 180));
    const perPixel = Math.max((bounds.lngSpan * squeeze) / width, bounds.latSpan / height);
    const lngRange = (perPixel * width) / squeeze;
    const latRange = perPixel * height;
    /** @param {string} name */
    const labels = (name) => ({
      name: compact ? '' : name,
      axisLabel: { show: !compact },
      axisTick: { show: !compact },
    });
    instance.setOption({
      grid: { ...grid, containLabel: false },
      legend: { type: compact ? 'scroll' : 'plain' },
      xAxis: {
        min: bounds.midLng - lngRange / 2,
        max: bounds.midLng + lngRange / 2,
        ...labels(t('map.lng')),
      },
      yAxis: {
        min: bounds.midLat - latRange / 2,
        max: bounds.midLat + latRange / 2,
        ...labels(t('map.lat')),
      },
    });
  }

  return viewLifecycle({
    loader,
    render,
    dispose: layout.dispose,
    setContainer: (element) => (container = element),
  });
}

/**
 * What the line colours mean, for the statuses on screen (the chart legend names series only).
 * @param {readonly MapLink[]} links
 */
function linkKey(links) {
  /** @param {MapLink['status']} status */
  const order = (status) => (PROJECT_STATUSES.includes(status) ? PROJECT_STATUSES.indexOf(status) : 99);
  const statuses = [...new Set(links.map((link) => link.status))].sort((a, b) => order(a) - order(b));
  if (statuses.length === 0) return null;
  return [
    h('span', { class: 'map-key-title' }, t('map.links')),
    statuses.map((status) =>
      h(
        'span',
        { class: 'map-key-item' },
        h('span', {
          class: ['map-key-line', status === 'proposed' && 'is-dashed'],
          style: { borderTopColor: STATUS_COLORS[status] ?? COLORS.neutral },
          'aria-hidden': 'true',
        }),
        statusLabel(status),
      ),
    ),
  ];
}

/** @param {{ lat: unknown, lng: unknown }} row */
function isPlace(row) {
  return Number.isFinite(Number(row?.lat)) && Number.isFinite(Number(row?.lng));
}

/**
 * The map's rows with numbers as numbers, without rows that have no place, and each link
 * with both of its ends.
 * @param {AllianceMap | undefined} data
 * @returns {MapData}
 */
function normalise(data) {
  const demands = (Array.isArray(data?.demands) ? data.demands : []).filter(isPlace).map((demand) => ({
    ...demand,
    lat: Number(demand.lat),
    lng: Number(demand.lng),
    quantity: Number(demand.quantity) || 0,
    unmet: Number(demand.unmet) || 0,
  }));
  const resources = (Array.isArray(data?.resources) ? data.resources : [])
    .filter(isPlace)
    .map((resource) => ({
      ...resource,
      lat: Number(resource.lat),
      lng: Number(resource.lng),
      capacity: Number(resource.capacity) || 0,
      used: Number(resource.used) || 0,
    }));
  const demandById = new Map(demands.map((demand) => [String(demand.id), demand]));
  const resourceById = new Map(resources.map((resource) => [String(resource.id), resource]));
  const links = (Array.isArray(data?.links) ? data.links : []).flatMap((link) => {
    const demand = demandById.get(String(link.demandId));
    const resource = resourceById.get(String(link.resourceId));
    return demand && resource ? [{ ...link, demand, resource }] : [];
  });
  return { demands, resources, links };
}

/**
 * @param {MapData} data
 * @returns {Bounds}
 */
function boundsOf({ demands, resources }) {
  const points = [...demands, ...resources];
  if (points.length === 0) return { midLng: 112.45, midLat: 34.68, lngSpan: 0.1, latSpan: 0.1 };
  const lngs = points.map((point) => point.lng);
  const lats = points.map((point) => point.lat);
  const [minLng, maxLng, minLat, maxLat] = [
    Math.min(...lngs),
    Math.max(...lngs),
    Math.min(...lats),
    Math.max(...lats),
  ];
  // Room around the outermost points for their symbols; a single point still gets ~1 km.
  return {
    midLng: (minLng + maxLng) / 2,
    midLat: (minLat + maxLat) / 2,
    lngSpan: Math.max(0.01, (maxLng - minLng) * 1.2),
    latSpan: Math.max(0.01, (maxLat - minLat) * 1.2),
  };
}

/**
 * Symbol size by area, so a demand twice as large looks twice as large.
 * @param {readonly number[]} values
 * @param {number} smallest
 * @param {number} largest
 * @returns {(value: number) => number}
 */
function sizer(values, smallest, largest) {
  const max = Math.max(1, ...values);
  return (value) => smallest + (largest - smallest) * Math.sqrt(Math.max(0, value) / max);
}

/**
 * @param {MapData} data
 * @returns {ChartOption}
 */
function mapOption({ demands, resources, links }) {
  const demandSize = sizer(
    demands.map((demand) => demand.quantity),
    8,
    30,
  );
  const resourceSize = sizer(
    resources.map((resource) => resource.capacity),
    8,
    26,
  );
  const linkWidth = sizer(
    links.map((link) => Number(link.quantity) || 0),
    1,
    4,
  );
  /** @param {MapDemand} demand */
  const demandPoint = (demand) => ({
    value: [demand.lng, demand.lat],
    symbolSize: demandSize(demand.quantity),
    kind: 'demand',
    row: demand,
  });
  /**
   * @param {string} name
   * @returns {import('echarts').XAXisComponentOption & import('echarts').YAXisComponentOption}
   */
  const axis = (name) => ({
    type: 'value',
    name,
    nameTextStyle: { color: COLORS.muted },
    scale: true,
    // The ends of a fitted range are odd numbers that crowd the round ticks beside them.
    axisLabel: {
      color: COLORS.muted,
      showMinLabel: false,
      showMaxLabel: false,
      formatter: (value) => Number(value).toFixed(3),
    },
    axisLine: { show: false },
    splitLine: { lineStyle: { color: COLORS.grid, type: 'dashed' } },
  });
  return {
    grid: { ...GRID, containLabel: false },
    legend: {
      top: 8,
      left: 'center',
      data: [
        { name: t('map.demands'), icon: 'circle' },
        { name: t('map.unmetDemands'), icon: 'circle' },
        { name: t('map.resources'), icon: 'diamond' },
        { name: t('map.links'), icon: 'path://M0,5 L30,5 L30,8 L0,8 Z' },
      ],
    },
    tooltip: { trigger: 'item', confine: true, formatter: tooltip },
    xAxis: { ...axis(t('map.lng')), nameLocation: 'end' },
    yAxis: { ...axis(t('map.lat')), nameLocation: 'end' },
    dataZoom: [
      { type: 'inside', xAxisIndex: 0, filterMode: 'none' },
      { type: 'inside', yAxisIndex: 0, filterMode: 'none' },
    ],
    series: [
      {
        name: t('map.links'),
        type: 'lines',
        coordinateSystem: 'cartesian2d',
        zlevel: 0,
        data: links.map((link) => ({
          coords: [
            [link.resource.lng, link.resource.lat],
            [link.demand.lng, link.demand.lat],
          ],
          kind: 'link',
          row: link,
          lineStyle: {
            color: STATUS_COLORS[link.status] ?? COLORS.neutral,
            width: linkWidth(Number(link.quantity) || 0),
            type: /** @type {'dashed' | 'solid'} */ (link.status === 'proposed' ? 'dashed' : 'solid'),
            opacity: 0.7,
          },
        })),
        lineStyle: { curveness: 0.15, color: COLORS.neutral },
      },
      {
        name: t('map.resources'),
        type: 'scatter',
        symbol: 'diamond',
        data: resources.map((resource) => ({
          value: [resource.lng, resource.lat],
          symbolSize: resourceSize(resource.capacity),
          kind: 'resource',
          row: resource,
        })),
        itemStyle: { color: COLORS.blue, opacity: 0.85, borderColor: '#fff', borderWidth: 1 },
      },
      {
        name: t('map.demands'),
        type: 'scatter',
        data: demands.filter((demand) => demand.unmet <= 0).map(demandPoint),
        itemStyle: { color: COLORS.red, opacity: 0.75, borderColor: '#fff', borderWidth: 1 },
      },
      {
        name: t('map.unmetDemands'),
        type: 'effectScatter',
        rippleEffect: { brushType: 'stroke', scale: 2.4, period: 5 },
        data: demands.filter((demand) => demand.unmet > 0).map(demandPoint),
        itemStyle: { color: '#e02424', borderColor: '#7f1d1d', borderWidth: 1.5 },
        zlevel: 1,
      },
    ],
  };
}

// Elements rather than an HTML string: titles come from submitted lists.
/** @param {import('echarts').TooltipComponentFormatterCallbackParams} params */
function tooltip(params) {
  // An item tooltip gets one item's params; the data items above carry a MapItem.
  const item = /** @type {MapItem | undefined} */ (Array.isArray(params) ? undefined : params?.data);
  if (!item?.row) return '';
  /** @param {...import('../dom.js').Child} parts */
  const line = (...parts) => h('div', null, ...parts);
  if (item.kind === 'link') {
    const { row } = item;
    return h(
      'div',
      { class: 'chart-tooltip' },
      h('strong', null, `${row.resource.title} → ${row.demand.title}`),
      line(`${row.resource.unitName ?? ''}`),
      line(
        `${formatQuantity(row.quantity, row.demand.quantityUnit)} · ${t('map.linkStatus')}: ${statusLabel(row.status)}`,
      ),
    );
  }
  if (item.kind === 'resource') {
    const { row } = item;
    return h(
      'div',
      { class: 'chart-tooltip' },
      h('strong', null, row.title),
      line(row.unitName ?? ''),
      line(categoryLabel(row.category)),
      line(
        t('map.resourceTip', {
          usage: formatQuantity(row.used, row.quantityUnit, { capacity: row.capacity }),
        }),
      ),
      row.radiusKm !== undefined
        ? line(t('map.radius', { km: formatNumber(Number(row.radiusKm), 1) }))
        : null,
    );
  }
  const { row } = item;
  return h(
    'div',
    { class: 'chart-tooltip' },
    h('strong', null, row.title),
    line(`${categoryLabel(row.category)} · ${statusLabel(row.status)}`),
    line(
      t('map.demandTip', {
        requested: formatQuantity(row.quantity, row.quantityUnit),
        unmet: formatQuantity(row.unmet, row.quantityUnit),
      }),
    ),
  );
}
