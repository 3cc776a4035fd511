import { randomUUID } from 'node:crypto';
import { GazetteerModule } from '../../apps/matcher/src/gazetteer/gazetteer.module';
import { GazetteerService } from '../../apps/matcher/src/gazetteer/gazetteer.service';
import { startServices, type ServicesContext } from '@test/support/services-context';

/** The alliance gazetteer (地名库) against a real Postgres: places added, changed, refused and removed. */
describe('gazetteer use cases', () => {
  let context: ServicesContext;
  let gazetteer: GazetteerService;

  beforeAll(async () => {
    context = await startServices([GazetteerModule]);
    gazetteer = context.get(GazetteerService);
  }, 60_000);

  afterAll(() => context?.close());

  const newAlliance = () => `alliance-${randomUUID().slice(0, 8)}`;
  const central = {
    name: ' 邙岭路街道　中心社区 ',
    kind: 'community' as const,
    lat: 34.6873,
    lng: 112.414,
    address: '洛阳市西工区邙岭路街道 014 中心社区',
    aliases: ['中心社区', '014 中心社区', '中心社区', '邙岭路街道中心社区'],
  };

  it('adds a place with its name tidied and its aliases without repeats; lists the alliance’s places only', async () => {
    const allianceId = newAlliance();
    const added = await gazetteer.add(allianceId, central);
    expect(added).toMatchObject({
      allianceId,
      placeId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: '邙岭路街道 中心社区',
      kind: 'community',
      parentId: null,
      lat: 34.6873,
      lng: 112.414,
      aliases: ['中心社区', '014 中心社区'],
    });
    await gazetteer.add(newAlliance(), central);
    expect((await gazetteer.list(allianceId)).map((place) => place.placeId)).toEqual([added.placeId]);
  });

  it('refuses a name or alias another place answers to, naming that place', async () => {
    const allianceId = newAlliance();
    const community = await gazetteer.add(allianceId, central);
    await expect(
      gazetteer.add(allianceId, { name: '邙岭路街道中心社区', kind: 'compound', lat: 34.68, lng: 112.41 }),
    ).rejects.toMatchObject({
      code: 'place-exists',
      field: 'name',
      attachments: { place: { placeId: community.placeId } },
    });
    await expect(
      gazetteer.add(allianceId, { name: '中心社区', kind: 'compound', lat: 34.68, lng: 112.41 }),
    ).rejects.toMatchObject({ code: 'place-exists', field: 'name' });
    await expect(
      gazetteer.add(allianceId, {
        name: '正启小区',
        kind: 'compound',
        lat: 34.69,
        lng: 112.41,
        aliases: ['０１４中心社区'],
      }),
    ).rejects.toMatchObject({
      code: 'place-exists',
      field: 'aliases',
      message: expect.stringContaining('"014中心社区" is already a name of 邙岭路街道 中心社区'),
    });
    expect(await gazetteer.list(allianceId)).toHaveLength(1);
  });

  it('puts a building inside its compound, and refuses a parent of another alliance or inside itself', async () => {
    const allianceId = newAlliance();
    const compound = await gazetteer.add(allianceId, {
      name: '正启小区',
      kind: 'compound',
      lat: 34.6901,
      lng: 112.4102,
    });
    const building = await gazetteer.add(allianceId, {
      name: '正启小区3号楼',
      kind: 'building',
      lat: 34.6903,
      lng: 112.4105,
      parentId: compound.placeId,
    });
    expect(building.parentId).toBe(compound.placeId);
    await expect(
      gazetteer.update(allianceId, compound.placeId, { parentId: building.placeId }),
    ).rejects.toMatchObject({ code: 'invalid-request', field: 'parentId' });
    const elsewhere = await gazetteer.add(newAlliance(), { ...central, aliases: [] });
    await expect(
      gazetteer.add(allianceId, {
        name: '4号楼',
        kind: 'building',
        lat: 34.69,
        lng: 112.41,
        parentId: elsewhere.placeId,
      }),
    ).rejects.toMatchObject({ code: 'invalid-request', field: 'parentId' });
  });

  it('changes only the fields given, keeps its own names, and clears the address with null', async () => {
    const allianceId = newAlliance();
    const place = await gazetteer.add(allianceId, central);
    const moved = await gazetteer.update(allianceId, place.placeId, {
      lat: 34.6875,
      address: null,
      aliases: ['中心社区'],
    });
    expect(moved).toMatchObject({
      name: '邙岭路街道 中心社区',
      lat: 34.6875,
      lng: 112.414,
      address: null,
      aliases: ['中心社区'],
    });
    expect(moved.updatedAt.getTime()).toBeGreaterThanOrEqual(place.updatedAt.getTime());
    await expect(gazetteer.update(allianceId, randomUUID(), { lat: 1 })).rejects.toMatchObject({
      code: 'place-not-found',
    });
    await expect(gazetteer.update(newAlliance(), place.placeId, { lat: 1 })).rejects.toMatchObject({
      code: 'place-not-found',
    });
  });

  it('removes a place; places inside it stay, without a parent; a removed or unknown place is not found', async () => {
    const allianceId = newAlliance();
    const compound = await gazetteer.add(allianceId, {
      name: '正启小区',
      kind: 'compound',
      lat: 34.69,
      lng: 112.41,
    });
    const building = await gazetteer.add(allianceId, {
      name: '正启小区3号楼',
      kind: 'building',
      lat: 34.6903,
      lng: 112.4105,
      parentId: compound.placeId,
    });
    await expect(gazetteer.remove(newAlliance(), compound.placeId)).rejects.toMatchObject({
      code: 'place-not-found',
    });
    await gazetteer.remove(allianceId, compound.placeId);
    expect(await gazetteer.list(allianceId)).toEqual([
      expect.objectContaining({ placeId: building.placeId, parentId: null }),
    ]);
    await expect(gazetteer.remove(allianceId, compound.placeId)).rejects.toMatchObject({
      code: 'place-not-found',
    });
    await expect(gazetteer.remove(allianceId, 'not-a-uuid')).rejects.toMatchObject({
      code: 'place-not-found',
    });
  });

  it('keeps names apart when coordinators add the same place at once', async () => {
    const allianceId = newAlliance();
    const place = (name: string, aliases: string[] = []) => ({
      name,
      kind: 'community' as const,
      lat: 34.68,
      lng: 112.41,
      aliases,
    });
    const results = await Promise.allSettled(
      [place('中心社区'), place('中心社区 '), place('中心 社区'), place('正启小区', ['中心社区'])].map(
        (candidate) => gazetteer.add(allianceId, candidate),
      ),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(
      results.flatMap((result) =>
        result.status === 'rejected' ? [(result.reason as { code: string }).code] : [],
      ),
    ).toEqual(['place-exists', 'place-exists', 'place-exists']);
  });
});
