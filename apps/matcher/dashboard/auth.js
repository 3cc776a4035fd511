// @ts-check

/**
 * What this tab keeps of a sign-in, and what arrives in the address bar.
 *
 * A sign-in (password, setup or invite link) gives an access token and a refresh token; a
 * demo login link printed by npm start gives an access token only (#token=…), which works
 * until it expires. Both are kept per tab in sessionStorage, so closing the tab signs out.
 *
 * One-time links open the page as #link=<secret>, and a single sign-on comes back as
 * #sso=<hand-off> (or #sso-error=<code>&message=<text> when refused). Fragments are not sent
 * to servers or put in Referer headers; all of them are taken out of the address bar at
 * once, so they end up in no bookmark, history entry or screenshot.
 */

const SESSION_KEY = 'redcrowd.session';
const LINK_KEY = 'redcrowd.link';

/**
 * @typedef {object} StoredSession
 * @property {string} accessToken
 * @property {string | null} refreshToken null for a demo login link's token
 * @property {number | null} expiresAt when the access token expires (ms since 1970), if known
 * @property {string | null} sessionId
 * @property {string | null} membershipId the membership the session acts in
 */

/** @typedef {import('./api.js').Schemas['SessionTokens']} SessionTokens */

/**
 * Why a single sign-on did not sign the person in, as the matcher's callback put it in the
 * address: its error code and message.
 * @typedef {{ code: string, message: string }} SignOnRefusal
 */

/**
 * @typedef {{ kind: 'token', session: StoredSession }
 *   | { kind: 'link', secret: string }
 *   | { kind: 'sso', handoff: string }
 *   | { kind: 'sso-error', refusal: SignOnRefusal }} Fragment
 */

/**
 * Reads #token=…, #link=…, #sso=… or #sso-error=… from the address bar and removes it from
 * there. A demo token is stored as this tab's session at once; a link's secret is kept until
 * the link is used, so reloading its page does not lose it. A sign-on's hand-off is not kept:
 * it is exchanged at once, and works only once anyway.
 * @returns {Fragment | null}
 */
export function takeFragment() {
  if (!location.hash || location.hash.length < 2) return null;
  const params = new URLSearchParams(location.hash.slice(1));
  const token = params.get('token')?.trim();
  const link = params.get('link')?.trim();
  const handoff = params.get('sso')?.trim();
  const refused = params.get('sso-error')?.trim();
  if (!token && !link && !handoff && !refused) return null;
  history.replaceState(history.state, '', location.pathname + location.search);
  if (handoff) return { kind: 'sso', handoff };
  if (refused) return { kind: 'sso-error', refusal: { code: refused, message: params.get('message') ?? '' } };
  if (link) {
    write(LINK_KEY, link);
    return { kind: 'link', secret: link };
  }
  /** @type {StoredSession} */
  const session = {
    accessToken: /** @type {string} */ (token),
    refreshToken: null,
    expiresAt: null,
    sessionId: null,
    membershipId: null,
  };
  storeSession(session);
  return { kind: 'token', session };
}

/**
 * Whether the address bar carries a token, link or sign-on answer (opened in a tab already
 * showing the page).
 */
export function fragmentHasCredentials() {
  const params = new URLSearchParams(location.hash.slice(1));
  return ['token', 'link', 'sso', 'sso-error'].some((name) => params.has(name));
}

/** @returns {StoredSession | null} */
export function readSession() {
  const text = read(SESSION_KEY);
  if (!text) return null;
  try {
    const value = JSON.parse(text);
    if (typeof value?.accessToken !== 'string' || value.accessToken === '') return null;
    return {
      accessToken: value.accessToken,
      refreshToken: typeof value.refreshToken === 'string' ? value.refreshToken : null,
      expiresAt: typeof value.expiresAt === 'number' ? value.expiresAt : null,
      sessionId: typeof value.sessionId === 'string' ? value.sessionId : null,
      membershipId: typeof value.membershipId === 'string' ? value.membershipId : null,
    };
  } catch {
    return null;
  }
}

/** @param {StoredSession} session */
export function storeSession(session) {
  write(SESSION_KEY, JSON.stringify(session));
}

/**
 * The session a sign-in, refresh or accepted link answered, as this tab keeps it.
 * @param {SessionTokens} tokens
 * @param {number} [now] when the answer arrived
 * @returns {StoredSession}
 */
export function sessionOf(tokens, now = Date.now()) {
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: now + tokens.expiresIn * 1000,
    sessionId: tokens.sessionId,
    membershipId: tokens.membership.id,
  };
}

export function clearSession() {
  remove(SESSION_KEY);
}

/** The secret of a one-time link opened in this tab and not used yet. */
export function pendingLink() {
  return read(LINK_KEY);
}

export function clearPendingLink() {
  remove(LINK_KEY);
}

/** @param {string} key */
function read(key) {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * @param {string} key
 * @param {string} value
 */
function write(key, value) {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    // Without storage the session lives in memory until reload, which is still usable.
  }
}

/** @param {string} key */
function remove(key) {
  try {
    sessionStorage.removeItem(key);
  } catch {
    // Nothing stored, nothing to clear.
  }
}
