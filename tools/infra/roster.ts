import type { MemberKind } from '@redcrowd/contracts';
import { createDataSource, RosterRepository } from '@redcrowd/persistence';

/**
 * Puts units and communities on an alliance's roster (成员名册) as active members, unless they
 * are on it already, so that the lists a tool sends (the demo, the bench) are accepted:
 * intake takes lists only from members. Returns how many were added.
 */
export async function enrollMembers(
  databaseUrl: string,
  allianceId: string,
  members: Array<{ kind: MemberKind; memberId: string; name: string }>,
  actor: string,
): Promise<number> {
  const dataSource = await createDataSource({
    databaseUrl,
    poolSize: 1,
    applicationName: 'redcrowd-tools',
  }).initialize();
  try {
    return await dataSource.transaction((tx) =>
      new RosterRepository().enroll(tx, allianceId, members, actor),
    );
  } finally {
    await dataSource.destroy();
  }
}
