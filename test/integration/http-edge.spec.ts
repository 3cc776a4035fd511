import type { Client } from 'pg';
import { proposedAlliance } from '@test/support/alliance-scenario';
import { startMatcherHarness, type MatcherHarness } from '@test/support/intake-harness';
import type { MatcherProcess } from '@test/support/intake-process';
import { authHeaders, coordinatorOf, unitOf } from '@test/support/tokens';
import type { TokenSubject } from '@redcrowd/auth';

/** `{"a":{"a":...{"a":1}}}` nested `depth` levels deep (about 6 bytes a level). */
function nested(depth: number): string {
  return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/**
 * The matcher's HTTP edge against hostile and malformed requests: every body and query
 * passes one shape guard, every refusal has one shape, and nothing refused is stored.
 */
describe('HTTP edge of the matcher', () => {
  let harness: MatcherHarness;
  let db: Client;
  let matcher: MatcherProcess;

  beforeAll(async () => {
    harness = await startMatcherHarness({ MATCHER_DEBOUNCE_MS: '50' }, ['projectsProposed']);
    ({ db, matcher } = harness);
  }, 120_000);

  afterAll(() => harness?.stop(), 60_000);

  /** Sends a raw body and checks the answer is the uniform error shape. */
  async function send(method: string, path: string, who: TokenSubject, rawBody?: string) {
    const response = await fetch(`${matcher.url}${path}`, {
      method,
      headers: await authHeaders(who),
      ...(rawBody === undefined ? {} : { body: rawBody }),
    });
    const body = (await response.json()) as any;
    return { status: response.status, body };
  }

  function expectUniformError(answer: { status: number; body: any }, status: number, code: string) {
    expect(answer.status).toBe(status);
    expect(Object.keys(answer.body)).toEqual(['error']);
    expect(answer.body.error).toEqual(expect.objectContaining({ code, message: expect.any(String) }));
    expect(answer.body.error.message.length).toBeGreaterThan(0);
  }

  it('answers a claim nested 5,000 levels deep with 400 invalid-request and decides nothing', async () => {
    const { allianceId, unit, projectId } = await proposedAlliance(harness);
    const body = nested(5_000).replace(
      /^\{"a":/,
      `{"projectId":"${projectId}","claimId":"deep","quantity":1,"note":`,
    );
    expect(body.length).toBeGreaterThan(10_000);
    const answer = await send('POST', '/claims', unitOf(allianceId, unit.id), body);
    expectUniformError(answer, 400, 'invalid-request');
    expect(answer.body.error.problems).toEqual([
      expect.objectContaining({ code: 'too-deep', path: expect.stringMatching(/^note(\.a)+$/) }),
    ]);
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM claims WHERE claim_id = 'deep'`);
    expect(rows[0].n).toBe(0);
  });

  it('refuses hostile policies with 400 and keeps the stored policy as it was', async () => {
    const { allianceId } = await proposedAlliance(harness);
    const coordinator = coordinatorOf(allianceId);
    const path = `/alliances/${allianceId}/policy`;
    const before = await send('GET', path, coordinator);
    expect(before.status).toBe(200);

    const deep = await send(
      'PUT',
      path,
      coordinator,
      `{"matching":{"weights":${nested(5_000).replace(/^\{"a":/, '{"category":')}}}`,
    );
    expectUniformError(deep, 400, 'invalid-request');
    expect(deep.body.error.problems[0]).toMatchObject({ code: 'too-deep' });

    for (const section of ['weights', 'ageing', 'relatedCategories', 'urgencyFactor']) {
      const answer = await send('PUT', path, coordinator, JSON.stringify({ matching: { [section]: null } }));
      expectUniformError(answer, 400, 'invalid-request');
      expect(answer.body.error.field).toBe('matching');
      expect(answer.body.error.problems.map((p: { path: string }) => p.path)).toEqual([
        `matching.${section}`,
      ]);
    }

    const unknownWeight = await send(
      'PUT',
      path,
      coordinator,
      JSON.stringify({ matching: { weights: { category: 1, tags: 1, distance: 1, window: 1, price: 5 } } }),
    );
    expectUniformError(unknownWeight, 400, 'invalid-request');
    expect(unknownWeight.body.error.problems).toEqual([
      expect.objectContaining({ path: 'matching.weights.price', code: 'unknown-field' }),
    ]);

    const proto = await send(
      'PUT',
      path,
      coordinator,
      '{"matching":{"__proto__":{"allowCrossAlliance":true}}}',
    );
    expectUniformError(proto, 400, 'invalid-request');
    expect(proto.body.error.problems[0]).toMatchObject({ code: 'forbidden-key' });

    expect((await send('GET', path, coordinator)).body).toEqual({
      ...before.body,
      matching: { ...before.body.matching, now: expect.any(Number) },
    });
    const { rows } = await db.query(
      `SELECT count(*)::int AS n FROM alliance_policies WHERE alliance_id = $1`,
      [allianceId],
    );
    expect(rows[0].n).toBe(0);
  });

  it('answers malformed bodies, unknown fields and queries, unknown routes and oversized bodies in the one shape', async () => {
    const { allianceId, projectId } = await proposedAlliance(harness);
    const coordinator = coordinatorOf(allianceId);

    expectUniformError(
      await send('POST', `/projects/${projectId}/reject`, coordinator, '{"reason":'),
      400,
      'invalid-request',
    );

    const extra = await send(
      'POST',
      `/projects/${projectId}/approve`,
      coordinator,
      '{"expectedVersion":1,"force":true}',
    );
    expectUniformError(extra, 400, 'invalid-request');
    expect(extra.body.error.problems).toEqual([
      expect.objectContaining({ path: 'force', code: 'unknown-field' }),
    ]);

    const noReason = await send('POST', `/projects/${projectId}/reject`, coordinator, '{}');
    expectUniformError(noReason, 400, 'invalid-request');
    expect(noReason.body.error).toMatchObject({ field: 'reason' });

    const badQuery = await send(
      'GET',
      `/projects?allianceId=${allianceId}&status=finished&colour=red`,
      coordinator,
    );
    expectUniformError(badQuery, 400, 'invalid-request');
    expect(badQuery.body.error.problems.map((p: { path: string }) => p.path).sort()).toEqual([
      'colour',
      'status',
    ]);

    expectUniformError(await send('GET', '/no-such-route', coordinator), 404, 'not-found');
    expectUniformError(
      await send(
        'POST',
        `/projects/${projectId}/reject`,
        coordinator,
        JSON.stringify({ reason: 'x'.repeat(200_000) }),
      ),
      413,
      'payload-too-large',
    );

    // Nothing of the above touched the project.
    const { rows } = await db.query(`SELECT status, version FROM projects WHERE id = $1`, [projectId]);
    expect(rows[0]).toEqual({ status: 'proposed', version: 1 });
  });
});
