// @ts-check

import { isRecord, UnauthorizedError } from './api.js';

/**
 * Server-sent events over fetch: EventSource cannot send the Authorization header, so the
 * stream is read and parsed here (https://html.spec.whatwg.org/#event-stream-interpretation).
 */

const BASE_DELAY_MS = 1000;
const MAX_DELAY_MS = 30_000;
// The server sends a ping comment every 15 s; silence for longer means a dead connection
// that TCP may take minutes to notice (a sleeping laptop, a proxy that dropped it).
const SILENCE_LIMIT_MS = 45_000;

/** @typedef {(type: string, data: unknown) => void} EventHandler */

/**
 * Keeps one stream open until stop() is called, reconnecting with exponential backoff.
 * onState('open' | 'closed', { retryInMs, behind }) reports the connection. While the server
 * has lost its database feed (its `behind` event) the stream is open but changes are missed:
 * that is reported as 'closed' with `behind: true`, and its `resumed` event as 'open', so a
 * page reloads then as after any reconnect. onEvent(type, data) each other dispatched event. A 401 asks renew() for a newer token and connects again with it;
 * when there is none, onUnauthorized(message) is told and the stream stops for good.
 * @param {object} options
 * @param {string} options.url
 * @param {() => string} options.token the current access token
 * @param {(stale: string) => Promise<boolean>} options.renew see Credentials in api.js
 * @param {EventHandler} options.onEvent
 * @param {(state: 'open' | 'closed', detail: { retryInMs?: number, behind?: boolean }) => void} options.onState
 * @param {(message: string) => void} options.onUnauthorized the server's message, if any
 */
export function startLive({ url, token, renew, onEvent, onState, onUnauthorized }) {
  let stopped = false;
  let attempt = 0;
  /** @type {AbortController | null} */
  let controller = null;
  /** @type {number | undefined} */
  let retryTimer;
  /** @type {number | undefined} */
  let silenceTimer;
  let baseDelay = BASE_DELAY_MS;
  // A 401 right after connecting with a renewed token is final: renewing again would loop.
  let afterRenewal = false;

  /** @type {EventHandler} */
  function dispatch(type, data) {
    if (type === 'behind') onState('closed', { behind: true });
    else if (type === 'resumed') onState('open', {});
    else onEvent(type, data);
  }

  function armSilenceTimer() {
    clearTimeout(silenceTimer);
    silenceTimer = setTimeout(() => controller?.abort(), SILENCE_LIMIT_MS);
  }

  async function connect() {
    controller = new AbortController();
    let opened = false;
    let renewed = false;
    try {
      const used = token();
      const response = await fetch(url, {
        headers: { Authorization: `Bearer ${used}`, Accept: 'text/event-stream' },
        cache: 'no-store',
        signal: controller.signal,
      });
      if (response.status === 401) {
        const message = errorMessage(await response.text().catch(() => ''));
        // An ended session is reported by renew() itself; only a token nothing can renew is ours to report.
        const renewal = afterRenewal
          ? 'none'
          : await renew(used).then(
              (fresh) => (fresh ? 'renewed' : 'none'),
              (error) => (error instanceof UnauthorizedError ? 'ended' : 'failed'),
            );
        if (renewal === 'none' || renewal === 'ended') {
          stopped = true;
          if (renewal === 'none') onUnauthorized(message);
          return;
        }
        renewed = renewal === 'renewed';
        throw new Error('unauthorized');
      }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      opened = true;
      afterRenewal = false;
      attempt = 0;
      onState('open', {});
      armSilenceTimer();
      await readEvents(response.body, {
        onActivity: armSilenceTimer,
        onEvent: dispatch,
        onRetry: (ms) => {
          baseDelay = ms;
        },
      });
    } catch {
      // Aborted, network lost or bad status: all end in a reconnect below.
    } finally {
      clearTimeout(silenceTimer);
    }
    if (stopped) return;
    afterRenewal = renewed;
    if (renewed) {
      void connect();
      return;
    }
    if (!opened) attempt += 1;
    const delay = Math.min(MAX_DELAY_MS, baseDelay * 2 ** Math.min(attempt, 5)) * (0.8 + Math.random() * 0.4);
    onState('closed', { retryInMs: delay });
    retryTimer = setTimeout(() => void connect(), delay);
  }

  void connect();

  return {
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
      clearTimeout(silenceTimer);
      controller?.abort();
    },
  };
}

/**
 * @param {ReadableStream<Uint8Array>} body
 * @param {object} handlers
 * @param {() => void} handlers.onActivity
 * @param {EventHandler} handlers.onEvent
 * @param {(ms: number) => void} handlers.onRetry
 */
async function readEvents(body, { onActivity, onEvent, onRetry }) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let type = '';
  /** @type {string[]} */
  let data = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    onActivity();
    buffer += decoder.decode(value, { stream: true });
    const lines = buffer.split(/\r\n|\r|\n/);
    // The last piece may be a line cut in half by the network; keep it for the next chunk.
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (line === '') {
        if (data.length > 0) onEvent(type || 'message', parseData(data.join('\n')));
        type = '';
        data = [];
        continue;
      }
      if (line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      const valueText = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') type = valueText;
      else if (field === 'data') data.push(valueText);
      else if (field === 'retry' && /^\d+$/.test(valueText)) onRetry(Number(valueText));
    }
  }
}

/** @param {string} text */
function errorMessage(text) {
  const parsed = parseData(text);
  const error = isRecord(parsed) ? parsed.error : undefined;
  return isRecord(error) && typeof error.message === 'string' ? error.message : '';
}

/**
 * @param {string} text
 * @returns {unknown}
 */
function parseData(text) {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
