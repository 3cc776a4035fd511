// @ts-check

/**
 * Calls to the matcher (and intake) with the bearer token. Every 401 ends the session at
 * once, wherever it happens, so no view keeps showing data the server no longer serves.
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
 */

export class ApiError extends Error {
  /** @param {ApiErrorFields} fields */
  constructor({ status, code, message, field, problems, body }) {
    super(message || code || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    /** @type {Schemas['ProblemEntry'][]} */
    this.problems = Array.isArray(problems) ? problems : [];
    this.body = body;
  }
}

export class UnauthorizedError extends ApiError {}

/** @typedef {ReturnType<typeof createApi>} Api */

/**
 * @param {object} options
 * @param {string} options.token
 * @param {(error: UnauthorizedError) => void} options.onUnauthorized
 * @param {() => Query} [options.query] parameters every scoped call carries (an admin's alliance)
 */
export function createApi({ token, onUnauthorized, query = () => ({}) }) {
  /**
   * Sends one request and returns `{ status, body }` whatever the status, for answers whose
   * body matters on failure too (claim decisions, intake problems). Throws only for 401 and
   * for network failures.
   * @param {string} method
   * @param {string} url
   * @param {unknown} [body]
   * @param {{ scoped?: boolean }} [options]
   * @returns {Promise<Answer>}
   */
  async function send(method, url, body, { scoped = false } = {}) {
    /** @type {Record<string, string>} */
    const headers = { Authorization: `Bearer ${token}`, Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response;
    try {
      response = await fetch(scoped ? withQuery(url, query()) : url, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        cache: 'no-store',
      });
    } catch (cause) {
      throw new ApiError({ status: 0, code: 'network', message: messageOf(cause) });
    }
    const parsed = await readBody(response);
    if (response.status === 401) {
      const error = new UnauthorizedError(errorFields(response.status, parsed));
      onUnauthorized(error);
      throw error;
    }
    return { status: response.status, ok: response.ok, body: parsed };
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

  return {
    send,
    /**
     * @param {string} url
     * @param {Query} [params]
     */
    get: (url, params) => call('GET', withQuery(url, params ?? {}), undefined, { scoped: true }),
    /**
     * @param {string} url
     * @param {unknown} [body]
     */
    post: (url, body) => call('POST', url, body ?? {}, { scoped: true }),
    /**
     * @param {string} url
     * @param {unknown} [body]
     */
    patch: (url, body) => call('PATCH', url, body ?? {}, { scoped: true }),
    token,
  };
}

/**
 * @param {Response} response
 * @returns {Promise<unknown>}
 */
async function readBody(response) {
  const text = await response.text().catch(() => '');
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
