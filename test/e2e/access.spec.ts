import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Role, TokenSubject } from '@redcrowd/auth';
import { demandList, resourceList } from '@test/fixtures/lists';
import { TINY_PNG } from '@test/fixtures/photos';
import { eventually } from '@test/support/answers';
import { proposedAlliance, type ProposedAlliance } from '@test/support/alliance-scenario';
import { startMatcherHarness, type MatcherHarness } from '@test/support/intake-harness';
import {
  ADMIN,
  TEST_AUTH,
  TEST_KEY_ID,
  TEST_PUBLIC_JWK,
  base64url,
  communityOf,
  coordinatorOf,
  handSignedToken,
  tokenFor,
  unitOf,
} from '@test/support/tokens';

/*
 * Every route of docs/openapi.yaml (which tools/openapi.spec.ts keeps equal to the
 * controllers, access rules included) is called on the real services with no token, a
 * tampered one, alg none, an expired one, each role it does not allow, and an allowed role
 * of another alliance. Then the one project all this was aimed at is checked unchanged.
 */

type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';
interface Operation {
  method: Method;
  template: string;
  app: 'intake' | 'matcher';
  access: 'public' | Role[];
}

const ROLES: Role[] = ['coordinator', 'unit', 'community', 'admin'];

function operations(): Operation[] {
  const document = parse(readFileSync(path.join(__dirname, '..', '..', 'docs', 'openapi.yaml'), 'utf8')) as {
    paths: Record<
      string,
      Record<string, { 'x-redcrowd-access'?: 'public' | Role[] }> & { servers?: unknown }
    >;
  };
  // A path may name several servers: the health routes are served by both apps.
  return Object.entries(document.paths).flatMap(([template, item]) =>
    (item.servers as Array<{ 'x-redcrowd-app': 'intake' | 'matcher' }>).flatMap((server) =>
      (['get', 'post', 'put', 'patch', 'delete'] as const)
        .filter((method) => method in item)
        .map((method) => ({
          method,
          template,
          app: server['x-redcrowd-app'],
          access: item[method]!['x-redcrowd-access']!,
        })),
    ),
  );
}

describe('access control on every route', () => {
  let harness: MatcherHarness;
  let a: ProposedAlliance;
  let b: ProposedAlliance;
  let offerId: string;
  let resourceItemPk: string;

  beforeAll(async () => {
    harness = await startMatcherHarness({ MATCHER_DEBOUNCE_MS: '50' }, ['projectsProposed', 'claimsOffered']);
    [a, b] = await Promise.all([proposedAlliance(harness), proposedAlliance(harness)]);
    // Offers exist only after approval. B's project is approved so that one exists; A's
    // project stays untouched, for the final check that no refused call changed it.
    const approve = await fetch(`${harness.matcher.url}/projects/${b.projectId}/approve`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await tokenFor(coordinatorOf(b.allianceId))}` },
    });
    expect(approve.status).toBe(200);
    const offer = await eventually(
      () => harness.observer.on(harness.topics.claimsOffered).find((e) => e.value.projectId === b.projectId),
      () => 'no offer for B',
    );
    offerId = offer.value.offerId as string;
    const { rows } = await harness.db.query(
      `SELECT resource_item_pk::text AS pk FROM project_allocations WHERE project_id = $1`,
      [a.projectId],
    );
    resourceItemPk = rows[0].pk as string;
  }, 180_000);

  afterAll(() => harness?.stop(), 60_000);

  /** Who each role is in alliance `of`: the members the scenario created. */
  const member = (role: Role, of: ProposedAlliance): TokenSubject =>
    role === 'coordinator'
      ? coordinatorOf(of.allianceId)
      : role === 'unit'
        ? unitOf(of.allianceId, of.unit.id)
        : role === 'community'
          ? communityOf(of.allianceId, of.community.id)
          : ADMIN;

  const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';

  /** The route with its parameters naming `target`'s things (offers only exist in B). */
  const urlOf = (operation: Operation, target: ProposedAlliance) => {
    const pathname = operation.template
      .replace('{projectId}', target.projectId)
      .replace('{offerId}', offerId)
      .replace('{allianceId}', target.allianceId)
      .replace('{unitId}', target.unit.id)
      .replace('{resourceItemPk}', resourceItemPk)
      // Accounts and sessions are nobody's here: the guard must refuse before that matters.
      .replace('{accountId}', NO_SUCH_ID)
      .replace('{sessionId}', NO_SUCH_ID)
      .replace('{membershipId}', NO_SUCH_ID)
      .replace('{placeId}', NO_SUCH_ID)
      // The scenario's lists: each member reads back its own.
      .replace('{listId}', operation.template.startsWith('/resource-lists') ? 'rl-1' : 'dl-1');
    const app = operation.app === 'intake' ? harness.intake : harness.matcher;
    return `${app.url}${pathname}`;
  };

  /** A body that would be acted on if the guard let it through, aimed at `target`. */
  /** The list's own fields an upload names, aimed at `target`'s alliance and member. */
  const uploadFieldsFor = (operation: Operation, target: ProposedAlliance): Record<string, string> =>
    operation.template.startsWith('/resource-lists')
      ? { allianceId: target.allianceId, submitterId: target.unit.id, submitterName: target.unit.name }
      : {
          allianceId: target.allianceId,
          submitterKind: 'community',
          submitterId: target.community.id,
          submitterName: target.community.name,
        };

  /** A one-row CSV list uploaded as a workbook, naming `target`'s alliance and member. */
  const uploadFor = (operation: Operation, target: ProposedAlliance): FormData => {
    const csv = operation.template.startsWith('/resource-lists')
      ? '编号,服务类别,名称,数量,单位,纬度,经度,服务半径(公里),可提供开始日期,可提供截止日期\nR1,养老服务,助餐,3,份,34.6,112.4,5,2026-12-01,2026-12-02\n'
      : '编号,服务类别,名称,数量,单位,纬度,经度,需求开始日期,需求截止日期\nD1,养老服务,助餐,3,份,34.6,112.4,2026-12-01,2026-12-02\n';
    const form = new FormData();
    form.append('file', new Blob([csv]), 'guard.csv');
    for (const [name, value] of Object.entries(uploadFieldsFor(operation, target))) form.append(name, value);
    return form;
  };

  const isUpload = (operation: Operation) => operation.template.endsWith('-lists/workbook');

  const bodyFor = (operation: Operation, target: ProposedAlliance): string | FormData | undefined => {
    if (operation.method === 'get') return undefined;
    if (isUpload(operation)) return uploadFor(operation, target);
    if (operation.template === '/resource-lists') {
      return JSON.stringify(
        resourceList({ listId: 'guard-rl', allianceId: target.allianceId, unit: target.unit }),
      );
    }
    if (operation.template === '/demand-lists') {
      return JSON.stringify(
        demandList({ listId: 'guard-dl', allianceId: target.allianceId, submitter: target.community }),
      );
    }
    if (operation.template === '/claims') {
      return JSON.stringify({ claimId: 'guard-claim', projectId: target.projectId, quantity: 1 });
    }
    return JSON.stringify({ reason: 'guard test', quantity: 1, rating: 5 });
  };

  async function call(operation: Operation, authorization: string | null, target: ProposedAlliance = a) {
    const controller = new AbortController();
    const response = await fetch(urlOf(operation, target), {
      method: operation.method.toUpperCase(),
      // A multipart upload sets its own content type, with the boundary.
      headers: {
        ...(isUpload(operation) ? {} : { 'content-type': 'application/json' }),
        ...(authorization ? { authorization } : {}),
      },
      body: bodyFor(operation, target),
      signal: controller.signal,
    });
    // The live stream never ends: its status and first event are all a check needs.
    const isStream = response.headers.get('content-type')?.startsWith('text/event-stream');
    const text = isStream ? await firstChunk(response) : await response.text();
    controller.abort();
    return { status: response.status, text, wwwAuthenticate: response.headers.get('www-authenticate') };
  }

  async function firstChunk(response: Response): Promise<string> {
    const reader = response.body!.getReader();
    const { value } = await reader.read();
    await reader.cancel().catch(() => undefined);
    return Buffer.from(value ?? new Uint8Array()).toString('utf8');
  }

  const bearer = (token: string) => `Bearer ${token}`;
  const claimsOf = (who: TokenSubject, exp: number) => ({
    sub: who.subject,
    role: who.role,
    name: who.name,
    ...(who.allianceId ? { alliance: who.allianceId } : {}),
    ...(who.unitId ? { unit: who.unitId } : {}),
    ...(who.communityId ? { community: who.communityId } : {}),
    iss: TEST_AUTH.issuer,
    aud: TEST_AUTH.audience,
    exp,
  });

  /** Tokens that must never get in, built for a role the route allows (so only the token is wrong). */
  async function badTokens(who: TokenSubject): Promise<Record<string, string>> {
    const now = Math.floor(Date.now() / 1000);
    const [header, , signature] = (await tokenFor(who)).split('.');
    const promoted = base64url({ ...claimsOf(who, now + 3600), role: 'admin', alliance: undefined });
    const ours = { alg: 'EdDSA', typ: 'JWT', kid: TEST_KEY_ID };
    const noneInput = `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claimsOf(who, now + 3600))}`;
    // Algorithm confusion: HS256 keyed with the published public key, as a naive verifier would accept.
    const confusedInput = `${base64url({ alg: 'HS256', typ: 'JWT', kid: TEST_KEY_ID })}.${base64url(claimsOf(who, now + 3600))}`;
    const confused = createHmac('sha256', JSON.stringify(TEST_PUBLIC_JWK))
      .update(confusedInput)
      .digest('base64url');
    return {
      tampered: `${header}.${promoted}.${signature}`,
      'alg none': `${noneInput}.`,
      'HS256 keyed with the public key': `${confusedInput}.${confused}`,
      expired: handSignedToken(ours, claimsOf(who, now - 120)),
      'not yet valid': handSignedToken(ours, { ...claimsOf(who, now + 3600), nbf: now + 600 }),
      'another issuer': handSignedToken(ours, { ...claimsOf(who, now + 3600), iss: 'someone-else' }),
      'another audience': handSignedToken(ours, { ...claimsOf(who, now + 3600), aud: 'another-api' }),
      'an unknown key': handSignedToken({ ...ours, kid: 'forged-key' }, claimsOf(who, now + 3600)),
      'not a JWT': 'definitely-not-a-token',
    };
  }

  const guarded = () => operations().filter((operation) => operation.access !== 'public');
  const adminOnly = (operation: Operation) =>
    Array.isArray(operation.access) && operation.access.every((role) => role === 'admin');

  it('reads a guarded rule for every documented route but health', () => {
    const all = operations();
    expect(all.length).toBeGreaterThan(25);
    expect(all.filter((operation) => operation.access === 'public').map((o) => o.template)).toEqual([
      '/health/live',
      '/health/live',
      '/metrics',
      '/metrics',
      '/health/ready',
      '/health/ready',
      '/health',
      '/.well-known/jwks.json',
      '/auth/sign-in',
      '/auth/refresh',
      '/auth/sign-out',
      '/auth/sso',
      '/auth/sso/start',
      '/auth/sso/callback',
      '/auth/sso/complete',
      '/auth/links/{secret}',
      '/auth/links/{secret}/accept',
    ]);
    for (const operation of guarded()) expect(Array.isArray(operation.access)).toBe(true);
  });

  it('answers 401 without a valid token: none, tampered, alg none, HS256 keyed with the public key, expired, not yet valid, another issuer or audience, an unknown key, garbage', async () => {
    const failures: string[] = [];
    for (const operation of guarded()) {
      const allowed = (operation.access as Role[])[0]!;
      const attempts: Record<string, string | null> = { 'no token': null };
      for (const [label, token] of Object.entries(await badTokens(member(allowed, a))))
        attempts[label] = bearer(token);
      for (const [label, authorization] of Object.entries(attempts)) {
        const answer = await call(operation, authorization);
        if (answer.status !== 401 || !answer.wwwAuthenticate?.startsWith('Bearer')) {
          failures.push(
            `${operation.method} ${operation.template} with ${label}: ${answer.status} ${answer.text}`,
          );
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('answers 403 to every role a route does not allow', async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const operation of guarded()) {
      for (const role of ROLES.filter((candidate) => !(operation.access as Role[]).includes(candidate))) {
        const answer = await call(operation, bearer(await tokenFor(member(role, a))));
        checked++;
        if (answer.status !== 403)
          failures.push(`${operation.method} ${operation.template} as ${role}: ${answer.status}`);
      }
    }
    expect(checked).toBeGreaterThan(40);
    expect(failures).toEqual([]);
  });

  it("answers 404 for another alliance's things, and shows a member nothing of another alliance", async () => {
    const failures: string[] = [];
    for (const operation of guarded().filter((candidate) => !adminOnly(candidate))) {
      const role = (operation.access as Role[]).find((candidate) => candidate !== 'admin')!;
      // Signed in to alliance B, aimed at alliance A's project, offer, alliance or lists.
      const answer = await call(operation, bearer(await tokenFor(member(role, b))), a);
      const namesThing =
        /\{(projectId|offerId|allianceId)\}/.test(operation.template) || operation.template === '/claims';
      const submitsList = /^\/(resource|demand)-lists(\/workbook)?$/.test(operation.template);
      const expected = namesThing ? 404 : submitsList ? 403 : 200;
      if (operation.template === '/offers/{offerId}/decline') continue; // the offer is B's own: checked below
      // The caller's own account belongs to no alliance: nothing of A can be reached through it.
      if (operation.template.startsWith('/account/')) continue;
      if (answer.status !== expected) {
        failures.push(
          `${operation.method} ${operation.template} as ${role} of B: ${answer.status}, wanted ${expected}`,
        );
      }
      // Answers may repeat what the request named ("no project …"); anything else of A is a leak.
      const body = bodyFor(operation, a);
      const asked =
        urlOf(operation, a) +
        (body instanceof FormData ? JSON.stringify(uploadFieldsFor(operation, a)) : (body ?? ''));
      const leaked = [a.allianceId, a.projectId, a.unit.id, a.community.id].filter(
        (marker) => answer.text.includes(marker) && !asked.includes(marker),
      );
      if (leaked.length > 0) {
        failures.push(`${operation.method} ${operation.template} as ${role} of B shows ${leaked.join(', ')}`);
      }
    }
    // The one offer belongs to B: A's unit declining it is told it does not exist.
    const decline = operations().find((operation) => operation.template === '/offers/{offerId}/decline')!;
    const declined = await call(decline, bearer(await tokenFor(member('unit', a))), b);
    if (declined.status !== 404) failures.push(`decline of B's offer by A's unit: ${declined.status}`);
    expect(failures).toEqual([]);
  });

  it('lets an allowed role read its own alliance (the refusals above are not blanket refusals)', async () => {
    const failures: string[] = [];
    // A work report with a photo to read (the project is only proposed: no unit could report).
    await harness.db.query(
      `INSERT INTO project_work_reports (project_id, unit_id, note, hours, photo, photo_type)
       VALUES ($1, $2, '送餐', 2, $3, 'image/png')`,
      [a.projectId, a.unit.id, TINY_PNG],
    );
    for (const operation of guarded().filter((candidate) => candidate.method === 'get')) {
      // An admin-only route has no alliance to be of: the admin reads it.
      const role = (operation.access as Role[]).find((candidate) => candidate !== 'admin') ?? 'admin';
      const answer = await call(operation, bearer(await tokenFor(member(role, a))));
      if (answer.status !== 200)
        failures.push(`${operation.template} as ${role}: ${answer.status} ${answer.text}`);
    }
    const admin = await fetch(`${harness.matcher.url}/projects?allianceId=${a.allianceId}`, {
      headers: { authorization: bearer(await tokenFor(ADMIN)) },
    });
    expect(((await admin.json()) as Array<{ id: string }>).map((project) => project.id)).toEqual([
      a.projectId,
    ]);
    await harness.db.query(`DELETE FROM project_work_reports WHERE project_id = $1`, [a.projectId]);
    expect(failures).toEqual([]);
  });

  it("left alliance A's project as it was: no refused call changed anything", async () => {
    const { rows } = await harness.db.query(`SELECT status, version FROM projects WHERE id = $1`, [
      a.projectId,
    ]);
    expect(rows).toEqual([{ status: 'proposed', version: 1 }]);
    const { rows: claims } = await harness.db.query(`SELECT 1 FROM claims WHERE claim_id = 'guard-claim'`);
    expect(claims).toEqual([]);
    const { rows: lists } = await harness.db.query(
      `SELECT 1 FROM lists WHERE list_id IN ('guard-rl', 'guard-dl')`,
    );
    expect(lists).toEqual([]);
  });
});
