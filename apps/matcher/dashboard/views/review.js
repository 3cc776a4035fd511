import { UnauthorizedError } from '../api.js';
import { h, replaceContent } from '../dom.js';
import { describeError, feedbackOf, field, placeApiError, numberOrUndefined, rowMessage } from '../forms.js';
import { formatDateTime, formatQuantity, formatWindow } from '../format.js';
import { categoryLabel, componentLabel, scoreDetailLabel, statusLabel, t, urgencyLabel } from '../i18n.js';
import { DEFAULT_CATEGORIES, PROJECT_STATUSES, URGENCIES } from '../vocab.js';
import {
  chip,
  createLoader,
  emptyBlock,
  meter,
  placeholder,
  staleNote,
  statusBadge,
  viewHeader,
} from './common.js';

/**
 * 审核: the joint meeting (联席会) goes through proposed projects, reads why each resource
 * was chosen, adjusts quantities, and approves or rejects with a reason.
 */
export function createReviewView(ctx) {
  const filters = { status: 'proposed', community: '', category: '', urgency: '' };
  // Filter choices grow from what listings have shown: there is no endpoint for the
  // alliance's communities, and a select beats typing an id.
  const communities = new Map();
  const categories = new Set(DEFAULT_CATEGORIES);

  // Per-row UI state survives live re-renders: what is being typed, which reject form is
  // open, the last outcome, and which rows wait for an answer.
  const drafts = new Map();
  const rejecting = new Set();
  const feedback = new Map();
  const busy = new Set();
  const audits = new Map();

  let container = null;
  const loader = createLoader(async () => {
    const projects = await ctx.api.get('/projects', filters);
    for (const project of projects) {
      if (project.submitterId)
        communities.set(project.submitterId, project.submitterName || project.submitterId);
      if (project.demand?.category) categories.add(project.demand.category);
    }
    // An open audit trail is part of what changed: reload it with the list.
    for (const [projectId, audit] of audits) if (audit.open) void loadAudit(projectId);
    return projects;
  }, render);

  function render() {
    if (!container) return;
    const projects = loader.state.data;
    replaceContent(
      container,
      viewHeader({
        title: t('tab.review'),
        count: Array.isArray(projects) ? projects.length : undefined,
        loader,
      }),
      filterBar(),
      staleNote(loader),
      placeholder(loader, () => void loader.refresh()) ??
        (projects.length === 0
          ? emptyBlock(t('review.empty'))
          : h('div', { class: 'card-list', dataset: { testid: 'project-list' } }, projects.map(projectRow))),
    );
  }

  function filterBar() {
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
              filters[name] = event.target.value;
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
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-ghost',
          dataset: { action: 'reset-filters' },
          onClick: () => {
            Object.assign(filters, { status: 'proposed', community: '', category: '', urgency: '' });
            render();
            void loader.refresh();
          },
        },
        t('common.reset'),
      ),
    );
  }

  function projectRow(project) {
    const demand = project.demand ?? {};
    const allocations = Array.isArray(project.allocations) ? project.allocations : [];
    const allocated = allocations.reduce((sum, allocation) => sum + (Number(allocation.quantity) || 0), 0);
    const editable = project.status === 'proposed';
    const isBusy = busy.has(project.id);
    const state = feedbackOf(feedback.get(project.id));
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
      h(
        'header',
        { class: 'card-head' },
        h(
          'div',
          { class: 'card-title-line' },
          h('h3', { class: 'card-title', id: `title-${project.id}` }, demand.title ?? project.id),
          statusBadge(project.status),
        ),
        h(
          'div',
          { class: 'card-meta' },
          h(
            'span',
            { class: 'meta-strong', dataset: { testid: 'project-community' } },
            project.submitterName,
          ),
          chip(categoryLabel(demand.category), 'chip-category'),
          chip(urgencyLabel(demand.urgency), `chip-urgency urgency-${demand.urgency}`),
          h('span', null, `${t('review.window')} ${formatWindow(demand.windowFrom, demand.windowTo)}`),
          demand.address ? h('span', null, `${t('review.address')} ${demand.address}`) : null,
        ),
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

  function allocationRow(project, allocation, editable, unit) {
    const key = `${project.id}:${allocation.resourceItemPk}`;
    const state = feedbackOf(feedback.get(key));
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
              scoreDetailLabel(component.detail),
            ),
          ),
        ),
      ),
      rowMessage(state.message),
    );
  }

  function quantityForm(project, allocation, key, state) {
    const draftKey = `quantity:${key}`;
    const input = h('input', {
      type: 'number',
      name: 'quantity',
      inputmode: 'numeric',
      step: 'any',
      value: drafts.get(draftKey) ?? String(allocation.quantity ?? ''),
      dataset: { key: draftKey },
      onInput: (event) => drafts.set(draftKey, event.target.value),
    });
    return h(
      'form',
      {
        class: 'inline-form',
        novalidate: true,
        onSubmit: (event) => {
          event.preventDefault();
          void saveQuantity(project, allocation, key, draftKey);
        },
      },
      field({
        name: 'quantity',
        label: t('review.quantity'),
        control: input,
        errors: state.fields?.quantity ?? [],
        className: 'field-compact',
      }),
      h(
        'button',
        {
          type: 'submit',
          class: 'btn btn-small',
          dataset: { action: 'save-quantity', key: `save:${key}` },
          disabled: busy.has(key),
        },
        t('review.saveQuantity'),
      ),
    );
  }

  function actions(project, isBusy, state) {
    const open = rejecting.has(project.id);
    const reasonKey = `reason:${project.id}`;
    return h(
      'div',
      { class: 'card-actions' },
      h(
        'div',
        { class: 'button-row' },
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn-primary',
            dataset: { action: 'approve', key: `approve:${project.id}` },
            disabled: isBusy,
            onClick: () => void approve(project),
          },
          t('review.approve'),
        ),
        h(
          'button',
          {
            type: 'button',
            class: ['btn', open ? 'btn-pressed' : 'btn-secondary'],
            dataset: { action: 'reject', key: `reject:${project.id}` },
            'aria-expanded': open ? 'true' : 'false',
            disabled: isBusy,
            onClick: () => {
              if (open) rejecting.delete(project.id);
              else rejecting.add(project.id);
              render();
              if (!open) container?.querySelector(`[data-key="${reasonKey}"]`)?.focus();
            },
          },
          t('review.reject'),
        ),
      ),
      open
        ? h(
            'form',
            {
              class: 'reject-form',
              novalidate: true,
              onSubmit: (event) => {
                event.preventDefault();
                void reject(project, reasonKey);
              },
            },
            field({
              name: 'reason',
              label: t('review.rejectReason'),
              control: h('textarea', {
                name: 'reason',
                rows: '2',
                placeholder: t('review.rejectPlaceholder'),
                value: drafts.get(reasonKey) ?? '',
                dataset: { key: reasonKey },
                onInput: (event) => drafts.set(reasonKey, event.target.value),
              }),
              errors: state.fields?.reason ?? [],
            }),
            h(
              'div',
              { class: 'button-row' },
              h(
                'button',
                {
                  type: 'submit',
                  class: 'btn btn-danger',
                  dataset: { action: 'confirm-reject', key: `confirm-reject:${project.id}` },
                  disabled: isBusy,
                },
                t('review.confirmReject'),
              ),
              h(
                'button',
                {
                  type: 'button',
                  class: 'btn btn-ghost',
                  dataset: { action: 'cancel-reject' },
                  onClick: () => {
                    rejecting.delete(project.id);
                    feedback.delete(project.id);
                    render();
                  },
                },
                t('common.cancel'),
              ),
            ),
          )
        : null,
    );
  }

  function auditBlock(project) {
    const audit = audits.get(project.id) ?? { open: false };
    return h(
      'details',
      {
        class: 'audit',
        open: audit.open,
        onToggle: (event) => {
          const open = event.target.open;
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

  async function loadAudit(projectId) {
    const previous = audits.get(projectId);
    // Entries already shown stay while they reload, so a live refresh does not flash.
    audits.set(projectId, { open: true, loading: !previous?.entries, entries: previous?.entries });
    render();
    try {
      const detail = await ctx.api.get(`/projects/${encodeURIComponent(projectId)}`);
      audits.set(projectId, { open: true, entries: Array.isArray(detail?.audit) ? detail.audit : [] });
    } catch (error) {
      if (error instanceof UnauthorizedError) return;
      audits.set(projectId, { open: true, error });
    }
    render();
  }

  /**
   * Runs one action on a row: marks it busy, records the outcome, then reloads the list.
   * run() resolves to a function giving the success text.
   */
  async function act(rowKey, fieldNames, run) {
    busy.add(rowKey);
    feedback.delete(rowKey);
    render();
    try {
      const success = await run();
      feedback.set(rowKey, () => ({ message: { kind: 'success', text: success() } }));
    } catch (error) {
      if (error instanceof UnauthorizedError) return;
      feedback.set(rowKey, () => placeApiError(error, fieldNames));
    } finally {
      busy.delete(rowKey);
    }
    render();
    await loader.refresh();
  }

  async function approve(project) {
    await act(project.id, [], async () => {
      await ctx.api.post(`/projects/${encodeURIComponent(project.id)}/approve`, {
        expectedVersion: project.version,
      });
      const text = () => t('review.approved', { title: project.demand?.title ?? project.id });
      ctx.notify('success', text());
      return text;
    });
  }

  async function reject(project, reasonKey) {
    await act(project.id, ['reason'], async () => {
      await ctx.api.post(`/projects/${encodeURIComponent(project.id)}/reject`, {
        reason: drafts.get(reasonKey) ?? '',
        expectedVersion: project.version,
      });
      rejecting.delete(project.id);
      drafts.delete(reasonKey);
      const text = () => t('review.rejected', { title: project.demand?.title ?? project.id });
      ctx.notify('success', text());
      return text;
    });
  }

  async function saveQuantity(project, allocation, key, draftKey) {
    const typed = drafts.get(draftKey) ?? String(allocation.quantity ?? '');
    await act(key, ['quantity'], async () => {
      await ctx.api.patch(
        `/projects/${encodeURIComponent(project.id)}/allocations/${encodeURIComponent(allocation.resourceItemPk)}`,
        { quantity: numberOrUndefined(typed) ?? null },
      );
      drafts.delete(draftKey);
      return () => t('review.quantitySaved');
    });
  }

  return {
    mount(element) {
      container = element;
      render();
      return loader.refresh();
    },
    unmount() {
      container = null;
    },
    refresh: () => loader.refresh(),
  };
}
