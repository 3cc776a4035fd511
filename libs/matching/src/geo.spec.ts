import { EARTH_RADIUS_KM, greatCircleKm, isValidLocation, normalizeLongitude } from './geo';

const MANGLING_ROAD = { lat: 34.684, lng: 112.437 }; // 邙岭路, Luoyang

describe('greatCircleKm', () => {
  it('is zero from a point to itself', () => {
    expect(greatCircleKm(MANGLING_ROAD.lat, MANGLING_ROAD.lng, MANGLING_ROAD.lat, MANGLING_ROAD.lng)).toBe(0);
  });

  it('measures one degree of latitude as 1/360 of a meridian circle', () => {
    expect(greatCircleKm(34, 112.437, 35, 112.437)).toBeCloseTo((2 * Math.PI * EARTH_RADIUS_KM) / 360, 9);
  });

  it('agrees with the published Paris–London distance (about 343.5 km)', () => {
    expect(greatCircleKm(48.8566, 2.3522, 51.5074, -0.1278)).toBeCloseTo(343.56, 1);
  });

  it('is symmetric', () => {
    const there = greatCircleKm(34.684, 112.437, 34.7466, 113.6253);
    expect(greatCircleKm(34.7466, 113.6253, 34.684, 112.437)).toBe(there);
  });

  it('crosses the antimeridian the short way', () => {
    expect(greatCircleKm(0, 179.9, 0, -179.9)).toBeCloseTo(22.239, 3);
  });

  it('gives half the circumference for antipodal points', () => {
    expect(greatCircleKm(0, 0, 0, 180)).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
    expect(greatCircleKm(90, 0, -90, 0)).toBeCloseTo(Math.PI * EARTH_RADIUS_KM, 6);
  });

  it('goes over the pole between opposite meridians', () => {
    expect(greatCircleKm(89, 0, 89, 180)).toBeCloseTo((2 * Math.PI * EARTH_RADIUS_KM) / 180, 6);
  });

  it('does not care how a longitude is written', () => {
    expect(greatCircleKm(10, 190, 12, 20)).toBeCloseTo(greatCircleKm(10, -170, 12, 20), 9);
  });
});

describe('isValidLocation', () => {
  it('accepts the poles and any finite longitude', () => {
    expect(isValidLocation(90, 0)).toBe(true);
    expect(isValidLocation(-90, 540)).toBe(true);
  });

  it('rejects latitudes beyond the poles and non-finite numbers', () => {
    expect(isValidLocation(90.0001, 0)).toBe(false);
    expect(isValidLocation(Number.NaN, 0)).toBe(false);
    expect(isValidLocation(0, Number.POSITIVE_INFINITY)).toBe(false);
  });
});

describe('normalizeLongitude', () => {
  it.each([
    [0, 0],
    [180, -180],
    [-180, -180],
    [190, -170],
    [-190, 170],
    [720 + 112.437, 112.437],
  ])('maps %p to %p', (input, expected) => {
    expect(normalizeLongitude(input)).toBeCloseTo(expected, 9);
  });
});
