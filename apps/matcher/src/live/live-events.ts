import type { ChangeFeedState } from '@redcrowd/persistence';

/**
 * The server-sent event that tells a page how its feed stands: `behind` while the matcher has
 * lost its database connection (changes are being missed), `resumed` once it listens again
 * (the page reloads its data, since what was committed meanwhile was never announced).
 */
export function feedStateEvent(state: ChangeFeedState, at: Date): string {
  const type = state === 'behind' ? 'behind' : 'resumed';
  return `event: ${type}\ndata: ${JSON.stringify({ at })}\n\n`;
}
