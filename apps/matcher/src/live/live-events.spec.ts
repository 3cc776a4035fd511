import { feedStateEvent } from './live-events';

describe('feedStateEvent', () => {
  const at = new Date('2026-03-05T08:30:00.000Z');

  it('tells a page its stream is behind while the feed reconnects', () => {
    expect(feedStateEvent('behind', at)).toBe(`event: behind\ndata: {"at":"2026-03-05T08:30:00.000Z"}\n\n`);
  });

  it('tells a page the feed resumed once it listens again', () => {
    expect(feedStateEvent('live', at)).toBe(`event: resumed\ndata: {"at":"2026-03-05T08:30:00.000Z"}\n\n`);
  });
});
