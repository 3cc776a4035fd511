import { createApi, withQuery } from './api.js';
import { clearToken, readToken } from './auth.js';
import { debounce, h, replaceContent } from './dom.js';
import { describeError } from './forms.js';
import { formatDateTime } from './format.js';
import { getLang, onLangChange, roleLabel, setLang, t } from './i18n.js';
import { startLive } from './live.js';
import { createDemandsView } from './views/community.js';
import { createMapView } from './views/map.js';
import { createOverviewView } from './views/overview.js';
import { createPostDemandView } from './views/post-demand.js';
import { createReviewView } from './views/review.js';
import { createClaimsView, createOffersView, createPointsView } from './views/unit.js';
import { createUnmetView } from './views/unmet.js';

/**
 * The page shell: sign-in from the login link, the header, role-dependent tabs, the live
 * connection, and which view is on screen. Views own their data; the shell only tells the
 * visible one to refresh when the alliance changes.
 */

const TABS_BY_ROLE = {
  coordinator: ['review', 'unmet', 'overview', 'map'],
  admin: ['review', 'unmet', 'overview', 'map'],
  unit: ['offers', 'claims', 'points'],
  community: ['demands', 'post-demand'],
};

const VIEW_FACTORIES = {
  review: createReviewView,
  unmet: createUnmetView,
  overview: createOverviewView,
  map: createMapView,
  offers: createOffersView,
  claims: createClaimsView,
  points: createPointsView,
  demands: createDemandsView,
  'post-demand': createPostDemandView,
};

const TAB_KEY = 'redcrowd.tab';
const ADMIN_ALLIANCE_KEY = 'redcrowd.adminAlliance';
const REFRESH_DEBOUNCE_MS = 300;
// setTimeout fires at once for delays beyond 2^31-1 ms (~24.8 days).
const MAX_TIMER_MS = 2_147_483_647;

const root = document.getElementById('app');
const session = {
  api: null,
  me: null,
  tab: null,
  views: new Map(),
  current: null,
  live: null,
  liveState: { state: 'closed' },
  liveIndicator: null,
  toastRegion: null,
  allianceScope: '',
  alliances: [],
  expiryTimer: null,
  signedOut: null,
};

const scheduleRefresh = debounce(() => {
  void session.current?.refresh();
}, REFRESH_DEBOUNCE_MS);

document.documentElement.lang = getLang();
onLangChange(() => {
  if (session.me) renderShell();
  else if (session.signedOut) renderSignedOut();
});
// A login link opened in a tab already showing the page changes only the fragment, which
// reloads nothing; start over so the new token (and its role) takes effect.
window.addEventListener('hashchange', () => {
  if (new URLSearchParams(location.hash.slice(1)).has('token')) location.reload();
});
void boot();

async function boot() {
  const token = readToken();
  if (!token) {
    session.signedOut = { reasonKey: null };
    renderSignedOut();
    return;
  }
  session.api = createApi({
    token,
    onUnauthorized: (error) => signOut('login.reason.unauthorized', error.message),
    query: () =>
      session.me?.role === 'admin' && session.allianceScope ? { allianceId: session.allianceScope } : {},
  });
  replaceContent(root, h('div', { class: 'state-block is-loading boot' }, t('app.loading')));
  let me;
  try {
    me = await session.api.get('/me');
  } catch (error) {
    if (session.signedOut) return;
    renderBootError(error);
    return;
  }
  session.me = me;
  session.allianceScope = initialAllianceScope(me);
  if (me.role === 'admin') {
    // An admin belongs to no alliance: offer the deployment's alliances, and open the first
    // one rather than a page of "name the alliance" errors.
    session.alliances = await session.api.get('/alliances').catch(() => []);
    if (!session.allianceScope && session.alliances.length > 0) {
      session.allianceScope = session.alliances[0].allianceId;
    }
  }
  session.tab = initialTab(me.role);
  renderShell();
  startLiveStream();
  scheduleExpiry(me.expiresAt);
}

function tabsOf(role) {
  return TABS_BY_ROLE[role] ?? [];
}

function initialTab(role) {
  const tabs = tabsOf(role);
  let stored = null;
  try {
    stored = sessionStorage.getItem(TAB_KEY);
  } catch {
    // No storage: start on the first tab.
  }
  return tabs.includes(stored) ? stored : tabs[0];
}

function initialAllianceScope(me) {
  if (me.role !== 'admin') return '';
  const fromUrl = new URLSearchParams(location.search).get('allianceId');
  let stored = null;
  try {
    stored = sessionStorage.getItem(ADMIN_ALLIANCE_KEY);
  } catch {
    // No storage: fall back to the URL or the token's alliance.
  }
  return fromUrl || stored || me.allianceId || '';
}

function viewFor(tab) {
  if (!session.views.has(tab)) {
    session.views.set(
      tab,
      VIEW_FACTORIES[tab]({
        api: session.api,
        me: session.me,
        notify,
        goTo: selectTab,
      }),
    );
  }
  return session.views.get(tab);
}

function renderShell() {
  session.current?.unmount();
  session.current = null;
  document.title = t('app.title');
  const main = h('main', {
    id: 'view',
    class: 'view',
    role: 'tabpanel',
    tabindex: '-1',
    'aria-labelledby': `tab-${session.tab}`,
    dataset: { view: session.tab },
  });
  session.toastRegion = h('div', {
    class: 'toast-region',
    role: 'status',
    'aria-live': 'polite',
    dataset: { testid: 'toast-region' },
  });
  replaceContent(
    root,
    h(
      'a',
      {
        class: 'skip-link',
        href: '#view',
        // Handled here: with <base href="/dashboard/"> a bare #fragment link could reload the page.
        onClick: (event) => {
          event.preventDefault();
          main.focus();
        },
      },
      t('tabs.label'),
    ),
    header(),
    tabBar(),
    main,
    session.toastRegion,
  );
  if (!session.tab) {
    // A role this dashboard has no views for (a newer server): say so instead of a blank page.
    main.append(
      h('div', { class: 'state-block is-error' }, t('error.unknownRole', { role: session.me.role })),
    );
    return;
  }
  session.current = viewFor(session.tab);
  void session.current.mount(main);
}

function header() {
  const me = session.me;
  session.liveIndicator = h('span', { class: 'live-status', dataset: { testid: 'live-status' } });
  paintLiveIndicator();
  return h(
    'header',
    { class: 'app-header' },
    h(
      'div',
      { class: 'brand' },
      h('span', { class: 'brand-mark', 'aria-hidden': 'true' }, '★'),
      h(
        'div',
        { class: 'brand-text' },
        h('h1', { class: 'brand-title' }, t('app.title')),
        h(
          'span',
          { class: 'brand-subtitle', dataset: { testid: 'alliance-name' } },
          me.allianceName ?? me.allianceId,
        ),
      ),
    ),
    me.role === 'admin' ? allianceSwitcher() : null,
    h(
      'div',
      { class: 'header-tools' },
      session.liveIndicator,
      h(
        'div',
        {
          class: 'user',
          title: me.expiresAt ? t('header.expires', { time: formatDateTime(me.expiresAt) }) : null,
        },
        h('span', { class: 'user-name', dataset: { testid: 'user-name' } }, me.name),
        h(
          'span',
          { class: 'role-chip', dataset: { testid: 'user-role', role: me.role } },
          roleLabel(me.role),
        ),
      ),
      languageButton(),
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-header',
          dataset: { action: 'logout' },
          onClick: () => signOut('login.reason.signedOut'),
        },
        t('header.logout'),
      ),
    ),
  );
}

function languageButton() {
  const next = getLang() === 'zh-CN' ? 'en' : 'zh-CN';
  return h(
    'button',
    {
      type: 'button',
      class: 'btn btn-header lang-switch',
      lang: next,
      'aria-label': t('lang.switchLabel'),
      dataset: { testid: 'lang-switch', lang: getLang() },
      onClick: () => setLang(next),
    },
    t('lang.switch'),
  );
}

// Admins see any alliance (?allianceId=); the choice scopes every coordinator call.
function allianceSwitcher() {
  const input = h('input', {
    name: 'allianceId',
    value: session.allianceScope,
    'aria-label': t('header.adminAlliance'),
    size: '24',
    list: 'admin-alliances',
  });
  const choices = h(
    'datalist',
    { id: 'admin-alliances' },
    (session.alliances ?? []).map((alliance) => h('option', { value: alliance.allianceId })),
  );
  return h(
    'form',
    {
      class: 'alliance-switcher',
      onSubmit: (event) => {
        event.preventDefault();
        session.allianceScope = input.value.trim();
        try {
          sessionStorage.setItem(ADMIN_ALLIANCE_KEY, session.allianceScope);
        } catch {
          // Kept for this page only.
        }
        session.views.clear();
        session.live?.stop();
        renderShell();
        startLiveStream();
      },
    },
    h('label', null, h('span', { class: 'filter-label' }, t('header.adminAlliance')), input),
    choices,
    h('button', { type: 'submit', class: 'btn btn-header' }, t('header.adminAllianceApply')),
  );
}

function tabBar() {
  const tabs = tabsOf(session.me.role);
  const buttons = tabs.map((tab) =>
    h(
      'button',
      {
        type: 'button',
        role: 'tab',
        id: `tab-${tab}`,
        class: 'tab',
        'aria-selected': tab === session.tab ? 'true' : 'false',
        'aria-controls': 'view',
        tabindex: tab === session.tab ? '0' : '-1',
        dataset: { tab },
        onClick: () => selectTab(tab),
      },
      t(`tab.${tab}`),
    ),
  );
  return h(
    'nav',
    {
      class: 'tabs',
      role: 'tablist',
      'aria-label': t('tabs.label'),
      // Arrow keys move between tabs, as screen reader users expect of a tab list.
      onKeydown: (event) => {
        const index = tabs.indexOf(session.tab);
        const step = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
        let next = null;
        if (step) next = tabs[(index + step + tabs.length) % tabs.length];
        if (event.key === 'Home') next = tabs[0];
        if (event.key === 'End') next = tabs[tabs.length - 1];
        if (!next) return;
        event.preventDefault();
        selectTab(next);
        document.getElementById(`tab-${next}`)?.focus();
      },
    },
    buttons,
  );
}

function selectTab(tab) {
  if (!tabsOf(session.me?.role).includes(tab)) return;
  session.tab = tab;
  try {
    sessionStorage.setItem(TAB_KEY, tab);
  } catch {
    // Not remembered across reloads; still switches.
  }
  const hadFocus = document.activeElement?.getAttribute('role') === 'tab';
  renderShell();
  if (hadFocus) document.getElementById(`tab-${tab}`)?.focus();
}

function startLiveStream() {
  const url =
    session.me.role === 'admin' && session.allianceScope
      ? withQuery('/alliance/live', { allianceId: session.allianceScope })
      : '/alliance/live';
  let wasClosed = false;
  session.live = startLive({
    url,
    token: session.api.token,
    onState: (state, detail) => {
      session.liveState = { state, ...detail };
      paintLiveIndicator();
      // Changes made while disconnected were never announced: catch up once reconnected.
      if (state === 'open' && wasClosed) scheduleRefresh();
      if (state === 'closed') wasClosed = true;
    },
    onEvent: (type) => {
      if (type === 'changed') scheduleRefresh();
    },
    onUnauthorized: (reason) => signOut('login.reason.unauthorized', reason),
  });
}

function paintLiveIndicator() {
  const element = session.liveIndicator;
  if (!element) return;
  const { state, retryInMs } = session.liveState;
  const open = state === 'open';
  element.dataset.state = open ? 'open' : 'closed';
  element.title = !open && retryInMs ? t('live.retry', { seconds: Math.ceil(retryInMs / 1000) }) : '';
  element.replaceChildren(
    h('span', { class: 'live-dot', 'aria-hidden': 'true' }),
    h('span', { class: 'live-text' }, open ? t('live.open') : t('live.closed')),
  );
}

function scheduleExpiry(expiresAt) {
  const at = Date.parse(expiresAt);
  if (!Number.isFinite(at)) return;
  clearTimeout(session.expiryTimer);
  const delay = Math.min(MAX_TIMER_MS, Math.max(0, at - Date.now()));
  session.expiryTimer = setTimeout(() => {
    if (Date.now() >= at) signOut('login.reason.expired');
    else scheduleExpiry(expiresAt);
  }, delay);
}

/** Ends the session everywhere at once: no view keeps polling with a dead token. */
function signOut(reasonKey, detail) {
  if (session.signedOut) return;
  session.signedOut = { reasonKey, detail };
  scheduleRefresh.cancel();
  clearTimeout(session.expiryTimer);
  session.live?.stop();
  session.current?.unmount();
  session.current = null;
  session.views.clear();
  session.me = null;
  clearToken();
  renderSignedOut();
}

function renderSignedOut() {
  const { reasonKey, detail } = session.signedOut ?? {};
  const next = getLang() === 'zh-CN' ? 'en' : 'zh-CN';
  document.title = t('app.title');
  replaceContent(
    root,
    h(
      'section',
      { class: 'login', dataset: { testid: 'login-screen' }, 'aria-labelledby': 'login-title' },
      h(
        'div',
        { class: 'login-card' },
        h('span', { class: 'brand-mark login-mark', 'aria-hidden': 'true' }, '★'),
        h('p', { class: 'login-app' }, t('app.title')),
        h('h1', { id: 'login-title' }, t('login.title')),
        h('p', null, t('login.body')),
        h('p', { class: 'login-hint' }, h('code', null, t('login.hint'))),
        reasonKey
          ? h(
              'p',
              {
                class: 'login-reason',
                role: 'alert',
                dataset: { testid: 'login-reason', reason: reasonKey },
              },
              t('login.reason', { reason: t(reasonKey) }),
              detail ? h('span', { class: 'login-reason-detail' }, detail) : null,
            )
          : null,
        h(
          'button',
          {
            type: 'button',
            class: 'btn btn-ghost lang-switch',
            lang: next,
            dataset: { testid: 'lang-switch', lang: getLang() },
            onClick: () => setLang(next),
          },
          t('lang.switch'),
        ),
      ),
    ),
  );
}

function renderBootError(error) {
  const described = describeError(error);
  replaceContent(
    root,
    h(
      'div',
      { class: 'state-block is-error boot', role: 'alert', dataset: { testid: 'load-error' } },
      h('p', { class: 'state-title' }, t('error.loadFailed')),
      h('p', null, described.text),
      described.detail ? h('p', { class: 'state-detail' }, described.detail) : null,
      h('button', { type: 'button', class: 'btn', onClick: () => void boot() }, t('error.retry')),
    ),
  );
}

/** A short confirmation that outlives the row it is about (an approved row leaves the list). */
function notify(kind, text) {
  const region = session.toastRegion;
  if (!region) return;
  const toast = h('div', { class: ['toast', `is-${kind}`], dataset: { testid: 'toast', kind } }, text);
  region.append(toast);
  setTimeout(() => toast.remove(), 5000);
}
