/** Mean Earth radius (IUGG), in kilometres. */
export const EARTH_RADIUS_KM = 6371.0088;

/** Half the Earth's circumference: no two points are farther apart along the surface. */
export const MAX_SURFACE_DISTANCE_KM = Math.PI * EARTH_RADIUS_KM;

const RADIANS_PER_DEGREE = Math.PI / 180;

/**
 * Great-circle distance in km between two points given in degrees (haversine). Longitudes
 * need not be normalised: the formula only sees their difference through a periodic sine.
 */
export function greatCircleKm(lat1: number, lng1: number, lat2: number, lng2: number): number {
  return greatCircleKmWithCosines(lat1, lng1, cosLatitude(lat1), lat2, lng2, cosLatitude(lat2));
}

/** The cosine of a latitude in degrees, as `greatCircleKmWithCosines` expects it. */
export function cosLatitude(lat: number): number {
  return Math.cos(lat * RADIANS_PER_DEGREE);
}

/**
 * `greatCircleKm` for hot loops that know the latitudes' cosines already: the same
 * arithmetic in the same order, so the result is bit-identical.
 */
export function greatCircleKmWithCosines(
  lat1: number,
  lng1: number,
  cosLat1: number,
  lat2: number,
  lng2: number,
  cosLat2: number,
): number {
  const sinHalfDLat = Math.sin(((lat2 - lat1) * RADIANS_PER_DEGREE) / 2);
  const sinHalfDLng = Math.sin(((lng2 - lng1) * RADIANS_PER_DEGREE) / 2);
  const h = sinHalfDLat * sinHalfDLat + cosLat1 * cosLat2 * sinHalfDLng * sinHalfDLng;
  // Rounding can push h a hair above 1 for antipodal points.
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Whether a point can be placed on the globe: finite, latitude within ±90°. */
export function isValidLocation(lat: number, lng: number): boolean {
  return Number.isFinite(lat) && Number.isFinite(lng) && lat >= -90 && lat <= 90;
}

/** The same longitude in [-180, 180). */
export function normalizeLongitude(lng: number): number {
  const shifted = (((lng + 180) % 360) + 360) % 360;
  return shifted - 180;
}
