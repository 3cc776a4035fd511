// @ts-check

/**
 * Calls to the matcher (and intake) with the bearer token. A 401 gets one chance: the
 * session's refresh token is exchanged for a new access token (one exchange at a time, see
 * session.js) and the call is sent again; a second 401, or a session that cannot be
 * renewed, ends the session at once, wherever it happens, so no view keeps showing data the
 * server no longer serves. Sign-in and one-time links are public calls (callPublic).
 *
 * Answers are `unknown` here: each caller names the payload docs/openapi.yaml documents for
 * its call (types/api.d.ts, e.g. `components['schemas']['ProjectListing']`).
 */

/** @typedef {import('./types/api.js').components['schemas']} Schemas */

/**
 * An answer whatever its status: the parsed JSON body, its text when it is not JSON, or
 * null when empty.
 * @typedef {{ status: number, ok: boolean, body: unknown }} Answer
 */

/** @typedef {Record<string, string | number | boolean | null | undefined>} Query */

/**
 * @typedef {object} ApiErrorFields
 * @property {number} status
 * @property {string} [code]
 * @property {string} [message]
 * @property {string} [field]
 * @property {unknown} [problems]
 * @property {unknown} [body]
 * @property {number} [retryAfter] seconds to wait, from a 429's Retry-After
 */

export class ApiError extends Error {
  /** @param {ApiErrorFields} fields */
  constructor({ status, code, message, field, problems, body, retryAfter }) {
    super(message || code || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    /** @type {(Schemas['ProblemEntry'] & { words?: Schemas['AnsweredProblem']['words'] })[]} */
    this.problems = Array.isArray(problems) ? problems : [];
    this.body = body;
    this.retryAfter = retryAfter;
  }
}

export class UnauthorizedError extends ApiError {}

/** @typedef {ReturnType<typeof createApi>} Api */

/**
 * The access token of the session, and how to get a new one.
 * @typedef {object} Credentials
 * @property {() => string} accessToken the current one
 * @property {(stale: string) => Promise<boolean>} renew after a 401 for `stale`: true when a
 *   newer token is there to retry with, false when the session cannot be renewed; throws an
 *   UnauthorizedError when the session has ended (the page is already told), other errors
 *   when the server could not be reached
 */

/**
 * @param {object} options
 * @param {Credentials} options.credentials
 * @param {(error: UnauthorizedError) => void} options.onUnauthorized
 * @param {() => Query} [options.query] parameters every scoped call carries (an admin's alliance)
 */
export function createApi({ credentials, onUnauthorized, query = () => ({}) }) {
  /**
   * Sends one request and returns `{ status, body }` whatever the status, for answers whose
   * body matters on failure too (claim decisions, intake problems). Throws only for a 401
   * that renewing the token did not cure, and for network failures.
   * @param {string} method
   * @param {string} url
   * @param {unknown} [body]
   * @param {{ scoped?: boolean }} [options]
   * @returns {Promise<Answer>}
   */
  async function send(method, url, body, { scoped = false } = {}) {
    const target = scoped ? withQuery(url, query()) : url;
    let token = credentials.accessToken();
    let answer = await request(method, target, body, token);
    if (answer.status === 401 && (await credentials.renew(token))) {
      token = credentials.accessToken();
      answer = await request(method, target, body, token);
    }
    if (answer.status === 401) {
      const error = new UnauthorizedError(errorFields(answer.status, answer.body));
      onUnauthorized(error);
      throw error;
    }
    return answer;
  }

  /**
   * For calls whose failures all use the `{ error: { code, message, field } }` envelope.
   * @param {string} method
   * @param {string} url
   * @param {unknown} body
   * @param {{ scoped?: boolean }} options
   */
  async function call(method, url, body, options) {
    const answer = await send(method, url, body, options);
    if (!answer.ok) throw apiErrorOf(answer);
    return answer.body;
  }

  /**
   * The JSON calls, with or without the scope's parameters (an admin's alliance).
   * @param {boolean} scoped
   */
  const calls = (scoped) => ({
    /**
     * @param {string} url
     * @param {Query} [params]
     */
    get: (url, params) => call('GET', withQuery(url, params ?? {}), undefined, { scoped }),
    /**
     * @param {string} url
     * @param {unknown} [body]
     */
    post: (url, body) => call('POST', url, body ?? {}, { scoped }),
    /**
     * @param {string} url
     * @param {unknown} [body]
     */
    patch: (url, body) => call('PATCH', url, body ?? {}, { scoped }),
    /** @param {string} url */
    delete: (url) => call('DELETE', url, undefined, { scoped }),
  });

  return {
    send,
    ...calls(true),
    /** For what belongs to no alliance: the person's account, the deployment's accounts. */
    unscoped: calls(false),
    accessToken: () => credentials.accessToken(),
  };
}

/**
 * One request, answered whatever its status; a network failure throws an ApiError coded
 * `network`.
 * @param {string} method
 * @param {string} url
 * @param {unknown} body
 * @param {string | null} token
 * @returns {Promise<Answer & { retryAfter?: number }>}
 */
async function request(method, url, body, token) {
  /** @type {Record<string, string>} */
  const headers = { Accept: 'application/json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let response;
  try {
    response = await fetch(url, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: 'no-store',
    });
  } catch (cause) {
    throw new ApiError({ status: 0, code: 'network', message: messageOf(cause) });
  }
  const retryAfter = Number(response.headers.get('Retry-After'));
  return {
    status: response.status,
    ok: response.ok,
    body: await readBody(response),
    ...(Number.isFinite(retryAfter) && retryAfter > 0 ? { retryAfter } : {}),
  };
}

/**
 * A call that needs no sign-in (signing in, refreshing, one-time links): its body on
 * success, an ApiError otherwise, with the wait a 429 asks for.
 * @param {string} method
 * @param {string} url
 * @param {unknown} [body]
 */
export async function callPublic(method, url, body) {
  const answer = await request(method, url, body, null);
  if (!answer.ok) {
    throw new ApiError({ ...errorFields(answer.status, answer.body), retryAfter: answer.retryAfter });
  }
  return answer.body;
}

/**
 * @param {Response} response
 * @returns {Promise<unknown>}
 */
async function readBody(response) {
  return parseBody(await response.text().catch(() => ''));
}

/**
 * An answer's body as read from its text: JSON parsed, other text as it is, null when empty.
 * @param {string} text
 * @returns {unknown}
 */
export function parseBody(text) {
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/**
 * The error a failed answer carries. Every error the matcher sends has one shape,
 * `{ error: { code, message, field?, problems? }, ...attachments }`; pages switch on `code`.
 * @param {Answer} answer
 */
export function apiErrorOf(answer) {
  return new ApiError(errorFields(answer.status, answer.body));
}

/**
 * @param {number} status
 * @param {unknown} body
 * @returns {ApiErrorFields}
 */
function errorFields(status, body) {
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  return {
    status,
    code: typeof error.code === 'string' ? error.code : status >= 500 ? 'server' : undefined,
    message: typeof error.message === 'string' ? error.message : typeof body === 'string' ? body : '',
    field: typeof error.field === 'string' ? error.field : undefined,
    problems: error.problems,
    body,
  };
}

/**
 * Adds the non-empty parameters to a URL that may already carry a query.
 * @param {string} url
 * @param {Query} params
 */
export function withQuery(url, params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  if (text === '') return url;
  return `${url}${url.includes('?') ? '&' : '?'}${text}`;
}

/**
 * Whether a value read from JSON is an object whose fields can be looked at.
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
export function isRecord(value) {
  return typeof value === 'object' && value !== null;
}

/**
 * A thrown value's message, or the value itself when it has none, as text.
 * @param {unknown} thrown
 */
export function messageOf(thrown) {
  return String((isRecord(thrown) ? thrown.message : undefined) ?? thrown);
}
