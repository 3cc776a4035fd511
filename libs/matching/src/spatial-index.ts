import {
  EARTH_RADIUS_KM,
  MAX_SURFACE_DISTANCE_KM,
  cosLatitude,
  greatCircleKmWithCosines,
  isValidLocation,
  normalizeLongitude,
} from './geo';
import type { ResourceItemInput } from './model';

/** A resource whose own service radius reaches a queried point, and how far it is. */
export interface ResourceInReach {
  resource: ResourceItemInput;
  distanceKm: number;
}

export interface ResourceSpatialIndexOptions {
  /** Pool every alliance's resources together instead of keying buckets by alliance. */
  allowCrossAlliance: boolean;
}

const KM_PER_DEGREE = (Math.PI * EARTH_RADIUS_KM) / 180;
// Cells smaller than ~1 km only add look-ups; larger than 30° they stop pruning anything.
const MIN_CELL_DEGREES = 0.01;
const MAX_CELL_DEGREES = 30;
// Slack on every query range so rounding can never drop a resource on a cell edge; it
// only costs an occasional extra cell, and the exact distance check follows anyway.
const RANGE_SLACK_DEGREES = 1e-6;
const RANGE_SLACK_FACTOR = 1 + 1e-9;
// Radii are grouped into tiers that double (≤1 km, ≤2 km, ≤4 km, ...), each with its own
// grid, so one far-reaching resource does not widen every query of its bucket.
const MAX_RADIUS_TIER = Math.ceil(Math.log2(MAX_SURFACE_DISTANCE_KM));

/**
 * A static index of resource items for candidate generation. Resources are bucketed by
 * (alliance, quantity unit, category) and, within a bucket, by service-radius tier; each
 * tier is a uniform latitude/longitude grid whose cell is about as wide as the tier's
 * largest radius. A query visits only the cells that resource could reach from, so the
 * work grows with nearby supply, not with the number of resources.
 *
 * Resources with an unplaceable location (non-finite, |lat| > 90) or a negative or NaN
 * service radius are left out: they can serve nobody.
 */
export class ResourceSpatialIndex {
  private readonly buckets = new Map<string, RadiusTierGrid[]>();
  private readonly allowCrossAlliance: boolean;
  readonly size: number;

  constructor(resources: readonly ResourceItemInput[], options: ResourceSpatialIndexOptions) {
    this.allowCrossAlliance = options.allowCrossAlliance;
    const grouped = new Map<string, Map<number, ResourceItemInput[]>>();
    let size = 0;
    for (const resource of resources) {
      if (!isValidLocation(resource.lat, resource.lng) || !(resource.serviceRadiusKm >= 0)) continue;
      const key = this.bucketKey(resource.allianceId, resource.quantityUnit, resource.category);
      const tiers = grouped.get(key) ?? new Map<number, ResourceItemInput[]>();
      grouped.set(key, tiers);
      const tier = radiusTier(resource.serviceRadiusKm);
      const members = tiers.get(tier) ?? [];
      tiers.set(tier, members);
      members.push(resource);
      size += 1;
    }
    for (const [key, tiers] of grouped) {
      this.buckets.set(
        key,
        [...tiers.values()].map((members) => new RadiusTierGrid(members)),
      );
    }
    this.size = size;
  }

  /** Whether any indexed resource of these categories and unit is open to the alliance, wherever it is. */
  hasSupply(categories: readonly string[], quantityUnit: string, allianceId: string): boolean {
    return categories.some((category) =>
      this.buckets.has(this.bucketKey(allianceId, quantityUnit, category)),
    );
  }

  /**
   * Resources of the given categories and unit, open to the alliance, whose own service
   * radius reaches (lat, lng) by great-circle distance. Order is unspecified.
   */
  query(
    lat: number,
    lng: number,
    categories: readonly string[],
    quantityUnit: string,
    allianceId: string,
  ): ResourceInReach[] {
    const found: ResourceInReach[] = [];
    if (!isValidLocation(lat, lng)) return found;
    for (const category of new Set(categories)) {
      const grids = this.buckets.get(this.bucketKey(allianceId, quantityUnit, category));
      for (const grid of grids ?? []) grid.collect(lat, lng, found);
    }
    return found;
  }

  private bucketKey(allianceId: string, quantityUnit: string, category: string): string {
    // NUL cannot appear in the codes, so the key is unambiguous.
    return `${this.allowCrossAlliance ? '' : allianceId}\u0000${quantityUnit}\u0000${category}`;
  }
}

/**
 * Resources of one bucket and radius tier on a uniform grid over the whole globe. Members
 * are stored cell by cell in flat arrays (coordinates, latitude cosines, radii), so a query
 * reads each visited cell as one contiguous run.
 */
class RadiusTierGrid {
  /** Cell key → slot; a slot's members are `slotStart[slot]` up to `slotStart[slot + 1]`. */
  private readonly cells = new Map<number, number>();
  private readonly slotStart: Int32Array;
  private readonly members: ResourceItemInput[];
  private readonly lat: Float64Array;
  private readonly lng: Float64Array;
  private readonly cosLat: Float64Array;
  private readonly radiusKm: Float64Array;
  /** The largest service radius in this tier, capped at half the circumference. */
  private readonly reachKm: number;
  private readonly rows: number;
  private readonly cols: number;
  private readonly cellLatDegrees: number;
  private readonly cellLngDegrees: number;

  constructor(members: readonly ResourceItemInput[]) {
    let reach = 0;
    for (const member of members) reach = Math.max(reach, member.serviceRadiusKm);
    this.reachKm = Math.min(reach, MAX_SURFACE_DISTANCE_KM);
    const cellDegrees = clamp(this.reachKm / KM_PER_DEGREE, MIN_CELL_DEGREES, MAX_CELL_DEGREES);
    // Whole numbers of cells around the globe, so wrapping across the antimeridian is exact.
    this.rows = Math.ceil(180 / cellDegrees);
    this.cols = Math.ceil(360 / cellDegrees);
    this.cellLatDegrees = 180 / this.rows;
    this.cellLngDegrees = 360 / this.cols;

    const keyed = members.map((member) => ({
      member,
      key: this.rowOf(member.lat) * this.cols + this.colOf(normalizeLongitude(member.lng)),
    }));
    keyed.sort((a, b) => a.key - b.key);
    const n = keyed.length;
    this.members = new Array<ResourceItemInput>(n);
    this.lat = new Float64Array(n);
    this.lng = new Float64Array(n);
    this.cosLat = new Float64Array(n);
    this.radiusKm = new Float64Array(n);
    const starts: number[] = [];
    keyed.forEach(({ member, key }, i) => {
      this.members[i] = member;
      this.lat[i] = member.lat;
      this.lng[i] = member.lng;
      this.cosLat[i] = cosLatitude(member.lat);
      this.radiusKm[i] = member.serviceRadiusKm;
      if (!this.cells.has(key)) {
        this.cells.set(key, starts.length);
        starts.push(i);
      }
    });
    starts.push(n);
    this.slotStart = Int32Array.from(starts);
  }

  collect(lat: number, lng: number, found: ResourceInReach[]): void {
    const reachDegrees = (this.reachKm / KM_PER_DEGREE) * RANGE_SLACK_FACTOR + RANGE_SLACK_DEGREES;
    const latFrom = lat - reachDegrees;
    const latTo = lat + reachDegrees;
    const rowFrom = this.rowOf(Math.max(-90, latFrom));
    const rowTo = this.rowOf(Math.min(90, latTo));
    const colRanges = this.colRanges(
      lat,
      normalizeLongitude(lng),
      reachDegrees,
      latFrom <= -90 || latTo >= 90,
    );

    let cellsInRange = 0;
    for (const [from, to] of colRanges) cellsInRange += (to - from + 1) * (rowTo - rowFrom + 1);
    const cosLat = cosLatitude(lat);
    const visit = (slot: number): void => {
      const end = this.slotStart[slot + 1] ?? 0;
      for (let i = this.slotStart[slot] ?? 0; i < end; i++) {
        const radiusKm = this.radiusKm[i] ?? 0;
        const memberLat = this.lat[i] ?? 0;
        // Distance is at least the latitude difference along a meridian: a cheap rejection
        // before the trigonometry, with slack so rounding never rejects a pair on the edge.
        if (Math.abs(memberLat - lat) * KM_PER_DEGREE > radiusKm * RANGE_SLACK_FACTOR + 1e-9) continue;
        // The same arithmetic as greatCircleKm(resource, point), so distances agree to the last bit.
        const distanceKm = greatCircleKmWithCosines(
          memberLat,
          this.lng[i] ?? 0,
          this.cosLat[i] ?? 0,
          lat,
          lng,
          cosLat,
        );
        const resource = this.members[i];
        if (distanceKm <= radiusKm && resource) found.push({ resource, distanceKm });
      }
    };

    if (cellsInRange <= this.cells.size) {
      for (let row = rowFrom; row <= rowTo; row++) {
        for (const [from, to] of colRanges) {
          for (let col = from; col <= to; col++) {
            const slot = this.cells.get(row * this.cols + col);
            if (slot !== undefined) visit(slot);
          }
        }
      }
      return;
    }
    // Near the poles a query can span more cells than are occupied: filter those instead.
    for (const [key, slot] of this.cells) {
      const row = Math.floor(key / this.cols);
      const col = key - row * this.cols;
      if (row < rowFrom || row > rowTo) continue;
      if (colRanges.some(([from, to]) => col >= from && col <= to)) visit(slot);
    }
  }

  /**
   * Column ranges (inclusive, non-wrapping) that hold every point within the reach of
   * (lat, lng). The longitude half-width is the exact bound asin(sin r / cos lat) of a
   * spherical cap; a cap that contains a pole spans every longitude.
   */
  private colRanges(
    lat: number,
    lng: number,
    reachDegrees: number,
    capHoldsPole: boolean,
  ): [number, number][] {
    const all: [number, number][] = [[0, this.cols - 1]];
    const reachRadians = (reachDegrees * Math.PI) / 180;
    if (capHoldsPole || reachRadians >= Math.PI / 2) return all;
    const ratio = Math.sin(reachRadians) / Math.cos((lat * Math.PI) / 180);
    if (!(ratio < 1)) return all;
    const halfWidth = (Math.asin(ratio) * 180) / Math.PI + RANGE_SLACK_DEGREES;
    const from = Math.floor((lng - halfWidth + 180) / this.cellLngDegrees);
    const to = Math.floor((lng + halfWidth + 180) / this.cellLngDegrees);
    if (to - from + 1 >= this.cols) return all;
    const start = mod(from, this.cols);
    const end = start + (to - from);
    if (end < this.cols) return [[start, end]];
    return [
      [start, this.cols - 1],
      [0, end - this.cols],
    ];
  }

  private rowOf(lat: number): number {
    return Math.min(this.rows - 1, Math.floor((lat + 90) / this.cellLatDegrees));
  }

  private colOf(normalizedLng: number): number {
    return mod(Math.floor((normalizedLng + 180) / this.cellLngDegrees), this.cols);
  }
}

function radiusTier(radiusKm: number): number {
  return radiusKm <= 1 ? 0 : Math.min(MAX_RADIUS_TIER, Math.ceil(Math.log2(radiusKm)));
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function mod(value: number, modulus: number): number {
  return ((value % modulus) + modulus) % modulus;
}
