// @ts-check

import { UnauthorizedError } from '../api.js';
import { h, replaceContent } from '../dom.js';
import { actionButton, describeError, rowMessage } from '../forms.js';
import { formatQuantity, formatWindow } from '../format.js';
import { statusLabel, t } from '../i18n.js';
import { DEFAULT_CATEGORIES } from '../vocab.js';
import {
  cardHead,
  categoryChip,
  createLoader,
  drawListView,
  emptyBlock,
  statusBadge,
  urgencyChip,
  viewLifecycle,
} from './common.js';
import { auditList } from './audit-trail.js';
import { createBulkApproval } from './bulk-approve.js';
import { exportButtons, monthlyReportControl } from './exports.js';
import { createMemberDirectory } from './member-directory.js';
import { createPrintSheet } from './print-projects.js';
import { completionNote, completionOfEvents, hasEnded } from './project-outcomes.js';
import { offersBlock } from './project-offers.js';
import { matchesSearch } from './project-search.js';
import { createReasonPrompts, reasonForm } from './reason-form.js';
import { reviewFilterBar } from './review-filters.js';
import { createAllocationRows } from './review-allocation.js';
import { createRowActions, succeeded } from './row-actions.js';
import { createSwapPicker } from './swap-allocation.js';

/** @typedef {import('../api.js').Schemas} Schemas */
/** @typedef {Schemas['ProjectListing']} ProjectListing */
/** @typedef {ProjectListing['allocations'][number]} Allocation */
/** @typedef {import('../forms.js').Feedback} Feedback */
/** @typedef {import('./review-filters.js').Filters} Filters */

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
 * was chosen, adjusts quantities or swaps a unit, and approves or rejects with a reason, one
 * by one or several at once; it searches the list and prints it for the meeting.
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
  // What is typed in the search box; it narrows the loaded list, not the request.
  let query = '';

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
  const directory = createMemberDirectory(ctx);
  const printSheet = createPrintSheet({ ctx, directory, render, container: () => container });
  const bulk = createBulkApproval({
    ctx,
    render,
    container: () => container,
    onSent: () => loader.refresh(),
    titleOf,
  });
  const swaps = createSwapPicker({
    ctx,
    directory,
    rows,
    render,
    container: () => container,
    knownUnitName,
  });
  const allocationRow = createAllocationRows({ ctx, rows, drafts, swaps });

  /**
   * A unit's name as some loaded listing gives it.
   * @param {string} unitId
   */
  function knownUnitName(unitId) {
    for (const project of loader.state.data ?? []) {
      const named = project.allocations?.find(
        (allocation) => allocation.unitId === unitId && allocation.unitName,
      );
      if (named?.unitName) return named.unitName;
    }
    return null;
  }

  /** @param {string} projectId */
  function detailOf(projectId) {
    return /** @type {Promise<Schemas['ProjectDetail'] | null>} */ (
      ctx.api.get(`/projects/${encodeURIComponent(projectId)}`)
    );
  }

  function render() {
    if (!container) return;
    const projects = loader.state.data;
    const shown = projects?.filter((project) => matchesSearch(project, query));
    bulk.keepTo((projects ?? []).filter((project) => project.status === 'proposed'));
    if (printSheet.isOpen() && shown) {
      replaceContent(container, printSheet.sheet(shown, scopeWords()));
      return;
    }
    drawListView(
      container,
      loader,
      {
        title: t('tab.review'),
        count: shown?.length,
        extra: h(
          'div',
          {
            class: 'view-exports',
            style: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: '6px 16px' },
          },
          // The project list as on screen: the same filters as the listing.
          exportButtons(ctx, { name: 'projects', params: () => ({ ...filters }) }),
          printSheet.button(),
          monthlyReportControl(ctx),
        ),
        controls: filterBar(),
      },
      () => projectList(projects ?? [], shown ?? []),
    );
  }

  /**
   * @param {ProjectListing[]} projects every project loaded
   * @param {ProjectListing[]} shown those the search leaves
   */
  function projectList(projects, shown) {
    if (projects.length === 0) return [bulk.bar([]), emptyBlock(t('review.empty'))];
    return [
      bulk.bar(shown.filter((project) => project.status === 'proposed')),
      shown.length === 0
        ? emptyBlock(t('review.noMatch', { query: query.trim() }))
        : h('div', { class: 'card-list', dataset: { testid: 'project-list' } }, shown.map(projectRow)),
    ];
  }

  /** What the printed list holds, in words: its status filter, and the search when there is one. */
  function scopeWords() {
    const status = filters.status ? statusLabel(filters.status) : t('common.all');
    const searched = query.trim() ? t('print.searched', { query: query.trim() }) : null;
    return [t('print.scope', { status }), searched].filter(Boolean).join(' · ');
  }

  function filterBar() {
    return reviewFilterBar({
      filters,
      communities,
      categories,
      query,
      onSearch: (value) => {
        query = value;
        render();
      },
      onFilter: () => void loader.refresh(),
      onReset: () => {
        Object.assign(filters, { status: 'proposed', community: '', category: '', urgency: '' });
        query = '';
        render();
        void loader.refresh();
      },
    });
  }

  /** @param {ProjectListing} project */
  function projectRow(project) {
    /** @type {Partial<NonNullable<ProjectListing['demand']>>} */
    const demand = project.demand ?? {};
    const allocations = Array.isArray(project.allocations) ? project.allocations : [];
    const allocated = allocations.reduce((sum, allocation) => sum + (Number(allocation.quantity) || 0), 0);
    const editable = project.status === 'proposed';
    // A project waiting in the bulk approval's undo window is decided already: hands off.
    const isBusy = rows.isBusy(project.id) || bulk.isLocked(project.id);
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
          editable ? bulk.pickBox(project) : null,
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
      // The decision comes right after what is asked, before each allocation's detail: on a
      // phone the buttons are on the first screen of the card.
      editable ? actions(project, isBusy, state) : null,
      rowMessage(state.message),
      h(
        'section',
        { class: 'allocations', 'aria-label': t('review.allocations') },
        allocations.length === 0
          ? h('p', { class: 'muted' }, t('review.noAllocations'))
          : allocations.map((allocation) => allocationRow(project, allocation, editable && !isBusy)),
      ),
      offersBlock(project.offers, demand.quantityUnit),
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
