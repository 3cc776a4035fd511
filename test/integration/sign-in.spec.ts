import { randomUUID } from 'node:crypto';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { demandList } from '@test/fixtures/lists';
import { enroll } from '@test/support/roster';
import { IntakeProcess } from '@test/support/intake-process';
import { ADMIN, authHeaders } from '@test/support/tokens';
import { isolatedTopics } from '@test/support/topics';
import { startMatcherHarness, type MatcherHarness } from '@test/support/intake-harness';

interface Answer {
  status: number;
  body: Record<string, unknown>;
  ms: number;
}

/**
 * Accounts and sign-in over HTTP against the real matcher and intake: setup links, sessions
 * with rotating refresh tokens, the JWKS, refusals that tell nothing, and throttling.
 */
describe('sign-in over HTTP', () => {
  let harness: MatcherHarness;
  const PASSWORD = 'manglinglu-red-2026';
  const LIMIT_PER_LOGIN = 5;

  beforeAll(async () => {
    harness = await startMatcherHarness(
      {
        MATCHER_SIGN_IN_LIMIT_PER_LOGIN: String(LIMIT_PER_LOGIN),
        MATCHER_SIGN_IN_LIMIT_PER_ADDRESS: '100000',
      },
      [],
    );
  }, 180_000);

  afterAll(() => harness?.stop(), 60_000);

  async function call(
    method: string,
    path: string,
    body?: object,
    headers: Record<string, string> = { 'content-type': 'application/json' },
    base = harness.matcher.url,
  ): Promise<Answer> {
    const started = performance.now();
    const response = await fetch(`${base}${path}`, {
      method,
      headers,
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : {}, ms: performance.now() - started };
  }
  const bearer = (token: string) => ({
    'content-type': 'application/json',
    authorization: `Bearer ${token}`,
  });
  const newPhone = () => `137${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

  /** An admin creates a coordinator over HTTP; the coordinator opens the setup link and chooses a password. */
  async function coordinator(): Promise<{
    login: string;
    allianceId: string;
    tokens: Record<string, string>;
  }> {
    const allianceId = `alliance-${randomUUID().slice(0, 8)}`;
    const login = newPhone();
    const created = await call(
      'POST',
      '/accounts',
      { login, displayName: '王书记', membership: { role: 'coordinator', allianceId } },
      await authHeaders(ADMIN),
    );
    expect(created.status).toBe(201);
    const url = (created.body.setupLink as { url: string }).url;
    const secret = url.split('#link=')[1]!;
    const accepted = await call('POST', `/auth/links/${secret}/accept`, { password: PASSWORD });
    expect(accepted.status).toBe(200);
    return { login, allianceId, tokens: accepted.body as Record<string, string> };
  }

  it('publishes the EdDSA public keys, never a private part', async () => {
    const jwks = await call('GET', '/.well-known/jwks.json');
    expect(jwks.status).toBe(200);
    const keys = jwks.body.keys as Array<Record<string, string>>;
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) {
      expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', kid: expect.any(String) });
      expect(key).not.toHaveProperty('d');
    }
  });

  it('offers no single sign-on unless a provider is configured', async () => {
    expect(await call('GET', '/auth/sso')).toMatchObject({
      status: 200,
      body: { enabled: false, name: null },
    });
    // The browser navigates there: the refusal goes back to the dashboard to be shown.
    const start = await fetch(`${harness.matcher.url}/auth/sso/start`, { redirect: 'manual' });
    expect(start.status).toBe(302);
    const refusal = new URLSearchParams(new URL(start.headers.get('location')!).hash.slice(1));
    expect(Object.fromEntries(refusal)).toEqual({
      'sso-error': 'not-found',
      message: 'single sign-on is not configured here',
    });
    expect(await call('POST', '/auth/sso/complete', { handoff: 'x'.repeat(43) })).toMatchObject({
      status: 404,
      body: { error: { code: 'not-found' } },
    });
  });

  it('signs a coordinator in through the setup link; both apps accept the token', async () => {
    const { tokens, allianceId } = await coordinator();
    const kid = JSON.parse(Buffer.from(tokens.accessToken!.split('.')[0]!, 'base64url').toString()).kid;
    const published = (await call('GET', '/.well-known/jwks.json')).body.keys as Array<{ kid: string }>;
    expect(published.map((key) => key.kid)).toContain(kid);
    const me = await call('GET', '/account', undefined, bearer(tokens.accessToken!));
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({
      account: { displayName: '王书记', memberships: [{ role: 'coordinator', allianceId }] },
    });
    const projects = await call(
      'GET',
      `/projects?allianceId=${allianceId}`,
      undefined,
      bearer(tokens.accessToken!),
    );
    expect(projects).toMatchObject({ status: 200, body: [] });
    // Intake verifies the matcher's token with the same published keys.
    const community = { kind: 'community', id: 'community-014', name: '014中心社区' };
    await enroll(harness.db, allianceId, community);
    const list = await call(
      'POST',
      '/demand-lists',
      demandList({ listId: `dl-${randomUUID().slice(0, 8)}`, allianceId, submitter: community }),
      bearer(tokens.accessToken!),
      harness.intake.url,
    );
    expect(list).toMatchObject({ status: 201, body: { allianceId } });
  });

  it('lets a service read the keys from the JWKS document instead of the database (AUTH_JWKS_URL)', async () => {
    const { tokens } = await coordinator();
    const { prefix } = await isolatedTopics();
    const intake = await IntakeProcess.create(prefix, {
      AUTH_JWKS_URL: `${harness.matcher.url}/.well-known/jwks.json`,
    });
    await intake.start();
    try {
      const valid = await call(
        'POST',
        '/resource-lists',
        { listId: 'x' },
        bearer(tokens.accessToken!),
        intake.url,
      );
      // Signed in (the body is then judged, and refused): the key came from the matcher's JWKS.
      expect(valid.status).toBe(400);
      const forged = await call(
        'POST',
        '/resource-lists',
        { listId: 'x' },
        bearer(`${tokens.accessToken!}x`),
        intake.url,
      );
      expect(forged).toMatchObject({ status: 401, body: { error: { code: 'unauthenticated' } } });
    } finally {
      await intake.stop();
    }
  }, 60_000);

  it('answers a wrong password and an unknown name alike, in about the same time', async () => {
    const { login } = await coordinator();
    const attempts = async (name: string) => {
      const answers: Answer[] = [];
      for (let i = 0; i < 4; i++)
        answers.push(await call('POST', '/auth/sign-in', { login: name, password: `wrong-${i}-password` }));
      return answers;
    };
    const known = await attempts(login);
    const unknown = await attempts(newPhone());
    for (const answer of [...known, ...unknown]) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual({
        error: { code: 'sign-in-failed', message: 'the sign-in name or password is not right' },
      });
    }
    // Both run argon2 once; an unknown name that skipped it would answer many times faster.
    const median = (answers: Answer[]) => answers.map((a) => a.ms).sort((x, y) => x - y)[2]!;
    expect(median(unknown)).toBeGreaterThan(median(known) / 3);
  });

  it('rotates refresh tokens; a replayed one ends the session for everybody', async () => {
    const { tokens } = await coordinator();
    const next = await call('POST', '/auth/refresh', { refreshToken: tokens.refreshToken });
    expect(next.status).toBe(200);
    const replay = await call('POST', '/auth/refresh', { refreshToken: tokens.refreshToken });
    expect(replay).toMatchObject({ status: 401, body: { error: { code: 'session-ended' } } });
    const owner = await call('POST', '/auth/refresh', { refreshToken: next.body.refreshToken as string });
    expect(owner).toMatchObject({ status: 401, body: { error: { code: 'session-ended' } } });
  });

  it('signs out: the old refresh token fails; a disabled account cannot refresh or sign in', async () => {
    const { login, tokens } = await coordinator();
    expect((await call('POST', '/auth/sign-out', { refreshToken: tokens.refreshToken })).status).toBe(204);
    expect((await call('POST', '/auth/refresh', { refreshToken: tokens.refreshToken })).status).toBe(401);

    const session = await call('POST', '/auth/sign-in', { login, password: PASSWORD });
    expect(session.status).toBe(200);
    const accountId = (session.body.account as { id: string }).id;
    const disabled = await call(
      'PATCH',
      `/accounts/${accountId}`,
      { status: 'disabled' },
      await authHeaders(ADMIN),
    );
    expect(disabled).toMatchObject({ status: 200, body: { status: 'disabled' } });
    expect(
      (await call('POST', '/auth/refresh', { refreshToken: session.body.refreshToken as string })).status,
    ).toBe(401);
    expect((await call('POST', '/auth/sign-in', { login, password: PASSWORD })).status).toBe(401);
  });

  it('refuses used links with 410 and malformed sign-in bodies with 400', async () => {
    const created = await call(
      'POST',
      '/accounts',
      {
        login: newPhone(),
        displayName: '李主任',
        membership: { role: 'unit', allianceId: 'alliance-x', unitId: 'unit-x' },
      },
      await authHeaders(ADMIN),
    );
    const secret = (created.body.setupLink as { url: string }).url.split('#link=')[1]!;
    expect((await call('GET', `/auth/links/${secret}`)).body).toMatchObject({
      purpose: 'setup',
      role: 'unit',
    });
    expect((await call('POST', `/auth/links/${secret}/accept`, { password: PASSWORD })).status).toBe(200);
    expect(await call('POST', `/auth/links/${secret}/accept`, { password: PASSWORD })).toMatchObject({
      status: 410,
      body: {
        error: { code: 'link-invalid', message: 'this link has been used already; ask for a new one' },
      },
    });
    expect(await call('POST', '/auth/sign-in', { login: 'x', password: 'y', admin: true })).toMatchObject({
      status: 400,
      body: { error: { code: 'invalid-request' } },
    });
  });

  it('lets a coordinator invite a unit representative by link or QR code; the invitee joins and acts for the unit', async () => {
    const { allianceId, tokens } = await coordinator();
    await enroll(harness.db, allianceId, { kind: 'unit', id: 'unit-kongkong', name: '空空导弹研究院' });
    const created = await call(
      'POST',
      `/alliances/${allianceId}/invites`,
      { role: 'unit', memberId: 'unit-kongkong', validHours: 48 },
      bearer(tokens.accessToken!),
    );
    expect(created).toMatchObject({ status: 201, body: { role: 'unit', memberName: '空空导弹研究院' } });
    const { url, qrPng } = created.body as { url: string; qrPng: string };
    expect(url).toMatch(/\/dashboard\/#link=[A-Za-z0-9_-]{43}$/);
    // The QR code a coordinator posts in the WeChat group reads back as the same link.
    const png = PNG.sync.read(Buffer.from(qrPng.replace(/^data:image\/png;base64,/, ''), 'base64'));
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(url);

    const secret = url.split('#link=')[1]!;
    const login = newPhone();
    const joined = await call('POST', `/auth/links/${secret}/accept`, {
      login,
      displayName: '张工',
      password: PASSWORD,
    });
    expect(joined).toMatchObject({
      status: 200,
      body: { membership: { role: 'unit', unitId: 'unit-kongkong' } },
    });
    const listed = await call(
      'GET',
      `/alliances/${allianceId}/invites`,
      undefined,
      bearer(tokens.accessToken!),
    );
    expect((listed.body as unknown as Array<{ status: string }>).map((invite) => invite.status)).toEqual([
      'used',
    ]);
    // The coordinator sees who acts for the alliance, and can end the representative's membership.
    const members = await call(
      'GET',
      `/alliances/${allianceId}/memberships`,
      undefined,
      bearer(tokens.accessToken!),
    );
    const unitRow = (
      members.body as unknown as Array<{ id: string; role: string; login: string; name: string }>
    ).find((row) => row.role === 'unit')!;
    expect(unitRow).toMatchObject({ login, name: '空空导弹研究院' });
    // A unit representative may not invite anybody.
    const byUnit = await call(
      'POST',
      `/alliances/${allianceId}/invites`,
      { role: 'unit', memberId: 'unit-kongkong' },
      bearer((joined.body as { accessToken: string }).accessToken),
    );
    expect(byUnit).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    const removed = await call(
      'DELETE',
      `/alliances/${allianceId}/memberships/${unitRow.id}`,
      undefined,
      bearer(tokens.accessToken!),
    );
    expect(removed.status).toBe(204);
    const refresh = await call('POST', '/auth/refresh', {
      refreshToken: (joined.body as { refreshToken: string }).refreshToken,
    });
    expect(refresh).toMatchObject({ status: 401, body: { error: { code: 'session-ended' } } });
  });

  it('throttles 1,000 wrong passwords for one name quickly, and keeps answering everyone else', async () => {
    const { login } = await coordinator();
    const statuses = new Map<number, number>();
    const started = performance.now();
    for (let batch = 0; batch < 50; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          call('POST', '/auth/sign-in', { login, password: `guess-${batch}-${i}-0000` }),
        ),
      );
      for (const answer of answers) statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    }
    const seconds = (performance.now() - started) / 1000;
    expect(Object.fromEntries(statuses)).toEqual({ 401: LIMIT_PER_LOGIN, 429: 1000 - LIMIT_PER_LOGIN });
    // Refused before any hashing: a thousand attempts cost the service little.
    expect(seconds).toBeLessThan(60);
    const throttled = await fetch(`${harness.matcher.url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password: PASSWORD }),
    });
    expect(throttled.status).toBe(429);
    expect(await throttled.json()).toMatchObject({ error: { code: 'too-many-attempts' } });
    // The wait, in whole seconds, under the standard header a browser reads.
    const wait = Number(throttled.headers.get('retry-after'));
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    expect((await call('GET', '/.well-known/jwks.json')).status).toBe(200);
    const other = await coordinator();
    expect((await call('POST', '/auth/sign-in', { login: other.login, password: PASSWORD })).status).toBe(
      200,
    );
  });
});
