// @ts-check

import { h } from './dom.js';
import { getLang, t } from './i18n.js';

/**
 * ECharts, loaded as the classic script vendor/echarts.min.js (global `echarts`). Charts
 * follow their container's size, so cards can reflow on a projector or a laptop alike.
 */

/** @typedef {import('echarts').EChartsOption} ChartOption */
/** @typedef {import('echarts').ECharts} Chart */
/** @typedef {{ onResize?: (chart: Chart) => void }} ChartOptions */

/**
 * A chart mountChart drew; `chart` is null (and the rest does nothing) without ECharts.
 * @typedef {object} MountedChart
 * @property {Chart | null} chart
 * @property {(next: ChartOption) => void} update
 * @property {() => void} dispose
 */

export const COLORS = {
  red: '#b91c1c',
  redSoft: '#f1b8b8',
  gold: '#c58a12',
  neutral: '#8a94a3',
  neutralSoft: '#d5dae1',
  blue: '#2f6fab',
  green: '#2f855a',
  ink: '#1f2933',
  muted: '#5f6b7a',
  grid: '#e6e9ee',
};

/** @type {Readonly<Record<string, string>>} */
export const STATUS_COLORS = {
  proposed: '#c58a12',
  approved: '#2f6fab',
  offered: '#6b5fb5',
  claimed: '#b91c1c',
  'in-progress': '#d9480f',
  completed: '#2f855a',
  rejected: '#8a94a3',
  cancelled: '#b4bcc7',
  expired: '#5f6b7a',
};

const FONT =
  '"PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", system-ui, sans-serif';

/**
 * The global the classic script defines, or undefined when it did not load. Typed here, not
 * declared as a global, so that nothing else (the server's TypeScript included) sees it.
 * @returns {typeof import('echarts') | undefined}
 */
function echartsLibrary() {
  return /** @type {Window & { echarts?: typeof import('echarts') }} */ (window).echarts;
}

export function chartsAvailable() {
  return echartsLibrary() !== undefined;
}

/**
 * Shared look: readable on a wall, no decoration that carries no data.
 * @returns {ChartOption}
 */
export function baseOption() {
  return {
    textStyle: { fontFamily: FONT, color: COLORS.ink },
    aria: { enabled: true },
    animationDuration: 400,
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 12, itemHeight: 12, textStyle: { color: COLORS.muted } },
    tooltip: { confine: true },
  };
}

/**
 * Draws `option` into `element`. onResize(chart) runs after every size change, for charts
 * whose option depends on the pixel size (the map keeps an equal scale on both axes).
 * @param {HTMLElement} element
 * @param {ChartOption} option
 * @param {ChartOptions} [options]
 * @returns {MountedChart}
 */
export function mountChart(element, option, { onResize } = {}) {
  const echarts = echartsLibrary();
  if (!echarts) {
    element.replaceChildren(h('p', { class: 'chart-missing' }, t('error.chartsMissing')));
    return { update() {}, dispose() {}, chart: null };
  }
  // ECharts' own words (dates on time axes, aria descriptions) follow the page language.
  const chart = echarts.init(element, null, {
    renderer: 'canvas',
    locale: getLang() === 'zh-CN' ? 'ZH' : 'EN',
  });
  chart.setOption({ ...baseOption(), ...option });
  let frame = 0;
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      chart.resize();
      onResize?.(chart);
    });
  });
  observer.observe(element);
  return {
    chart,
    update(next) {
      chart.setOption({ ...baseOption(), ...next }, { notMerge: true });
      onResize?.(chart);
    },
    dispose() {
      observer.disconnect();
      cancelAnimationFrame(frame);
      chart.dispose();
    },
  };
}
