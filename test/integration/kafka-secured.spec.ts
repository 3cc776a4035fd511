import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import { ALLIANCE_ID, resourceList } from '@test/fixtures/lists';
import { KafkaSubmitter, eventually } from '@test/support/answers';
import { connectDatabase } from '@test/support/database';
import { IntakeProcess } from '@test/support/intake-process';
import { enroll } from '@test/support/roster';
import { securedClient, securedKafka, trySignIn, type SecuredKafka } from '@test/support/secured-kafka';
import { isolatedTopics } from '@test/support/topics';

/**
 * A real intake that talks to Kafka only through the broker's SASL_SSL listener (SCRAM-SHA-512
 * over TLS with a private CA), as against a secured production cluster.
 */
describe('intake over a secured Kafka listener (SASL_SSL, SCRAM-SHA-512)', () => {
  let secured: SecuredKafka;
  let intake: IntakeProcess | undefined;
  let client: KafkaSubmitter | undefined;
  let db: Client | undefined;
  let prefix: string;
  let topics: Awaited<ReturnType<typeof isolatedTopics>>['topics'];
  const run = randomUUID().slice(0, 8);
  const unit = { id: `unit-${run}`, name: '空空导弹研究院' };

  beforeAll(async () => {
    secured = securedKafka();
    ({ prefix, topics } = await isolatedTopics());
    db = await connectDatabase();
    await enroll(db, ALLIANCE_ID, unit);
    // Only the secured listener: intake never learns of the plaintext one.
    intake = await IntakeProcess.create(prefix, {
      KAFKA_BROKERS: secured.brokers.join(','),
      ...(secured.settings as Record<string, string>),
    });
    await intake.start();
    client = new KafkaSubmitter(topics, securedClient(secured));
    await client.start();
  }, 120_000);

  afterAll(async () => {
    await client?.stop().catch(() => undefined);
    await intake?.stop();
    await db?.end();
  }, 60_000);

  it('accepts a list sent over the secured listener and answers over it', async () => {
    const listId = `rl-secured-${run}`;
    await client!.submit('resource', JSON.stringify(resourceList({ listId, unit })), unit.id);
    const answers = await eventually(
      () => {
        const found = client!.answersFor(listId);
        return found.accepted.length + found.rejected.length > 0 ? found : undefined;
      },
      () => `no answer for ${listId}; intake log:\n${intake!.tail()}`,
    );
    expect(answers).toEqual({
      accepted: [expect.objectContaining({ listId, outcome: 'stored', itemCount: 1 })],
      rejected: [],
    });
  });

  it('refuses a wrong password with an authentication error', async () => {
    const answer = await trySignIn(secured.brokers, { ...secured.settings, KAFKA_SASL_PASSWORD: 'not-it' });
    expect(answer).toBe(
      'KafkaJSSASLAuthenticationError: SASL SCRAM SHA512 authentication failed: Authentication failed ' +
        'during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-512',
    );
  });

  it('refuses a client that does not speak TLS: the broker closes the connection', async () => {
    const { KAFKA_TLS: _tls, KAFKA_TLS_CA_FILE: _ca, ...withoutTls } = secured.settings;
    expect(await trySignIn(secured.brokers, withoutTls)).toMatch(/Closed connection/);
  });

  it("checks the broker's certificate: a client that does not trust the private CA gives up", async () => {
    const { KAFKA_TLS_CA_FILE: _ca, ...withoutCa } = secured.settings;
    expect(await trySignIn(secured.brokers, withoutCa)).toMatch(
      /self-signed certificate in certificate chain/,
    );
  });

  it('stops a service with a wrong password at start, naming the authentication failure', async () => {
    const refused = await IntakeProcess.create(prefix, {
      KAFKA_BROKERS: secured.brokers.join(','),
      ...(secured.settings as Record<string, string>),
      KAFKA_SASL_PASSWORD: 'not-it',
    });
    await expect(refused.start()).rejects.toThrow(
      /intake exited with 1 before it was ready:[\s\S]*SASL SCRAM SHA512 authentication failed/,
    );
  });
});
