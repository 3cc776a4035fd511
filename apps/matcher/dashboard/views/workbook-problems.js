// @ts-check

import { h } from '../dom.js';
import { getLang, t } from '../i18n.js';
import { save } from './exports.js';

/**
 * Why an uploaded workbook was refused: one line per problem with its sheet, row and column
 * (letter and name) in the reader's language, and the button that saves intake's marked copy
 * (the bad cells filled red with a note). On a phone the table's rows stack as cards, so
 * nothing scrolls sideways (styles.css, .problem-table).
 */

/** @typedef {import('../api.js').Schemas['WorkbookProblem']} WorkbookProblem */
/** @typedef {NonNullable<import('../api.js').Schemas['WorkbookError']['workbook']>} WorkbookAnswer */

/** @param {readonly WorkbookProblem[]} problems */
export function problemTable(problems) {
  const english = getLang() === 'en';
  const columns = [t('upload.sheet'), t('upload.row'), t('upload.column'), t('upload.problem')];
  /**
   * @param {number} index which of `columns`
   * @param {import('../dom.js').Child} content
   * @param {string} [testid]
   */
  const cell = (index, content, testid) =>
    h('td', { dataset: { label: columns[index], testid } }, content ?? t('common.none'));
  return h(
    'table',
    { class: ['data-table', 'problem-table'], dataset: { testid: 'upload-problems' } },
    h(
      'thead',
      null,
      h(
        'tr',
        null,
        columns.map((label) => h('th', { scope: 'col' }, label)),
      ),
    ),
    h(
      'tbody',
      null,
      problems.map((problem) =>
        h(
          'tr',
          {
            dataset: {
              testid: 'upload-problem',
              row: problem.row,
              column: problem.column,
              code: problem.code,
            },
          },
          cell(0, problem.sheet, 'problem-sheet'),
          cell(1, problem.row === undefined ? undefined : String(problem.row), 'problem-row'),
          cell(
            2,
            problem.column
              ? [
                  h('span', { class: 'mono' }, problem.column),
                  problem.columnName ? ` ${english ? problem.columnName.en : problem.columnName.zh}` : null,
                ]
              : undefined,
            'problem-column',
          ),
          cell(3, english ? problem.message : problem.messageZh, 'problem-message'),
        ),
      ),
    ),
  );
}

/**
 * 下载标注副本: saves the marked copy intake sent back (base64 in the answer), for its author
 * to fix and upload again.
 * @param {NonNullable<WorkbookAnswer['markedCopy']>} copy
 */
export function markedCopyButton(copy) {
  return h(
    'button',
    {
      type: 'button',
      class: ['btn', 'btn-secondary'],
      dataset: { action: 'download-marked-copy' },
      onClick: () => {
        const binary = window.atob(copy.base64);
        const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
        save(new window.Blob([bytes], { type: copy.mediaType }), copy.fileName);
      },
    },
    t('upload.markedCopy'),
  );
}
