import fc from 'fast-check';
import { gazetteerFinder, nameClash, placeKey, placeName, type GazetteerEntry } from './gazetteer';

/** 邙岭路街道's places as its coordinators would enter them. */
const CENTRAL: GazetteerEntry = {
  name: '邙岭路街道中心社区',
  lat: 34.6873,
  lng: 112.414,
  address: '洛阳市西工区邙岭路街道 014 中心社区',
  aliases: ['中心社区', '014中心社区'],
};
const BUILDING_52: GazetteerEntry = {
  name: '中心社区52号楼',
  lat: 34.6879,
  lng: 112.4151,
  address: '014 中心社区 52 号楼',
};
const BUILDING_53: GazetteerEntry = { name: '中心社区53号楼', lat: 34.688, lng: 112.4153 };
const ZHENGQI: GazetteerEntry = { name: '正启小区', lat: 34.6901, lng: 112.4102, aliases: ['正启花园'] };
const PLACES = [CENTRAL, BUILDING_52, BUILDING_53, ZHENGQI];

const finder = gazetteerFinder(PLACES);
const found = (name: string) => {
  const lookup = finder.find(name);
  return 'place' in lookup ? lookup.place.name : lookup;
};

describe('gazetteerFinder', () => {
  it('finds a place by its name with full-width digits, other spaces and case', () => {
    expect(found('中心社区５２号楼')).toBe('中心社区52号楼');
    expect(found(' 中心社区 52 号楼 ')).toBe('中心社区52号楼');
    expect(found('正启小区')).toBe('正启小区');
    expect(gazetteerFinder([{ name: 'Building A', lat: 1, lng: 2 }]).find('ｂｕｉｌｄｉｎｇ　a')).toEqual({
      place: { name: 'Building A', lat: 1, lng: 2 },
    });
  });

  it('finds a place by an alias, as people write the same place several ways', () => {
    expect(found('中心社区')).toBe('邙岭路街道中心社区');
    expect(found('014 中心社区')).toBe('邙岭路街道中心社区');
    expect(found('正启花园')).toBe('正启小区');
  });

  it('takes a partial name only when exactly one place holds it', () => {
    expect(found('52号楼')).toBe('中心社区52号楼');
    expect(found('正启')).toBe('正启小区');
    // Both buildings hold 号楼: not guessed, both suggested.
    expect(found('号楼')).toEqual({ suggestions: ['中心社区52号楼', '中心社区53号楼'] });
  });

  it('does not take a bare number or a single character as part of a name', () => {
    expect(found('52')).toEqual({ suggestions: [] });
    expect(gazetteerFinder([ZHENGQI]).find('正')).toEqual({ suggestions: [] });
  });

  it('prefers a place’s own name over another place’s alias', () => {
    const community = { name: '中心社区', lat: 34.7, lng: 112.4 };
    const finder = gazetteerFinder([{ ...CENTRAL, aliases: ['中心社区'] }, community]);
    expect(finder.find('中心社区')).toEqual({ place: community });
  });

  it('suggests the closest names for a misspelt one, nearest first, at most three', () => {
    expect(found('中新社区52号楼')).toEqual({
      suggestions: ['中心社区52号楼', '中心社区53号楼'],
    });
    expect(found('正起小区')).toEqual({ suggestions: ['正启小区'] });
    expect(found('芒岭路街道中心社区')).toEqual({ suggestions: ['邙岭路街道中心社区'] });
    const many = gazetteerFinder(
      ['1号楼', '2号楼', '3号楼', '4号楼', '5号楼'].map((name, index) => ({ name, lat: index, lng: 0 })),
    );
    expect(many.find('7号楼')).toEqual({ suggestions: ['1号楼', '2号楼', '3号楼'] });
  });

  it('suggests a place whose name the row’s longer name holds, without taking it', () => {
    expect(found('西工区正启小区3号院')).toEqual({ suggestions: ['正启小区'] });
  });

  it('suggests nothing far from every name', () => {
    expect(found('洛阳师范学院')).toEqual({ suggestions: [] });
    expect(found('')).toEqual({ suggestions: [] });
    expect(gazetteerFinder([]).find('中心社区')).toEqual({ suggestions: [] });
  });

  const chinese = fc
    .array(fc.constantFrom(...'邙岭路街道中心社区正启小区号楼单元西工洛阳'), { minLength: 1, maxLength: 8 })
    .map((chars) => chars.join(''));
  const name = fc.oneof(
    chinese,
    fc
      .tuple(chinese, fc.integer({ min: 1, max: 120 }), fc.constantFrom('号楼', '号院', '栋'))
      .map(([head, number, tail]) => `${head}${number}${tail}`),
  );
  const gazetteer = fc
    .uniqueArray(fc.tuple(name, fc.array(name, { maxLength: 2 })), {
      minLength: 1,
      maxLength: 12,
      selector: ([own]) => placeKey(own),
    })
    .map((entries) =>
      entries.map(([own, aliases], index) => ({ name: own, lat: index, lng: index, aliases })),
    );

  /** Full-width digits and letters, ideographic spaces and stray spaces, as sheets are typed. */
  const retyped = (text: string) =>
    ` ${text
      .replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))
      .split('')
      .join('\u3000')} `;

  it('finds any place by its own name, however its digits and spaces are typed', () => {
    fc.assert(
      fc.property(gazetteer, fc.nat(), (places, pick) => {
        const place = places[pick % places.length]!;
        const finder = gazetteerFinder(places);
        expect(finder.find(place.name)).toEqual({ place });
        expect(finder.find(retyped(place.name))).toEqual({ place });
      }),
    );
  });

  it('finds any place by an alias no other place answers to', () => {
    fc.assert(
      fc.property(gazetteer, (places) => {
        const finder = gazetteerFinder(places);
        for (const place of places) {
          for (const alias of place.aliases) {
            const others = places.filter(
              (other) =>
                other !== place &&
                [other.name, ...other.aliases].some((own) => placeKey(own) === placeKey(alias)),
            );
            if (others.length === 0) expect(finder.find(retyped(alias))).toEqual({ place });
          }
        }
      }),
    );
  });

  it('answers a name with one place or at most three suggestions of known names', () => {
    fc.assert(
      fc.property(gazetteer, name, (places, asked) => {
        const lookup = gazetteerFinder(places).find(asked);
        if ('place' in lookup) expect(places).toContain(lookup.place);
        else {
          expect(lookup.suggestions.length).toBeLessThanOrEqual(3);
          for (const suggested of lookup.suggestions)
            expect(places.map((place) => place.name)).toContain(suggested);
        }
      }),
    );
  });
});

describe('placeName and placeKey', () => {
  it('tidies a name for showing and keys it for comparing', () => {
    expect(placeName('  中心社区　５２号楼  ')).toBe('中心社区 52号楼');
    expect(placeKey('中心社区　５２号楼')).toBe(placeKey('中心社区52号楼'));
    expect(placeKey('Building A')).toBe(placeKey('BUILDING  a'));
  });
});

describe('nameClash', () => {
  const stored = PLACES.map((place, index) => ({ ...place, id: `p${index}` }));

  it('names the place that already answers to a new place’s name or alias', () => {
    expect(nameClash(stored, { name: '中心社区 52 号楼' }, () => false)).toMatchObject({
      name: '中心社区 52 号楼',
      place: { id: 'p1' },
    });
    expect(nameClash(stored, { name: '中心广场', aliases: ['正启花园'] }, () => false)).toMatchObject({
      name: '正启花园',
      place: { id: 'p3' },
    });
    expect(nameClash(stored, { name: '中心广场' }, () => false)).toBeUndefined();
  });

  it('lets a place keep its own names when it is changed', () => {
    expect(nameClash(stored, { ...CENTRAL, aliases: ['中心社区'] }, (place) => place.id === 'p0')).toBe(
      undefined,
    );
  });
});
