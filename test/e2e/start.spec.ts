import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ALLIANCE_ID, COMMUNITY_014, demandList, resourceList } from '@test/fixtures/lists';
import { TEST_AUTH_ENV, authHeaders, communityOf, coordinatorOf } from '@test/support/tokens';
import { KafkaSubmitter, eventually } from '@test/support/answers';
import { freePort } from '@test/support/intake-process';
import { brokers, databaseUrl } from '@test/support/topics';
import { topicNames } from '@redcrowd/contracts';

const START = join(__dirname, '..', '..', 'dist', 'tools', 'start.js');

/**
 * What a newcomer does: run the system as `npm start` runs it, publish a list from an
 * outside Kafka client, get the answer, and stop it with Ctrl-C.
 */
describe('npm start', () => {
  it('runs the system, answers lists published by an outside client, and stops cleanly on Ctrl-C', async () => {
    const prefix = `e2e-${randomUUID().slice(0, 8)}.`;
    const port = await freePort();
    const matcherPort = await freePort();
    const child = spawn(process.execPath, [START], {
      env: {
        ...process.env,
        KAFKA_BROKERS: brokers().join(','),
        DATABASE_URL: databaseUrl(),
        KAFKA_TOPIC_PREFIX: prefix,
        INTAKE_CONSUMER_GROUP: `${prefix}intake`,
        INTAKE_HTTP_PORT: String(port),
        MATCHER_CONSUMER_GROUP: `${prefix}matcher`,
        MATCHER_HTTP_PORT: String(matcherPort),
        ...TEST_AUTH_ENV,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output: string[] = [];
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => output.push(line));
    }
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const kafka = new KafkaSubmitter(topicNames(prefix));
    try {
      await eventually(
        () => output.some((line) => line.includes('redcrowd is running')),
        () => `npm start never got ready:\n${output.slice(-30).join('\n')}`,
        90_000,
      );
      expect(output.join('\n')).toContain(`intake HTTP API: http://127.0.0.1:${port}`);
      expect(output.join('\n')).toContain(`matcher HTTP API: http://127.0.0.1:${matcherPort}`);

      await kafka.start();
      const unit = `unit-${randomUUID().slice(0, 8)}`;
      // The coordinator puts the school on the alliance's roster: intake takes lists from members only.
      const added = await fetch(`http://127.0.0.1:${matcherPort}/alliances/${ALLIANCE_ID}/members`, {
        method: 'POST',
        headers: await authHeaders(coordinatorOf(ALLIANCE_ID)),
        body: JSON.stringify({ kind: 'unit', memberId: unit, name: '洛阳市第一中学', unitKind: 'school' }),
      });
      expect(added.status).toBe(201);
      await kafka.submit(
        'resource',
        JSON.stringify(resourceList({ listId: 'e2e-rl', unit: { id: unit, name: '洛阳市第一中学' } })),
        unit,
      );
      await kafka.submit('demand', '{"listId": "e2e-bad"', 'community-014');
      const accepted = await eventually(
        () => kafka.accepted.find((event) => event.value.listId === 'e2e-rl'),
        () => `no answer:\n${output.slice(-30).join('\n')}`,
      );
      expect(accepted.value).toMatchObject({ outcome: 'stored', submitter: { id: unit } });
      const rejected = await eventually(
        () => kafka.rejected.find((event) => event.key === 'community-014'),
        () => 'no rejection for the broken demand list',
      );
      expect(rejected.value.problems[0]?.code).toBe('invalid-json');

      const http = await fetch(`http://127.0.0.1:${port}/demand-lists`, {
        method: 'POST',
        headers: await authHeaders(communityOf(ALLIANCE_ID, COMMUNITY_014.id)),
        body: JSON.stringify(demandList({ listId: `e2e-http-${unit}` })),
      });
      expect(http.status).toBe(201);

      // The demo alliance is loaded and a login link printed per role; the coordinator's works.
      // The links follow the demo's lists, which may still be going in (slowly on a busy machine).
      const coordinatorLink = await eventually(
        () =>
          output.find(
            (line) =>
              line.includes('/dashboard/#token=') &&
              output[output.indexOf(line) - 1]?.includes('coordinator'),
          ),
        () => `no coordinator login link:\n${output.slice(-30).join('\n')}`,
        60_000,
      );
      const [, token] = /#token=(\S+)/.exec(coordinatorLink)!;
      const me = await fetch(`http://127.0.0.1:${matcherPort}/me`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(await me.json()).toMatchObject({ role: 'coordinator', allianceId: 'luoyang-xigong-manglinglu' });
      // Each member's lists went in with its own sign-in (units' resource lists, communities'
      // demand lists); a refused one would be reported as a "Demo:" line.
      expect(output.filter((line) => line.includes('Demo:'))).toEqual([]);
      for (const role of ['unit representative', 'community representative', 'admin']) {
        expect(output.some((line) => line.includes(role))).toBe(true);
      }
      // The demo accounts sign in with the passwords printed for them.
      const account = output.find(
        (line) => line.includes('coordinator') && line.includes('demo-coordinator / '),
      );
      expect(account).toBeDefined();
      const [, login, password] = /(demo-coordinator) \/ (\S+)$/.exec(account!)!;
      const signIn = await fetch(`http://127.0.0.1:${matcherPort}/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login, password }),
      });
      expect(signIn.status).toBe(200);
      expect(await signIn.json()).toMatchObject({
        membership: { role: 'coordinator', allianceId: ALLIANCE_ID },
      });
      const page = await fetch(`http://127.0.0.1:${matcherPort}/dashboard/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<html');
    } finally {
      await kafka.stop();
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(output.join('\n')).toContain('"intake stopped"');
    expect(output.join('\n')).toContain('"matcher stopped"');
  });
});
