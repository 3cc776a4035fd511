import type { Client } from 'pg';
import { MEMBER_KINDS, type MemberKind } from '@redcrowd/contracts';
import { RosterRepository, type Tx } from '@redcrowd/persistence';

/** A submitter as a list names it: a resource list's `unit`, or a demand list's `submitter`. */
export interface ListSubmitter {
  /** unit unless said (a resource list's `unit` carries no kind). */
  kind?: MemberKind | string;
  id: string;
  name: string;
}

/**
 * Puts the submitters of a test's lists on their alliance's roster (成员名册) as active members,
 * as the coordinator does before members send lists: intake refuses lists from anyone else
 * (not-a-member). Members already on the roster are left as they are.
 */
export async function enroll(db: Client, allianceId: string, ...submitters: ListSubmitter[]): Promise<void> {
  const tx: Tx = { query: async (sql, parameters) => (await db.query(sql, parameters)).rows as never };
  await new RosterRepository().enroll(
    tx,
    allianceId,
    submitters.map(({ kind = 'unit', id, name }) => ({ kind: memberKind(kind), memberId: id, name })),
    'test-fixture',
  );
}

function memberKind(kind: string): MemberKind {
  if (!(MEMBER_KINDS as readonly string[]).includes(kind)) throw new Error(`no member kind ${kind}`);
  return kind as MemberKind;
}
