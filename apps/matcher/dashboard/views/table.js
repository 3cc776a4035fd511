// @ts-check

import { h } from '../dom.js';

/**
 * A data table. On a wide screen it is a table in a frame; on a phone (styles.css, "Tables as
 * cards on a phone") each row becomes a card and each cell is headed by its column's name,
 * taken from the data-label set here, so nothing needs sideways scrolling.
 * columns: [{ label, num }], num right-aligning a column of numbers; rowOf(row) builds one <tr>.
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
        rows.map((row) => labelledCells(rowOf(row), columns)),
      ),
    ),
  );
}

/**
 * Names each cell of a row after its column, for the card a phone shows instead of the row.
 * A cell spanning columns takes the first one's name; a cell that already names itself keeps it.
 * @param {HTMLTableRowElement} tr
 * @param {readonly { label: string }[]} columns
 */
function labelledCells(tr, columns) {
  let column = 0;
  for (const cell of Array.from(tr.cells)) {
    const label = columns[column]?.label;
    if (label && !cell.dataset.label) cell.dataset.label = label;
    column += cell.colSpan || 1;
  }
  return tr;
}
