// @ts-check

import { mountChart } from '../charts.js';

/** @typedef {import('../charts.js').ChartOption} ChartOption */
/** @typedef {import('../charts.js').ChartOptions} ChartOptions */
/** @typedef {import('../charts.js').MountedChart} MountedChart */

/**
 * The layout of a view that is built once per visit and then updated in place, with the
 * charts drawn in it: rebuilding it on every live refresh would make the charts flicker.
 * build() makes the layout's parts and puts them on the page.
 * @template Parts
 * @param {() => Parts} build
 */
export function createChartLayout(build) {
  /** @type {Parts | null} */
  let parts = null;
  /** @type {Map<HTMLElement, MountedChart>} */
  const charts = new Map();
  return {
    /** The layout's parts, built on first use (again after dispose). */
    parts: () => (parts ??= build()),
    /**
     * Draws `option` into `element`, or updates the chart already there; returns the chart.
     * @param {HTMLElement} element
     * @param {ChartOption} option
     * @param {ChartOptions} [options]
     */
    draw(element, option, options) {
      const existing = charts.get(element);
      if (existing) {
        existing.update(option);
        return existing;
      }
      const chart = mountChart(element, option, options);
      charts.set(element, chart);
      return chart;
    },
    /** Drops the charts and the layout: for the placeholder, and when the view leaves. */
    dispose() {
      for (const chart of charts.values()) chart.dispose();
      charts.clear();
      parts = null;
    },
  };
}
