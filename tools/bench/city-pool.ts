import type { DemandItemInput, ResourceItemInput, Urgency } from '@redcrowd/matching';
import { seededRandom } from './seeded-lists';

const CATEGORIES = [
  'elderly-care',
  'childcare',
  'education',
  'health',
  'legal',
  'culture-sports',
  'volunteering',
  'repairs',
];
const URGENCIES: Urgency[] = ['routine', 'routine', 'routine', 'urgent', 'critical'];
const DAY = 24 * 60 * 60 * 1000;

/**
 * A city's open lists: `size` resource items and `size` demand items scattered over about
 * 30 × 30 km around 洛阳 (Luoyang), in 8 categories counted in person-hours, over December.
 */
export function seededCityPool(
  size: number,
  seed: number,
  now: number,
): { resources: ResourceItemInput[]; demands: DemandItemInput[] } {
  const random = seededRandom(seed);
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const lat = () => 34.55 + random() * 0.27;
  const lng = () => 112.3 + random() * 0.33;
  const start = now + Math.floor(random() * 10) * DAY;
  const resources = Array.from({ length: size }, (_, index) => {
    const from = now + Math.floor(random() * 20) * DAY;
    return {
      id: `r${index}`,
      allianceId: 'luoyang',
      unitId: `unit-${index % 500}`,
      category: pick(CATEGORIES),
      quantityUnit: 'person-hours',
      capacity: 1 + Math.floor(random() * 40),
      lat: lat(),
      lng: lng(),
      serviceRadiusKm: 1 + random() * 3,
      availableFrom: from,
      availableTo: from + (3 + Math.floor(random() * 20)) * DAY,
      tags: random() < 0.5 ? ['党员'] : ['志愿'],
    };
  });
  const demands = Array.from({ length: size }, (_, index) => {
    const from = start + Math.floor(random() * 20) * DAY;
    return {
      id: `d${index}`,
      allianceId: 'luoyang',
      submitterId: `community-${index % 300}`,
      category: pick(CATEGORIES),
      quantityUnit: 'person-hours',
      quantity: 1 + Math.floor(random() * 30),
      lat: lat(),
      lng: lng(),
      windowFrom: from,
      windowTo: from + (1 + Math.floor(random() * 10)) * DAY,
      urgency: pick(URGENCIES),
      postedAt: now - Math.floor(random() * 30) * DAY,
      tags: random() < 0.5 ? ['党员'] : [],
    };
  });
  return { resources, demands };
}
