// @ts-check

import { h } from '../dom.js';

/**
 * A data table in a frame that scrolls sideways on narrow screens. columns: [{ label, num }],
 * num right-aligning a column of numbers; rowOf(row) builds one <tr>.
 * @template Row
 * @param {string} testid
 * @param {readonly { label: string, num?: boolean }[]} columns
 * @param {readonly Row[]} rows
 * @param {(row: Row) => HTMLTableRowElement} rowOf
 */
export function dataTable(testid, columns, rows, rowOf) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'data-table', dataset: { testid } },
      h(
        'thead',
        null,
        h(
          'tr',
          null,
          columns.map(({ label, num }) => h('th', { scope: 'col', class: num ? 'num' : null }, label)),
        ),
      ),
      h(
        'tbody',
        null,
        rows.map((row) => rowOf(row)),
      ),
    ),
  );
}
