import { randomUUID } from 'node:crypto';
import type { Client } from 'pg';
import type { TokenSubject } from '@redcrowd/auth';
import { startMatcherHarness, type MatcherHarness } from '@test/support/intake-harness';
import { enroll } from '@test/support/roster';
import { DEFAULT_CATEGORIES } from '@redcrowd/contracts';
import { writeListWorkbook } from '@redcrowd/spreadsheets';
import { ADMIN, authHeaders, coordinatorOf, unitOf } from '@test/support/tokens';
import { daysFromToday, wholeDaysOf } from '@test/support/workbook-fixtures';

// Lists sent now must not have ended.
const days = daysFromToday(1, 30);

/*
 * Places by name (issue 12), over the real intake, matcher, broker and database: a coordinator
 * keeps the alliance's gazetteer (地名库) over HTTP; a workbook whose rows name its places
 * (no coordinates) is stored with their coordinates and addresses, and a misspelt name is
 * refused at its row and column with the closest names suggested.
 */
describe('intake: places named from the alliance gazetteer', () => {
  let harness: MatcherHarness;
  let db: Client;
  const allianceId = `alliance-${randomUUID().slice(0, 8)}`;
  const coordinator = coordinatorOf(allianceId);
  const unitId = `unit-lyit-${allianceId}`;
  const unit = unitOf(allianceId, unitId);

  beforeAll(async () => {
    harness = await startMatcherHarness({}, []);
    ({ db } = harness);
    await enroll(db, allianceId, { id: unitId, name: '洛阳理工学院' });
  }, 120_000);

  afterAll(() => harness?.stop(), 60_000);

  const call = async (method: string, path: string, who: TokenSubject, body?: unknown) => {
    const response = await fetch(`${harness.matcher.url}${path}`, {
      method,
      headers: { ...(await authHeaders(who)), 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as any };
  };

  const upload = async (file: string | Buffer, listId: string, who: TokenSubject = unit) => {
    const form = new FormData();
    if (typeof file === 'string') form.append('file', new Blob([file]), '资源清单.csv');
    else form.append('file', new Blob([new Uint8Array(file)]), '资源清单.xlsx');
    if (listId) form.append('listId', listId);
    const response = await fetch(`${harness.intake.url}/resource-lists/workbook`, {
      method: 'POST',
      body: form,
      headers: { authorization: (await authHeaders(who)).authorization as string },
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  /** A resource list as CSV whose rows give a place by name and no coordinates. */
  const csvNaming = (...places: string[]) =>
    '编号,服务类别,名称,数量,单位,地点,纬度,经度,服务半径(公里),可提供开始日期,可提供截止日期\n' +
    places
      .map((place, index) => `R${index + 1},养老服务,助餐,30,份,${place},,,5,${days.from},${days.to}\n`)
      .join('');

  it('keeps the gazetteer for coordinators: members read it, a duplicate name or bad coordinate is refused', async () => {
    const community = await call('POST', `/alliances/${allianceId}/places`, coordinator, {
      name: '邙岭路街道中心社区',
      kind: 'community',
      lat: 34.6873,
      lng: 112.414,
      address: '洛阳市西工区邙岭路街道 014 中心社区',
      aliases: ['中心社区', '014中心社区'],
    });
    expect(community.status).toBe(201);
    const building = await call('POST', `/alliances/${allianceId}/places`, coordinator, {
      name: '中心社区52号楼',
      kind: 'building',
      lat: 34.6879,
      lng: 112.4151,
      address: '014 中心社区 52 号楼',
      parentId: community.body.placeId,
    });
    expect(building.status).toBe(201);
    expect(
      (
        await call('POST', `/alliances/${allianceId}/places`, coordinator, {
          name: '中心社区53号楼',
          kind: 'building',
          lat: 34.688,
          lng: 112.4153,
        })
      ).status,
    ).toBe(201);

    const read = await call('GET', `/alliances/${allianceId}/places`, unit);
    expect(read.status).toBe(200);
    expect(read.body.map((place: { name: string }) => place.name).sort()).toEqual([
      '中心社区52号楼',
      '中心社区53号楼',
      '邙岭路街道中心社区',
    ]);
    expect((await call('POST', `/alliances/${allianceId}/places`, unit, { name: 'x' })).status).toBe(403);

    const duplicate = await call('POST', `/alliances/${allianceId}/places`, coordinator, {
      name: '中心社区',
      kind: 'compound',
      lat: 34.68,
      lng: 112.41,
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body).toMatchObject({
      error: { code: 'place-exists', field: 'name', message: expect.stringContaining('邙岭路街道中心社区') },
      place: { placeId: community.body.placeId, name: '邙岭路街道中心社区' },
    });

    const farNorth = await call(
      'PATCH',
      `/alliances/${allianceId}/places/${building.body.placeId}`,
      coordinator,
      {
        lat: 95,
      },
    );
    expect(farNorth.status).toBe(400);
    expect(farNorth.body.error).toMatchObject({ code: 'invalid-request', field: 'lat' });
  });

  it('stores rows that name a place with its coordinates and address', async () => {
    const listId = `gaz-${randomUUID().slice(0, 8)}`;
    const { status, body } = await upload(csvNaming('中心社区５２号楼', '014 中心社区', '52号楼'), listId);
    expect(status).toBe(201);
    expect(body).toMatchObject({ listId, outcome: 'stored', itemCount: 3 });
    const { rows } = await db.query(
      `SELECT i.item_id AS "itemId", i.lat, i.lng, i.address FROM resource_items i
       JOIN lists l ON l.id = i.list_pk WHERE l.alliance_id = $1 AND l.list_id = $2 ORDER BY i.item_id`,
      [allianceId, listId],
    );
    expect(rows).toEqual([
      { itemId: 'R1', lat: 34.6879, lng: 112.4151, address: '014 中心社区 52 号楼' },
      { itemId: 'R2', lat: 34.6873, lng: 112.414, address: '洛阳市西工区邙岭路街道 014 中心社区' },
      { itemId: 'R3', lat: 34.6879, lng: 112.4151, address: '014 中心社区 52 号楼' },
    ]);
  });

  it('refuses a misspelt place at its row and column, suggesting the closest names', async () => {
    const listId = `gaz-bad-${randomUUID().slice(0, 8)}`;
    const { status, body } = await upload(csvNaming('中心社区52号楼', '中新社区52号楼'), listId);
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid-list');
    expect(body.workbook.problems).toEqual([
      expect.objectContaining({
        sheet: '资源清单',
        row: 3,
        column: 'F',
        code: 'unknown-place',
        columnName: expect.objectContaining({ zh: '地点' }),
        messageZh: '地名库中没有「中新社区52号楼」；是否指：中心社区52号楼、中心社区53号楼',
      }),
    ]);
    const { rows } = await db.query(`SELECT 1 FROM lists WHERE alliance_id = $1 AND list_id = $2`, [
      allianceId,
      listId,
    ]);
    expect(rows).toEqual([]);
  });

  it('finds the places of a file that names its alliance only on its info sheet (an operator’s upload)', async () => {
    const listId = `gaz-op-${randomUUID().slice(0, 8)}`;
    const file = await writeListWorkbook(
      'resource',
      [
        {
          itemId: 'R1',
          category: 'elderly-care',
          title: '助餐',
          quantity: 30,
          unit: 'meals',
          location: { address: '52号楼' },
          serviceRadiusKm: 5,
          available: wholeDaysOf(days.from, days.to),
        },
      ],
      {
        categories: DEFAULT_CATEGORIES,
        timeZone: 'Asia/Shanghai',
        info: { allianceId, submitterId: unitId, submitterName: '洛阳理工学院', listId },
      },
    );
    const { status, body } = await upload(file, '', ADMIN);
    expect({ status, error: body.error }).toEqual({ status: 201, error: undefined });
    const { rows } = await db.query(
      `SELECT i.lat, i.lng FROM resource_items i JOIN lists l ON l.id = i.list_pk
       WHERE l.alliance_id = $1 AND l.list_id = $2`,
      [allianceId, listId],
    );
    expect(rows).toEqual([{ lat: 34.6879, lng: 112.4151 }]);
  });
});
