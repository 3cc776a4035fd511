import type { TokenSubject } from '@redcrowd/auth';
import { authHeaders } from './tokens';

/** A live stream (GET /alliance/live) read in the background, as the dashboard's page reads it. */
export interface LiveStream {
  /** Every event after `ready`, in order: `changed`, `behind`, `resumed`. */
  events: Array<{ event: string; data: Record<string, unknown> }>;
  ended(): boolean;
  close(): void;
}

/** Opens the stream as `who` and resolves once the matcher said `ready`. */
export async function openLiveStream(matcherUrl: string, who: TokenSubject): Promise<LiveStream> {
  const controller = new AbortController();
  const response = await fetch(`${matcherUrl}/alliance/live`, {
    headers: await authHeaders(who),
    signal: controller.signal,
  });
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('text/event-stream')) {
    throw new Error(`the live stream answered ${response.status} ${type}: ${await response.text()}`);
  }
  const events: LiveStream['events'] = [];
  const reader = response.body!.getReader();
  let buffer = '';
  let ended = false;
  const ready = new Promise<void>((resolve) => {
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            ended = true;
            return;
          }
          buffer += Buffer.from(value).toString('utf8');
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const event = /^event: (.+)$/m.exec(block)?.[1];
            const data = /^data: (.+)$/m.exec(block)?.[1];
            if (event === 'ready') resolve();
            else if (event && data) events.push({ event, data: JSON.parse(data) as Record<string, unknown> });
          }
        }
      } catch {
        // aborted by close()
      }
    })();
  });
  await ready;
  return { events, ended: () => ended, close: () => controller.abort() };
}
