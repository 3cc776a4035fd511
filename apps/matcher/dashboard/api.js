/**
 * Calls to the matcher (and intake) with the bearer token. Every 401 ends the session at
 * once, wherever it happens, so no view keeps showing data the server no longer serves.
 */

export class ApiError extends Error {
  constructor({ status, code, message, field, problems, body }) {
    super(message || code || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.field = field;
    this.problems = Array.isArray(problems) ? problems : [];
    this.body = body;
  }
}

export class UnauthorizedError extends ApiError {}

export function createApi({ token, onUnauthorized, query = () => ({}) }) {
  /**
   * Sends one request and returns `{ status, body }` whatever the status, for answers whose
   * body matters on failure too (claim decisions, intake problems). Throws only for 401 and
   * for network failures.
   */
  async function send(method, url, body, { scoped = false } = {}) {
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
      throw new ApiError({ status: 0, code: 'network', message: String(cause?.message ?? cause) });
    }
    const parsed = await readBody(response);
    if (response.status === 401) {
      const error = new UnauthorizedError(errorFields(response.status, parsed));
      onUnauthorized(error);
      throw error;
    }
    return { status: response.status, ok: response.ok, body: parsed };
  }

  /** For calls whose failures all use the `{ error: { code, message, field } }` envelope. */
  async function call(method, url, body, options) {
    const answer = await send(method, url, body, options);
    if (!answer.ok) throw apiErrorOf(answer);
    return answer.body;
  }

  return {
    send,
    get: (url, params) => call('GET', withQuery(url, params ?? {}), undefined, { scoped: true }),
    post: (url, body) => call('POST', url, body ?? {}, { scoped: true }),
    patch: (url, body) => call('PATCH', url, body ?? {}, { scoped: true }),
    token,
  };
}

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
 */
export function apiErrorOf(answer) {
  return new ApiError(errorFields(answer.status, answer.body));
}

function errorFields(status, body) {
  const error =
    body && typeof body === 'object' && body.error && typeof body.error === 'object' ? body.error : {};
  return {
    status,
    code: typeof error.code === 'string' ? error.code : status >= 500 ? 'server' : undefined,
    message: typeof error.message === 'string' ? error.message : typeof body === 'string' ? body : '',
    field: typeof error.field === 'string' ? error.field : undefined,
    problems: error.problems,
    body,
  };
}

/** Adds the non-empty parameters to a URL that may already carry a query. */
export function withQuery(url, params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  if (text === '') return url;
  return `${url}${url.includes('?') ? '&' : '?'}${text}`;
}
