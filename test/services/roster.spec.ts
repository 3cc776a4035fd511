import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { ENTITIES, MIGRATIONS } from '@redcrowd/persistence';
import { RosterModule } from '../../apps/matcher/src/roster/roster.module';
import { RosterService } from '../../apps/matcher/src/roster/roster.service';
import { seedAlliance, startServices, type ServicesContext } from '@test/support/services-context';

/** The alliance roster (成员名册) against a real Postgres: members added, changed and audited. */
describe('roster use cases', () => {
  let context: ServicesContext;
  let roster: RosterService;

  beforeAll(async () => {
    context = await startServices([RosterModule]);
    roster = context.get(RosterService);
  }, 60_000);

  afterAll(() => context?.close());

  const newAlliance = () => `alliance-${randomUUID().slice(0, 8)}`;
  const history = async (allianceId: string, memberId: string) =>
    (
      await context.db.query(
        `SELECT actor, action, details FROM alliance_member_events
         WHERE alliance_id = $1 AND member_id = $2 ORDER BY id`,
        [allianceId, memberId],
      )
    ).rows;

  it('adds a member unit with its details and audits it; the same one again is refused', async () => {
    const allianceId = newAlliance();
    const added = await roster.add(allianceId, 'coordinator-1', {
      kind: 'unit',
      memberId: 'unit-henan-keji-daxue',
      name: '河南科技大学',
      unitKind: 'university',
      address: '洛阳市涧西区',
      lat: 34.6196,
      lng: 112.4186,
      contactName: '王老师',
      contactPhone: '0379-64231234',
    });
    expect(added).toMatchObject({
      allianceId,
      kind: 'unit',
      memberId: 'unit-henan-keji-daxue',
      name: '河南科技大学',
      unitKind: 'university',
      lat: 34.6196,
      status: 'active',
    });
    await expect(
      roster.add(allianceId, 'coordinator-1', {
        kind: 'unit',
        memberId: 'unit-henan-keji-daxue',
        name: '重复',
      }),
    ).rejects.toMatchObject({ code: 'member-exists', field: 'memberId' });
    expect(await history(allianceId, 'unit-henan-keji-daxue')).toEqual([
      {
        actor: 'coordinator-1',
        action: 'added',
        details: expect.objectContaining({ name: '河南科技大学', unitKind: 'university', status: 'active' }),
      },
    ]);
  });

  it('changes only the fields given, audits each change, and writes nothing for no change', async () => {
    const allianceId = newAlliance();
    await roster.add(allianceId, 'coordinator-1', {
      kind: 'community',
      memberId: 'community-014',
      name: '014中心社区',
    });
    const updated = await roster.update(allianceId, 'community', 'community-014', 'coordinator-2', {
      contactName: '李主任',
      contactPhone: '13803791234',
    });
    expect(updated).toMatchObject({
      name: '014中心社区',
      contactName: '李主任',
      contactPhone: '13803791234',
    });
    await roster.update(allianceId, 'community', 'community-014', 'coordinator-2', { contactName: '李主任' });
    await roster.update(allianceId, 'community', 'community-014', 'coordinator-2', { contactPhone: null });
    expect((await history(allianceId, 'community-014')).map((row) => [row.action, row.details])).toEqual([
      ['added', expect.any(Object)],
      [
        'updated',
        { contactName: { from: null, to: '李主任' }, contactPhone: { from: null, to: '13803791234' } },
      ],
      ['updated', { contactPhone: { from: '13803791234', to: null } }],
    ]);
  });

  it('refuses what does not fit a member, and members it does not have', async () => {
    const allianceId = newAlliance();
    await expect(
      roster.add(allianceId, 'c', {
        kind: 'community',
        memberId: 'community-9',
        name: '社区',
        unitKind: 'school',
      }),
    ).rejects.toMatchObject({ code: 'invalid-request', field: 'unitKind' });
    await expect(
      roster.add(allianceId, 'c', { kind: 'unit', memberId: 'unit-9', name: '单位', lat: 34.6 }),
    ).rejects.toMatchObject({ code: 'invalid-request', field: 'lat' });
    await expect(roster.update(allianceId, 'unit', 'unit-missing', 'c', { name: 'x' })).rejects.toMatchObject(
      {
        code: 'member-not-found',
      },
    );
    expect(await roster.list(allianceId)).toEqual([]);
  });

  it('lists units before communities, by name, and filters by kind', async () => {
    const allianceId = newAlliance();
    await roster.add(allianceId, 'c', { kind: 'community', memberId: 'community-a', name: '邙岭路社区' });
    await roster.add(allianceId, 'c', { kind: 'unit', memberId: 'unit-b', name: '洛阳理工学院' });
    await roster.add(allianceId, 'c', { kind: 'unit', memberId: 'unit-a', name: '空空导弹研究院' });
    // By name in the database's collation: 洛 (U+6D1B) before 空 (U+7A7A).
    expect((await roster.list(allianceId)).map((member) => member.memberId)).toEqual([
      'unit-b',
      'unit-a',
      'community-a',
    ]);
    expect((await roster.list(allianceId, 'community')).map((member) => member.memberId)).toEqual([
      'community-a',
    ]);
  });

  it('takes every submitter of stored lists onto the roster when the migration runs', async () => {
    // A database of its own, migrated up to the roster, with lists in it; then the roster migration.
    const name = `redcrowd_roster_${randomUUID().slice(0, 8)}`;
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${name}`;
    const before = MIGRATIONS.slice(
      0,
      MIGRATIONS.findIndex((migration) => migration.name === 'AllianceRoster1795651200000'),
    );
    const earlier = new DataSource({
      type: 'postgres',
      url: url.toString(),
      entities: ENTITIES,
      migrations: before,
    });
    try {
      await earlier.initialize();
      await earlier.runMigrations();
      const lists = await startServicesOver(url.toString());
      const alliance = await seedAlliance(lists, { units: 2, roster: false });
      await lists.close();
      await earlier.destroy();
      const later = new DataSource({
        type: 'postgres',
        url: url.toString(),
        entities: ENTITIES,
        migrations: MIGRATIONS,
      });
      await later.initialize();
      await later.runMigrations();
      const members = await later.query(
        `SELECT member_kind, member_id, name, status FROM alliance_members WHERE alliance_id = $1 ORDER BY 1, 2`,
        [alliance.allianceId],
      );
      expect(members).toEqual([
        { member_kind: 'community', member_id: alliance.communityId, name: '014中心社区', status: 'active' },
        { member_kind: 'unit', member_id: alliance.units[0], name: '成员单位1', status: 'active' },
        { member_kind: 'unit', member_id: alliance.units[1], name: '成员单位2', status: 'active' },
      ]);
      const audit = await later.query(`SELECT DISTINCT actor, action FROM alliance_member_events`);
      expect(audit).toEqual([{ actor: 'migration', action: 'enrolled-from-lists' }]);
      await later.destroy();
    } finally {
      if (earlier.isInitialized) await earlier.destroy();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }, 60_000);
});

/** A services context over another database, only to store lists there as intake would. */
async function startServicesOver(databaseUrl: string): Promise<ServicesContext> {
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = databaseUrl;
  try {
    return await startServices([]);
  } finally {
    process.env.DATABASE_URL = previous;
  }
}
