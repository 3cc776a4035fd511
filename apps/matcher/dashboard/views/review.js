// @ts-check

import { UnauthorizedError } from '../api.js';
import { h } from '../dom.js';
import { actionButton, describeError, draftField, form, numberOrUndefined, rowMessage } from '../forms.js';
import { formatDateTime, formatQuantity, formatWindow } from '../format.js';
import {
  categoryLabel,
  componentLabel,
  scoreExplanationLabel,
  statusLabel,
  t,
  urgencyLabel,
} from '../i18n.js';
import { DEFAULT_CATEGORIES, PROJECT_STATUSES, URGENCIES } from '../vocab.js';
import {
  cardHead,
  categoryChip,
  createLoader,
  drawListView,
  emptyBlock,
  meter,
  statusBadge,
  urgencyChip,
  viewLifecycle,
} from './common.js';
import { exportButtons, monthlyReportControl } from './exports.js';
import { createRowActions, succeeded } from './row-actions.js';

/** @typedef {import('../api.js').Schemas} Schemas */
/** @typedef {Schemas['ProjectListing']} ProjectListing */
/** @typedef {ProjectListing['allocations'][number]} Allocation */
/** @typedef {import('../forms.js').Feedback} Feedback */
/** @typedef {{ status: string, community: string, category: string, urgency: string }} Filters */

/**
 * A project's audit trail as shown: open or closed, and its entries once loaded.
 * @typedef {object} Audit
 * @property {boolean} open
 * @property {boolean} [loading]
 * @property {Schemas['ProjectEvent'][]} [entries]
 * @property {unknown} [error]
 */

/**
 * 审核: the joint meeting (联席会) goes through proposed projects, reads why each resource
 * was chosen, adjusts quantities, and approves or rejects with a reason.
 * @param {import('./common.js').ViewContext} ctx
 */
export function createReviewView(ctx) {
  /** @type {Filters} */
  const filters = { status: 'proposed', community: '', category: '', urgency: '' };
  // Filter choices grow from what listings have shown: there is no endpoint for the
  // alliance's communities, and a select beats typing an id.
  /** @type {Map<string, string>} */
  const communities = new Map();
  /** @type {Set<string>} */
  const categories = new Set(DEFAULT_CATEGORIES);

  // Per-row UI state survives live re-renders: what is being typed, which reject form is
  // open and which audit trails are shown; `rows` below keeps outcomes and busy rows.
  /** @type {Map<string, string>} */
  const drafts = new Map();
  /** @type {Set<string>} */
  const rejecting = new Set();
  /** @type {Map<string, Audit>} */
  const audits = new Map();

  /** @type {HTMLElement | null} */
  let container = null;
  const loader = createLoader(async () => {
    const projects = /** @type {ProjectListing[]} */ (await ctx.api.get('/projects', filters));
    for (const project of projects) {
      if (project.submitterId)
        communities.set(project.submitterId, project.submitterName || project.submitterId);
      if (project.demand?.category) categories.add(project.demand.category);
    }
    // An open audit trail is part of what changed: reload it with the list.
    for (const [projectId, audit] of audits) if (audit.open) void loadAudit(projectId);
    return projects;
  }, render);
  const rows = createRowActions(loader, render);

  function render() {
    if (!container) return;
    const projects = loader.state.data;
    drawListView(
      container,
      loader,
      {
        title: t('tab.review'),
        count: Array.isArray(projects) ? projects.length : undefined,
        extra: h(
          'div',
          { class: 'view-exports', style: { display: 'flex', flexWrap: 'wrap', gap: '6px 16px' } },
          // The project list as on screen: the same filters as the listing.
          exportButtons(ctx, { name: 'projects', params: () => ({ ...filters }) }),
          monthlyReportControl(ctx),
        ),
        controls: filterBar(),
      },
      () =>
        !projects || projects.length === 0
          ? emptyBlock(t('review.empty'))
          : h('div', { class: 'card-list', dataset: { testid: 'project-list' } }, projects.map(projectRow)),
    );
  }

  function filterBar() {
    /**
     * @param {keyof Filters} name
     * @param {string} label
     * @param {readonly [value: string, text: string][]} options
     */
    const select = (name, label, options) =>
      h(
        'label',
        { class: 'filter' },
        h('span', { class: 'filter-label' }, label),
        h(
          'select',
          {
            name,
            dataset: { key: `filter-${name}` },
            onChange: (event) => {
              filters[name] = event.currentTarget.value;
              void loader.refresh();
            },
          },
          h('option', { value: '', selected: filters[name] === '' }, t('common.all')),
          options.map(([value, text]) => h('option', { value, selected: filters[name] === value }, text)),
        ),
      );
    const communityOptions = [...communities].sort((a, b) => a[1].localeCompare(b[1], 'zh-CN'));
    if (filters.community && !communities.has(filters.community)) {
      communityOptions.push([filters.community, filters.community]);
    }
    return h(
      'form',
      {
        class: 'filter-bar',
        role: 'search',
        'aria-label': t('review.filters'),
        dataset: { testid: 'review-filters' },
        onSubmit: (event) => event.preventDefault(),
      },
      select(
        'status',
        t('review.status'),
        PROJECT_STATUSES.map((status) => [status, statusLabel(status)]),
      ),
      select('community', t('review.community'), communityOptions),
      select(
        'category',
        t('review.category'),
        [...categories].map((code) => [code, categoryLabel(code)]),
      ),
      select(
        'urgency',
        t('review.urgency'),
        URGENCIES.map((urgency) => [urgency, urgencyLabel(urgency)]),
      ),
      actionButton(t('common.reset'), {
        action: 'reset-filters',
        className: 'btn-ghost',
        onClick: () => {
          Object.assign(filters, { status: 'proposed', community: '', category: '', urgency: '' });
          render();
          void loader.refresh();
        },
      }),
    );
  }

  /** @param {ProjectListing} project */
  function projectRow(project) {
    /** @type {Partial<NonNullable<ProjectListing['demand']>>} */
    const demand = project.demand ?? {};
    const allocations = Array.isArray(project.allocations) ? project.allocations : [];
    const allocated = allocations.reduce((sum, allocation) => sum + (Number(allocation.quantity) || 0), 0);
    const editable = project.status === 'proposed';
    const isBusy = rows.isBusy(project.id);
    const state = rows.feedback(project.id);
    return h(
      'article',
      {
        class: ['card', 'project', `urgency-${demand.urgency}`],
        dataset: {
          testid: 'project-row',
          projectId: project.id,
          version: project.version,
          status: project.status,
        },
        'aria-busy': isBusy ? 'true' : null,
        'aria-labelledby': `title-${project.id}`,
      },
      cardHead(
        [
          h('h3', { class: 'card-title', id: `title-${project.id}` }, demand.title ?? project.id),
          statusBadge(project.status),
        ],
        [
          h(
            'span',
            { class: 'meta-strong', dataset: { testid: 'project-community' } },
            project.submitterName,
          ),
          categoryChip(demand.category),
          urgencyChip(demand.urgency),
          h('span', null, `${t('review.window')} ${formatWindow(demand.windowFrom, demand.windowTo)}`),
          demand.address ? h('span', null, `${t('review.address')} ${demand.address}`) : null,
        ],
        quantityLine(project, allocated, demand.quantityUnit),
      ),
      h(
        'section',
        { class: 'allocations', 'aria-label': t('review.allocations') },
        allocations.length === 0
          ? h('p', { class: 'muted' }, t('review.noAllocations'))
          : allocations.map((allocation) =>
              allocationRow(project, allocation, editable, demand.quantityUnit),
            ),
      ),
      editable ? actions(project, isBusy, state) : null,
      rowMessage(state.message),
      auditBlock(project),
    );
  }

  /**
   * @param {ProjectListing} project
   * @param {number} allocated
   * @param {string | undefined} unit
   */
  function quantityLine(project, allocated, unit) {
    const requested = Number(project.requested) || 0;
    const unmet = Number(project.unmet) || 0;
    return h(
      'div',
      { class: 'qty-line', dataset: { testid: 'project-quantity' } },
      h(
        'span',
        null,
        h('span', { class: 'qty-label' }, t('review.requested')),
        ' ',
        h('strong', null, formatQuantity(requested, unit)),
      ),
      h(
        'span',
        null,
        h('span', { class: 'qty-label' }, t('review.allocated')),
        ' ',
        h('strong', null, formatQuantity(allocated, unit)),
      ),
      h(
        'span',
        { class: unmet > 0 ? 'is-unmet' : null, dataset: { testid: 'project-unmet' } },
        h('span', { class: 'qty-label' }, t('review.unmet')),
        ' ',
        h('strong', null, formatQuantity(unmet, unit)),
      ),
      h(
        'span',
        { class: 'coverage-bar', 'aria-hidden': 'true' },
        h('span', {
          class: 'coverage-fill',
          style: { width: `${requested > 0 ? Math.min(100, (allocated / requested) * 100) : 0}%` },
        }),
      ),
    );
  }

  /**
   * @param {ProjectListing} project
   * @param {Allocation} allocation
   * @param {boolean} editable
   * @param {string | undefined} unit
   */
  function allocationRow(project, allocation, editable, unit) {
    const key = `${project.id}:${allocation.resourceItemPk}`;
    const state = rows.feedback(key);
    const components = Array.isArray(allocation.explanation) ? allocation.explanation : [];
    return h(
      'div',
      {
        class: 'allocation',
        dataset: { testid: 'allocation-row', resourceItemPk: allocation.resourceItemPk },
      },
      h(
        'div',
        { class: 'alloc-who' },
        h('strong', { dataset: { testid: 'allocation-unit' } }, allocation.unitName ?? allocation.unitId),
        h('span', { class: 'muted' }, allocation.resourceTitle),
      ),
      h(
        'div',
        { class: 'alloc-qty' },
        editable ? quantityForm(project, allocation, key, state) : formatQuantity(allocation.quantity, unit),
      ),
      h(
        'div',
        { class: 'alloc-score' },
        h('span', { class: 'alloc-score-label' }, t('review.score')),
        meter(allocation.score, t('review.score'), 'meter-score'),
      ),
      h(
        'ul',
        { class: 'components', 'aria-label': t('review.explanation') },
        components.map((component) =>
          h(
            'li',
            { class: 'component', dataset: { component: component.name } },
            h('span', { class: 'component-name' }, componentLabel(component.name)),
            meter(component.value, componentLabel(component.name)),
            h(
              'span',
              { class: 'component-weight' },
              t('review.weight', { weight: Number(component.weight ?? 0).toFixed(2) }),
            ),
            h(
              'span',
              { class: 'component-detail', title: component.detail },
              scoreExplanationLabel(component),
            ),
          ),
        ),
      ),
      rowMessage(state.message),
    );
  }

  /**
   * @param {ProjectListing} project
   * @param {Allocation} allocation
   * @param {string} key
   * @param {Feedback} state
   */
  function quantityForm(project, allocation, key, state) {
    const draftKey = `quantity:${key}`;
    return form(
      { class: 'inline-form' },
      () => saveQuantity(project, allocation, key, draftKey),
      draftField({
        name: 'quantity',
        drafts,
        key: draftKey,
        state,
        attributes: { type: 'number', inputmode: 'numeric', step: 'any' },
        fallback: String(allocation.quantity ?? ''),
        label: t('review.quantity'),
        className: 'field-compact',
      }),
      actionButton(t('review.saveQuantity'), {
        type: 'submit',
        action: 'save-quantity',
        key: `save:${key}`,
        className: 'btn-small',
        disabled: rows.isBusy(key),
      }),
    );
  }

  /**
   * @param {ProjectListing} project
   * @param {boolean} isBusy
   * @param {Feedback} state
   */
  function actions(project, isBusy, state) {
    const open = rejecting.has(project.id);
    const reasonKey = `reason:${project.id}`;
    return h(
      'div',
      { class: 'card-actions' },
      h(
        'div',
        { class: 'button-row' },
        actionButton(t('review.approve'), {
          action: 'approve',
          key: `approve:${project.id}`,
          className: 'btn-primary',
          disabled: isBusy,
          onClick: () => void approve(project),
        }),
        actionButton(t('review.reject'), {
          action: 'reject',
          key: `reject:${project.id}`,
          className: open ? 'btn-pressed' : 'btn-secondary',
          'aria-expanded': open ? 'true' : 'false',
          disabled: isBusy,
          onClick: () => {
            if (open) rejecting.delete(project.id);
            else rejecting.add(project.id);
            render();
            const reason = open ? null : container?.querySelector(`[data-key="${reasonKey}"]`);
            if (reason instanceof HTMLElement) reason.focus();
          },
        }),
      ),
      open
        ? form(
            { class: 'reject-form' },
            () => reject(project, reasonKey),
            draftField({
              name: 'reason',
              drafts,
              key: reasonKey,
              state,
              tag: 'textarea',
              attributes: { rows: '2', placeholder: t('review.rejectPlaceholder') },
              label: t('review.rejectReason'),
            }),
            h(
              'div',
              { class: 'button-row' },
              actionButton(t('review.confirmReject'), {
                type: 'submit',
                action: 'confirm-reject',
                key: `confirm-reject:${project.id}`,
                className: 'btn-danger',
                disabled: isBusy,
              }),
              actionButton(t('common.cancel'), {
                action: 'cancel-reject',
                className: 'btn-ghost',
                onClick: () => {
                  rejecting.delete(project.id);
                  rows.forget(project.id);
                  render();
                },
              }),
            ),
          )
        : null,
    );
  }

  /** @param {ProjectListing} project */
  function auditBlock(project) {
    /** @type {Audit} */
    const audit = audits.get(project.id) ?? { open: false };
    return h(
      'details',
      {
        class: 'audit',
        open: audit.open,
        onToggle: (event) => {
          const open = event.currentTarget.open;
          if (open === audit.open) return;
          audits.set(project.id, { ...audit, open });
          if (open) void loadAudit(project.id);
        },
      },
      h('summary', null, t('review.audit')),
      audit.loading
        ? h('p', { class: 'muted' }, t('review.auditLoading'))
        : audit.error
          ? rowMessage(describeError(audit.error))
          : Array.isArray(audit.entries)
            ? audit.entries.length === 0
              ? h('p', { class: 'muted' }, t('review.auditEmpty'))
              : h(
                  'ol',
                  { class: 'audit-list' },
                  audit.entries.map((entry) =>
                    h(
                      'li',
                      null,
                      h('time', { datetime: entry.at }, formatDateTime(entry.at)),
                      h('span', { class: 'audit-actor' }, entry.actor),
                      h('span', { class: 'audit-action' }, statusLabel(entry.action)),
                      entry.reason ? h('span', { class: 'audit-reason' }, entry.reason) : null,
                    ),
                  ),
                )
            : null,
    );
  }

  /** @param {string} projectId */
  async function loadAudit(projectId) {
    const previous = audits.get(projectId);
    // Entries already shown stay while they reload, so a live refresh does not flash.
    audits.set(projectId, { open: true, loading: !previous?.entries, entries: previous?.entries });
    render();
    try {
      const detail = /** @type {Schemas['ProjectDetail'] | null} */ (
        await ctx.api.get(`/projects/${encodeURIComponent(projectId)}`)
      );
      audits.set(projectId, { open: true, entries: Array.isArray(detail?.events) ? detail.events : [] });
    } catch (error) {
      if (error instanceof UnauthorizedError) return;
      audits.set(projectId, { open: true, error });
    }
    render();
  }

  /** @param {ProjectListing} project */
  async function approve(project) {
    await rows.run(project.id, [], async () => {
      await ctx.api.post(`/projects/${encodeURIComponent(project.id)}/approve`, {
        expectedVersion: project.version,
      });
      const text = () => t('review.approved', { title: project.demand?.title ?? project.id });
      ctx.notify('success', text());
      return succeeded(text);
    });
  }

  /**
   * @param {ProjectListing} project
   * @param {string} reasonKey
   */
  async function reject(project, reasonKey) {
    await rows.run(project.id, ['reason'], async () => {
      await ctx.api.post(`/projects/${encodeURIComponent(project.id)}/reject`, {
        reason: drafts.get(reasonKey) ?? '',
        expectedVersion: project.version,
      });
      rejecting.delete(project.id);
      drafts.delete(reasonKey);
      const text = () => t('review.rejected', { title: project.demand?.title ?? project.id });
      ctx.notify('success', text());
      return succeeded(text);
    });
  }

  /**
   * @param {ProjectListing} project
   * @param {Allocation} allocation
   * @param {string} key
   * @param {string} draftKey
   */
  async function saveQuantity(project, allocation, key, draftKey) {
    const typed = drafts.get(draftKey) ?? String(allocation.quantity ?? '');
    await rows.run(key, ['quantity'], async () => {
      await ctx.api.patch(
        `/projects/${encodeURIComponent(project.id)}/allocations/${encodeURIComponent(allocation.resourceItemPk)}`,
        { quantity: numberOrUndefined(typed) ?? null },
      );
      drafts.delete(draftKey);
      return succeeded(() => t('review.quantitySaved'));
    });
  }

  return viewLifecycle({
    loader,
    render,
    setContainer: (element) => (container = element),
  });
}
