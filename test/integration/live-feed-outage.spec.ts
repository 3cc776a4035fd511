import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { ProjectChangeListener, type ChangeFeedState, type ProjectChange } from '@redcrowd/persistence';
import { JsonLogger } from '@redcrowd/runtime';
import { eventually } from '../support/answers';
import { connectDatabase } from '../support/database';
import { startTcpProxy, throughProxy, type TcpProxy } from '../support/tcp-proxy';
import { databaseUrl } from '../support/topics';

// The live feed through a database outage (issue 14): the listener reaches the real Postgres
// through a proxy the test cuts, so the outage is real for it and nobody else.
describe('live change feed through a database outage', () => {
  let proxy: TcpProxy;
  let direct: Client;
  let listener: ProjectChangeListener;
  const allianceId = randomUUID();
  const heard: ProjectChange[] = [];
  const states: ChangeFeedState[] = [];

  beforeAll(async () => {
    const target = new URL(databaseUrl());
    proxy = await startTcpProxy(target.hostname, Number(target.port || 5432));
    direct = await connectDatabase();
    listener = new ProjectChangeListener(
      throughProxy(databaseUrl(), proxy),
      new JsonLogger('live-feed-test', 'error'),
    );
    listener.subscribe(allianceId, (change) => heard.push(change));
    listener.watchState((state) => states.push(state));
    await listener.start();
  });

  afterAll(async () => {
    await listener?.stop();
    await direct?.end();
    await proxy?.close();
  });

  /** Commits a change notification as the projects trigger does, over a connection of its own. */
  async function commitChange(version: number): Promise<void> {
    await direct.query(`SELECT pg_notify('redcrowd_project_changes', $1)`, [
      JSON.stringify({ allianceId, projectId: randomUUID(), status: 'proposed', version }),
    ]);
  }

  it('hears a change committed after an outage longer than one reconnect attempt', async () => {
    await commitChange(1);
    await eventually(
      () => heard.some((change) => change.version === 1),
      () => 'the change before the outage was not heard',
      10_000,
    );

    proxy.down();
    await eventually(
      () => listener.state === 'behind',
      () => 'the feed did not report that it is behind',
      10_000,
    );
    // Three turned-away reconnects take ~3.5 s of backoff: longer than one retry.
    await eventually(
      () => proxy.refused >= 3,
      () => `the listener stopped trying after ${proxy.refused} reconnect attempt(s)`,
      15_000,
    );
    proxy.up();
    await eventually(
      () => listener.state === 'live',
      () => `the feed did not listen again (states: ${states.join(', ')})`,
      20_000,
    );
    expect(states).toEqual(['behind', 'live']);

    await commitChange(2);
    await eventually(
      () => heard.some((change) => change.version === 2),
      () => 'the change committed after the outage was not heard',
      10_000,
    );
  });
});
