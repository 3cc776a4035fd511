// @ts-check

import { ApiError, UnauthorizedError } from '../api.js';
import { h } from '../dom.js';
import { actionButton, describeError, draftField, form, numberOrUndefined, rowMessage } from '../forms.js';
import { formatQuantity, formatWindow } from '../format.js';
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
import { auditList } from './audit-trail.js';
import { exportButtons, monthlyReportControl } from './exports.js';
import { completionNote, completionOfEvents, hasEnded } from './project-outcomes.js';
import { offersBlock } from './project-offers.js';
import { createReasonPrompts, reasonForm } from './reason-form.js';
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
  /** @type {Map<string, Audit>} */
  const audits = new Map();
  // The community's rating of a completed project, read from its audit trail: the listing
  // does not carry it, and a completed project never changes again, so once read is enough.
  /** @type {Map<string, import('./project-outcomes.js').CompletionRecord | null>} */
  const completions = new Map();

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
    await Promise.all(
      projects
        .filter((project) => project.status === 'completed' && !completions.has(project.id))
        .map(async (project) => {
          const detail = await detailOf(project.id).catch(() => null);
          if (detail) completions.set(project.id, completionOfEvents(detail.events));
        }),
    );
    return projects;
  }, render);
  const rows = createRowActions(loader, render);
  const rejecting = createReasonPrompts(render, () => container);

  /** @param {string} projectId */
  function detailOf(projectId) {
    return /** @type {Promise<Schemas['ProjectDetail'] | null>} */ (
      ctx.api.get(`/projects/${encodeURIComponent(projectId)}`)
    );
  }

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
        completionNote(completions.get(project.id)),
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
      offersBlock(project.offers, demand.quantityUnit),
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
    const asked = h(
      'span',
      null,
      h('span', { class: 'qty-label' }, t('review.requested')),
      ' ',
      h('strong', null, formatQuantity(requested, unit)),
    );
    // A rejected, cancelled or expired project serves nothing: "unmet 0" would mislead.
    if (hasEnded(project.status)) {
      return h('div', { class: 'qty-line', dataset: { testid: 'project-quantity' } }, asked);
    }
    return h(
      'div',
      { class: 'qty-line', dataset: { testid: 'project-quantity' } },
      asked,
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
        h(
          'span',
          { class: 'alloc-role', dataset: { testid: 'allocation-role' } },
          unitRole(project, allocation),
        ),
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
    const open = rejecting.isOpen(project.id);
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
          onClick: () => rejecting.toggle(project.id, reasonKey),
        }),
      ),
      open
        ? reasonForm({
            verb: 'reject',
            id: project.id,
            drafts,
            reasonKey,
            state,
            label: t('review.rejectReason'),
            placeholder: t('review.rejectPlaceholder'),
            confirmLabel: t('review.confirmReject'),
            busy: isBusy,
            onConfirm: () => reject(project, reasonKey),
            onCancel: () => {
              rejecting.close(project.id);
              rows.forget(project.id);
              render();
            },
          })
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
              : auditList(audit.entries, project, ctx.me)
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
      const detail = await detailOf(projectId);
      const entries = Array.isArray(detail?.events) ? detail.events : [];
      audits.set(projectId, { open: true, entries });
      if (detail?.status === 'completed') completions.set(projectId, completionOfEvents(entries));
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
      const text = () => t('review.approved', { title: titleOf(project) });
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
      rejecting.close(project.id);
      drafts.delete(reasonKey);
      const text = () => t('review.rejected', { title: titleOf(project) });
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
      const quantity = numberOrUndefined(typed) ?? null;
      try {
        await ctx.api.patch(
          `/projects/${encodeURIComponent(project.id)}/allocations/${encodeURIComponent(allocation.resourceItemPk)}`,
          { quantity },
        );
      } catch (error) {
        if (!(error instanceof ApiError) || error.code !== 'capacity-exceeded') throw error;
        return () => ({
          fields: { quantity: [{ message: overCapText(project, allocation, Number(quantity)) }] },
        });
      }
      drafts.delete(draftKey);
      return succeeded(() => t('review.quantitySaved'));
    });
  }

  /**
   * Which cap a refused quantity passed, in words: the demand's (what it asks, less the other
   * allocations) or the resource's (what it has left); the API refuses both with one code.
   * @param {ProjectListing} project
   * @param {Allocation} allocation
   * @param {number} quantity
   */
  function overCapText(project, allocation, quantity) {
    const unit = project.demand?.quantityUnit;
    const requested = Number(project.requested) || 0;
    const others = (project.allocations ?? [])
      .filter((entry) => entry.resourceItemPk !== allocation.resourceItemPk)
      .reduce((sum, entry) => sum + (Number(entry.quantity) || 0), 0);
    if (others + quantity <= requested) return t('review.overResource');
    return t('review.overDemand', {
      requested: formatQuantity(requested, unit),
      others: formatQuantity(others, unit),
      most: formatQuantity(Math.max(0, requested - others), unit),
    });
  }

  return viewLifecycle({
    loader,
    render,
    setContainer: (element) => (container = element),
  });
}

/** @param {ProjectListing} project */
function titleOf(project) {
  return project.demand?.title ?? t('review.thisProject');
}

/**
 * 拟派单位 until the unit's claim is accepted, 承接单位 after: a proposal commits nobody.
 * @param {ProjectListing} project
 * @param {Allocation} allocation
 */
function unitRole(project, allocation) {
  const claimed = (project.offers ?? []).some(
    (offer) => offer.unitId === allocation.unitId && offer.status === 'claimed',
  );
  return claimed ? t('review.unitServing') : t('review.unitProposed');
}
