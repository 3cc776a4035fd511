import type { AllocationInstance } from '@redcrowd/matching';
import { seededRandom } from './seeded-lists';

/**
 * A city-sized pool: `size` resource items and `size` demand items, each demand with about
 * `edgesPerDemand` candidate resources chosen near it (resources and demands are laid out
 * on a line, as on a map, so candidates are local but the graph stays connected).
 */
export function seededAllocationInstance(
  size: number,
  edgesPerDemand: number,
  seed: number,
): AllocationInstance {
  const random = seededRandom(seed);
  const supplies = Array.from({ length: size }, (_, index) => ({
    id: `r${index}`,
    capacity: 1 + Math.floor(random() * 40),
  }));
  const demands = Array.from({ length: size }, (_, index) => ({
    id: `d${index}`,
    quantity: 1 + Math.floor(random() * 30),
  }));
  const edges: AllocationInstance['edges'] = [];
  const neighbourhood = Math.max(edgesPerDemand * 4, 50);
  for (let demand = 0; demand < size; demand++) {
    const chosen = new Set<number>();
    const wanted = Math.max(1, Math.round(edgesPerDemand * (0.5 + random())));
    while (chosen.size < Math.min(wanted, size)) {
      const offset = Math.floor((random() - 0.5) * neighbourhood);
      chosen.add((demand + offset + size) % size);
    }
    for (const supply of chosen) {
      edges.push({
        supply: `r${supply}`,
        demand: `d${demand}`,
        weight: Math.round((0.05 + random() * 1.95) * 1e4) / 1e4,
      });
    }
  }
  return { supplies, demands, edges };
}
