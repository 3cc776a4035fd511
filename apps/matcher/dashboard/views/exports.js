// @ts-check

import { UnauthorizedError, apiErrorOf, withQuery } from '../api.js';
import { h } from '../dom.js';
import { describeError } from '../forms.js';
import { allianceDay } from '../format.js';
import { t } from '../i18n.js';

/**
 * Downloads of the lists the joint meeting (联席会) keeps in Excel: 导出 Excel / 导出 CSV
 * buttons that fetch the export with the bearer token and the filters on screen, and the
 * coordinators' 月度报告 (monthly report) with a month picker. The files are fetched, not
 * linked: a link could not carry the token.
 */

/** @typedef {import('./common.js').ViewContext} ViewContext */
/** @typedef {import('../api.js').Query} Query */

// Laid out here rather than in styles.css: a row of small buttons that wraps in the header.
/** @type {Partial<CSSStyleDeclaration>} */
const ROW = { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '6px' };

/**
 * The export's answer as a file. A 401 renews the session once, through the API's own
 * renewal (any scoped call does it), and tries again; other failures throw the API's error.
 * @param {ViewContext} ctx
 * @param {string} path e.g. /alliances/{id}/exports/projects.xlsx
 * @param {Query} params
 * @returns {Promise<{ blob: Blob, name: string | null }>}
 */
export async function fetchExport(ctx, path, params) {
  const url = withQuery(path, params);
  let response = await requestFile(url, ctx.api.accessToken());
  if (response.status === 401) {
    // Renews the token, or ends the session and throws when it cannot be renewed.
    await ctx.api.unscoped.get('/me');
    response = await requestFile(url, ctx.api.accessToken());
  }
  if (!response.ok) {
    const text = await response.text().catch(() => '');
    /** @type {unknown} */
    let body = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON: the text is the message
    }
    throw apiErrorOf({ status: response.status, ok: false, body });
  }
  return { blob: await response.blob(), name: fileNameOf(response.headers.get('Content-Disposition')) };
}

/**
 * @param {string} url
 * @param {string} token
 */
function requestFile(url, token) {
  return fetch(url, { headers: { Authorization: `Bearer ${token}` }, cache: 'no-store' });
}

/**
 * The file name a Content-Disposition header gives: RFC 5987's filename* (UTF-8, the Chinese
 * name) first, else the plain filename.
 * @param {string | null} header
 */
export function fileNameOf(header) {
  if (!header) return null;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (encoded?.[1]) {
    try {
      return decodeURIComponent(encoded[1].trim());
    } catch {
      // a malformed encoding: fall back to the plain name
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"/i.exec(header);
  return plain?.[1] ?? null;
}

/**
 * Saves a blob under a name, as a browser download.
 * @param {Blob} blob
 * @param {string} name
 */
export function save(blob, name) {
  const url = window.URL.createObjectURL(blob);
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once started; let it start before the URL goes.
  setTimeout(() => window.URL.revokeObjectURL(url), 60_000);
}

/**
 * 导出 Excel / 导出 CSV for one export, with the filters on screen when clicked.
 * @param {ViewContext} ctx
 * @param {object} options
 * @param {string} options.name the export: projects, unmet, points, rankings, claims
 * @param {() => Query} [options.params] the filters on screen
 * @param {string} [options.label] what the buttons export, when a view has more than one
 */
export function exportButtons(ctx, { name, params = () => ({}), label }) {
  /**
   * @param {'xlsx' | 'csv'} format
   * @param {string} text
   */
  const button = (format, text) =>
    h(
      'button',
      {
        type: 'button',
        class: ['btn', 'btn-small', 'btn-ghost'],
        dataset: { action: `export-${name}-${format}`, testid: 'export-button' },
        onClick: async (event) => {
          const target = event.currentTarget;
          const alliance = ctx.allianceId();
          if (!alliance) return;
          target.disabled = true;
          target.setAttribute('aria-busy', 'true');
          try {
            const path = `/alliances/${encodeURIComponent(alliance)}/exports/${name}.${format}`;
            const file = await fetchExport(ctx, path, params());
            save(file.blob, file.name ?? `${name}.${format}`);
          } catch (error) {
            if (!(error instanceof UnauthorizedError)) ctx.notify('error', describeError(error).text);
          } finally {
            target.disabled = false;
            target.removeAttribute('aria-busy');
          }
        },
      },
      text,
    );
  return h(
    'div',
    { class: 'export-actions', role: 'group', 'aria-label': label ?? t('export.group'), style: ROW },
    label ? h('span', { class: 'export-label' }, label) : null,
    button('xlsx', t('export.excel')),
    button('csv', t('export.csv')),
  );
}

/** The month last picked, kept while the page is open (views are redrawn on live changes). */
let chosenMonth = '';

/**
 * 月度报告: a month picker (this month by default), a button that opens the printable page
 * in a new tab and one that downloads the workbook. For coordinators and admins.
 * @param {ViewContext} ctx
 */
export function monthlyReportControl(ctx) {
  const input = h('input', {
    type: 'month',
    value: chosenMonth || currentMonth(),
    max: currentMonth(),
    required: true,
    'aria-label': t('report.month'),
    dataset: { testid: 'report-month' },
    onChange: (event) => {
      chosenMonth = event.currentTarget.value;
    },
  });
  /**
   * @param {'html' | 'xlsx'} format
   * @param {string} text
   */
  const button = (format, text) =>
    h(
      'button',
      {
        type: 'button',
        class: ['btn', 'btn-small', format === 'html' ? 'btn-primary' : 'btn-ghost'],
        dataset: { action: `monthly-report-${format}`, testid: 'report-button' },
        onClick: async (event) => {
          const target = event.currentTarget;
          const alliance = ctx.allianceId();
          const month = input.value;
          if (!alliance || !/^\d{4}-\d{2}$/.test(month)) {
            ctx.notify('error', t('report.pickMonth'));
            return;
          }
          // Opened now, while the click still counts, or a popup blocker would refuse it later.
          const page = format === 'html' ? window.open('', '_blank') : null;
          target.disabled = true;
          try {
            const path = `/alliances/${encodeURIComponent(alliance)}/reports/monthly.${format}`;
            const file = await fetchExport(ctx, path, { month });
            const name = file.name ?? `monthly-${month}.${format}`;
            if (page) {
              const url = window.URL.createObjectURL(file.blob);
              page.location.href = url;
              setTimeout(() => window.URL.revokeObjectURL(url), 60_000);
            } else save(file.blob, name);
          } catch (error) {
            page?.close();
            if (!(error instanceof UnauthorizedError)) ctx.notify('error', describeError(error).text);
          } finally {
            target.disabled = false;
          }
        },
      },
      text,
    );
  return h(
    'div',
    { class: 'export-actions monthly-report', role: 'group', 'aria-label': t('report.title'), style: ROW },
    h('span', { class: 'export-label' }, t('report.title')),
    input,
    button('html', t('report.open')),
    button('xlsx', t('report.excel')),
  );
}

/** This month on the alliance's clocks (Beijing), as YYYY-MM. */
function currentMonth() {
  return allianceDay(new Date().toISOString()).slice(0, 7);
}

/**
 * A coordinator's exports of the whole alliance, for the overview: the unit rankings, the
 * points ledger and the claims history.
 * @param {ViewContext} ctx
 */
export function allianceExports(ctx) {
  return h(
    'div',
    { class: 'view-exports', style: { ...ROW, gap: '6px 16px' } },
    exportButtons(ctx, { name: 'rankings', label: t('export.rankings') }),
    exportButtons(ctx, { name: 'points', label: t('export.points') }),
    exportButtons(ctx, { name: 'claims', label: t('export.claims') }),
  );
}
