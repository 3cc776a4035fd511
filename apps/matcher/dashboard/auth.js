// @ts-check

/**
 * The access token arrives once in the login link's fragment (#token=…), which browsers do
 * not send to servers or put in Referer headers. It is kept per tab in sessionStorage and
 * removed from the address bar so it does not end up in bookmarks or screenshots.
 */

const TOKEN_KEY = 'redcrowd.token';

/** @returns {string | null} */
export function readToken() {
  const fromLink = tokenFromFragment(location.hash);
  if (fromLink) {
    store(fromLink);
    history.replaceState(history.state, '', location.pathname + location.search);
    return fromLink;
  }
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

/** @param {string} hash */
function tokenFromFragment(hash) {
  if (!hash || hash.length < 2) return null;
  const token = new URLSearchParams(hash.slice(1)).get('token');
  return token && token.trim() !== '' ? token.trim() : null;
}

/** @param {string} token */
function store(token) {
  try {
    sessionStorage.setItem(TOKEN_KEY, token);
  } catch {
    // Without storage the token lives only until reload, which is still usable.
  }
}

export function clearToken() {
  try {
    sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Nothing stored, nothing to clear.
  }
}
