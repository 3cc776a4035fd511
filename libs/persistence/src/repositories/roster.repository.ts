import type { MemberKind, MemberStatus, UnitKind } from '@redcrowd/contracts';
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
  action: 'added' | 'updated';
  details: object;
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

  /** Adds a member; false when the alliance already has one of that kind and id. */
  async add(
    tx: Tx,
    member: Pick<RosterMember, 'allianceId' | 'kind' | 'memberId'> & MemberFields,
    audit: RosterAuditEntry,
  ): Promise<boolean> {
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

  async update(
    tx: Tx,
    member: Pick<RosterMember, 'allianceId' | 'kind' | 'memberId'>,
    fields: MemberFields,
    audit: RosterAuditEntry,
  ): Promise<void> {
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

  private async audit(
    tx: Tx,
    member: Pick<RosterMember, 'allianceId' | 'kind' | 'memberId'>,
    entry: RosterAuditEntry,
  ): Promise<void> {
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
