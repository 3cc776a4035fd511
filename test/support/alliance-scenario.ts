import { randomUUID } from 'node:crypto';
import { demandItem, demandList, resourceItem, resourceList } from '@test/fixtures/lists';
import { eventually } from './answers';
import type { MatcherHarness } from './intake-harness';
import { enroll } from './roster';

/** An alliance of its own with one canteen (30 meals) and a demand for meals (40 unless said), proposed. */
export interface ProposedAlliance {
  allianceId: string;
  unit: { id: string; name: string };
  community: { kind: 'community'; id: string; name: string };
  projectId: string;
}

/**
 * Puts the unit and community on the alliance's roster, submits their lists over Kafka and
 * waits for the matcher's proposal (needs projectsProposed observed).
 */
export async function proposedAlliance(
  harness: MatcherHarness,
  options: { demandQuantity?: number } = {},
): Promise<ProposedAlliance> {
  const allianceId = `alliance-${randomUUID().slice(0, 8)}`;
  const unit = { id: `unit-kongkong-${allianceId}`, name: '空空导弹研究院' };
  const community = { kind: 'community' as const, id: `community-014-${allianceId}`, name: '014中心社区' };
  await enroll(harness.db, allianceId, unit, community);
  await harness.kafka.submit(
    'resource',
    JSON.stringify(
      resourceList({
        listId: 'rl-1',
        allianceId,
        unit,
        items: [resourceItem({ itemId: 'canteen', category: 'elderly-care', unit: 'meals', quantity: 30 })],
      }),
    ),
    unit.id,
  );
  await harness.kafka.submit(
    'demand',
    JSON.stringify(
      demandList({
        listId: 'dl-1',
        allianceId,
        submitter: community,
        items: [demandItem({ quantity: options.demandQuantity ?? 40 })],
      }),
    ),
    community.id,
  );
  const event = await eventually(
    () => harness.observer.on(harness.topics.projectsProposed).find((e) => e.key === allianceId),
    () => `no proposal for ${allianceId}:\n${harness.matcher.tail()}`,
  );
  return { allianceId, unit, community, projectId: event.value.project.projectId as string };
}
