import { DEFAULT_CATEGORIES } from '@redcrowd/contracts';

/** A small deterministic PRNG (mulberry32) so every bench run publishes the same lists. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface SeededList {
  key: string;
  listId: string;
  itemCount: number;
  value: string;
}

/** The alliance the seeded lists go to, and its 20 member units (enrolled on its roster by the bench). */
export const BENCH_ALLIANCE_ID = 'luoyang-xigong-manglinglu';
export const BENCH_UNITS = Array.from({ length: 20 }, (_, index) => ({
  id: `bench-unit-${index}`,
  name: `联盟单位${index}`,
}));

/** Resource lists shaped like a street alliance's: 20 units, 10–90 items each, around 邙岭路. */
export function seededResourceLists(count: number, seed: number, runId: string): SeededList[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const unit = BENCH_UNITS[index % BENCH_UNITS.length]!;
    const unitId = unit.id;
    const listId = `bench-${runId}-${index}`;
    const itemCount = 10 + Math.floor(random() * 81);
    const items = Array.from({ length: itemCount }, (_, itemIndex) => ({
      itemId: `item-${itemIndex}`,
      category: DEFAULT_CATEGORIES[Math.floor(random() * DEFAULT_CATEGORIES.length)],
      title: `志愿服务 ${itemIndex}`,
      quantity: 1 + Math.floor(random() * 40),
      unit: 'person-hours',
      location: { lat: 34.6 + random() * 0.1, lng: 112.4 + random() * 0.1, address: '西工区邙岭路街道' },
      serviceRadiusKm: 1 + Math.floor(random() * 10),
      available: { from: '2026-12-01T08:00:00+08:00', to: '2026-12-31T18:00:00+08:00' },
      tags: ['志愿', '党员'],
    }));
    const list = {
      listId,
      allianceId: BENCH_ALLIANCE_ID,
      unit: { ...unit },
      submittedAt: '2026-11-21T09:00:00+08:00',
      items,
    };
    return { key: unitId, listId, itemCount, value: JSON.stringify(list) };
  });
}

export function percentile(sorted: number[], fraction: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))]!;
}
