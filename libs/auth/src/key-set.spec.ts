import { SignJWT, type JWK } from 'jose';
import { RefreshingKeySet } from './key-set';
import { generateSigningKey, importSigningKey, type GeneratedSigningKey } from './signing-keys';
import { verifyToken } from './tokens';

const settings = { issuer: 'redcrowd', audience: 'redcrowd-api' };
const who = { subject: 'c1', role: 'coordinator' as const, name: '联席会', allianceId: 'alliance-a' };

let first: GeneratedSigningKey;
let second: GeneratedSigningKey;
beforeAll(async () => {
  [first, second] = await Promise.all([generateSigningKey(), generateSigningKey()]);
});

async function tokenOf(key: GeneratedSigningKey): Promise<string> {
  return new SignJWT({ role: who.role, name: who.name, alliance: who.allianceId })
    .setProtectedHeader({ alg: 'EdDSA', kid: key.kid })
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setSubject(who.subject)
    .setExpirationTime('5m')
    .sign((await importSigningKey(key.kid, key.privatePkcs8)).privateKey);
}

/** A key set over a published list the test changes, on a clock the test moves. */
function keySetOver(published: JWK[][], options = { maxAgeMs: 60_000, cooldownMs: 10_000 }) {
  let clock = 1_000_000;
  let loads = 0;
  const set = new RefreshingKeySet(
    () => {
      loads++;
      return Promise.resolve(published[0]!);
    },
    { ...options, now: () => clock },
  );
  return {
    verify: (token: string) => verifyToken(token, set.resolver, settings),
    advance: (ms: number) => (clock += ms),
    loads: () => loads,
  };
}

describe('RefreshingKeySet', () => {
  it('loads the published keys at the first token, then verifies from memory', async () => {
    const keys = keySetOver([[first.publicJwk]]);
    expect(keys.loads()).toBe(0);
    await expect(keys.verify(await tokenOf(first))).resolves.toMatchObject({ subject: 'c1' });
    await keys.verify(await tokenOf(first));
    expect(keys.loads()).toBe(1);
  });

  it('picks up a key published after a rotation when a token names it', async () => {
    const published = [[first.publicJwk]];
    const keys = keySetOver(published);
    await keys.verify(await tokenOf(first));
    published[0] = [first.publicJwk, second.publicJwk];
    keys.advance(10_000);
    await expect(keys.verify(await tokenOf(second))).resolves.toMatchObject({ subject: 'c1' });
    expect(keys.loads()).toBe(2);
  });

  it('does not reload for unknown keys more than once per cool-down', async () => {
    const published = [[first.publicJwk]];
    const keys = keySetOver(published);
    await keys.verify(await tokenOf(first));
    published[0] = [second.publicJwk];
    keys.advance(9_999);
    await expect(keys.verify(await tokenOf(second))).rejects.toThrow(/key this service does not know/);
    expect(keys.loads()).toBe(1);
  });

  it('drops a retired key once the published keys are older than their maximum age', async () => {
    const published = [[first.publicJwk]];
    const keys = keySetOver(published);
    await keys.verify(await tokenOf(first));
    published[0] = [second.publicJwk];
    keys.advance(59_999);
    await expect(keys.verify(await tokenOf(first))).resolves.toMatchObject({ subject: 'c1' });
    keys.advance(1);
    await expect(keys.verify(await tokenOf(first))).rejects.toThrow(/key this service does not know/);
    expect(keys.loads()).toBe(2);
  });

  it('shares one load between concurrent first requests', async () => {
    const keys = keySetOver([[first.publicJwk]]);
    const token = await tokenOf(first);
    await Promise.all([keys.verify(token), keys.verify(token), keys.verify(token)]);
    expect(keys.loads()).toBe(1);
  });

  it('loads again after a failed load instead of keeping the failure', async () => {
    let fail = true;
    const set = new RefreshingKeySet(
      () => (fail ? Promise.reject(new Error('database away')) : Promise.resolve([first.publicJwk])),
      { maxAgeMs: 60_000, cooldownMs: 10_000 },
    );
    const token = await tokenOf(first);
    // Not the caller's fault: the error is the store's, so the edge answers 503/500, not 401.
    await expect(verifyToken(token, set.resolver, settings)).rejects.toThrow(new Error('database away'));
    fail = false;
    await expect(verifyToken(token, set.resolver, settings)).resolves.toMatchObject({ subject: 'c1' });
  });
});
