import { randomUUID } from 'node:crypto';
import { eventually } from '@test/support/answers';
import { IntakeProcess, MatcherProcess, freePort, type AppProcess } from '@test/support/intake-process';
import { isolatedTopics } from '@test/support/topics';

interface HealthAnswer {
  status: number;
  body: {
    status: string;
    details: Record<string, { status: string; [detail: string]: unknown }>;
  };
}

async function health(app: AppProcess, route: string): Promise<HealthAnswer> {
  const response = await fetch(`${app.url}${route}`);
  return { status: response.status, body: (await response.json()) as HealthAnswer['body'] };
}

/** Liveness and readiness of the real processes (terminus), through start, crash and shutdown. */
describe('health and readiness', () => {
  let prefix: string;
  const started: AppProcess[] = [];

  /** A process on this suite's topics, with a consumer group of its own unless one is given. */
  async function intake(
    consumerGroup = `${prefix}intake-${randomUUID().slice(0, 8)}`,
  ): Promise<IntakeProcess> {
    const app = new IntakeProcess('intake', prefix, consumerGroup, await freePort());
    started.push(app);
    return app;
  }

  beforeAll(async () => {
    ({ prefix } = await isolatedTopics());
  }, 60_000);

  afterAll(async () => {
    for (const app of started) await app.stop('SIGKILL');
  }, 60_000);

  it('intake is live, and ready once its group has joined, the database answers and the outbox is short', async () => {
    const app = await intake();
    await app.start();

    expect(await health(app, '/health/live')).toEqual({
      status: 200,
      body: expect.objectContaining({ status: 'ok', details: { process: { status: 'up' } } }),
    });
    const ready = await health(app, '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.status).toBe('ok');
    expect(ready.body.details).toEqual({
      kafka: { status: 'up', groups: { [app.consumerGroup]: { state: 'joined' } } },
      database: { status: 'up', responseTime: expect.any(Number) },
      outbox: { status: 'up', backlog: expect.any(Number), limit: 10_000, responseTime: expect.any(Number) },
    });
    // The older route answers as readiness does.
    expect(await health(app, '/health')).toMatchObject({ status: 200, body: { status: 'ok' } });
  }, 90_000);

  it('the matcher is ready once both of its consumer groups have joined', async () => {
    const matcher = await MatcherProcess.create(prefix, {}, `${prefix}matcher-${randomUUID().slice(0, 8)}`);
    started.push(matcher);
    await matcher.start();

    expect((await health(matcher, '/health/live')).status).toBe(200);
    const ready = await health(matcher, '/health/ready');
    expect(ready).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(ready.body.details['kafka']).toEqual({
      status: 'up',
      groups: {
        [matcher.consumerGroup]: { state: 'joined' },
        [`${matcher.consumerGroup}-claims`]: { state: 'joined' },
      },
    });
    expect(ready.body.details['database']).toMatchObject({ status: 'up' });
    expect(ready.body.details['outbox']).toMatchObject({ status: 'up' });
  }, 90_000);

  it('a restart after a crash answers HTTP at once, and is not ready until the dead member has left the group', async () => {
    const crashed = await intake();
    await crashed.start();
    await crashed.stop('SIGKILL');

    // The dead member holds the group until its session times out (~30 s): the new
    // process cannot join before then, so this is the window the restart used to be deaf in.
    const restarted = await intake(crashed.consumerGroup);
    await restarted.start('listening');
    expect((await health(restarted, '/health/live')).status).toBe(200);
    const notReady = await health(restarted, '/health/ready');
    expect(notReady.status).toBe(503);
    expect(notReady.body).toMatchObject({
      status: 'error',
      details: {
        kafka: {
          status: 'down',
          shuttingDown: false,
          groups: { [crashed.consumerGroup]: { state: 'joining' } },
        },
        database: { status: 'up' },
      },
    });
    expect(restarted.output.some((line) => line.includes('"intake ready"'))).toBe(false);

    await eventually(
      async () => (await health(restarted, '/health/ready')).status === 200,
      () => `never became ready:\n${restarted.tail()}`,
      60_000,
    );
    expect(restarted.output.some((line) => line.includes('"intake ready"'))).toBe(true);
  }, 120_000);

  it('is not ready from the moment a SIGTERM begins the shutdown until HTTP closes', async () => {
    const app = await intake();
    await app.start();
    expect((await health(app, '/health/ready')).status).toBe(200);

    const exited = app.stop('SIGTERM');
    const answers: number[] = [];
    for (;;) {
      try {
        answers.push((await health(app, '/health/ready')).status);
      } catch {
        break; // HTTP closed
      }
    }
    await exited;
    expect(app.output.some((line) => line.includes('"intake stopped"'))).toBe(true);
    // A probe may be served before the signal is handled; once readiness fails it stays failed.
    const firstRefusal = answers.indexOf(503);
    expect(firstRefusal).toBeGreaterThanOrEqual(0);
    expect(answers.slice(firstRefusal).every((status) => status === 503)).toBe(true);
  }, 90_000);
});
