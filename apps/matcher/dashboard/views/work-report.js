// @ts-check

import { apiErrorOf } from '../api.js';
import { h } from '../dom.js';
import { actOrCancel, actionButton, draftField, field, form, rowMessage } from '../forms.js';
import { formatDateTime, formatNumber } from '../format.js';
import { t } from '../i18n.js';
import { uploadForm } from '../upload.js';
import { fetchExport } from './exports.js';
import { succeeded } from './row-actions.js';

/**
 * 完成报告: a claiming unit reports its part of the work done (what it did, the volunteer
 * hours, a photo if it has one) and the community reads the reports before it confirms. Also
 * the parties' contacts, which both sides see once a claim is accepted.
 */

/** @typedef {import('../api.js').Schemas} Schemas */
/** @typedef {Schemas['WorkReport']} WorkReport */
/** @typedef {Schemas['PartyContact']} PartyContact */
/** @typedef {import('./common.js').ViewContext} ViewContext */
/** @typedef {import('./row-actions.js').RowActions} RowActions */

/** What the server takes; checked here too, so a phone does not send 20 MB to be told so. */
const MAX_PHOTO_BYTES = 5 * 1024 * 1024;

/** @type {readonly string[]} */
export const REPORT_FIELDS = ['note', 'hours', 'photo'];

/**
 * The report forms of one list: which are open, what was typed and the photos picked, by
 * row key, so that live updates' re-renders lose none of it.
 * @param {() => void} render
 */
export function createReportDrafts(render) {
  /** @type {Set<string>} */
  const open = new Set();
  /** @type {Map<string, string>} */
  const texts = new Map();
  /** @type {Map<string, File>} */
  const photos = new Map();
  // Kept across redraws, like the list upload's, so the picked file stays shown in it.
  /** @type {Map<string, HTMLInputElement>} */
  const photoInputs = new Map();
  /** @type {Map<string, string>} */
  const progress = new Map();
  return {
    texts,
    photos,
    photoInputs,
    progress,
    /** @param {string} key */
    isOpen: (key) => open.has(key),
    /** @param {string} key */
    open(key) {
      open.add(key);
      render();
    },
    /** @param {string} key */
    close(key) {
      open.delete(key);
      photos.delete(key);
      photoInputs.delete(key);
      progress.delete(key);
      for (const name of ['note', 'hours']) texts.delete(`${name}:${key}`);
      render();
    },
  };
}

/** @typedef {ReturnType<typeof createReportDrafts>} ReportDrafts */

/**
 * The unit's side on accepted work in progress: its report as sent, and a button that opens
 * the form to report (or to correct the report).
 * @param {{
 *   ctx: ViewContext,
 *   rows: RowActions,
 *   drafts: ReportDrafts,
 *   key: string,
 *   projectId: string,
 *   report: WorkReport | null | undefined,
 *   render: () => void,
 * }} options
 */
export function unitReport({ ctx, rows, drafts, key, projectId, report, render }) {
  if (drafts.isOpen(key)) return reportForm({ ctx, rows, drafts, key, projectId, report, render });
  return h(
    'div',
    { class: 'work-report-side', dataset: { testid: 'work-report-side' } },
    report ? reportSummary(ctx, projectId, report, { own: true }) : null,
    actionButton(report ? t('workReport.edit') : t('workReport.open'), {
      action: 'open-report',
      key: `open-report:${key}`,
      className: report ? 'btn-small btn-ghost' : 'btn-small btn-primary',
      disabled: rows.isBusy(key),
      onClick: () => drafts.open(key),
    }),
  );
}

/**
 * @param {{
 *   ctx: ViewContext,
 *   rows: RowActions,
 *   drafts: ReportDrafts,
 *   key: string,
 *   projectId: string,
 *   report: WorkReport | null | undefined,
 *   render: () => void,
 * }} options
 */
function reportForm({ ctx, rows, drafts, key, projectId, report, render }) {
  const state = rows.feedback(key);
  const busy = rows.isBusy(key);
  const picked = drafts.photos.get(key);
  const photoInput =
    drafts.photoInputs.get(key) ??
    h('input', {
      type: 'file',
      name: 'photo',
      accept: 'image/jpeg,image/png,image/webp,image/heic',
      dataset: { key: `photo:${key}` },
      onChange: (event) => {
        const file = event.currentTarget.files?.[0];
        if (file) drafts.photos.set(key, file);
        else drafts.photos.delete(key);
        rows.forget(key);
        render();
      },
    });
  drafts.photoInputs.set(key, photoInput);
  const sending = drafts.progress.get(key);
  return form(
    { class: 'work-report-form', dataset: { testid: 'work-report-form' } },
    () => send({ ctx, rows, drafts, key, projectId }),
    h('p', { class: 'field-hint' }, t('workReport.intro')),
    draftField({
      name: 'note',
      drafts: drafts.texts,
      key: `note:${key}`,
      state,
      tag: 'textarea',
      fallback: report?.note ?? '',
      attributes: { rows: '3', maxlength: '1000', placeholder: t('workReport.notePlaceholder') },
      label: t('workReport.note'),
      className: 'field-grow',
    }),
    draftField({
      name: 'hours',
      drafts: drafts.texts,
      key: `hours:${key}`,
      state,
      fallback: report ? String(report.hours) : '',
      attributes: { type: 'number', inputmode: 'decimal', min: '0.1', max: '720', step: '0.1' },
      label: t('workReport.hours'),
      hint: t('workReport.hoursHint'),
    }),
    field({
      name: 'photo',
      label: t('workReport.photo'),
      control: photoInput,
      optional: true,
      errors: state.fields?.photo ?? [],
      hint: picked
        ? t('workReport.photoPicked', { name: picked.name, size: formatFileSize(picked.size) })
        : report?.hasPhoto
          ? t('workReport.photoKept')
          : t('workReport.photoHint'),
    }),
    actOrCancel({
      label: sending ?? (report ? t('workReport.resend') : t('workReport.send')),
      busy,
      action: 'send-report',
      key: `send-report:${key}`,
      cancel: {
        action: 'cancel-report',
        key: `cancel-report:${key}`,
        disabled: busy,
        onClick: () => drafts.close(key),
      },
    }),
    rowMessage(state.message),
  );
}

/**
 * @param {{ ctx: ViewContext, rows: RowActions, drafts: ReportDrafts, key: string, projectId: string }} options
 */
function send({ ctx, rows, drafts, key, projectId }) {
  return rows.run(key, REPORT_FIELDS, async () => {
    const body = new window.FormData();
    body.append('note', drafts.texts.get(`note:${key}`) ?? '');
    body.append('hours', (drafts.texts.get(`hours:${key}`) ?? '').trim());
    const photo = drafts.photos.get(key);
    if (photo) {
      const problem = photoProblem(photo);
      if (problem) return () => ({ fields: { photo: [{ message: problem }] } });
      body.append('photo', photo, photo.name);
    }
    const answer = await uploadForm(
      ctx.api,
      `/projects/${encodeURIComponent(projectId)}/report`,
      body,
      (step) => {
        drafts.progress.set(
          key,
          step.phase === 'sending'
            ? t('workReport.sending', { percent: Math.floor((100 * step.sent) / Math.max(step.total, 1)) })
            : t('common.busy'),
        );
      },
    );
    drafts.progress.delete(key);
    if (!answer.ok) {
      const error = apiErrorOf(answer);
      // The server read the photo's bytes and found no image it takes: say so in the page's words.
      if (error.field === 'photo')
        return () => ({ fields: { photo: [{ message: t('workReport.photoRefused') }] } });
      throw error;
    }
    drafts.close(key);
    ctx.notify('success', t('workReport.sent'));
    return succeeded(() => t('workReport.sent'));
  });
}

/**
 * Why a picked photo cannot be sent, in words, or null.
 * @param {File} photo
 */
function photoProblem(photo) {
  if (photo.size > MAX_PHOTO_BYTES)
    return t('workReport.photoTooLarge', { size: formatFileSize(photo.size) });
  if (photo.type !== '' && !photo.type.startsWith('image/')) return t('workReport.photoNotImage');
  return null;
}

/** @param {number} bytes */
function formatFileSize(bytes) {
  return bytes < 1024 * 1024
    ? `${formatNumber(Math.max(1, Math.round(bytes / 1024)))} KB`
    : `${formatNumber(bytes / (1024 * 1024), 1)} MB`;
}

/**
 * What the community confirms against: each claiming unit's report, and who has yet to report.
 * @param {ViewContext} ctx
 * @param {string} projectId
 * @param {readonly WorkReport[] | undefined} reports
 * @param {readonly { unitId: string, unitName: string | null }[] | undefined} awaiting
 */
export function reportsForConfirmation(ctx, projectId, reports, awaiting) {
  const sent = reports ?? [];
  const waiting = awaiting ?? [];
  if (sent.length === 0 && waiting.length === 0) return null;
  return h(
    'section',
    { class: 'work-reports', dataset: { testid: 'work-reports' } },
    h('h4', { class: 'work-reports-title' }, t('workReport.title')),
    sent.map((report) => reportSummary(ctx, projectId, report, { own: false })),
    waiting.length > 0
      ? h(
          'p',
          { class: 'muted', dataset: { testid: 'awaiting-reports' } },
          t('workReport.awaiting', { units: waiting.map((unit) => unit.unitName ?? unit.unitId).join('、') }),
        )
      : null,
  );
}

/**
 * One report: who, hours, when, what was done, and its photo on demand.
 * @param {ViewContext} ctx
 * @param {string} projectId
 * @param {WorkReport} report
 * @param {{ own: boolean }} options
 */
function reportSummary(ctx, projectId, report, { own }) {
  return h(
    'div',
    { class: 'work-report', dataset: { testid: 'work-report', unitId: report.unitId } },
    h(
      'p',
      { class: 'work-report-head' },
      h('strong', null, own ? t('workReport.yours') : (report.unitName ?? report.unitId)),
      h('span', null, t('workReport.hoursDone', { hours: formatNumber(report.hours, 1) })),
      h('time', { class: 'muted', datetime: report.reportedAt }, formatDateTime(report.reportedAt)),
    ),
    h('p', { class: 'work-report-note', dataset: { testid: 'work-report-note' } }, report.note),
    report.hasPhoto ? photoButton(ctx, projectId, report.unitId) : null,
  );
}

/**
 * The photo is behind sign-in, so an <img src> cannot fetch it: the button fetches it with the
 * token and shows it in place.
 * @param {ViewContext} ctx
 * @param {string} projectId
 * @param {string} unitId
 */
function photoButton(ctx, projectId, unitId) {
  const slot = h('div', { class: 'work-report-photo' });
  const button = actionButton(t('workReport.showPhoto'), {
    action: 'show-photo',
    className: 'btn-small btn-ghost',
    onClick: async () => {
      button.disabled = true;
      try {
        const { blob } = await fetchExport(
          ctx,
          `/projects/${encodeURIComponent(projectId)}/reports/${encodeURIComponent(unitId)}/photo`,
          {},
        );
        const image = h('img', {
          src: window.URL.createObjectURL(blob),
          alt: t('workReport.photoAlt'),
          dataset: { testid: 'work-report-photo' },
        });
        slot.replaceChildren(image);
        button.remove();
      } catch {
        button.disabled = false;
        slot.replaceChildren(h('p', { class: 'field-error', role: 'alert' }, t('workReport.photoFailed')));
      }
    },
  });
  return h('div', null, button, slot);
}

/**
 * The other parties' contact persons and phones, shown once a claim is accepted.
 * @param {readonly (PartyContact | null | undefined)[]} contacts
 */
export function contactsNote(contacts) {
  const known = contacts.filter((contact) => contact && (contact.contactName || contact.contactPhone));
  if (known.length === 0) return null;
  return h(
    'ul',
    { class: 'contact-list', dataset: { testid: 'contacts' } },
    known.map((contact) =>
      h(
        'li',
        null,
        h('span', null, t('contact.of', { name: contact?.name ?? '' })),
        contact?.contactName ? h('span', null, contact.contactName) : null,
        contact?.contactPhone
          ? h('a', { href: `tel:${contact.contactPhone.replace(/[^\d+]/g, '')}` }, contact.contactPhone)
          : null,
      ),
    ),
  );
}
