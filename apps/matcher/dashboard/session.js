// @ts-check

import { ApiError, callPublic, UnauthorizedError } from './api.js';
import { sessionOf, storeSession } from './auth.js';

/**
 * Keeps a signed-in tab's access token fresh. Access tokens live ten minutes; shortly before
 * one expires, and once after any 401, the refresh token is exchanged for a new pair.
 *
 * Exchanges run one at a time: every refresh token works once, and the server takes a
 * second use of the same one for a stolen copy and ends the whole session. So a call that
 * got a 401 while an exchange is under way waits for it instead of starting its own, and a
 * membership switch queues behind it.
 */

/** @typedef {import('./auth.js').StoredSession} StoredSession */
/** @typedef {import('./api.js').Schemas['SessionTokens']} SessionTokens */

// Renew a minute before expiry, or a quarter of the time left when that is shorter.
const RENEW_BEFORE_MS = 60_000;
const RETRY_MS = 30_000;
const SIGN_OUT_WAIT_MS = 5_000;
// How long a reloaded tab waits for its previous page to let go of the session.
const CLAIM_WAIT_MS = 1_500;

/**
 * @param {StoredSession} initial
 * @param {object} handlers
 * @param {(reasonKey: string, detail?: string) => void} handlers.onEnded the session ended
 *   on the server (signed out elsewhere, expired, revoked, account disabled)
 */
export function createSessionKeeper(initial, { onEnded }) {
  let current = initial;
  /** @type {Promise<SessionTokens> | null} */
  let inflight = null;
  /** @type {number | undefined} */
  let timer;
  /** when the timer is due (ms since 1970), Infinity when none is set */
  let dueAt = Infinity;
  let stopped = false;

  /**
   * One exchange of the refresh token, queued behind any other.
   * @param {string} [membershipId] switches the session to this membership
   * @returns {Promise<SessionTokens>}
   */
  function exchange(membershipId) {
    const run = async () => {
      const refreshToken = current.refreshToken;
      if (stopped || !refreshToken) {
        throw new UnauthorizedError({ status: 401, code: 'session-ended' });
      }
      /** @type {SessionTokens} */
      let tokens;
      try {
        tokens = /** @type {SessionTokens} */ (
          await callPublic(
            'POST',
            '/auth/refresh',
            membershipId ? { refreshToken, membershipId } : { refreshToken },
          )
        );
      } catch (error) {
        if (error instanceof ApiError && error.status === 401 && !stopped) {
          stop();
          onEnded('login.reason.sessionEnded', error.message);
          throw new UnauthorizedError({ status: 401, code: error.code, message: error.message });
        }
        throw error;
      }
      current = sessionOf(tokens);
      // Signed out meanwhile: the newer token is only kept for signOut() to end the session with.
      if (stopped) throw new UnauthorizedError({ status: 401, code: 'session-ended' });
      storeSession(current);
      schedule();
      return tokens;
    };
    const next = (inflight ?? Promise.resolve()).catch(() => undefined).then(run);
    inflight = next;
    void next
      .finally(() => {
        if (inflight === next) inflight = null;
      })
      .catch(() => undefined);
    return next;
  }

  /**
   * After a 401 for `stale`: true once a newer token is there (from an exchange already under
   * way, or one started now), false for a session without a refresh token.
   * @param {string} stale
   */
  async function renew(stale) {
    if (current.accessToken !== stale) return true;
    if (inflight) {
      await inflight.catch(() => undefined);
      if (current.accessToken !== stale) return true;
    }
    if (!current.refreshToken) return false;
    await exchange();
    return true;
  }

  /** @param {number} [delay] */
  function schedule(delay) {
    clearTimeout(timer);
    dueAt = Infinity;
    if (stopped || !current.refreshToken || current.expiresAt === null) return;
    const left = current.expiresAt - Date.now();
    const wait = delay ?? Math.max(0, left - Math.min(RENEW_BEFORE_MS, left / 4));
    dueAt = Date.now() + wait;
    timer = setTimeout(() => {
      dueAt = Infinity;
      exchange().catch((error) => {
        // Ended sessions are handled in exchange(); a network failure or a 429 tries again.
        if (error instanceof UnauthorizedError) return;
        const retryAfter = error instanceof ApiError && error.retryAfter ? error.retryAfter * 1000 : RETRY_MS;
        schedule(retryAfter);
      });
    }, wait);
  }

  // Timers of a hidden tab (a phone's locked screen) run late: catch up when it is seen again.
  function onVisible() {
    if (document.visibilityState === 'visible' && Date.now() >= dueAt) schedule(0);
  }
  document.addEventListener('visibilitychange', onVisible);

  function stop() {
    stopped = true;
    clearTimeout(timer);
    dueAt = Infinity;
    document.removeEventListener('visibilitychange', onVisible);
  }

  schedule();

  return {
    accessToken: () => current.accessToken,
    renew,
    /** Whether the session has a refresh token (a demo login link's token has none). */
    renewable: () => current.refreshToken !== null,
    /** The membership the session acts in, when known. */
    membershipId: () => current.membershipId,
    /** @param {string} membershipId */
    switchMembership: (membershipId) => exchange(membershipId),
    /**
     * Ends the session on the server (waiting a few seconds at most: a person signing out
     * on a dead network is still signed out here), then stops.
     */
    async signOut() {
      stop();
      // An exchange under way leaves the newer refresh token in `current`: end the session with it.
      await inflight?.catch(() => undefined);
      const latest = current.refreshToken;
      if (!latest) return;
      await Promise.race([
        callPublic('POST', '/auth/sign-out', { refreshToken: latest }).catch(() => undefined),
        new Promise((resolve) => setTimeout(resolve, SIGN_OUT_WAIT_MS)),
      ]);
    },
    stop,
  };
}

/** @typedef {ReturnType<typeof createSessionKeeper>} SessionKeeper */

/**
 * Holds the session for this tab while the page lives (a Web Lock, released when the tab
 * closes or reloads). A duplicated tab starts with a copy of the sessionStorage, refresh
 * token included; if both used it, the server would take the second use for a stolen copy
 * and end the session in both. So a tab that finds its session held by another gives it up
 * and signs in on its own. Browsers without Web Locks (insecure origins) skip the check.
 * @param {string | null} sessionId
 * @returns {Promise<{ held: boolean, release: () => void }>}
 */
export async function claimSession(sessionId) {
  if (!sessionId || !('locks' in navigator)) return { held: true, release: () => {} };
  /** @type {() => void} */
  let release = () => {};
  /** @type {Promise<void>} */
  const released = new Promise((resolve) => {
    release = resolve;
  });
  // Waiting stops after a while; a lock granted before that is not affected by the abort.
  const waiting = new AbortController();
  const timer = setTimeout(() => waiting.abort(), CLAIM_WAIT_MS);
  const held = await new Promise((resolve) => {
    navigator.locks
      .request(`redcrowd.session.${sessionId}`, { signal: waiting.signal }, () => {
        resolve(true);
        return released;
      })
      .catch(() => resolve(false));
  });
  clearTimeout(timer);
  return { held: held === true, release };
}
