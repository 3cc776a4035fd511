import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pinoHttp, type HttpLogger, type Options } from 'pino-http';
import { REDACTED, REDACTED_KEYS, traceableId, withLogContext, type JsonLogger } from '@redcrowd/runtime';

/** The header a caller may name its request with, and that every answer carries. */
export const REQUEST_ID_HEADER = 'x-request-id';

/** What Express adds to a Node request, as far as the request line reads it. */
type HttpRequest = IncomingMessage & { id?: unknown; originalUrl?: string; route?: { path?: unknown } };

/**
 * A request's id: the caller's `x-request-id` when it is a sane token (see traceableId), so
 * a proxy's or client's id follows the request into our logs; else a new UUID.
 */
export function requestIdFor(incoming: string | string[] | undefined): string {
  return traceableId(Array.isArray(incoming) ? incoming[0] : incoming) ?? randomUUID();
}

/**
 * Gives the request its id once (`req.id`, as pino-http expects) and echoes it in the answer's
 * `x-request-id`. Whichever of the two request middlewares runs first decides it.
 */
export function ensureRequestId(request: HttpRequest, response: ServerResponse): string {
  if (typeof request.id === 'string') return request.id;
  const id = requestIdFor(request.headers[REQUEST_ID_HEADER]);
  request.id = id;
  if (!response.headersSent) response.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/** Health and metrics probes: every few seconds from each prober, so logged at debug only. */
export function isProbe(path: string): boolean {
  return path === '/metrics' || path === '/health' || path.startsWith('/health/');
}

// Query parameters that may carry a credential (a sign-in callback's `code` included).
const SECRET_QUERY_PARAMETERS = new Set([...REDACTED_KEYS, 'code', 'state'].map((key) => key.toLowerCase()));

/** The requested path and query as logged: credentials in the query are masked. */
export function loggedUrl(url: string): string {
  const queryAt = url.indexOf('?');
  if (queryAt < 0) return url;
  const query = new URLSearchParams(url.slice(queryAt + 1));
  for (const name of [...new Set(query.keys())]) {
    if (SECRET_QUERY_PARAMETERS.has(name.toLowerCase())) query.set(name, REDACTED);
  }
  return `${url.slice(0, queryAt)}?${query.toString()}`;
}

function pathOf(request: HttpRequest): string {
  const url = request.originalUrl ?? request.url ?? '/';
  const queryAt = url.indexOf('?');
  return queryAt < 0 ? url : url.slice(0, queryAt);
}

/** The fields of a request's line: who asked what, which route answered, how and how fast. */
function requestLine(request: HttpRequest, response: ServerResponse, durationMs: unknown) {
  const route = request.route?.path;
  return {
    requestId: request.id,
    method: request.method,
    ...(typeof route === 'string' ? { route } : {}),
    url: loggedUrl(request.originalUrl ?? request.url ?? '/'),
    status: response.statusCode,
    durationMs,
  };
}

export interface RequestLoggingSettings {
  /** Paths whose requests are logged at debug only besides the probes (a page's static files). */
  quietPathPrefixes?: string[];
}

/**
 * pino-http's settings for one line per HTTP request, written through the service's own
 * JsonLogger (same format, same redaction): `{"msg":"http request","requestId","method",
 * "route","url","status","durationMs"}` when the answer ends (or the connection closes),
 * `error` from 500 on, debug for probes. Headers and bodies are not logged at all.
 */
export function requestLoggingOptions(
  logger: JsonLogger,
  settings: RequestLoggingSettings = {},
): Options<HttpRequest, ServerResponse> {
  const quiet = (path: string) =>
    isProbe(path) || (settings.quietPathPrefixes ?? []).some((prefix) => path.startsWith(prefix));
  return {
    logger: logger.pino,
    genReqId: (request, response) => ensureRequestId(request, response),
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    // The line is built below; pino-http's own req/res objects (with headers) stay out of it.
    quietResLogger: true,
    customLogLevel: (request, response, error) => {
      if (quiet(pathOf(request))) return 'debug';
      return error || response.statusCode >= 500 ? 'error' : 'info';
    },
    customSuccessMessage: (request, response) =>
      response.writableEnded ? 'http request' : 'http request aborted',
    customErrorMessage: () => 'http request failed',
    customSuccessObject: (request, response, value: { durationMs?: unknown }) =>
      requestLine(request, response, value.durationMs),
    customErrorObject: (request, response, error, value: { durationMs?: unknown }) => ({
      ...requestLine(request, response, value.durationMs),
      error: error.message,
    }),
  };
}

/**
 * The request line's middleware, for `app.use` before anything else in main.ts: so that
 * requests answered before Nest routes them (an unreadable or oversized body, the dashboard's
 * files) get their line and request id too. RequestLoggingModule binds Nest's logger to it.
 */
export function requestLogger(logger: JsonLogger, settings: RequestLoggingSettings = {}): HttpLogger {
  return pinoHttp(requestLoggingOptions(logger, settings));
}

/**
 * Runs the rest of the request inside a log context with its requestId, so every line the
 * request causes (a list accepted, a round finished) carries it, and HTTP submissions take
 * it as their correlation id.
 */
export function bindRequestContext(request: HttpRequest, response: ServerResponse, next: () => void): void {
  const requestId = ensureRequestId(request, response);
  withLogContext({ requestId }, next);
}
