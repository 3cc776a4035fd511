import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, logLevel, type Consumer, type Producer } from 'kafkajs';
import { demandItem, demandList, resourceItem, resourceList } from '@test/fixtures/lists';
import { eventually, type ReceivedEvent } from '@test/support/answers';
import { startMatcherHarness, type MatcherHarness } from '@test/support/intake-harness';
import { enroll } from '@test/support/roster';
import { ADMIN, authHeaders, coordinatorOf } from '@test/support/tokens';
import { brokers } from '@test/support/topics';

/**
 * A correlation id follows a list from its submission through intake's answer (Kafka header
 * `correlation-id`, via the outbox) to the matcher's proposals, over the real broker and
 * database; over HTTP the request's x-request-id is that id. Also the logs: one line per HTTP
 * request with its id, and never the caller's token.
 */
describe('correlation ids and request logs', () => {
  let harness: MatcherHarness;
  let kafka: Kafka;
  let producer: Producer;
  let consumer: Consumer;
  const events: Array<ReceivedEvent<Record<string, any>>> = [];

  beforeAll(async () => {
    harness = await startMatcherHarness({ MATCHER_DEBOUNCE_MS: '50' }, []);
    kafka = new Kafka({
      clientId: 'redcrowd-correlation-test',
      brokers: brokers(),
      logLevel: logLevel.NOTHING,
    });
    producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    // The shared observers drop headers; this one keeps them.
    consumer = kafka.consumer({ groupId: `correlation-observer-${randomUUID()}` });
    await consumer.connect();
    const { listAccepted, projectsProposed, projectsStatusChanged, claimsOffered, claimsDecided } =
      harness.topics;
    await consumer.subscribe({
      topics: [listAccepted, projectsProposed, projectsStatusChanged, claimsOffered, claimsDecided],
      fromBeginning: true,
    });
    await consumer.run({
      eachMessage: async ({ topic, message }) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.headers ?? {})) headers[name] = String(value);
        events.push({
          topic,
          key: message.key?.toString() ?? null,
          value: JSON.parse(message.value?.toString() ?? 'null') as Record<string, any>,
          headers,
        });
      },
    });
  }, 120_000);

  afterAll(async () => {
    await consumer?.disconnect();
    await producer?.disconnect();
    await harness?.stop();
  }, 60_000);

  function alliance() {
    const allianceId = `alliance-${randomUUID().slice(0, 8)}`;
    const unit = { id: `unit-${allianceId}`, name: '河南科技大学' };
    const community = { kind: 'community' as const, id: `community-${allianceId}`, name: '邙岭路社区' };
    const canteen = resourceList({
      listId: 'rl-canteen',
      allianceId,
      unit,
      items: [resourceItem({ itemId: 'canteen', category: 'elderly-care', unit: 'meals', quantity: 30 })],
    });
    const meals = demandList({
      listId: 'dl-meals',
      allianceId,
      submitter: community,
      items: [demandItem({ itemId: 'meals-52', category: 'elderly-care', unit: 'meals', quantity: 40 })],
    });
    return { allianceId, unit, community, canteen, meals };
  }

  const accepted = (listId: string, allianceId: string) =>
    events.find(
      (e) => e.topic === harness.topics.listAccepted && e.key === allianceId && e.value.listId === listId,
    );
  const proposal = (allianceId: string) =>
    events.find((e) => e.topic === harness.topics.projectsProposed && e.key === allianceId);
  const logLines = (output: string[]) =>
    output.flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });

  it('carries the correlation-id header of a Kafka list to its answer and to the proposal it caused', async () => {
    const a = alliance();
    await enroll(harness.db, a.allianceId, a.unit, a.community);
    const canteenId = `corr-canteen-${randomUUID()}`;
    const mealsId = `corr-meals-${randomUUID()}`;
    await producer.send({
      topic: harness.topics.resourceListSubmitted,
      acks: -1,
      messages: [
        { key: a.unit.id, value: JSON.stringify(a.canteen), headers: { 'correlation-id': canteenId } },
      ],
    });
    const canteenAnswer = await eventually(
      () => accepted('rl-canteen', a.allianceId),
      () => `no accepted event:\n${harness.intake.tail()}`,
    );
    expect(canteenAnswer.headers['correlation-id']).toBe(canteenId);
    // Its round first, so that the demand's round is its own (a batch's first list names a round).
    await eventually(
      () =>
        logLines(harness.matcher.output).find(
          (line) =>
            line.msg === 'matching round finished' &&
            Array.isArray(line.correlationIds) &&
            line.correlationIds.includes(canteenId),
        ),
      () => `no round for the canteen:\n${harness.matcher.tail()}`,
    );

    // The demand completes the pool: the round it starts proposes a project.
    await producer.send({
      topic: harness.topics.demandListSubmitted,
      acks: -1,
      messages: [
        { key: a.community.id, value: JSON.stringify(a.meals), headers: { 'correlation-id': mealsId } },
      ],
    });
    const mealsAnswer = await eventually(
      () => accepted('dl-meals', a.allianceId),
      () => `no accepted event:\n${harness.intake.tail()}`,
    );
    expect(mealsAnswer.headers['correlation-id']).toBe(mealsId);
    const proposed = await eventually(
      () => proposal(a.allianceId),
      () => `no proposal:\n${harness.matcher.tail()}`,
    );
    expect(proposed.headers['correlation-id']).toBe(mealsId);

    // The logs say which lists lay behind the project, and intake's line of each list carries its id.
    const projectId = proposed.value.project.projectId as string;
    const matcherLines = logLines(harness.matcher.output);
    const correlation = matcherLines.find(
      (line) => line.msg === 'matching round correlation' && line.allianceId === a.allianceId,
    );
    expect(correlation).toMatchObject({
      correlationId: mealsId,
      projects: [{ projectId, correlationIds: [mealsId] }],
    });
    const intakeLines = logLines(harness.intake.output);
    expect(intakeLines).toContainEqual(
      expect.objectContaining({ msg: 'list accepted', listId: 'dl-meals', correlationId: mealsId }),
    );
  });

  it('gives a Kafka list without a sane correlation-id a new one, which its answer carries', async () => {
    const a = alliance();
    await enroll(harness.db, a.allianceId, a.unit);
    await producer.send({
      topic: harness.topics.resourceListSubmitted,
      acks: -1,
      messages: [
        {
          key: a.unit.id,
          value: JSON.stringify(a.canteen),
          headers: { 'correlation-id': 'no spaces allowed' },
        },
      ],
    });
    const answer = await eventually(
      () => accepted('rl-canteen', a.allianceId),
      () => `no accepted event:\n${harness.intake.tail()}`,
    );
    expect(answer.headers['correlation-id']).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('echoes the x-request-id of an HTTP submission, uses it as the correlation id, and logs the request once without its token', async () => {
    const a = alliance();
    await enroll(harness.db, a.allianceId, a.unit);
    const requestId = `http-${randomUUID()}`;
    const headers = await authHeaders(ADMIN);
    const token = headers.authorization!.slice('Bearer '.length);
    const response = await fetch(`${harness.intake.url}/resource-lists`, {
      method: 'POST',
      headers: { ...headers, 'x-request-id': requestId },
      body: JSON.stringify(a.canteen),
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-request-id')).toBe(requestId);
    const answer = await eventually(
      () => accepted('rl-canteen', a.allianceId),
      () => `no accepted event:\n${harness.intake.tail()}`,
    );
    expect(answer.headers['correlation-id']).toBe(requestId);

    const requestLines = await eventually(
      () => {
        const lines = logLines(harness.intake.output).filter(
          (line) => line.msg === 'http request' && line.requestId === requestId,
        );
        return lines.length > 0 ? lines : undefined;
      },
      () => `no request line:\n${harness.intake.tail()}`,
    );
    expect(requestLines).toEqual([
      expect.objectContaining({
        level: 'info',
        service: 'intake',
        method: 'POST',
        route: '/resource-lists',
        status: 201,
        durationMs: expect.any(Number),
      }),
    ]);
    // The lines the request caused carry its id too.
    expect(logLines(harness.intake.output)).toContainEqual(
      expect.objectContaining({ msg: 'list accepted', requestId, correlationId: requestId, channel: 'http' }),
    );
    expect(harness.intake.output.join('\n')).not.toContain(token);
  });

  it('logs a request refused before routing (a body too large to read) with its id', async () => {
    const requestId = `too-large-${randomUUID()}`;
    const response = await fetch(`${harness.intake.url}/resource-lists`, {
      method: 'POST',
      headers: {
        ...(await authHeaders(ADMIN)),
        'x-request-id': requestId,
        'content-type': 'application/json',
      },
      body: Buffer.alloc(5 * 1024 * 1024, 0x20),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('x-request-id')).toBe(requestId);
    const line = await eventually(
      () =>
        logLines(harness.intake.output).find(
          (entry) => entry.msg === 'http request' && entry.requestId === requestId,
        ),
      () => `no request line:\n${harness.intake.tail()}`,
    );
    expect(line).toMatchObject({ method: 'POST', url: '/resource-lists', status: 413 });
  });

  it('gives every HTTP answer a request id, the matcher included', async () => {
    const response = await fetch(`${harness.matcher.url}/health/live`);
    expect(response.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("carries an approval's x-request-id to the events it causes, and a claim's correlation-id to its decision", async () => {
    const a = alliance();
    await enroll(harness.db, a.allianceId, a.unit, a.community);
    await producer.send({
      topic: harness.topics.resourceListSubmitted,
      acks: -1,
      messages: [{ key: a.unit.id, value: JSON.stringify(a.canteen) }],
    });
    await producer.send({
      topic: harness.topics.demandListSubmitted,
      acks: -1,
      messages: [{ key: a.community.id, value: JSON.stringify(a.meals) }],
    });
    const proposed = await eventually(
      () => proposal(a.allianceId),
      () => `no proposal:\n${harness.matcher.tail()}`,
    );
    const projectId = proposed.value.project.projectId as string;

    const approvalId = `approve-${randomUUID()}`;
    const approved = await fetch(`${harness.matcher.url}/projects/${projectId}/approve`, {
      method: 'POST',
      headers: {
        ...(await authHeaders(coordinatorOf(a.allianceId))),
        'content-type': 'application/json',
        'x-request-id': approvalId,
      },
      body: '{}',
    });
    expect(approved.ok).toBe(true);
    const onTopic = (topic: string) =>
      events.filter((e) => e.topic === topic && e.value.projectId === projectId);
    const [statusChange] = await eventually(
      () => {
        const found = onTopic(harness.topics.projectsStatusChanged);
        return found.length > 0 ? found : undefined;
      },
      () => `no status change:\n${harness.matcher.tail()}`,
    );
    expect(statusChange!.headers['correlation-id']).toBe(approvalId);
    const [offer] = await eventually(
      () => {
        const found = onTopic(harness.topics.claimsOffered);
        return found.length > 0 ? found : undefined;
      },
      () => `no offer:\n${harness.matcher.tail()}`,
    );
    expect(offer!.headers['correlation-id']).toBe(approvalId);

    const claimCorrelation = `claim-${randomUUID()}`;
    await producer.send({
      topic: harness.topics.claimsSubmitted,
      acks: -1,
      messages: [
        {
          key: a.unit.id,
          value: JSON.stringify({
            claimId: 'corr-claim-1',
            projectId,
            unitId: a.unit.id,
            quantity: 10,
            submittedAt: new Date().toISOString(),
          }),
          headers: { 'correlation-id': claimCorrelation },
        },
      ],
    });
    const decided = await eventually(
      () =>
        events.find((e) => e.topic === harness.topics.claimsDecided && e.value.claimId === 'corr-claim-1'),
      () => `no decision:\n${harness.matcher.tail()}`,
    );
    expect(decided.value).toMatchObject({ decision: 'accepted' });
    expect(decided.headers['correlation-id']).toBe(claimCorrelation);
  });
});
