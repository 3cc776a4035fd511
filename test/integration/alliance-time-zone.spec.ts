import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import type { TokenSubject } from '@redcrowd/auth';
import { demandItem, demandList, resourceItem, resourceList } from '@test/fixtures/lists';
import { eventually, type KafkaSubmitter } from '@test/support/answers';
import { startMatcherHarness, type MatcherHarness } from '@test/support/intake-harness';
import { enroll } from '@test/support/roster';
import { authHeaders, communityOf, coordinatorOf, unitOf } from '@test/support/tokens';
import { daysFromToday } from '@test/support/workbook-fixtures';

/*
 * Calendar dates in lists (issue 12): a window written as 2026-12-01 .. 2026-12-31, in JSON over
 * Kafka or HTTP or in a workbook, is whole days of the alliance's time zone, a policy value the
 * coordinator sets (Asia/Shanghai until then). Real broker, intake, matcher and database.
 */
describe('calendar dates in the alliance’s time zone', () => {
  let harness: MatcherHarness;
  let kafka: KafkaSubmitter;
  let db: Client;

  beforeAll(async () => {
    harness = await startMatcherHarness({}, []);
    ({ kafka, db } = harness);
  }, 120_000);

  afterAll(() => harness?.stop(), 60_000);

  async function alliance(timeZone?: string) {
    const allianceId = `alliance-tz-${randomUUID().slice(0, 8)}`;
    const unit = { id: `unit-${allianceId}`, name: '河南科技大学' };
    const community = { kind: 'community' as const, id: `community-${allianceId}`, name: '014中心社区' };
    await enroll(db, allianceId, unit, community);
    if (timeZone) {
      const set = await call('matcher', 'PUT', `/alliances/${allianceId}/policy`, coordinatorOf(allianceId), {
        timeZone,
      });
      expect(set).toMatchObject({ status: 200, body: { timeZone } });
    }
    return { allianceId, unit, community };
  }

  async function call(
    app: 'intake' | 'matcher',
    method: string,
    path: string,
    who: TokenSubject,
    body?: unknown,
  ) {
    const response = await fetch(`${harness[app].url}${path}`, {
      method,
      headers: await authHeaders(who),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  const answerOf = (listId: string, allianceId: string) =>
    eventually(
      () =>
        [...kafka.accepted, ...kafka.rejected].find(
          (event) => event.value.listId === listId && event.value.allianceId === allianceId,
        )?.value,
      () => `no answer for ${listId} of ${allianceId}:\n${harness.intake.tail()}`,
    );

  /** Stored windows as UTC instants, so the offset the zone gave shows in the hour. */
  const resourceWindows = async (allianceId: string) =>
    (
      await db.query(
        `SELECT i.item_id AS "itemId", to_char(i.available_from AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS "from",
           to_char(i.available_to AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') AS "to"
         FROM resource_items i JOIN lists l ON l.id = i.list_pk AND i.revision = l.revision
         WHERE l.alliance_id = $1 ORDER BY 1`,
        [allianceId],
      )
    ).rows;

  it('reads a Kafka list’s dates as whole days of Asia/Shanghai by default, the last day included', async () => {
    const a = await alliance();
    const list = resourceList({
      listId: 'rl-dates',
      allianceId: a.allianceId,
      unit: a.unit,
      items: [resourceItem({ itemId: 'tutoring', available: { from: '2026-12-01', to: '2026-12-31' } })],
    });
    await kafka.submit('resource', JSON.stringify(list), a.unit.id);
    const answer = await answerOf('rl-dates', a.allianceId);
    expect(answer).toMatchObject({ outcome: 'stored' });
    expect(await resourceWindows(a.allianceId)).toEqual([
      { itemId: 'tutoring', from: '2026-11-30 16:00', to: '2026-12-31 16:00' },
    ]);
  });

  it('reads them in the zone the coordinator set, over HTTP as over Kafka', async () => {
    const a = await alliance('Asia/Urumqi');
    const list = resourceList({
      listId: 'rl-urumqi',
      allianceId: a.allianceId,
      unit: a.unit,
      items: [
        resourceItem({ itemId: 'a-days', available: { from: '2026-12-01', to: '2026-12-01' } }),
        // A date may meet a date-time: from 14:00 Beijing time to the end of that day in Urumqi.
        resourceItem({
          itemId: 'b-mixed',
          available: { from: '2026-12-01T14:00:00+08:00', to: '2026-12-01' },
        }),
      ],
    });
    const posted = await call('intake', 'POST', '/resource-lists', unitOf(a.allianceId, a.unit.id), list);
    expect(posted).toMatchObject({ status: 201, body: { outcome: 'stored' } });
    expect(await resourceWindows(a.allianceId)).toEqual([
      { itemId: 'a-days', from: '2026-11-30 18:00', to: '2026-12-01 18:00' },
      { itemId: 'b-mixed', from: '2026-12-01 06:00', to: '2026-12-01 18:00' },
    ]);
  });

  it('refuses a window whose last day comes before its first, in the dates the submitter wrote', async () => {
    const a = await alliance('Asia/Urumqi');
    const list = demandList({
      listId: 'dl-inverted',
      allianceId: a.allianceId,
      submitter: a.community,
      items: [demandItem({ window: { from: '2026-12-07', to: '2026-12-01' } })],
    });
    await kafka.submit('demand', JSON.stringify(list), a.community.id);
    expect(await answerOf('dl-inverted', a.allianceId)).toMatchObject({
      problems: [
        {
          path: 'items[0].window.to',
          code: 'window-order',
          message: 'items[0].window.to (2026-12-01) must be later than window.from (2026-12-07)',
        },
      ],
    });
    const over = await call('intake', 'POST', '/demand-lists', communityOf(a.allianceId, a.community.id), {
      ...list,
      listId: 'dl-inverted-http',
    });
    expect(over).toMatchObject({ status: 400, body: { error: { code: 'invalid-list' } } });
    const { rows } = await db.query(`SELECT count(*)::int AS n FROM lists WHERE alliance_id = $1`, [
      a.allianceId,
    ]);
    expect(rows[0].n).toBe(0);
  });

  it('reads a workbook’s dates in the alliance’s zone too', async () => {
    const a = await alliance('Asia/Urumqi');
    // Sent now, so days to come: 2026/12/1 and 2026年12月3日 as people type them.
    const days = daysFromToday(3, 5, 'Asia/Urumqi');
    const csv =
      '编号,服务类别,名称,数量,单位,纬度,经度,服务半径(公里),可提供开始日期,可提供截止日期\r\n' +
      `R1,教育辅导,课业辅导,20,人·时,34.68,112.43,5,${days.day(3).toFormat('yyyy/M/d')},${days.day(5).toFormat('yyyy年M月d日')}\r\n`;
    const form = new FormData();
    form.append('file', new Blob([Buffer.from(csv, 'utf8')]), '资源清单.csv');
    form.append('listId', 'rl-workbook');
    const response = await fetch(`${harness.intake.url}/resource-lists/workbook`, {
      method: 'POST',
      body: form,
      headers: {
        authorization: (await authHeaders(unitOf(a.allianceId, a.unit.id))).authorization as string,
      },
    });
    expect(response.status).toBe(201);
    // Midnight in Urumqi (UTC+6) is 18:00 UTC the day before; the last day counts in full.
    const utc = (offset: number) => days.day(offset).setZone('UTC').toFormat('yyyy-MM-dd HH:mm');
    expect(await resourceWindows(a.allianceId)).toEqual([{ itemId: 'R1', from: utc(3), to: utc(6) }]);
  });

  it('refuses a time zone that does not exist, naming the field, and keeps the one set', async () => {
    const a = await alliance('Asia/Urumqi');
    const refused = await call(
      'matcher',
      'PUT',
      `/alliances/${a.allianceId}/policy`,
      coordinatorOf(a.allianceId),
      {
        timeZone: 'Asia/Luoyang',
      },
    );
    expect(refused).toMatchObject({ status: 400, body: { error: { code: 'invalid-request' } } });
    expect(JSON.stringify(refused.body)).toContain('timeZone');
    const policy = await call(
      'matcher',
      'GET',
      `/alliances/${a.allianceId}/policy`,
      coordinatorOf(a.allianceId),
    );
    expect(policy).toMatchObject({ status: 200, body: { timeZone: 'Asia/Urumqi' } });
  });
});
