import { memoryLog } from './memory-log';
import { JsonLogger, REDACTED, traceableId, withLogContext, type LogLevel } from './json-logger';

/** A JsonLogger writing into memory; `lines()` parses what it wrote. */
function capture(level: LogLevel = 'debug') {
  const log = memoryLog();
  return { logger: new JsonLogger('intake', level, log.stream), text: log.text, lines: log.lines };
}

describe('JsonLogger', () => {
  it('writes one JSON line per event: time, level as a word, service, msg and the fields', () => {
    const { logger, text, lines } = capture();
    logger.event('info', 'list accepted', { listId: 'rl-2026-03', items: 3 });
    logger.event('warn', 'outbox flush failed; the sweep will retry');
    expect(text().split('\n')).toHaveLength(3);
    const [accepted, warning] = lines();
    expect(accepted).toEqual({
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      level: 'info',
      service: 'intake',
      msg: 'list accepted',
      listId: 'rl-2026-03',
      items: 3,
    });
    expect(warning).toMatchObject({ level: 'warn', msg: 'outbox flush failed; the sweep will retry' });
  });

  it('leaves out events below its level', () => {
    const { logger, lines } = capture('warn');
    logger.event('info', 'list accepted');
    logger.debug('noise');
    logger.error('storing lists failed');
    expect(lines().map((line) => line.level)).toEqual(['error']);
  });

  it("serves as Nest's logger: context, stacks and errors in the same shape", () => {
    const { logger, lines } = capture();
    logger.log('Mapped {/projects, GET} route', 'RouterExplorer');
    logger.error('boom', 'Error: boom\n    at somewhere', 'ExceptionHandler');
    logger.verbose('details');
    logger.error(new Error('unreachable'));
    const [mapped, boom, details, unreachable] = lines();
    expect(mapped).toMatchObject({
      level: 'info',
      msg: 'Mapped {/projects, GET} route',
      context: 'RouterExplorer',
    });
    expect(boom).toMatchObject({
      level: 'error',
      context: 'ExceptionHandler',
      stack: expect.stringContaining('at somewhere'),
    });
    expect(details).toMatchObject({ level: 'debug', msg: 'details' });
    expect(unreachable).toMatchObject({
      msg: 'unreachable',
      stack: expect.stringContaining('Error: unreachable'),
    });
  });

  it('redacts credentials at any depth: headers, passwords, tokens, secrets', () => {
    const { logger, text, lines } = capture();
    logger.event('info', 'sign-in request', {
      req: {
        headers: { authorization: 'Bearer x-secret-token', cookie: 'sid=abc', accept: 'application/json' },
      },
      body: { username: 'demo-unit', password: 'hunter2' },
      tokens: { accessToken: 'eyJaccess', refreshToken: 'eyJrefresh' },
      provider: { clientSecret: 'oidc-secret' },
    });
    expect(text()).not.toMatch(/x-secret-token|sid=abc|hunter2|eyJaccess|eyJrefresh|oidc-secret/);
    expect(lines()[0]).toMatchObject({
      req: { headers: { authorization: REDACTED, cookie: REDACTED, accept: 'application/json' } },
      body: { username: 'demo-unit', password: REDACTED },
      tokens: { accessToken: REDACTED, refreshToken: REDACTED },
      provider: { clientSecret: REDACTED },
    });
  });

  it('masks only the password of a connection URL, so the host still shows', () => {
    const { logger, lines } = capture();
    logger.event('info', 'config', { DATABASE_URL: 'postgres://redcrowd:s3cret@db:5432/redcrowd' });
    expect(lines()[0]!.DATABASE_URL).toBe(`postgres://redcrowd:${REDACTED}@db:5432/redcrowd`);
  });

  it('adds the fields of the enclosing log context to every line, across awaits', async () => {
    const { logger, lines } = capture();
    await withLogContext({ requestId: 'req-1' }, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      logger.event('info', 'list accepted', { listId: 'rl-1' });
    });
    logger.event('info', 'outside');
    const [inside, outside] = lines();
    expect(inside).toMatchObject({ requestId: 'req-1', listId: 'rl-1' });
    expect(outside).not.toHaveProperty('requestId');
  });
});

describe('traceableId', () => {
  it.each(['abc-123', 'f3b1c2d4-5e6f-4a1b-9c8d-7e6f5a4b3c2d', 'trace:span.1_A', 'x'.repeat(128)])(
    'keeps %s',
    (id) => expect(traceableId(id)).toBe(id),
  );

  it.each([
    ['', 'empty'],
    ['x'.repeat(129), 'too long'],
    ['a b', 'a space'],
    ['a\nb', 'a new line'],
    ['"}{', 'JSON'],
  ])('refuses %j (%s)', (id) => expect(traceableId(id)).toBeUndefined());

  it('refuses what is not a string', () => {
    expect(traceableId(42)).toBeUndefined();
    expect(traceableId(undefined)).toBeUndefined();
  });
});
