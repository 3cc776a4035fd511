// @ts-check

import { createApi, withQuery } from './api.js';
import {
  clearPendingLink,
  clearSession,
  fragmentHasCredentials,
  pendingLink,
  readSession,
  sessionOf,
  storeSession,
  takeFragment,
} from './auth.js';
import { debounce, h, replaceContent } from './dom.js';
import { describeError } from './forms.js';
import { formatDateTime } from './format.js';
import { getLang, onLangChange, roleLabel, setLang, t } from './i18n.js';
import { startLive } from './live.js';
import { claimSession, createSessionKeeper } from './session.js';
import { createAccountView } from './views/account.js';
import { createAccountsView } from './views/accounts.js';
import { createDemandsView } from './views/community.js';
import { createImportView } from './views/import.js';
import { createInvitesView } from './views/invites.js';
import { createLinkPage } from './views/link.js';
import { createMapView } from './views/map.js';
import { createMembersView } from './views/members.js';
import { createOverviewView } from './views/overview.js';
import { createPostDemandView } from './views/post-demand.js';
import { createResourceListView } from './views/resource-list.js';
import { createReviewView } from './views/review.js';
import { createRosterView } from './views/roster.js';
import { createGazetteerView } from './views/gazetteer.js';
import { createSignInPage } from './views/sign-in.js';
import { signOnOffer } from './views/single-sign-on.js';
import { createPointsView } from './views/points.js';
import { createClaimsView, createOffersView } from './views/unit.js';
import { createUnmetView } from './views/unmet.js';

/**
 * The page shell: signing in (password, single sign-on, one-time link or demo login link),
 * keeping the session fresh, the header, role-dependent tabs, the live connection, and which
 * view is on screen. Views own their data; the shell only tells the visible one to refresh
 * when the alliance changes.
 */

/** @typedef {import('./api.js').Schemas} Schemas */
/** @typedef {import('./views/common.js').View} View */
/** @typedef {import('./views/common.js').ViewContext} ViewContext */
/**
 * GET /alliances: the deployment's alliances, which an admin may switch between.
 * @typedef {import('./types/api.js').paths['/alliances']['get']['responses'][200]['content']['application/json']} AllianceList
 */
/** @typedef {import('./api.js').Schemas['SessionTokens']} SessionTokens */
/** @typedef {import('./auth.js').StoredSession} StoredSession */
/** @typedef {import('./auth.js').SignOnRefusal} SignOnRefusal */
/**
 * @typedef {'review' | 'unmet' | 'overview' | 'map' | 'roster' | 'invites' | 'members' | 'accounts'
 *   | 'account' | 'offers' | 'claims' | 'points' | 'demands' | 'post-demand' | 'resource-list'
 *   | 'gazetteer'
 *   | 'import'} Tab
 */

/** @type {Readonly<Record<string, readonly Tab[]>>} */
const TABS_BY_ROLE = {
  coordinator: [
    'review',
    'unmet',
    'overview',
    'map',
    'roster',
    'gazetteer',
    'import',
    'invites',
    'members',
    'account',
  ],
  admin: [
    'review',
    'unmet',
    'overview',
    'map',
    'roster',
    'gazetteer',
    'import',
    'invites',
    'members',
    'accounts',
    'account',
  ],
  unit: ['offers', 'claims', 'points', 'resource-list', 'import', 'account'],
  community: ['demands', 'post-demand', 'import', 'account'],
};

/** @type {Readonly<Record<Tab, (ctx: ViewContext) => View>>} */
const VIEW_FACTORIES = {
  review: createReviewView,
  unmet: createUnmetView,
  overview: createOverviewView,
  map: createMapView,
  roster: createRosterView,
  gazetteer: createGazetteerView,
  invites: createInvitesView,
  members: createMembersView,
  accounts: createAccountsView,
  account: createAccountView,
  offers: createOffersView,
  claims: createClaimsView,
  points: createPointsView,
  demands: createDemandsView,
  'post-demand': createPostDemandView,
  'resource-list': createResourceListView,
  import: createImportView,
};

const TAB_KEY = 'redcrowd.tab';
const ADMIN_ALLIANCE_KEY = 'redcrowd.adminAlliance';
const REFRESH_DEBOUNCE_MS = 300;
// setTimeout fires at once for delays beyond 2^31-1 ms (~24.8 days).
const MAX_TIMER_MS = 2_147_483_647;

// Typed as nullable, but index.html always has it.
const root = /** @type {HTMLElement} */ (document.getElementById('app'));

/**
 * The page's state: who is signed in, which tab is on screen, and the live connection.
 * @typedef {object} Session
 * @property {import('./session.js').SessionKeeper | null} keeper the tokens, kept fresh
 * @property {(() => void) | null} releaseClaim lets another tab take the session (see claimSession)
 * @property {{ render(): void } | null} page the signed-out page on screen (sign-in, link)
 * @property {import('./api.js').Api | null} api
 * @property {Schemas['Me'] | null} me
 * @property {Tab | null | undefined} tab undefined for a role this page has no views for
 * @property {Map<Tab, View>} views
 * @property {View | null} current
 * @property {{ stop(): void } | null} live
 * @property {{ state: 'open' | 'closed', retryInMs?: number, behind?: boolean }} liveState
 * @property {HTMLElement | null} liveIndicator
 * @property {HTMLElement | null} toastRegion
 * @property {string} allianceScope an admin's chosen alliance, '' for others
 * @property {AllianceList} alliances
 * @property {number | undefined} expiryTimer
 * @property {{ reasonKey: string | null, detail?: string } | null} signedOut why the sign-in page shows
 */

/** @type {Session} */
const session = {
  keeper: null,
  releaseClaim: null,
  page: null,
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
  expiryTimer: undefined,
  signedOut: null,
};

const scheduleRefresh = debounce(() => {
  void session.current?.refresh();
}, REFRESH_DEBOUNCE_MS);

document.documentElement.lang = getLang();
onLangChange(() => {
  if (session.me) renderShell();
  else session.page?.render();
});
// A login or one-time link opened in a tab already showing the page changes only the
// fragment, which reloads nothing; start over so the new token or link takes effect.
window.addEventListener('hashchange', () => {
  if (fragmentHasCredentials()) location.reload();
});
void boot();

/**
 * Reads what the address bar or this tab holds: a single sign-on's answer, a link to use, a
 * session, or nothing.
 */
async function boot() {
  const fragment = takeFragment();
  if (fragment?.kind === 'sso') {
    // A sign-on that began at an invite link has used the invite by now, and its session acts
    // in the invite's membership, as after accepting with a password.
    const acceptedInvite = pendingLink() !== null;
    clearPendingLink();
    await showSignIn({ reasonKey: null }, { handoff: fragment.handoff, acceptedInvite });
    return;
  }
  // A refused sign-on is shown where it began: the invite's page (to try again or choose a
  // password there), else the sign-in page.
  const refusal = fragment?.kind === 'sso-error' ? fragment.refusal : undefined;
  const link = fragment?.kind === 'link' ? fragment.secret : pendingLink();
  if (link) {
    await showLinkPage(link, refusal);
    return;
  }
  const stored = fragment?.kind === 'token' ? fragment.session : readSession();
  if (!stored) {
    await showSignIn({ reasonKey: null }, { refusal });
    return;
  }
  await start(stored);
}

/**
 * Signs the tab in with a session: claims it for this tab, keeps its tokens fresh, and opens
 * the person's pages.
 * @param {StoredSession} stored
 */
async function start(stored) {
  session.page = null;
  replaceContent(root, h('div', { class: 'state-block is-loading boot' }, t('app.loading')));
  const claim = await claimSession(stored.refreshToken ? stored.sessionId : null);
  if (!claim.held) {
    clearSession();
    await showSignIn({ reasonKey: 'login.reason.otherTab' });
    return;
  }
  session.signedOut = null;
  session.releaseClaim = claim.release;
  const keeper = createSessionKeeper(stored, {
    onEnded: (reasonKey, detail) => void signOut(reasonKey, detail),
  });
  session.keeper = keeper;
  session.api = createApi({
    credentials: keeper,
    onUnauthorized: (error) => void signOut('login.reason.unauthorized', error.message),
    query: () =>
      session.me?.role === 'admin' && session.allianceScope ? { allianceId: session.allianceScope } : {},
  });
  await enter();
}

/** Reads who the token says the person is and draws their pages (again, after a switch). */
async function enter() {
  const { api, keeper } = session;
  if (!api || !keeper) return;
  replaceContent(root, h('div', { class: 'state-block is-loading boot' }, t('app.loading')));
  /** @type {Schemas['Me']} */
  let me;
  try {
    me = /** @type {Schemas['Me']} */ (await api.get('/me'));
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
    session.alliances = /** @type {AllianceList} */ (await api.get('/alliances').catch(() => []));
    const first = session.alliances[0];
    if (!session.allianceScope && first) {
      session.allianceScope = first.allianceId;
    }
  }
  session.tab = initialTab(me.role);
  renderShell();
  startLiveStream();
  // A demo login link's token cannot be renewed: the session ends with it.
  if (!keeper.renewable()) scheduleExpiry(me.expiresAt);
}

/**
 * Acts in another membership of the account: the session's tokens are exchanged for ones of
 * that role and scope, and the pages are drawn again for it.
 * @param {string} membershipId
 */
async function switchMembership(membershipId) {
  const keeper = session.keeper;
  if (!keeper) return;
  await keeper.switchMembership(membershipId);
  scheduleRefresh.cancel();
  session.live?.stop();
  session.live = null;
  session.current?.unmount();
  session.current = null;
  session.views.clear();
  session.me = null;
  try {
    sessionStorage.removeItem(ADMIN_ALLIANCE_KEY);
  } catch {
    // Nothing kept.
  }
  await enter();
}

/**
 * A sign-in (password or link) answered with a session: it becomes this tab's.
 * @param {SessionTokens} tokens
 */
async function signedIn(tokens) {
  clearPendingLink();
  const stored = sessionOf(tokens);
  storeSession(stored);
  await start(stored);
}

/**
 * @param {{ reasonKey: string | null, detail?: string }} reason
 * @param {{ handoff?: string, acceptedInvite?: boolean, refusal?: SignOnRefusal }} [signOn] how a
 *   single sign-on came back
 */
async function showSignIn(reason, signOn = {}) {
  session.signedOut = reason;
  session.page = null;
  // Known before the page is drawn (asked once), so that its button does not appear later.
  const offer = await signOnOffer();
  session.page = createSignInPage({ root, reason, offer, ...signOn, onSignedIn: signedIn });
  session.page.render();
}

/**
 * @param {string} secret
 * @param {SignOnRefusal} [refusal] why accepting it with single sign-on failed
 */
async function showLinkPage(secret, refusal) {
  session.page = null;
  const offer = await signOnOffer();
  session.page = createLinkPage({
    root,
    secret,
    offer,
    refusal,
    onSignedIn: signedIn,
    onLeave: () => {
      clearPendingLink();
      void boot();
    },
  });
  session.page.render();
}

/**
 * @param {string | undefined} role
 * @returns {readonly Tab[]}
 */
function tabsOf(role) {
  return role === undefined ? [] : (TABS_BY_ROLE[role] ?? []);
}

/** @param {string} role */
function initialTab(role) {
  const tabs = tabsOf(role);
  /** @type {string | null} */
  let stored = null;
  try {
    stored = sessionStorage.getItem(TAB_KEY);
  } catch {
    // No storage: start on the first tab.
  }
  return tabs.find((tab) => tab === stored) ?? tabs[0];
}

/** @param {Schemas['Me']} me */
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

/**
 * @param {Tab} tab
 * @param {Pick<ViewContext, 'api' | 'me'>} signedIn
 * @returns {View}
 */
function viewFor(tab, { api, me }) {
  let view = session.views.get(tab);
  if (!view) {
    view = VIEW_FACTORIES[tab]({
      api,
      me,
      notify,
      goTo: selectTab,
      allianceId: () => (me.role === 'admin' ? session.allianceScope || null : me.allianceId),
      account: {
        membershipId: () => session.keeper?.membershipId() ?? null,
        switchMembership,
        signOut: () => void signOut('login.reason.signedOut', undefined, { tellServer: true }),
      },
    });
    session.views.set(tab, view);
  }
  return view;
}

function renderShell() {
  const { api, me } = session;
  // Only drawn for someone signed in (signed-out pages are views/sign-in.js and views/link.js).
  if (!api || !me) return;
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
    header(me),
    tabBar(me),
    main,
    session.toastRegion,
  );
  if (!session.tab) {
    // A role this dashboard has no views for (a newer server): say so instead of a blank page.
    main.append(h('div', { class: 'state-block is-error' }, t('error.unknownRole', { role: me.role })));
    return;
  }
  session.current = viewFor(session.tab, { api, me });
  void session.current.mount(main);
}

/** @param {Schemas['Me']} me */
function header(me) {
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
          // Only a demo login link's session ends at the token's expiry; others are renewed.
          title:
            me.expiresAt && !session.keeper?.renewable()
              ? t('header.expires', { time: formatDateTime(me.expiresAt) })
              : null,
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
          onClick: () => void signOut('login.reason.signedOut', undefined, { tellServer: true }),
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

/** @param {Schemas['Me']} me */
function tabBar(me) {
  const tabs = tabsOf(me.role);
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
        const index = session.tab ? tabs.indexOf(session.tab) : -1;
        /** @type {Record<string, number>} */
        const steps = { ArrowRight: 1, ArrowLeft: -1 };
        const step = steps[event.key];
        /** @type {Tab | null | undefined} */
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

/** @param {string} tab one of the signed-in person's tabs; anything else is ignored */
function selectTab(tab) {
  const known = tabsOf(session.me?.role).find((candidate) => candidate === tab);
  if (!known) return;
  session.tab = known;
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
  const { api, me } = session;
  if (!api || !me) return;
  const url =
    me.role === 'admin' && session.allianceScope
      ? withQuery('/alliance/live', { allianceId: session.allianceScope })
      : '/alliance/live';
  let wasClosed = false;
  session.live = startLive({
    url,
    token: api.accessToken,
    renew: (stale) => session.keeper?.renew(stale) ?? Promise.resolve(false),
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
    onUnauthorized: (reason) => void signOut('login.reason.unauthorized', reason),
  });
}

function paintLiveIndicator() {
  const element = session.liveIndicator;
  if (!element) return;
  const { state, retryInMs, behind = false } = session.liveState;
  const open = state === 'open';
  // Behind: the page is connected, but the server has lost the database's change feed.
  element.dataset.state = open ? 'open' : behind ? 'behind' : 'closed';
  element.title = behind
    ? t('live.behindHint')
    : !open && retryInMs
      ? t('live.retry', { seconds: Math.ceil(retryInMs / 1000) })
      : '';
  element.replaceChildren(
    h('span', { class: 'live-dot', 'aria-hidden': 'true' }),
    h('span', { class: 'live-text' }, open ? t('live.open') : behind ? t('live.behind') : t('live.closed')),
  );
}

/** @param {string} expiresAt */
function scheduleExpiry(expiresAt) {
  const at = Date.parse(expiresAt);
  if (!Number.isFinite(at)) return;
  clearTimeout(session.expiryTimer);
  const delay = Math.min(MAX_TIMER_MS, Math.max(0, at - Date.now()));
  session.expiryTimer = setTimeout(() => {
    if (Date.now() >= at) void signOut('login.reason.expired');
    else scheduleExpiry(expiresAt);
  }, delay);
}

/**
 * Ends the session everywhere at once: no view keeps polling with a dead token. When the
 * person signs out, the server is told first, so the refresh token stops working.
 * @param {string} reasonKey
 * @param {string} [detail] the server's words, when it gave any
 * @param {{ tellServer?: boolean }} [options]
 */
async function signOut(reasonKey, detail, { tellServer = false } = {}) {
  if (session.signedOut) return;
  session.signedOut = { reasonKey, detail };
  scheduleRefresh.cancel();
  clearTimeout(session.expiryTimer);
  session.live?.stop();
  session.live = null;
  session.current?.unmount();
  session.current = null;
  session.views.clear();
  session.me = null;
  session.api = null;
  clearSession();
  const keeper = session.keeper;
  session.keeper = null;
  if (keeper && tellServer) {
    replaceContent(root, h('div', { class: 'state-block is-loading boot' }, t('login.signingOut')));
    await keeper.signOut();
  } else {
    keeper?.stop();
  }
  session.releaseClaim?.();
  session.releaseClaim = null;
  await showSignIn(session.signedOut);
}

/** @param {unknown} error */
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
      h('button', { type: 'button', class: 'btn', onClick: () => void enter() }, t('error.retry')),
      h(
        'button',
        {
          type: 'button',
          class: 'btn btn-ghost',
          dataset: { action: 'logout' },
          onClick: () => void signOut('login.reason.signedOut', undefined, { tellServer: true }),
        },
        t('header.logout'),
      ),
    ),
  );
}

/**
 * A short confirmation that outlives the row it is about (an approved row leaves the list).
 * @param {'success' | 'error'} kind
 * @param {string} text
 */
function notify(kind, text) {
  const region = session.toastRegion;
  if (!region) return;
  const toast = h('div', { class: ['toast', `is-${kind}`], dataset: { testid: 'toast', kind } }, text);
  region.append(toast);
  setTimeout(() => toast.remove(), 5000);
}
