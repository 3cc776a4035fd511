import {
  MATCHING_MEMBER_STATUSES,
  type MemberKind,
  type MemberStatus,
  type UnitKind,
} from '@redcrowd/contracts';
import { sqlList } from '@redcrowd/projects';
import type { Tx } from '../transaction';

/** A member of an alliance's roster (成员名册), as the API shows it. */
export interface RosterMember {
  allianceId: string;
  kind: MemberKind;
  memberId: string;
  name: string;
  unitKind: UnitKind | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  contactName: string | null;
  contactPhone: string | null;
  status: MemberStatus;
  createdAt: Date;
  updatedAt: Date;
}

/** What a coordinator may set of a member. */
export type MemberFields = Pick<
  RosterMember,
  'name' | 'unitKind' | 'address' | 'lat' | 'lng' | 'contactName' | 'contactPhone' | 'status'
>;

export interface RosterAuditEntry {
  actor: string;
  /** registered-by-list: intake put a submitter on the roster as pending (open registration). */
  action: 'added' | 'updated' | 'registered-by-list';
  details: object;
}

/** A member as a list names it: alliance, kind and the id its lists use as submitter id. */
export type MemberRef = Pick<RosterMember, 'allianceId' | 'kind' | 'memberId'>;

/** One string per member, for maps keyed by member. */
export function memberKey(member: MemberRef): string {
  return JSON.stringify([member.allianceId, member.kind, member.memberId]);
}

/**
 * SQL condition: the list aliased `list` was sent by a member its alliance admitted
 * (MATCHING_MEMBER_STATUSES). Matching and the open hall take only such lists: a pending
 * submitter's wait for the coordinator, a refused or withdrawn one's never match.
 */
export function sentByAdmittedMember(list: string): string {
  return `EXISTS (SELECT 1 FROM alliance_members m
    WHERE m.alliance_id = ${list}.alliance_id AND m.member_kind = ${list}.submitter_kind
      AND m.member_id = ${list}.submitter_id AND m.status IN ${sqlList(MATCHING_MEMBER_STATUSES)})`;
}

const COLUMNS = `alliance_id AS "allianceId", member_kind AS kind, member_id AS "memberId", name,
  unit_kind AS "unitKind", address, lat, lng, contact_name AS "contactName",
  contact_phone AS "contactPhone", status, created_at AS "createdAt", updated_at AS "updatedAt"`;

/** The roster and its audit trail. All SQL for them lives here. */
export class RosterRepository {
  async list(tx: Tx, allianceId: string, kind?: MemberKind): Promise<RosterMember[]> {
    return tx.query(
      `SELECT ${COLUMNS} FROM alliance_members
       WHERE alliance_id = $1 AND ($2::text IS NULL OR member_kind = $2)
       ORDER BY member_kind DESC, name, member_id`,
      [allianceId, kind ?? null],
    );
  }

  async find(
    tx: Tx,
    allianceId: string,
    kind: MemberKind,
    memberId: string,
  ): Promise<RosterMember | undefined> {
    const [row] = (await tx.query(
      `SELECT ${COLUMNS} FROM alliance_members WHERE alliance_id = $1 AND member_kind = $2 AND member_id = $3`,
      [allianceId, kind, memberId],
    )) as RosterMember[];
    return row;
  }

  /** One member, locked for the rest of the transaction (edits of one member are serial). */
  async lock(
    tx: Tx,
    allianceId: string,
    kind: MemberKind,
    memberId: string,
  ): Promise<RosterMember | undefined> {
    const [row] = (await tx.query(
      `SELECT ${COLUMNS} FROM alliance_members
       WHERE alliance_id = $1 AND member_kind = $2 AND member_id = $3 FOR UPDATE`,
      [allianceId, kind, memberId],
    )) as RosterMember[];
    return row;
  }

  /**
   * The roster status of each given member that is on its alliance's roster (absent ones are
   * missing from the map), keyed by memberKey. The rows are share-locked until the transaction
   * ends, so a coordinator's change of one of them waits for the lists being stored (or they
   * for it) and never lands in between.
   */
  async standingsOf(tx: Tx, members: MemberRef[]): Promise<Map<string, MemberStatus>> {
    if (members.length === 0) return new Map();
    const rows = (await tx.query(
      `SELECT alliance_id AS "allianceId", member_kind AS kind, member_id AS "memberId", status
       FROM alliance_members
       WHERE (alliance_id, member_kind, member_id) IN (
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[]))
       FOR SHARE`,
      [members.map((m) => m.allianceId), members.map((m) => m.kind), members.map((m) => m.memberId)],
    )) as Array<MemberRef & { status: MemberStatus }>;
    return new Map(rows.map((row) => [memberKey(row), row.status]));
  }

  /**
   * Puts members on an alliance's roster as active unless they are on it already (whatever
   * their status), each audited as added by `actor`: how seeds, demos and benches enroll the
   * units and communities whose lists they send. Returns how many were added.
   */
  async enroll(
    tx: Tx,
    allianceId: string,
    members: Array<{ kind: MemberKind; memberId: string; name: string }>,
    actor: string,
  ): Promise<number> {
    let added = 0;
    for (const { kind, memberId, name } of members) {
      const member = { allianceId, kind, memberId, name, status: 'active' as const };
      if (await this.addByName(tx, member, { actor, action: 'added', details: { name, status: 'active' } })) {
        added++;
      }
    }
    return added;
  }

  /** Adds a member known only by its name so far (a coordinator fills in the rest); false when already there. */
  addByName(
    tx: Tx,
    member: MemberRef & Pick<RosterMember, 'name' | 'status'>,
    audit: RosterAuditEntry,
  ): Promise<boolean> {
    const details = {
      unitKind: null,
      address: null,
      lat: null,
      lng: null,
      contactName: null,
      contactPhone: null,
    };
    return this.add(tx, { ...details, ...member }, audit);
  }

  /** Adds a member; false when the alliance already has one of that kind and id. */
  async add(tx: Tx, member: MemberRef & MemberFields, audit: RosterAuditEntry): Promise<boolean> {
    const inserted = (await tx.query(
      `INSERT INTO alliance_members (alliance_id, member_kind, member_id, name, unit_kind, address, lat, lng,
         contact_name, contact_phone, status)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (alliance_id, member_kind, member_id) DO NOTHING RETURNING member_id`,
      [
        member.allianceId,
        member.kind,
        member.memberId,
        member.name,
        member.unitKind,
        member.address,
        member.lat,
        member.lng,
        member.contactName,
        member.contactPhone,
        member.status,
      ],
    )) as unknown[];
    if (inserted.length === 0) return false;
    await this.audit(tx, member, audit);
    return true;
  }

  async update(tx: Tx, member: MemberRef, fields: MemberFields, audit: RosterAuditEntry): Promise<void> {
    await tx.query(
      `UPDATE alliance_members SET name = $4, unit_kind = $5, address = $6, lat = $7, lng = $8,
         contact_name = $9, contact_phone = $10, status = $11, updated_at = now()
       WHERE alliance_id = $1 AND member_kind = $2 AND member_id = $3`,
      [
        member.allianceId,
        member.kind,
        member.memberId,
        fields.name,
        fields.unitKind,
        fields.address,
        fields.lat,
        fields.lng,
        fields.contactName,
        fields.contactPhone,
        fields.status,
      ],
    );
    await this.audit(tx, member, audit);
  }

  /** A member's audit trail, oldest first. */
  async history(
    tx: Tx,
    allianceId: string,
    kind: MemberKind,
    memberId: string,
  ): Promise<Array<{ actor: string; action: string; details: object; at: Date }>> {
    return tx.query(
      `SELECT actor, action, details, at FROM alliance_member_events
       WHERE alliance_id = $1 AND member_kind = $2 AND member_id = $3 ORDER BY at, id`,
      [allianceId, kind, memberId],
    );
  }

  private async audit(tx: Tx, member: MemberRef, entry: RosterAuditEntry): Promise<void> {
    await tx.query(
      `INSERT INTO alliance_member_events (alliance_id, member_kind, member_id, actor, action, details)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        member.allianceId,
        member.kind,
        member.memberId,
        entry.actor,
        entry.action,
        JSON.stringify(entry.details),
      ],
    );
  }
}
