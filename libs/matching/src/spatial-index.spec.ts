import fc from 'fast-check';
import { greatCircleKm } from './geo';
import type { ResourceItemInput } from './model';
import { ResourceSpatialIndex } from './spatial-index';

const MANGLING_ROAD = { lat: 34.684, lng: 112.437 }; // 邙岭路, Luoyang

function resource(overrides: Partial<ResourceItemInput> = {}): ResourceItemInput {
  return {
    id: 'r1',
    allianceId: 'alliance-jianxi',
    unitId: 'unit-kongkong-daodan',
    category: 'elderly-care',
    quantityUnit: 'meals',
    capacity: 40,
    lat: MANGLING_ROAD.lat,
    lng: MANGLING_ROAD.lng,
    serviceRadiusKm: 5,
    availableFrom: 0,
    availableTo: 1,
    tags: [],
    ...overrides,
  };
}

const CROSS = { allowCrossAlliance: true };
const PER_ALLIANCE = { allowCrossAlliance: false };

function idsNear(
  index: ResourceSpatialIndex,
  lat: number,
  lng: number,
  categories = ['elderly-care'],
  unit = 'meals',
  alliance = 'alliance-jianxi',
): string[] {
  return index
    .query(lat, lng, categories, unit, alliance)
    .map((found) => found.resource.id)
    .sort();
}

describe('ResourceSpatialIndex', () => {
  it('finds a resource whose radius reaches the point, with the great-circle distance', () => {
    const index = new ResourceSpatialIndex([resource()], PER_ALLIANCE);
    const [found] = index.query(34.7, 112.45, ['elderly-care'], 'meals', 'alliance-jianxi');
    expect(found?.resource.id).toBe('r1');
    expect(found?.distanceKm).toBe(greatCircleKm(MANGLING_ROAD.lat, MANGLING_ROAD.lng, 34.7, 112.45));
  });

  it("uses each resource's own radius, not the largest in its bucket", () => {
    const index = new ResourceSpatialIndex(
      [resource({ id: 'near', serviceRadiusKm: 1 }), resource({ id: 'far', serviceRadiusKm: 50 })],
      PER_ALLIANCE,
    );
    // About 3.3 km north of 邙岭路.
    expect(idsNear(index, MANGLING_ROAD.lat + 0.03, MANGLING_ROAD.lng)).toEqual(['far']);
    expect(idsNear(index, MANGLING_ROAD.lat + 0.005, MANGLING_ROAD.lng)).toEqual(['far', 'near']);
  });

  it('includes a point exactly on the radius and a resource with radius 0 at the same spot', () => {
    const onEdge = greatCircleKm(MANGLING_ROAD.lat, MANGLING_ROAD.lng, 34.72, 112.437);
    const index = new ResourceSpatialIndex(
      [resource({ id: 'edge', serviceRadiusKm: onEdge }), resource({ id: 'door', serviceRadiusKm: 0 })],
      PER_ALLIANCE,
    );
    expect(idsNear(index, 34.72, 112.437)).toEqual(['edge']);
    expect(idsNear(index, MANGLING_ROAD.lat, MANGLING_ROAD.lng)).toEqual(['door', 'edge']);
  });

  it('keeps alliances, units and categories apart', () => {
    const index = new ResourceSpatialIndex(
      [
        resource({ id: 'other-alliance', allianceId: 'alliance-xigong' }),
        resource({ id: 'other-unit', quantityUnit: 'people' }),
        resource({ id: 'other-category', category: 'health' }),
        resource({ id: 'match' }),
      ],
      PER_ALLIANCE,
    );
    expect(idsNear(index, MANGLING_ROAD.lat, MANGLING_ROAD.lng)).toEqual(['match']);
    expect(idsNear(index, MANGLING_ROAD.lat, MANGLING_ROAD.lng, ['elderly-care', 'health'])).toEqual([
      'match',
      'other-category',
    ]);
  });

  it('pools alliances when cross-alliance sharing is on', () => {
    const index = new ResourceSpatialIndex(
      [resource({ id: 'xigong', allianceId: 'alliance-xigong' })],
      CROSS,
    );
    expect(idsNear(index, MANGLING_ROAD.lat, MANGLING_ROAD.lng)).toEqual(['xigong']);
  });

  it('reaches across the antimeridian', () => {
    const index = new ResourceSpatialIndex(
      [
        resource({ id: 'east', lat: 0, lng: 179.99 }),
        resource({ id: 'written-past-180', lat: 0.01, lng: 180.02 }),
      ],
      PER_ALLIANCE,
    );
    expect(idsNear(index, 0, -179.99)).toEqual(['east', 'written-past-180']);
    expect(idsNear(index, 0, 180.01)).toEqual(['east', 'written-past-180']);
  });

  it('reaches over a pole to the opposite meridian', () => {
    const index = new ResourceSpatialIndex(
      [resource({ id: 'polar', lat: 89.99, lng: 0, serviceRadiusKm: 3 })],
      PER_ALLIANCE,
    );
    expect(idsNear(index, 89.99, 180)).toEqual(['polar']);
    expect(idsNear(index, 90, 77)).toEqual(['polar']);
    expect(idsNear(index, 89.9, 180)).toEqual([]);
  });

  it('serves the whole globe from a resource with an unlimited radius', () => {
    const index = new ResourceSpatialIndex([resource({ serviceRadiusKm: Infinity })], PER_ALLIANCE);
    expect(idsNear(index, -34.684, -67.563)).toEqual(['r1']);
  });

  it('leaves out resources it cannot place and answers no unplaceable query', () => {
    const index = new ResourceSpatialIndex(
      [
        resource({ id: 'nan', lat: Number.NaN }),
        resource({ id: 'beyond-pole', lat: 91 }),
        resource({ id: 'negative-radius', serviceRadiusKm: -1 }),
        resource({ id: 'ok' }),
      ],
      PER_ALLIANCE,
    );
    expect(index.size).toBe(1);
    expect(idsNear(index, MANGLING_ROAD.lat, MANGLING_ROAD.lng)).toEqual(['ok']);
    expect(idsNear(index, Number.NaN, MANGLING_ROAD.lng)).toEqual([]);
  });

  it('says whether there is any supply for a category, unit and alliance, wherever it is', () => {
    const index = new ResourceSpatialIndex([resource({ lat: -40, lng: -70 })], PER_ALLIANCE);
    expect(index.hasSupply(['health', 'elderly-care'], 'meals', 'alliance-jianxi')).toBe(true);
    expect(index.hasSupply(['health'], 'meals', 'alliance-jianxi')).toBe(false);
    expect(index.hasSupply(['elderly-care'], 'meals', 'alliance-xigong')).toBe(false);
  });

  describe('agrees with a scan of every resource', () => {
    // Clusters where grids are tricky: a city, both poles, the antimeridian, the equator.
    const centres: [number, number][] = [
      [34.684, 112.437],
      [89.95, 0],
      [-89.9, 50],
      [0, 179.95],
      [0, 0],
    ];
    const radii = [0, 0.3, 1, 2.5, 7, 40, 150, 2000, 21000, Infinity];
    const point = fc
      .tuple(
        fc.constantFrom(...centres),
        fc.double({ min: -0.6, max: 0.6, noNaN: true }),
        fc.double({ min: -1.5, max: 1.5, noNaN: true }),
      )
      .map(([[lat, lng], dLat, dLng]) => ({ lat: Math.max(-90, Math.min(90, lat + dLat)), lng: lng + dLng }));
    const resourceArb = fc.record({
      point,
      serviceRadiusKm: fc.oneof(fc.constantFrom(...radii), fc.double({ min: 0, max: 120, noNaN: true })),
      category: fc.constantFrom('elderly-care', 'health'),
      allianceId: fc.constantFrom('a', 'b'),
    });

    it('for random resources and query points', () => {
      fc.assert(
        fc.property(
          fc.array(resourceArb, { maxLength: 60 }),
          fc.array(point, { minLength: 1, maxLength: 20 }),
          fc.boolean(),
          (specs, queries, allowCrossAlliance) => {
            const resources = specs.map((s, i) =>
              resource({
                id: `r${i}`,
                lat: s.point.lat,
                lng: s.point.lng,
                serviceRadiusKm: s.serviceRadiusKm,
                category: s.category,
                allianceId: s.allianceId,
              }),
            );
            const index = new ResourceSpatialIndex(resources, { allowCrossAlliance });
            for (const q of queries) {
              const expected = resources
                .filter(
                  (r) =>
                    r.category === 'elderly-care' &&
                    (allowCrossAlliance || r.allianceId === 'a') &&
                    greatCircleKm(r.lat, r.lng, q.lat, q.lng) <= r.serviceRadiusKm,
                )
                .map((r) => r.id)
                .sort();
              expect(idsNear(index, q.lat, q.lng, ['elderly-care'], 'meals', 'a')).toEqual(expected);
            }
          },
        ),
        { numRuns: 300 },
      );
    });

    it('for resources whose radius ends exactly at the query point', () => {
      fc.assert(
        fc.property(fc.array(fc.tuple(point, point), { minLength: 1, maxLength: 30 }), (pairs) => {
          const resources = pairs.map(([at, query], i) =>
            resource({
              id: `r${i}`,
              lat: at.lat,
              lng: at.lng,
              serviceRadiusKm: greatCircleKm(at.lat, at.lng, query.lat, query.lng),
            }),
          );
          const index = new ResourceSpatialIndex(resources, PER_ALLIANCE);
          pairs.forEach(([, query], i) => {
            expect(idsNear(index, query.lat, query.lng)).toContain(`r${i}`);
          });
        }),
        { numRuns: 300 },
      );
    });
  });
});
