import { UnauthorizedError } from '../api.js';
import { h } from '../dom.js';
import { describeError } from '../forms.js';
import { formatTime } from '../format.js';
import { statusLabel, t } from '../i18n.js';

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

/** The mount/unmount/refresh shape every view has; attach(element | null) swaps the container. */
export function lifecycle(loader, attach) {
  return {
    mount(element) {
      attach(element);
      return loader.refresh();
    },
    unmount() {
      attach(null);
    },
    refresh: () => loader.refresh(),
  };
}
