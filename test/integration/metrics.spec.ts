import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { demandItem, demandList, resourceItem, resourceList } from '@test/fixtures/lists';
import { proposedAlliance } from '@test/support/alliance-scenario';
import { eventually } from '@test/support/answers';
import { connectDatabase } from '@test/support/database';
import { startMatcherHarness, type MatcherHarness } from '@test/support/intake-harness';
import type { AppProcess } from '@test/support/intake-process';
import { samples, valueOf, type Sample } from '@test/support/prometheus';
import { enroll } from '@test/support/roster';
import { ADMIN, authHeaders, coordinatorOf, unitOf } from '@test/support/tokens';

/** Long enough for a few claims over HTTP after approval; short enough to wait one out. */
const OFFER_WINDOW_MS = 6_000;

async function scrape(
  app: AppProcess,
): Promise<{ status: number; contentType: string | null; samples: Sample[] }> {
  const response = await fetch(`${app.url}/metrics`);
  return {
    status: response.status,
    contentType: response.headers.get('content-type'),
    samples: samples(await response.text()),
  };
}

/**
 * How much each series of `name` grew between two scrapes, keyed by its labels other than
 * `service`, in alphabetical order (a series that appeared counts from 0); series that did not grow are left out.
 */
function growth(before: Sample[], after: Sample[], name: string): Record<string, number> {
  const key = (sample: Sample) =>
    Object.entries(sample.labels)
      .filter(([label]) => label !== 'service')
      .map(([label, value]) => `${label}=${value}`)
      .sort()
      .join(',');
  const earlier = new Map(before.filter((sample) => sample.name === name).map((s) => [key(s), s.value]));
  const grown: Record<string, number> = {};
  for (const sample of after.filter((s) => s.name === name)) {
    const delta = sample.value - (earlier.get(key(sample)) ?? 0);
    if (delta !== 0) grown[key(sample)] = delta;
  }
  return grown;
}

function sameCounts(actual: Record<string, number>, expected: Record<string, number>): boolean {
  const sorted = (counts: Record<string, number>) => JSON.stringify(Object.entries(counts).sort());
  return sorted(actual) === sorted(expected);
}

/**
 * GET /metrics of the real intake and matcher (prom-client), after one list over HTTP and one
 * over Kafka have been stored and matched into a project, then after rounds and claims.
 */
describe('metrics', () => {
  let harness: MatcherHarness;
  let db: Client;

  beforeAll(async () => {
    harness = await startMatcherHarness(
      {
        MATCHER_DEBOUNCE_MS: '50',
        MATCHER_OFFER_WINDOW_MS: String(OFFER_WINDOW_MS),
        MATCHER_OFFER_SWEEP_MS: '300',
      },
      ['projectsProposed'],
    );
    ({ db } = harness);
  }, 120_000);

  afterAll(() => harness?.stop(), 60_000);

  it('both apps answer /metrics without a token, in the text format, with process metrics', async () => {
    for (const [app, service] of [
      [harness.intake, 'intake'],
      [harness.matcher, 'matcher'],
    ] as const) {
      const answer = await scrape(app);
      expect(answer.status).toBe(200);
      expect(answer.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
      expect(valueOf(answer.samples, 'process_resident_memory_bytes', { service })).toBeGreaterThan(0);
    }
  });

  it('counts requests by route template and status, lists answered, batches per topic, the outbox and projects', async () => {
    const allianceId = `alliance-${randomUUID().slice(0, 8)}`;
    const unit = { id: `unit-${allianceId}`, name: '空空导弹研究院' };
    const community = { kind: 'community', id: `community-${allianceId}`, name: '014中心社区' };
    await enroll(db, allianceId, unit, community);

    // The demand over HTTP, the resource over Kafka: one route and one consumed topic each.
    const demand = demandList({
      listId: 'dl-metrics',
      allianceId,
      submitter: community,
      items: [demandItem({ itemId: 'meals', category: 'elderly-care', unit: 'meals', quantity: 40 })],
    });
    const posted = await fetch(`${harness.intake.url}/demand-lists`, {
      method: 'POST',
      body: JSON.stringify(demand),
      headers: await authHeaders(ADMIN),
    });
    expect(posted.status).toBe(201);
    await harness.kafka.submit(
      'resource',
      JSON.stringify(
        resourceList({
          listId: 'rl-metrics',
          allianceId,
          unit,
          items: [resourceItem({ itemId: 'canteen', category: 'elderly-care', unit: 'meals', quantity: 30 })],
        }),
      ),
      unit.id,
    );
    await eventually(
      () => harness.observer.on(harness.topics.projectsProposed).some((event) => event.key === allianceId),
      () => `no proposal:\n${harness.matcher.tail()}`,
    );
    // A refused request to a route with a parameter: counted under its template, not its URL.
    const projectId = randomUUID();
    expect((await fetch(`${harness.matcher.url}/projects/${projectId}`)).status).toBe(401);

    const intake = (await scrape(harness.intake)).samples;
    expect(
      valueOf(intake, 'redcrowd_http_requests_total', {
        method: 'POST',
        route: '/demand-lists',
        status: '201',
      }),
    ).toBe(1);
    expect(
      valueOf(intake, 'redcrowd_http_request_duration_seconds_count', {
        method: 'POST',
        route: '/demand-lists',
      }),
    ).toBe(1);
    const resourceBatches = {
      group: harness.intake.consumerGroup,
      topic: harness.topics.resourceListSubmitted,
    };
    expect(valueOf(intake, 'redcrowd_consumer_batch_size_count', resourceBatches)).toBeGreaterThanOrEqual(1);
    expect(valueOf(intake, 'redcrowd_consumer_batch_size_sum', resourceBatches)).toBeGreaterThanOrEqual(1);
    expect(valueOf(intake, 'redcrowd_consumer_batch_duration_seconds_count', resourceBatches)).toBe(
      valueOf(intake, 'redcrowd_consumer_batch_size_count', resourceBatches),
    );
    expect(
      valueOf(intake, 'redcrowd_consumer_group_joins_total', { group: harness.intake.consumerGroup }),
    ).toBeGreaterThanOrEqual(1);
    for (const kind of ['resource', 'demand'])
      expect(
        valueOf(intake, 'redcrowd_intake_lists_answered_total', { kind, outcome: 'accepted', code: 'none' }),
      ).toBe(1);
    expect(valueOf(intake, 'redcrowd_intake_dead_letters_total')).toBeUndefined();

    const matcher = (await scrape(harness.matcher)).samples;
    expect(
      valueOf(matcher, 'redcrowd_http_requests_total', {
        method: 'GET',
        route: '/projects/{projectId}',
        status: '401',
      }),
    ).toBe(1);
    expect(matcher.some((sample) => sample.labels['route']?.includes(projectId))).toBe(false);
    expect(
      valueOf(matcher, 'redcrowd_consumer_batch_size_count', {
        group: harness.matcher.consumerGroup,
        topic: harness.topics.listAccepted,
      }),
    ).toBeGreaterThanOrEqual(1);

    // Gauges read at scrape time: equal to the database's own counts at that moment.
    const { rows } = await db.query<{ status: string; count: number }>(
      `SELECT status, count(*)::int AS count FROM projects GROUP BY status`,
    );
    const proposed = rows.find((row) => row.status === 'proposed')?.count ?? 0;
    expect(proposed).toBeGreaterThanOrEqual(1);
    expect(valueOf(matcher, 'redcrowd_projects', { status: 'proposed' })).toBe(proposed);
    expect(valueOf(matcher, 'redcrowd_projects', { status: 'completed' })).toBe(
      rows.find((row) => row.status === 'completed')?.count ?? 0,
    );
    for (const samplesOfApp of [intake, matcher]) {
      const backlog = valueOf(samplesOfApp, 'redcrowd_outbox_backlog_events');
      const age = valueOf(samplesOfApp, 'redcrowd_outbox_oldest_age_seconds');
      expect(backlog).toBeGreaterThanOrEqual(0);
      expect(age).toBeGreaterThanOrEqual(0);
      expect(age).toBeLessThan(24 * 3600);
      if (backlog === 0) expect(age).toBe(0);
    }
  });

  it('shows an unpublished outbox event in the backlog with its age', async () => {
    // An hour-old event the relays cannot take while this test holds its row lock (they lock
    // with SKIP LOCKED); should a relay publish it between the insert and the lock, try again.
    const locker = await connectDatabase();
    try {
      let locked = false;
      for (let attempt = 0; attempt < 5 && !locked; attempt++) {
        const { rows } = await db.query<{ id: string }>(
          `INSERT INTO outbox_events (topic, message_key, payload, created_at)
           VALUES ($1, 'metrics-spec', '{}'::jsonb, now() - interval '1 hour') RETURNING id`,
          [harness.topics.listRejected],
        );
        await locker.query('BEGIN');
        const still = await locker.query(
          `SELECT 1 FROM outbox_events WHERE id = $1 AND published_at IS NULL FOR UPDATE`,
          [rows[0]!.id],
        );
        locked = still.rowCount === 1;
        if (!locked) await locker.query('ROLLBACK');
      }
      expect(locked).toBe(true);

      for (const app of [harness.intake, harness.matcher]) {
        const scraped = (await scrape(app)).samples;
        expect(valueOf(scraped, 'redcrowd_outbox_backlog_events')).toBeGreaterThanOrEqual(1);
        expect(valueOf(scraped, 'redcrowd_outbox_oldest_age_seconds')).toBeGreaterThanOrEqual(3600);
      }
    } finally {
      await locker.query('DELETE FROM outbox_events WHERE message_key = $1', ['metrics-spec']);
      await locker.query('COMMIT').catch(() => undefined);
      await locker.end();
    }
  });

  it('counts the live page streams open on the matcher', async () => {
    const streams = async () => valueOf((await scrape(harness.matcher)).samples, 'redcrowd_live_streams');
    expect(await streams()).toBe(0);
    const page = new AbortController();
    const response = await fetch(`${harness.matcher.url}/alliance/live?allianceId=alliance-metrics`, {
      headers: await authHeaders(ADMIN),
      signal: page.signal,
    });
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    await reader.read(); // the stream's first event: it is subscribed
    try {
      expect(await streams()).toBe(1);
    } finally {
      page.abort();
      await reader.cancel().catch(() => undefined);
    }
    let open = -1;
    await eventually(
      async () => (open = (await streams()) ?? -1) === 0,
      () => `${open} live streams still counted after the page left`,
    );
  });

  it('times each matching round by outcome, and the exact solver inside each committed one', async () => {
    const allianceId = `alliance-${randomUUID().slice(0, 8)}`;
    const unit = { id: `unit-${allianceId}`, name: '空空导弹研究院' };
    const community = { kind: 'community', id: `community-${allianceId}`, name: '014中心社区' };
    await enroll(db, allianceId, unit, community);
    const before = (await scrape(harness.matcher)).samples;
    const rounds = async () => {
      const now = (await scrape(harness.matcher)).samples;
      return {
        rounds: growth(before, now, 'redcrowd_round_duration_seconds_count'),
        solved: growth(before, now, 'redcrowd_solver_duration_seconds_count'),
        roundSeconds: growth(before, now, 'redcrowd_round_duration_seconds_sum'),
        solverSeconds: growth(before, now, 'redcrowd_solver_duration_seconds_sum'),
        solvedUnderOneSecond: growth(before, now, 'redcrowd_solver_duration_seconds_bucket')['le=1'],
      };
    };
    /** Waits until the rounds counted since `before` are `expected`; more than that fails too. */
    const roundsReach = async (expected: Record<string, number>) => {
      let seen: Awaited<ReturnType<typeof rounds>> | undefined;
      await eventually(
        async () => sameCounts((seen = await rounds()).rounds, expected),
        () => `rounds counted ${JSON.stringify(seen)}, expected ${JSON.stringify(expected)}`,
      );
    };

    // Resources alone: the round has no demand to match.
    await harness.kafka.submit(
      'resource',
      JSON.stringify(
        resourceList({
          listId: 'rl-rounds',
          allianceId,
          unit,
          items: [resourceItem({ itemId: 'canteen', category: 'elderly-care', unit: 'meals', quantity: 30 })],
        }),
      ),
      unit.id,
    );
    await roundsReach({ 'outcome=nothing-to-match': 1 });

    // Then a demand: the round proposes a project.
    await harness.kafka.submit(
      'demand',
      JSON.stringify(
        demandList({
          listId: 'dl-rounds',
          allianceId,
          submitter: community,
          items: [demandItem({ itemId: 'meals', category: 'elderly-care', unit: 'meals', quantity: 20 })],
        }),
      ),
      community.id,
    );
    await roundsReach({ 'outcome=nothing-to-match': 1, 'outcome=changed': 1 });

    // A coordinator's round over the same pool finds the proposal as it was; it is counted
    // before its answer is sent.
    const called = await fetch(`${harness.matcher.url}/alliances/${allianceId}/rounds`, {
      method: 'POST',
      headers: await authHeaders(coordinatorOf(allianceId)),
    });
    expect(called.status).toBe(201);
    expect(await called.json()).toMatchObject({ proposed: 0, revised: 0, cancelled: 0, unchanged: 1 });
    const counted = await rounds();
    expect(counted.rounds).toEqual({
      'outcome=nothing-to-match': 1,
      'outcome=changed': 1,
      'outcome=unchanged': 1,
    });
    // Every committed round ran the solver once, within the round's own time.
    expect(counted.solved).toEqual({ '': 3 });
    expect(counted.solvedUnderOneSecond).toBe(3);
    const roundSeconds = Object.values(counted.roundSeconds).reduce((sum, seconds) => sum + seconds, 0);
    const solverSeconds = counted.solverSeconds[''] ?? 0;
    expect(solverSeconds).toBeGreaterThan(0);
    expect(solverSeconds).toBeLessThan(roundSeconds);
  });

  it('counts claims decided by outcome and code, once each, and offers that were declined or expired', async () => {
    const before = (await scrape(harness.matcher)).samples;
    const approved = async () => {
      const alliance = await proposedAlliance(harness, { demandQuantity: 30 });
      const approval = await fetch(`${harness.matcher.url}/projects/${alliance.projectId}/approve`, {
        method: 'POST',
        headers: await authHeaders(coordinatorOf(alliance.allianceId)),
        body: '{}',
      });
      expect(((await approval.json()) as { status: string }).status).toBe('offered');
      return { ...alliance, signedIn: unitOf(alliance.allianceId, alliance.unit.id) };
    };
    const post = async (path: string, who: ReturnType<typeof unitOf>, body: unknown) =>
      (
        await fetch(`${harness.matcher.url}${path}`, {
          method: 'POST',
          headers: await authHeaders(who),
          body: JSON.stringify(body),
        })
      ).status;
    const decided = async () =>
      growth(before, (await scrape(harness.matcher)).samples, 'redcrowd_claims_decided_total');

    // The canteen's 30 meals: too many asked, an invalid claim, then the claim, sent twice.
    const claimed = await approved();
    const claim = (claimId: string, quantity: number) =>
      post('/claims', claimed.signedIn, {
        claimId,
        projectId: claimed.projectId,
        unitId: claimed.unit.id,
        quantity,
        submittedAt: '2026-12-01T09:00:00+08:00',
      });
    expect(await claim('claim-too-many', 31)).toBe(409);
    expect(await claim('claim-half-meal', 2.5)).toBe(400);
    expect(await claim('claim-canteen', 30)).toBe(200);
    expect(await claim('claim-canteen', 30)).toBe(200);
    // Counted before the answers were sent; the copy of the claim got its first answer back.
    expect(await decided()).toEqual({
      'code=over-quantity,outcome=rejected': 1,
      'code=invalid-claim,outcome=rejected': 1,
      'code=none,outcome=accepted': 1,
    });

    // Another alliance's unit turns its offer down; a third lets its paired offer run out.
    const declined = await approved();
    const offerOf = async (projectId: string) =>
      (await db.query<{ id: string }>(`SELECT id FROM offers WHERE project_id = $1`, [projectId])).rows;
    const [declinedOffer] = await offerOf(declined.projectId);
    expect(
      await post(`/offers/${declinedOffer!.id}/decline`, declined.signedIn, { reason: '食堂本周检修' }),
    ).toBe(200);
    const expired = await approved();
    let seen: Record<string, number> = {};
    await eventually(
      async () => (seen = await decided())['code=none,outcome=expired'] === 1,
      () => `no expired offer counted: ${JSON.stringify(seen)}\n${harness.matcher.tail()}`,
      OFFER_WINDOW_MS + 20_000,
    );
    expect(seen).toEqual({
      'code=over-quantity,outcome=rejected': 1,
      'code=invalid-claim,outcome=rejected': 1,
      'code=none,outcome=accepted': 1,
      'code=none,outcome=declined': 1,
      'code=none,outcome=expired': 1,
    });
    // The paired offer that ran out is followed by an open-hall offer, still open.
    const { rows } = await db.query<{ project_id: string; stage: string; status: string }>(
      `SELECT project_id, stage, status FROM offers WHERE project_id = ANY($1) ORDER BY created_at`,
      [[claimed.projectId, declined.projectId, expired.projectId]],
    );
    expect(rows).toEqual([
      { project_id: claimed.projectId, stage: 'paired', status: 'claimed' },
      { project_id: declined.projectId, stage: 'paired', status: 'declined' },
      { project_id: expired.projectId, stage: 'paired', status: 'expired' },
      { project_id: expired.projectId, stage: 'open-hall', status: 'open' },
    ]);
  });
});
