import { request as httpRequest } from 'node:http';
import { IntakeProcess, MatcherProcess, freePort } from '@test/support/intake-process';
import { isolatedTopics } from '@test/support/topics';
import { authHeaders, communityOf, unitOf } from '@test/support/tokens';

/** One answer with its raw header lines, so a header sent twice is seen twice. */
async function rawAnswer(
  url: string,
  options: { method?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Array<[string, string]>; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(
      url,
      { method: options.method ?? 'GET', headers: options.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const raw = response.rawHeaders;
          const headers: Array<[string, string]> = [];
          for (let i = 0; i + 1 < raw.length; i += 2) {
            headers.push([String(raw[i]).toLowerCase(), String(raw[i + 1])]);
          }
          resolve({
            status: response.statusCode ?? 0,
            headers,
            body: Buffer.concat(chunks).toString('utf8'),
          });
        });
      },
    );
    request.on('error', reject);
    request.end();
  });
}

const valuesOf = (headers: Array<[string, string]>, name: string) =>
  headers.filter(([key]) => key === name).map(([, value]) => value);

/** helmet's headers, present once each, and no X-Powered-By. */
function expectHelmetHeaders(headers: Array<[string, string]>) {
  expect(valuesOf(headers, 'x-content-type-options')).toEqual(['nosniff']);
  expect(valuesOf(headers, 'strict-transport-security')).toEqual([expect.stringMatching(/^max-age=\d+/)]);
  expect(valuesOf(headers, 'x-frame-options')).toEqual(['SAMEORIGIN']);
  expect(valuesOf(headers, 'referrer-policy')).toEqual(['no-referrer']);
  expect(valuesOf(headers, 'cross-origin-opener-policy')).toEqual(['same-origin']);
  expect(valuesOf(headers, 'x-powered-by')).toEqual([]);
}

/**
 * helmet on both apps (the dashboard keeping its own policy, intake still callable from the
 * dashboard's origin) and the per-caller limit on writes, against the real processes.
 */
describe('security headers and write limits', () => {
  const LIMIT = 3;
  let intake: IntakeProcess;
  let matcher: MatcherProcess;
  let dashboardOrigin: string;
  let prefix: string;

  beforeAll(async () => {
    ({ prefix } = await isolatedTopics());
    const matcherPort = await freePort();
    dashboardOrigin = `http://127.0.0.1:${matcherPort}`;
    intake = await IntakeProcess.create(prefix, {
      INTAKE_CORS_ORIGINS: dashboardOrigin,
      INTAKE_WRITE_LIMIT_PER_MINUTE: String(LIMIT),
    });
    matcher = await MatcherProcess.create(
      prefix,
      { MATCHER_INTAKE_PUBLIC_URL: intake.url, MATCHER_WRITE_LIMIT_PER_MINUTE: String(LIMIT) },
      undefined,
      matcherPort,
    );
    await intake.start('listening');
    await matcher.start('listening');
  }, 120_000);

  afterAll(async () => {
    await matcher?.stop();
    await intake?.stop();
  }, 60_000);

  it("gives JSON answers of both apps helmet's headers and its default restrictive policy", async () => {
    for (const url of [
      `${intake.url}/health/live`,
      `${matcher.url}/health/live`,
      `${matcher.url}/.well-known/jwks.json`,
      `${matcher.url}/projects`, // a refusal (401) is an answer too
      `${intake.url}/no-such-route`,
    ]) {
      const answer = await rawAnswer(url);
      expect(answer.status).toBeLessThan(500);
      expectHelmetHeaders(answer.headers);
      const policies = valuesOf(answer.headers, 'content-security-policy');
      expect(policies).toHaveLength(1);
      expect(policies[0]).toContain("default-src 'self'");
      expect(policies[0]).toContain("object-src 'none'");
    }
  });

  it("keeps the dashboard's own policy, once, on its page, scripts and missing files", async () => {
    const dashboardPolicy = [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob:",
      `connect-src 'self' ${intake.url}`,
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; ');
    for (const path of [
      '/dashboard/',
      '/dashboard/index.html',
      '/dashboard/vocab.js',
      '/dashboard/vendor/echarts.min.js',
      '/dashboard/no-such-file.js',
    ]) {
      const answer = await rawAnswer(`${matcher.url}${path}`);
      expect({ path, status: answer.status }).toEqual({
        path,
        status: path.includes('no-such') ? 404 : 200,
      });
      expect(valuesOf(answer.headers, 'content-security-policy')).toEqual([dashboardPolicy]);
      expect(valuesOf(answer.headers, 'x-powered-by')).toEqual([]);
      expect(valuesOf(answer.headers, 'x-content-type-options')).toEqual(['nosniff']);
      expect(valuesOf(answer.headers, 'strict-transport-security')).toHaveLength(1);
    }
  });

  it("lets the dashboard's origin call intake across origins, and no other origin", async () => {
    const preflight = await rawAnswer(`${intake.url}/demand-lists`, {
      method: 'OPTIONS',
      headers: {
        origin: dashboardOrigin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(valuesOf(preflight.headers, 'access-control-allow-origin')).toEqual([dashboardOrigin]);
    expect(valuesOf(preflight.headers, 'access-control-allow-methods')[0]).toContain('POST');
    expect(valuesOf(preflight.headers, 'access-control-allow-headers')[0]).toContain('authorization');

    // The answer itself may be read by that page: CORS allows it and CORP does not block it.
    const token = String((await authHeaders(communityOf('alliance-cors', 'community-cors'))).authorization);
    const template = await rawAnswer(`${intake.url}/templates/demand-list.xlsx`, {
      headers: { origin: dashboardOrigin, authorization: token },
    });
    expect(template.status).toBe(200);
    expect(valuesOf(template.headers, 'access-control-allow-origin')).toEqual([dashboardOrigin]);
    expect(valuesOf(template.headers, 'cross-origin-resource-policy')).toEqual(['cross-origin']);

    const stranger = await rawAnswer(`${intake.url}/demand-lists`, {
      method: 'OPTIONS',
      headers: { origin: 'http://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(valuesOf(stranger.headers, 'access-control-allow-origin')).toEqual([]);
    // The matcher is called by its own pages only.
    const own = await rawAnswer(`${matcher.url}/health/live`);
    expect(valuesOf(own.headers, 'cross-origin-resource-policy')).toEqual(['same-origin']);
  });

  it('answers a signed-in caller’s writes beyond the limit 429 with Retry-After, per caller, never reads', async () => {
    const community = await authHeaders(communityOf('alliance-limits', 'community-limited'));
    const signedIn = { authorization: String(community.authorization) };
    const post = (headers: Record<string, string>) =>
      fetch(`${intake.url}/demand-lists`, { method: 'POST', headers, body: '{}' });
    for (let i = 0; i < LIMIT; i++) {
      const answer = await post(community);
      expect(answer.status).toBe(400); // counted, then refused by the list's validation
      await answer.arrayBuffer();
    }
    const refused = await post(community);
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await refused.json()).toEqual({
      error: { code: 'too-many-attempts', message: expect.any(String) },
    });

    // Another signed-in caller from the same address has a count of its own.
    const other = await post(await authHeaders(communityOf('alliance-limits', 'community-other')));
    expect(other.status).toBe(400);

    // Reads are never limited, for the refused caller either.
    for (let i = 0; i < LIMIT * 4; i++) {
      const template = await fetch(`${intake.url}/templates/demand-list.xlsx`, {
        headers: signedIn,
      });
      expect(template.status).toBe(200);
      await template.arrayBuffer();
      const health = await fetch(`${intake.url}/health/live`);
      expect(health.status).toBe(200);
      await health.arrayBuffer();
    }
  });

  it('counts the matcher’s writes per subject when signed in and per address when not', async () => {
    const unit = await authHeaders(unitOf('alliance-limits', 'unit-limited'));
    const claim = () => fetch(`${matcher.url}/claims`, { method: 'POST', headers: unit, body: '{}' });
    for (let i = 0; i < LIMIT; i++) {
      const answer = await claim();
      expect(answer.status).toBe(400);
      await answer.arrayBuffer();
    }
    const refused = await claim();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('too-many-attempts');

    // Not signed in: the address is the caller, whose count the unit's writes did not touch.
    const signOut = () =>
      fetch(`${matcher.url}/auth/sign-out`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ refreshToken: 'not-a-real-refresh-token' }),
      });
    for (let i = 0; i < LIMIT; i++) {
      const answer = await signOut();
      expect(answer.status).not.toBe(429);
      await answer.arrayBuffer();
    }
    const anonymous = await signOut();
    expect(anonymous.status).toBe(429);
    expect(anonymous.headers.get('retry-after')).toMatch(/^\d+$/);

    for (let i = 0; i < LIMIT * 4; i++) {
      const read = await fetch(`${matcher.url}/.well-known/jwks.json`);
      expect(read.status).toBe(200);
      await read.arrayBuffer();
    }
  });

  it('counts a caller’s writes together across two intake instances sharing the database', async () => {
    const second = await IntakeProcess.create(prefix, { INTAKE_WRITE_LIMIT_PER_MINUTE: String(LIMIT) });
    try {
      await second.start('listening');
      const community = await authHeaders(communityOf('alliance-limits', 'community-on-two-instances'));
      const post = (url: string) =>
        fetch(`${url}/demand-lists`, { method: 'POST', headers: community, body: '{}' });
      for (let i = 0; i < LIMIT; i++) {
        const answer = await post(i % 2 === 0 ? intake.url : second.url);
        expect(answer.status).toBe(400);
        await answer.arrayBuffer();
      }
      // Each instance alone saw fewer than LIMIT writes; together they reached it.
      for (const url of [intake.url, second.url]) {
        const refused = await post(url);
        expect(refused.status).toBe(429);
        await refused.arrayBuffer();
      }
    } finally {
      await second.stop();
    }
  });
});
