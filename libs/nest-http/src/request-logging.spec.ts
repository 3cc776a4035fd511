import type { AddressInfo } from 'node:net';
import express from 'express';
import { pinoHttp } from 'pino-http';
import { JsonLogger, memoryLog, type LogLevel } from '@redcrowd/runtime';
import {
  REQUEST_ID_HEADER,
  bindRequestContext,
  isProbe,
  loggedUrl,
  requestIdFor,
  requestLoggingOptions,
} from './request-logging';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('the request id rule', () => {
  it("keeps a caller's sane x-request-id", () => {
    expect(requestIdFor('edge-7f3a.42:1')).toBe('edge-7f3a.42:1');
    expect(requestIdFor(['first-id', 'second-id'])).toBe('first-id');
  });

  it.each([
    ['absent', undefined],
    ['empty', ''],
    ['longer than 128 characters', 'a'.repeat(129)],
    ['with spaces', 'drop table'],
    ['with a line break', 'id\n{"level":"error"}'],
  ])('makes a new UUID when the header is %s', (_case, header) => {
    expect(requestIdFor(header)).toMatch(UUID);
  });

  it('tells probes from requests', () => {
    expect(['/health', '/health/ready', '/metrics'].every(isProbe)).toBe(true);
    expect(['/healthy', '/projects', '/metrics/x'].some(isProbe)).toBe(false);
  });

  it('masks credentials in the logged query, and keeps the rest', () => {
    expect(loggedUrl('/auth/sso/callback?code=abc&state=xyz&lang=zh')).toBe(
      '/auth/sso/callback?code=%5Bredacted%5D&state=%5Bredacted%5D&lang=zh',
    );
    expect(loggedUrl('/projects?status=proposed')).toBe('/projects?status=proposed');
    expect(loggedUrl('/x?access_token=t1&Token=t2')).not.toMatch(/t1|t2/);
  });
});

/** An Express app logging as the services do, into memory. */
async function serve(level: LogLevel = 'info') {
  const log = memoryLog();
  const logger = new JsonLogger('intake', level, log.stream);
  const app = express();
  app.use(pinoHttp(requestLoggingOptions(logger)));
  app.use(bindRequestContext);
  app.use(express.json());
  app.post('/auth/sign-in', (_request, response) => {
    logger.event('info', 'sign-in refused', { reason: 'unknown account' });
    response.status(401).json({ error: { code: 'unauthenticated' } });
  });
  app.get('/projects/:projectId', (_request, response) => {
    response.json({ ok: true });
  });
  app.get('/health/ready', (_request, response) => {
    response.json({ status: 'ok' });
  });
  app.get('/fails', () => {
    throw new Error('database unreachable');
  });
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // The line is written when the answer ends, which may be just after the client has it.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 50));
  return {
    base,
    text: log.text,
    lines: async () => {
      await settle();
      return log.lines();
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

describe('request logging', () => {
  let app: Awaited<ReturnType<typeof serve>>;
  afterEach(() => app.close());

  it('writes one line per request with its id, method, route, status and duration, and echoes the id', async () => {
    app = await serve();
    const response = await fetch(`${app.base}/projects/p-1?status=open`, {
      headers: { [REQUEST_ID_HEADER]: 'edge-42' },
    });
    expect(response.headers.get(REQUEST_ID_HEADER)).toBe('edge-42');
    const lines = await app.lines();
    expect(lines).toEqual([
      {
        time: expect.any(String),
        level: 'info',
        service: 'intake',
        msg: 'http request',
        requestId: 'edge-42',
        method: 'GET',
        route: '/projects/:projectId',
        url: '/projects/p-1?status=open',
        status: 200,
        durationMs: expect.any(Number),
      },
    ]);
  });

  it('gives a request without a sane id a new UUID, in the answer and the line', async () => {
    app = await serve();
    const response = await fetch(`${app.base}/projects/p-1`, { headers: { [REQUEST_ID_HEADER]: 'a b c' } });
    const id = response.headers.get(REQUEST_ID_HEADER);
    expect(id).toMatch(UUID);
    expect((await app.lines())[0]).toMatchObject({ requestId: id });
  });

  it('never logs the bearer token or the password of a request, and tags its own lines with the id', async () => {
    app = await serve();
    const response = await fetch(`${app.base}/auth/sign-in?token=query-token-1`, {
      method: 'POST',
      headers: {
        authorization: 'Bearer x',
        cookie: 'session=cookie-value-1',
        'content-type': 'application/json',
        [REQUEST_ID_HEADER]: 'sign-in-1',
      },
      body: JSON.stringify({ username: 'demo-unit', password: 'hunter2-password' }),
    });
    expect(response.status).toBe(401);
    const lines = await app.lines();
    expect(lines.map((line) => line.msg)).toEqual(['sign-in refused', 'http request']);
    expect(lines.every((line) => line.requestId === 'sign-in-1')).toBe(true);
    expect(lines[1]).toMatchObject({ status: 401, level: 'info' });
    expect(app.text()).not.toMatch(/Bearer x|hunter2-password|cookie-value-1|query-token-1/);
  });

  it('logs probes at debug only', async () => {
    app = await serve('info');
    await fetch(`${app.base}/health/ready`);
    await fetch(`${app.base}/projects/p-1`);
    expect((await app.lines()).map((line) => line.url)).toEqual(['/projects/p-1']);

    const verbose = await serve('debug');
    await fetch(`${verbose.base}/health/ready`);
    expect((await verbose.lines())[0]).toMatchObject({ level: 'debug', url: '/health/ready', status: 200 });
    await verbose.close();
  });

  it('logs a failed request at error with its status', async () => {
    app = await serve();
    const response = await fetch(`${app.base}/fails`);
    expect(response.status).toBe(500);
    expect((await app.lines()).at(-1)).toMatchObject({
      level: 'error',
      msg: 'http request failed',
      status: 500,
    });
  });
});
