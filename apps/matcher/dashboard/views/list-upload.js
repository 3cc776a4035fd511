// @ts-check

import { UnauthorizedError, isRecord } from '../api.js';
import { h } from '../dom.js';
import { actionButton, describeError, rowMessage } from '../forms.js';
import { formatNumber } from '../format.js';
import { has, t } from '../i18n.js';
import { acceptedText, intakeUrl, listAnswerOf } from '../intake.js';
import { uploadForm } from '../upload.js';
import { fetchExport, save } from './exports.js';
import { markedCopyButton, problemTable } from './workbook-problems.js';

/**
 * 上传清单: a list as an Excel workbook or CSV file, sent to intake's workbook endpoint, the
 * same parser and validation as Kafka and JSON lists. The panel offers the template (filled in
 * for whoever the list is for), a file picker, a progress bar of the bytes sent and then of
 * intake checking the file, and the answer: the stored revision, or where the problems are
 * with the marked copy to download.
 */

/** @typedef {import('../intake.js').ListKind} ListKind */
/** @typedef {import('../api.js').Schemas} Schemas */
/** @typedef {import('./workbook-problems.js').WorkbookAnswer} WorkbookAnswer */
/**
 * Whom a coordinator loads a list for: a member of the roster. Null for one's own lists.
 * @typedef {{ kind: 'unit' | 'community', id: string, name: string } | null} ListOwner
 */
/**
 * What the last upload came to, worded when drawn (the language may change meanwhile).
 * @typedef {{ kind: 'success', text: () => string }
 *   | { kind: 'refused', text: () => string, workbook: WorkbookAnswer | null }} UploadResult
 */

const ACCEPT = '.xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv';

/**
 * @param {import('./common.js').ViewContext} ctx
 * @param {() => void} render redraws the view the panel is on
 */
export function createListUpload(ctx, render) {
  // Kept across redraws, so a chosen file and a running bar survive a language switch.
  const fileInput = h('input', {
    type: 'file',
    name: 'file',
    accept: ACCEPT,
    dataset: { testid: 'upload-file' },
    onChange: () => {
      result = null;
      render();
    },
  });
  const bar = h('progress', { class: 'upload-bar', max: '1', dataset: { testid: 'upload-progress' } });
  const barText = h('span', { class: 'upload-bar-text', 'aria-live': 'polite' });
  const progress = h(
    'div',
    { class: 'upload-progress', hidden: true, dataset: { phase: 'idle' } },
    bar,
    barText,
  );
  /** @type {UploadResult | null} */
  let result = null;
  let busy = false;

  /** @param {import('../upload.js').UploadProgress} step */
  function showProgress(step) {
    progress.hidden = false;
    progress.dataset.phase = step.phase;
    if (step.phase === 'sending') {
      bar.max = step.total;
      bar.value = step.sent;
      progress.dataset.sent = String(step.sent);
      progress.dataset.total = String(step.total);
      barText.textContent = t('upload.sending', {
        percent: formatNumber(step.total > 0 ? (100 * step.sent) / step.total : 0),
      });
    } else {
      // Without a value the bar shows that something is under way, not how far.
      bar.removeAttribute('value');
      barText.textContent = t('upload.checking');
    }
  }

  /**
   * The list's own fields for intake: the member a coordinator names, an admin's alliance.
   * A unit or community leaves them out; intake fills in the signed-in caller.
   * @param {ListKind} kind
   * @param {ListOwner} owner
   * @returns {Record<string, string>}
   */
  function listFields(kind, owner) {
    /** @type {Record<string, string>} */
    const fields = {};
    const alliance = ctx.me.role === 'admin' ? ctx.allianceId() : null;
    if (alliance) fields.allianceId = alliance;
    if (owner) {
      if (kind === 'demand') fields.submitterKind = owner.kind;
      fields.submitterId = owner.id;
      fields.submitterName = owner.name;
    }
    return fields;
  }

  /**
   * @param {ListKind} kind
   * @param {ListOwner} owner
   */
  async function downloadTemplate(kind, owner) {
    try {
      const file = await fetchExport(
        ctx,
        intakeUrl(ctx.me, `/templates/${kind}-list.xlsx`),
        listFields(kind, owner),
      );
      save(file.blob, file.name ?? `${kind}-list.xlsx`);
    } catch (error) {
      if (!(error instanceof UnauthorizedError)) ctx.notify('error', describeError(error).text);
    }
  }

  /**
   * @param {ListKind} kind
   * @param {ListOwner} owner
   */
  async function upload(kind, owner) {
    const file = fileInput.files?.[0];
    if (!file) {
      result = { kind: 'refused', text: () => t('upload.chooseFile'), workbook: null };
      render();
      return;
    }
    const body = new window.FormData();
    for (const [name, value] of Object.entries(listFields(kind, owner))) body.append(name, value);
    body.append('file', file, file.name);
    busy = true;
    result = null;
    render();
    showProgress({ phase: 'sending', sent: 0, total: file.size });
    try {
      const answer = await uploadForm(
        ctx.api,
        intakeUrl(ctx.me, `/${kind}-lists/workbook`),
        body,
        showProgress,
      );
      result = outcome(kind, answer);
    } catch (error) {
      if (error instanceof UnauthorizedError) return;
      result = { kind: 'refused', text: () => describeError(error).text, workbook: null };
    } finally {
      busy = false;
      progress.hidden = true;
      progress.dataset.phase = 'done';
    }
    render();
  }

  /**
   * @param {ListKind} kind
   * @param {import('../api.js').Answer} answer
   * @returns {UploadResult}
   */
  function outcome(kind, answer) {
    const { accepted, error } = listAnswerOf(answer);
    if (accepted) {
      ctx.notify('success', acceptedText(kind, accepted));
      // The same file again would only be answered "unchanged".
      fileInput.value = '';
      return { kind: 'success', text: () => acceptedText(kind, accepted) };
    }
    const workbook = isRecord(error.body) && isRecord(error.body.workbook) ? error.body.workbook : null;
    const problems = Array.isArray(workbook?.problems) ? workbook.problems : [];
    const key = `upload.refused.${error.code}`;
    return {
      kind: 'refused',
      text: () => (error.code && has(key) ? t(key, { count: problems.length }) : describeError(error).text),
      workbook: /** @type {WorkbookAnswer | null} */ (workbook),
    };
  }

  /** Forgets the last answer (another member or kind was chosen). */
  function reset() {
    result = null;
    fileInput.value = '';
  }

  /**
   * The panel for one kind of list and owner.
   * @param {ListKind} kind
   * @param {ListOwner} owner
   */
  function panel(kind, owner) {
    const list = t(`list.kind.${kind}`);
    return h(
      'section',
      {
        class: ['card', 'upload-panel'],
        dataset: { testid: 'list-upload', kind },
        'aria-busy': busy ? 'true' : null,
      },
      h('h3', { class: 'card-heading' }, t('upload.title', { list })),
      h(
        'p',
        { class: 'form-intro' },
        owner ? t('upload.introFor', { list, name: owner.name }) : t('upload.intro', { list }),
      ),
      h(
        'div',
        { class: 'upload-controls' },
        actionButton(t('upload.template', { list }), {
          action: 'download-template',
          className: 'btn-ghost',
          onClick: () => void downloadTemplate(kind, owner),
        }),
        h(
          'label',
          { class: 'upload-file' },
          h('span', { class: 'filter-label' }, t('upload.file')),
          fileInput,
        ),
        actionButton(busy ? t('common.busy') : t('upload.submit'), {
          action: 'upload-list',
          className: 'btn-primary',
          disabled: busy,
          onClick: () => void upload(kind, owner),
        }),
      ),
      progress,
      result ? answerBlock(result) : null,
    );
  }

  return { panel, reset };
}

/** @param {UploadResult} result */
function answerBlock(result) {
  if (result.kind === 'success') return rowMessage({ kind: 'success', text: result.text() });
  const problems = result.workbook?.problems ?? [];
  const copy = result.workbook?.markedCopy;
  return h(
    'div',
    { class: 'upload-refusal' },
    rowMessage({ kind: 'error', text: result.text() }),
    problems.length > 0 ? problemTable(problems) : null,
    copy
      ? h(
          'div',
          { class: 'button-row' },
          markedCopyButton(copy),
          h('span', { class: 'field-hint' }, t('upload.markedCopyHint')),
        )
      : null,
  );
}
