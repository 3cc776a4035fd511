// @ts-check

import { UnauthorizedError } from '../api.js';
import { h, replaceContent } from '../dom.js';
import { describeError } from '../forms.js';
import { formatTime } from '../format.js';
import { categoryLabel, statusLabel, t, urgencyLabel } from '../i18n.js';

/** @typedef {import('../api.js').Schemas} Schemas */
/** @typedef {import('../dom.js').Child} Child */

/**
 * What the shell gives every view.
 * @typedef {object} ViewContext
 * @property {import('../api.js').Api} api
 * @property {Schemas['Me']} me the signed-in person
 * @property {(kind: 'success' | 'error', text: string) => void} notify a short confirmation
 * @property {(tab: string) => void} goTo switches to another of the person's tabs
 * @property {() => string | null} allianceId the alliance the pages are about: the person's,
 *   or the one an admin chose (null until an admin chooses one)
 * @property {AccountActions} account what the account page does to the session
 */

/**
 * @typedef {object} AccountActions
 * @property {() => string | null} membershipId the membership the session acts in, when known
 * @property {(membershipId: string) => Promise<void>} switchMembership acts in another one
 * @property {() => void} signOut
 */

/**
 * What the shell asks of a view.
 * @typedef {object} View
 * @property {(element: HTMLElement) => Promise<void>} mount draws into `element` and loads
 * @property {() => void} unmount
 * @property {() => Promise<void>} refresh loads again (after a live change)
 */

/**
 * @template T
 * @typedef {object} LoaderState
 * @property {T | undefined} data the last good answer, undefined until there is one
 * @property {unknown} error the last load's failure, null after a good one
 * @property {boolean} loading
 * @property {Date | null} loadedAt
 */

/**
 * @template T
 * @typedef {{ state: LoaderState<T>, refresh: () => Promise<void> }} Loader
 */

/**
 * One view's data: remembers the last good answer (so switching language or tab redraws at
 * once), runs one load at a time, and folds refreshes asked for meanwhile into one more load.
 * @template T
 * @param {() => Promise<T>} load
 * @param {() => void} onChange
 * @returns {Loader<T>}
 */
export function createLoader(load, onChange) {
  /** @type {LoaderState<T>} */
  const state = { data: undefined, error: null, loading: false, loadedAt: null };
  /** @type {Promise<void> | null} */
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

/**
 * @param {string} status
 * @param {string} [testid]
 */
export function statusBadge(status, testid = 'project-status') {
  return h(
    'span',
    { class: ['badge', `status-${status}`], dataset: { testid, status } },
    statusLabel(status),
  );
}

/**
 * @param {string} text
 * @param {string} [className]
 */
export function chip(text, className) {
  return h('span', { class: ['chip', className] }, text);
}

/** @param {string | null | undefined} category */
export function categoryChip(category) {
  return chip(categoryLabel(category), 'chip-category');
}

/** @param {string | null | undefined} urgency */
export function urgencyChip(urgency) {
  return chip(urgencyLabel(urgency), `chip-urgency urgency-${urgency}`);
}

/**
 * A list card's header: the title line (title and status), the meta line, then any more lines.
 * @param {Child} titleLine
 * @param {Child} meta
 * @param {...Child} more
 */
export function cardHead(titleLine, meta, ...more) {
  return h(
    'header',
    { class: 'card-head' },
    h('div', { class: 'card-title-line' }, titleLine),
    h('div', { class: 'card-meta' }, meta),
    more,
  );
}

/**
 * The heading row of a view: title, counts, when the data was read, and view controls.
 * @param {{ title: string, count?: number, loader: Loader<unknown>, extra?: Child }} options
 */
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
 * @param {HTMLElement} container
 * @param {Loader<unknown>} loader
 * @param {{ title: string, count?: number, extra?: Child, controls?: Child }} header
 * @param {() => Child} content
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

/**
 * What a view shows before data arrives or after a failed load. Null when data is there.
 * @param {Loader<unknown>} loader
 * @param {() => void} retry
 */
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

/**
 * A failed refresh over data already shown: the old data stays, with a note above it.
 * @param {Loader<unknown>} loader
 */
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

/** @param {string} text */
export function emptyBlock(text) {
  return h('div', { class: 'state-block is-empty', dataset: { testid: 'empty' } }, text);
}

/**
 * The mount/unmount/refresh shape every view has. setContainer hands the view the element it
 * draws in (null once it is off screen); dispose, when given, releases what outlives a render,
 * such as charts. A view without a loader passes its own refresh.
 * @param {object} options
 * @param {Loader<unknown>} [options.loader]
 * @param {(element: HTMLElement | null) => unknown} options.setContainer
 * @param {() => void} options.render
 * @param {() => void} [options.dispose]
 * @param {() => Promise<void>} [options.refresh]
 * @returns {View}
 */
export function viewLifecycle({
  loader,
  setContainer,
  render,
  dispose,
  refresh = () => (loader ? loader.refresh() : Promise.resolve()),
}) {
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
 * @param {HTMLElement} container
 * @param {Loader<unknown>} loader
 * @param {string} title
 * @param {() => void} dispose
 */
export function showsPlaceholder(container, loader, title, dispose) {
  const waiting = placeholder(loader, () => void loader.refresh());
  if (!waiting) return false;
  dispose();
  replaceContent(container, viewHeader({ title, loader }), waiting);
  return true;
}
