// @ts-check

import { focusKey, h } from '../dom.js';
import { actionButton } from '../forms.js';
import { formatDayRange, formatFullDay, formatLogin, formatQuantity } from '../format.js';
import { categoryLabel, t } from '../i18n.js';

/**
 * 打印项目清单: the project list as the joint meeting (联席会) reads it on paper — one table
 * row per project with its community, units, quantity, days and whom to call — sized for A4
 * portrait. The screen shows the sheet first (a phone in WeChat may not print; the sheet
 * still reads there); styles.css's print rules hide everything else and keep the table
 * inside the page's width.
 */

/** @typedef {import('../api.js').Schemas['ProjectListing']} ProjectListing */
/** @typedef {import('./member-directory.js').MemberDirectory} MemberDirectory */

/** The sheet's columns, in order; each has a width in styles.css (.print-col-*) and a heading. */
const COLUMNS = ['no', 'project', 'community', 'units', 'quantity', 'days', 'contact'];

/**
 * @param {object} options
 * @param {import('./common.js').ViewContext} options.ctx
 * @param {MemberDirectory} options.directory contacts of the communities and units
 * @param {() => void} options.render
 * @param {() => ParentNode | null} options.container where the view is drawn, to move focus
 */
export function createPrintSheet({ ctx, directory, render, container }) {
  let open = false;
  /** @type {'loading' | 'ready' | 'failed'} */
  let contacts = 'loading';

  async function show() {
    open = true;
    contacts = 'loading';
    render();
    // The button that opened the sheet is gone: carry on from the sheet's own.
    focusKey(container(), 'print-now');
    contacts = await directory.load().then(
      () => /** @type {const} */ ('ready'),
      () => /** @type {const} */ ('failed'),
    );
    render();
  }

  function hide() {
    open = false;
    render();
    focusKey(container(), 'print-projects');
  }

  /** The 打印项目清单 button in the review screen's header. */
  function button() {
    return actionButton(t('print.open'), {
      action: 'print-projects',
      key: 'print-projects',
      className: 'btn-secondary btn-small',
      onClick: () => void show(),
    });
  }

  /**
   * The sheet: its toolbar (screen only), then the heading and table that print.
   * @param {readonly ProjectListing[]} projects the projects the review screen shows
   * @param {string} scope what they are, e.g. the status filter's words
   */
  function sheet(projects, scope) {
    const now = Date.now();
    const alliance =
      ctx.me.allianceName && ctx.me.allianceName !== ctx.me.allianceId ? ctx.me.allianceName : null;
    return h(
      'div',
      { class: 'print-view' },
      h(
        'div',
        { class: 'print-toolbar', dataset: { testid: 'print-toolbar' } },
        actionButton(t('print.print'), {
          action: 'print-now',
          key: 'print-now',
          className: 'btn-primary',
          onClick: () => window.print(),
        }),
        actionButton(t('print.back'), { action: 'print-back', className: 'btn-ghost', onClick: hide }),
        h('span', { class: 'muted' }, t('print.hint')),
        contacts === 'failed' ? h('span', { class: 'is-unmet' }, t('print.contactsFailed')) : null,
      ),
      h(
        'section',
        { class: 'print-sheet', dataset: { testid: 'print-sheet' }, 'aria-labelledby': 'print-title' },
        h('h2', { id: 'print-title', class: 'print-title' }, t('print.title')),
        h(
          'p',
          { class: 'print-subtitle' },
          [
            alliance,
            scope,
            t('common.total', { count: projects.length }),
            t('print.printedOn', { day: formatFullDay(now) }),
          ]
            .filter(Boolean)
            .join(' · '),
        ),
        projects.length === 0
          ? h('p', null, t('review.empty'))
          : h(
              'table',
              { class: 'print-table', dataset: { testid: 'print-table' } },
              h(
                'colgroup',
                null,
                COLUMNS.map((name) => h('col', { class: `print-col-${name}` })),
              ),
              h(
                'thead',
                null,
                h(
                  'tr',
                  null,
                  COLUMNS.map((name) => h('th', { scope: 'col' }, t(`print.column.${name}`))),
                ),
              ),
              h(
                'tbody',
                null,
                projects.map((project, index) => projectLine(project, index + 1, now)),
              ),
            ),
      ),
    );
  }

  /**
   * @param {ProjectListing} project
   * @param {number} number
   * @param {number} now
   */
  function projectLine(project, number, now) {
    const unit = project.demand?.quantityUnit;
    const allocations = project.allocations ?? [];
    const allocated = allocations.reduce((sum, allocation) => sum + (Number(allocation.quantity) || 0), 0);
    const community = directory.member('community', project.submitterId);
    // Each cell names its column, for the narrow screen where rows read as cards.
    /**
     * @param {string} name
     * @param {...import('../dom.js').Child} content
     */
    const cell = (name, ...content) =>
      h(
        'td',
        { class: name === 'no' ? 'num' : null, dataset: { label: t(`print.column.${name}`) } },
        // One box beside the label when a row reads as a card.
        h('div', null, content),
      );
    const units = [...new Set(allocations.map((allocation) => allocation.unitId))];
    const contactLines = [
      contactLine(project.submitterName, community),
      // One line per unit, as the roster gives its contact.
      ...units.map((unitId) =>
        contactLine(
          allocations.find((allocation) => allocation.unitId === unitId)?.unitName,
          directory.member('unit', unitId),
        ),
      ),
    ].filter(Boolean);
    return h(
      'tr',
      { dataset: { testid: 'print-row', projectId: project.id } },
      cell('no', String(number)),
      cell(
        'project',
        h('strong', null, project.demand?.title ?? t('review.thisProject')),
        project.demand?.category
          ? h('span', { class: 'print-line print-note' }, categoryLabel(project.demand.category))
          : null,
      ),
      cell('community', project.submitterName ?? t('common.none')),
      cell(
        'units',
        allocations.length === 0
          ? t('print.noUnit')
          : allocations.map((allocation) =>
              h(
                'span',
                { class: 'print-line' },
                `${allocation.unitName ?? t('review.swap.unnamedUnit')} ${formatQuantity(allocation.quantity, unit)}`,
              ),
            ),
      ),
      cell(
        'quantity',
        h(
          'span',
          { class: 'print-line' },
          `${t('review.requested')} ${formatQuantity(project.requested, unit)}`,
        ),
        h('span', { class: 'print-line' }, `${t('review.allocated')} ${formatQuantity(allocated, unit)}`),
      ),
      cell('days', formatDayRange(project.demand?.windowFrom, project.demand?.windowTo, now)),
      cell('contact', contactLines.length > 0 ? contactLines : t('common.none')),
    );
  }

  /**
   * "014中心社区 张老师 138 0013 8000", or nothing when the roster has no contact for it.
   * @param {string | null | undefined} party
   * @param {import('./member-directory.js').Member | undefined} member
   */
  function contactLine(party, member) {
    const person = [member?.contactName, member?.contactPhone ? formatLogin(member.contactPhone) : null]
      .filter(Boolean)
      .join(' ');
    if (!person) return null;
    return h(
      'span',
      { class: 'print-line' },
      party ? h('span', { class: 'print-note-inline' }, `${party} `) : null,
      person,
    );
  }

  return { button, sheet, isOpen: () => open };
}
