import type { AlliancePlace } from '@redcrowd/persistence';
import { checkPlace, tidyPlace, type PlaceDraft } from './place-rules';

const draft = (fields: Partial<PlaceDraft> = {}): PlaceDraft => ({
  name: '正启小区',
  kind: 'compound',
  parentId: null,
  lat: 34.6901,
  lng: 112.4102,
  address: null,
  aliases: [],
  ...fields,
});

const stored = (placeId: string, name: string, parentId: string | null = null): AlliancePlace => ({
  ...draft({ name, parentId }),
  allianceId: 'luoyang-mangling',
  placeId,
  createdAt: new Date(0),
  updatedAt: new Date(0),
});

describe('tidyPlace', () => {
  it('tidies the name, keys it, and keeps each other name once', () => {
    expect(
      tidyPlace(
        draft({ name: ' 正启　小区 ', aliases: ['正启花园', ' 正启花园', '正启小区', ' '], address: '  ' }),
      ),
    ).toMatchObject({ name: '正启 小区', nameKey: '正启小区', aliases: ['正启花园'], address: null });
  });

  it('refuses a name of spaces only, naming the field', () => {
    expect(() => tidyPlace(draft({ name: '　 ' }))).toThrow(expect.objectContaining({ field: 'name' }));
  });
});

describe('checkPlace', () => {
  const places = [stored('a', '邙岭路街道中心社区'), stored('b', '正启小区', 'a'), stored('c', '3号楼', 'b')];

  it('refuses a parent inside the place itself, however deep', () => {
    const community = tidyPlace(draft({ name: '邙岭路街道中心社区', parentId: 'c' }));
    expect(() => checkPlace(places, community, 'a')).toThrow(
      expect.objectContaining({ code: 'invalid-request', field: 'parentId' }),
    );
    expect(() => checkPlace(places, tidyPlace(draft({ name: '3号楼', parentId: 'c' })), 'c')).toThrow(
      expect.objectContaining({ field: 'parentId' }),
    );
  });

  it('takes a parent of the gazetteer, and refuses one it does not hold', () => {
    expect(() => checkPlace(places, tidyPlace(draft({ name: '4号楼', parentId: 'b' })))).not.toThrow();
    expect(() => checkPlace(places, tidyPlace(draft({ name: '4号楼', parentId: 'z' })))).toThrow(
      expect.objectContaining({ field: 'parentId' }),
    );
  });

  it('refuses a name another place has, with that place', () => {
    expect(() => checkPlace(places, tidyPlace(draft({ name: '３号楼' })))).toThrow(
      expect.objectContaining({ code: 'place-exists', field: 'name', attachments: { place: places[2] } }),
    );
  });
});
