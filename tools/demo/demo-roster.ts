import { enrollMembers } from '../infra/roster';
import { DEMO_ALLIANCE, DEMO_COMMUNITIES, DEMO_UNITS } from './demo-alliance';

/**
 * Puts the demo alliance's units and communities on its roster (成员名册) before their lists
 * are sent: intake takes lists from members only. Members already there (a restart, or a
 * status a coordinator changed in the dashboard) are left as they are.
 */
export function enrollDemoMembers(databaseUrl: string): Promise<number> {
  return enrollMembers(
    databaseUrl,
    DEMO_ALLIANCE.id,
    [
      ...DEMO_UNITS.map((unit) => ({ kind: 'unit' as const, memberId: unit.id, name: unit.name })),
      ...DEMO_COMMUNITIES.map((community) => ({
        kind: 'community' as const,
        memberId: community.id,
        name: community.name,
      })),
    ],
    'demo',
  );
}
