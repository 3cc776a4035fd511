import { UnauthorizedError } from '../api.js';
import { h, replaceContent } from '../dom.js';
import { describeError } from '../forms.js';
import { formatTime } from '../format.js';
import { categoryLabel, statusLabel, t, urgencyLabel } from '../i18n.js';

/**
 * One view's data: remembers the last good answer (so switching language or tab redraws at
 * once), runs one load at a time, and folds refreshes asked for meanwhile into one more load.
 */
export function createLoader(load, onChange) {
  const state = { data: undefined, error: null, loading: false, loadedAt: null };
  let inflight = null;
  let again = false;

  function refresh() {
    if (inflight) {
      again = true;
      return inflight;
    }
    state.loading = true;
    inflight = (async () => {
      do {
        again = false;
        try {
          state.data = await load();
          state.error = null;
          state.loadedAt = new Date();
        } catch (error) {
          // A 401 has already replaced the whole page with the sign-in screen.
          if (error instanceof UnauthorizedError) return;
          state.error = error;
        }
      } while (again);
    })().finally(() => {
      inflight = null;
      state.loading = false;
      onChange();
    });
    return inflight;
  }

  return { state, refresh };
}

export function statusBadge(status, testid = 'project-status') {
  return h(
    'span',
    { class: ['badge', `status-${status}`], dataset: { testid, status } },
    statusLabel(status),
  );
}

export function chip(text, className) {
  return h('span', { class: ['chip', className] }, text);
}

export function categoryChip(category) {
  return chip(categoryLabel(category), 'chip-category');
}

export function urgencyChip(urgency) {
  return chip(urgencyLabel(urgency), `chip-urgency urgency-${urgency}`);
}

/** A list card's header: the title line (title and status), the meta line, then any more lines. */
export function cardHead(titleLine, meta, ...more) {
  return h(
    'header',
    { class: 'card-head' },
    h('div', { class: 'card-title-line' }, titleLine),
    h('div', { class: 'card-meta' }, meta),
    more,
  );
}

/** The heading row of a view: title, counts, when the data was read, and view controls. */
export function viewHeader({ title, count, loader, extra }) {
  const { loadedAt, loading } = loader.state;
  return h(
    'div',
    { class: 'view-header' },
    h(
      'div',
      { class: 'view-title' },
      h('h2', null, title),
      count === undefined ? null : h('span', { class: 'view-count' }, t('common.total', { count })),
    ),
    extra,
    h(
      'span',
      { class: ['view-updated', loading && 'is-loading'], 'aria-live': 'polite' },
      loading ? t('app.loading') : loadedAt ? t('common.updated', { time: formatTime(loadedAt) }) : '',
    ),
  );
}

/**
 * Draws a list view: its header, any controls (such as filters), a note when the last refresh
 * failed, then the placeholder or, once there is data, content().
 */
export function drawListView(container, loader, { title, count, extra, controls }, content) {
  replaceContent(
    container,
    viewHeader({ title, count, loader, extra }),
    controls,
    staleNote(loader),
    placeholder(loader, () => void loader.refresh()) ?? content(),
  );
}

/** What a view shows before data arrives or after a failed load. Null when data is there. */
export function placeholder(loader, retry) {
  const { data, error } = loader.state;
  if (error && data === undefined) {
    const described = describeError(error);
    return h(
      'div',
      { class: 'state-block is-error', role: 'alert', dataset: { testid: 'load-error' } },
      h('p', { class: 'state-title' }, t('error.loadFailed')),
      h('p', null, described.text),
      described.detail ? h('p', { class: 'state-detail' }, described.detail) : null,
      h('button', { type: 'button', class: 'btn', onClick: retry }, t('error.retry')),
    );
  }
  if (data === undefined) {
    return h('div', { class: 'state-block is-loading', 'aria-busy': 'true' }, t('app.loading'));
  }
  return null;
}

/** A failed refresh over data already shown: the old data stays, with a note above it. */
export function staleNote(loader) {
  const { data, error } = loader.state;
  if (!error || data === undefined) return null;
  const described = describeError(error);
  return h(
    'div',
    { class: 'row-message is-error', role: 'alert', dataset: { testid: 'load-error' } },
    h('span', { class: 'row-message-text' }, `${t('error.loadFailed')}: ${described.text}`),
    described.detail ? h('span', { class: 'row-message-detail' }, described.detail) : null,
  );
}

export function emptyBlock(text) {
  return h('div', { class: 'state-block is-empty', dataset: { testid: 'empty' } }, text);
}

/** A small horizontal bar for a value in [0, 1], with the number beside it. */
export function meter(value, label, className) {
  const ratio = Math.max(0, Math.min(1, Number(value) || 0));
  return h(
    'span',
    { class: ['meter', className] },
    h(
      'span',
      {
        class: 'meter-track',
        role: 'meter',
        'aria-valuemin': '0',
        'aria-valuemax': '1',
        'aria-valuenow': ratio.toFixed(2),
        'aria-label': label,
      },
      h('span', { class: 'meter-fill', style: { width: `${(ratio * 100).toFixed(1)}%` } }),
    ),
    h('span', { class: 'meter-value' }, ratio.toFixed(2)),
  );
}

/**
 * The mount/unmount/refresh shape every view has. setContainer hands the view the element it
 * draws in (null once it is off screen); dispose, when given, releases what outlives a render,
 * such as charts. A view without a loader passes its own refresh.
 */
export function viewLifecycle({ loader, setContainer, render, dispose, refresh = () => loader.refresh() }) {
  return {
    mount(element) {
      setContainer(element);
      render();
      return refresh();
    },
    unmount() {
      dispose?.();
      setContainer(null);
    },
    refresh,
  };
}

/**
 * For a view that builds its layout once and updates it in place (charts would flicker if
 * rebuilt): until there is data it shows the placeholder, after dispose has dropped the
 * layout. True while the placeholder is shown.
 */
export function showsPlaceholder(container, loader, title, dispose) {
  const waiting = placeholder(loader, () => void loader.refresh());
  if (!waiting) return false;
  dispose();
  replaceContent(container, viewHeader({ title, loader }), waiting);
  return true;
}
