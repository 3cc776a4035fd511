import type { Client } from 'pg';
import { demandItem, demandList, resourceItem, resourceList } from '@test/fixtures/lists';
import type { KafkaSubmitter } from '@test/support/answers';
import { enroll } from '@test/support/roster';

/** A member of a fault scenario's alliance, as its lists name it. */
export interface CastMember {
  kind: 'unit' | 'community';
  id: string;
  name: string;
}

/** One alliance of the load: units offering meals (幸福食堂), communities asking for them. */
export interface CastAlliance {
  allianceId: string;
  units: CastMember[];
  communities: CastMember[];
}

/** One submission as it goes onto the submission topic: its kind, Kafka key and bytes. */
export interface Submission {
  kind: 'resource' | 'demand';
  key: string | null;
  value: string | Buffer | null;
}

/**
 * Alliances of their own (ids start with `prefix`, so the ledger can find them in a shared
 * database), their units and communities on the roster (成员名册) before any list is sent.
 */
export async function castAlliances(
  db: Client,
  prefix: string,
  count: number,
  members = { units: 3, communities: 3 },
): Promise<CastAlliance[]> {
  const cast: CastAlliance[] = [];
  for (let index = 0; index < count; index++) {
    const allianceId = `${prefix}${index}`;
    const units = Array.from({ length: members.units }, (_, n) => ({
      kind: 'unit' as const,
      id: `unit-${n}-${allianceId}`,
      name: `联盟单位${n}`,
    }));
    const communities = Array.from({ length: members.communities }, (_, n) => ({
      kind: 'community' as const,
      id: `community-${n}-${allianceId}`,
      name: `社区${n}`,
    }));
    await enroll(db, allianceId, ...units, ...communities);
    cast.push({ allianceId, units, communities });
  }
  return cast;
}

// Everything within a few hundred metres of 014中心社区 and inside the canteens' season, so
// every demand the load sends can be matched: a demand without a project is then lost work.
// The demand window is already open (work can be confirmed done) and ends in three months.
const PLACE = { lat: 34.6852, lng: 112.4371, address: '西工区邙岭路街道014中心社区' };
const DAY_MS = 24 * 60 * 60 * 1000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();
const SEASON = { from: daysFromNow(-30), to: daysFromNow(180) };
const WEEKS = { from: daysFromNow(-1), to: daysFromNow(90) };
const SUBMITTED_AT = daysFromNow(-2);

/**
 * `count` valid lists spread over the alliances: every third one a unit's 资源清单 (a canteen
 * with far more meals than the demands ask), the others a community's 需求清单 of one meals
 * item. Each alliance's first list is a resource list, so rounds have supply from the start.
 */
export function validLists(cast: CastAlliance[], count: number): Submission[] {
  return Array.from({ length: count }, (_, index) => {
    const alliance = cast[index % cast.length]!;
    const turn = Math.floor(index / cast.length);
    if (turn % 3 === 0) {
      const unit = alliance.units[(turn / 3) % alliance.units.length]!;
      const list = resourceList({
        listId: `rl-${turn}`,
        allianceId: alliance.allianceId,
        unit: { id: unit.id, name: unit.name },
        submittedAt: SUBMITTED_AT,
        items: [
          resourceItem({
            itemId: 'canteen',
            category: 'elderly-care',
            title: '幸福食堂午餐',
            unit: 'meals',
            quantity: 1000,
            location: PLACE,
            serviceRadiusKm: 10,
            available: SEASON,
          }),
        ],
      });
      return { kind: 'resource', key: unit.id, value: JSON.stringify(list) };
    }
    const community = alliance.communities[turn % alliance.communities.length]!;
    const list = demandList({
      listId: `dl-${turn}`,
      allianceId: alliance.allianceId,
      submitter: community,
      submittedAt: SUBMITTED_AT,
      items: [demandItem({ itemId: 'meals', quantity: 5, location: PLACE, window: WEEKS })],
    });
    return { kind: 'demand', key: community.id, value: JSON.stringify(list) };
  });
}

/**
 * Sends submissions in small batches with a pause between them, so they keep flowing while a
 * scenario kills or stops a process: a fault lands mid-stream, not after the load.
 */
export async function sendInBatches(
  kafka: KafkaSubmitter,
  submissions: Submission[],
  options: { batchSize?: number; pauseMs?: number } = {},
): Promise<number> {
  const { batchSize = 20, pauseMs = 40 } = options;
  for (let start = 0; start < submissions.length; start += batchSize) {
    const batch = submissions.slice(start, start + batchSize);
    for (const kind of ['resource', 'demand'] as const) {
      const messages = batch.filter((submission) => submission.kind === kind);
      if (messages.length > 0) await kafka.submitMany(kind, messages);
    }
    await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  return submissions.length;
}
