import type { Tx } from '../transaction';

export interface AccountRow {
  id: string;
  login: string;
  displayName: string;
  passwordHash: string | null;
  status: 'active' | 'disabled';
  createdAt: Date;
}

export interface MembershipRow {
  id: string;
  accountId: string;
  role: 'admin' | 'coordinator' | 'unit' | 'community';
  allianceId: string | null;
  unitId: string | null;
  communityId: string | null;
  /** The alliance's or member's display name from the roster, when it is on one. */
  name: string | null;
}

export type NewMembership = Omit<MembershipRow, 'accountId' | 'name'>;

/** A membership of an alliance as its coordinators see it: who holds it and since when. */
export interface AllianceMembershipRow extends MembershipRow {
  grantedBy: string;
  createdAt: Date;
  login: string;
  displayName: string;
  status: 'active' | 'disabled';
  /** The last time a session of this membership was used; null if never signed in with it. */
  lastActiveAt: Date | null;
}

const ACCOUNT_COLUMNS = `id, login, display_name AS "displayName", password_hash AS "passwordHash", status,
  created_at AS "createdAt"`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Accounts, their memberships and their audit trail. */
export class AccountRepository {
  async byLogin(tx: Tx, login: string): Promise<AccountRow | undefined> {
    const [row] = (await tx.query(`SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE login = $1`, [
      login,
    ])) as AccountRow[];
    return row;
  }

  /** The account of `id`; none for an id that is not a UUID (a demo or test token's subject). */
  async byId(tx: Tx, id: string, options: { lock?: boolean } = {}): Promise<AccountRow | undefined> {
    if (!UUID.test(id)) return undefined;
    const [row] = (await tx.query(
      `SELECT ${ACCOUNT_COLUMNS} FROM accounts WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`,
      [id],
    )) as AccountRow[];
    return row;
  }

  async list(tx: Tx): Promise<AccountRow[]> {
    return (await tx.query(
      `SELECT ${ACCOUNT_COLUMNS} FROM accounts ORDER BY created_at, id`,
    )) as AccountRow[];
  }

  async create(
    tx: Tx,
    account: { id: string; login: string; displayName: string; passwordHash: string | null },
  ): Promise<boolean> {
    const rows = (await tx.query(
      `INSERT INTO accounts (id, login, display_name, password_hash, password_changed_at)
       VALUES ($1, $2, $3, $4, CASE WHEN $4::text IS NULL THEN NULL ELSE now() END)
       ON CONFLICT (login) DO NOTHING RETURNING id`,
      [account.id, account.login, account.displayName, account.passwordHash],
    )) as Array<{ id: string }>;
    return rows.length === 1;
  }

  async setPassword(tx: Tx, id: string, passwordHash: string): Promise<void> {
    await tx.query(
      `UPDATE accounts SET password_hash = $2, password_changed_at = now(), updated_at = now() WHERE id = $1`,
      [id, passwordHash],
    );
  }

  async setStatus(tx: Tx, id: string, status: 'active' | 'disabled'): Promise<void> {
    await tx.query(`UPDATE accounts SET status = $2, updated_at = now() WHERE id = $1`, [id, status]);
  }

  /** An account's memberships, named from the roster where it knows them. */
  async memberships(tx: Tx, accountId: string): Promise<MembershipRow[]> {
    return (await tx.query(
      `SELECT m.id, m.account_id AS "accountId", m.role, m.alliance_id AS "allianceId", m.unit_id AS "unitId",
              m.community_id AS "communityId", r.name
       FROM account_memberships m
       LEFT JOIN alliance_members r ON r.alliance_id = m.alliance_id
         AND ((m.role = 'unit' AND r.member_kind = 'unit' AND r.member_id = m.unit_id)
           OR (m.role = 'community' AND r.member_kind = 'community' AND r.member_id = m.community_id))
       WHERE m.account_id = $1 ORDER BY m.created_at, m.id`,
      [accountId],
    )) as MembershipRow[];
  }

  /** Everybody holding a membership in an alliance, with their account, unit or community first. */
  async membershipsInAlliance(tx: Tx, allianceId: string): Promise<AllianceMembershipRow[]> {
    return (await tx.query(
      `SELECT m.id, m.account_id AS "accountId", m.role, m.alliance_id AS "allianceId", m.unit_id AS "unitId",
              m.community_id AS "communityId", r.name, m.granted_by AS "grantedBy", m.created_at AS "createdAt",
              a.login, a.display_name AS "displayName", a.status,
              (SELECT max(s.last_used_at) FROM auth_sessions s WHERE s.membership_id = m.id) AS "lastActiveAt"
       FROM account_memberships m
       JOIN accounts a ON a.id = m.account_id
       LEFT JOIN alliance_members r ON r.alliance_id = m.alliance_id
         AND ((m.role = 'unit' AND r.member_kind = 'unit' AND r.member_id = m.unit_id)
           OR (m.role = 'community' AND r.member_kind = 'community' AND r.member_id = m.community_id))
       WHERE m.alliance_id = $1
       ORDER BY m.role, r.name NULLS LAST, a.display_name, m.id`,
      [allianceId],
    )) as AllianceMembershipRow[];
  }

  /** One membership, locked, or none. */
  async lockMembership(tx: Tx, membershipId: string): Promise<MembershipRow | undefined> {
    if (!UUID.test(membershipId)) return undefined;
    const [row] = (await tx.query(
      `SELECT id, account_id AS "accountId", role, alliance_id AS "allianceId", unit_id AS "unitId",
              community_id AS "communityId", NULL AS name
       FROM account_memberships WHERE id = $1 FOR UPDATE`,
      [membershipId],
    )) as MembershipRow[];
    return row;
  }

  /** Removes a membership; its sessions go with it (their refresh tokens stop working). */
  async removeMembership(tx: Tx, membershipId: string): Promise<void> {
    await tx.query(`DELETE FROM account_memberships WHERE id = $1`, [membershipId]);
  }

  /** Adds a membership unless the account holds the same one already; returns its id. */
  async addMembership(
    tx: Tx,
    accountId: string,
    membership: NewMembership,
    grantedBy: string,
  ): Promise<string> {
    const [existing] = (await tx.query(
      `SELECT id FROM account_memberships WHERE account_id = $1 AND role = $2
         AND alliance_id IS NOT DISTINCT FROM $3 AND unit_id IS NOT DISTINCT FROM $4
         AND community_id IS NOT DISTINCT FROM $5`,
      [accountId, membership.role, membership.allianceId, membership.unitId, membership.communityId],
    )) as Array<{ id: string }>;
    if (existing) return existing.id;
    await tx.query(
      `INSERT INTO account_memberships (id, account_id, role, alliance_id, unit_id, community_id, granted_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        membership.id,
        accountId,
        membership.role,
        membership.allianceId,
        membership.unitId,
        membership.communityId,
        grantedBy,
      ],
    );
    return membership.id;
  }

  async audit(
    tx: Tx,
    accountId: string | null,
    actor: string,
    action: string,
    details: object = {},
  ): Promise<void> {
    await tx.query(
      `INSERT INTO account_events (account_id, actor, action, details) VALUES ($1, $2, $3, $4)`,
      [accountId, actor, action, details],
    );
  }

  async events(
    tx: Tx,
    accountId: string,
  ): Promise<Array<{ actor: string; action: string; details: object; at: Date }>> {
    return (await tx.query(
      `SELECT actor, action, details, at FROM account_events WHERE account_id = $1 ORDER BY at, id`,
      [accountId],
    )) as Array<{ actor: string; action: string; details: object; at: Date }>;
  }

  async countAdmins(tx: Tx): Promise<number> {
    const [row] = (await tx.query(
      `SELECT count(*)::int AS n FROM account_memberships m JOIN accounts a ON a.id = m.account_id
       WHERE m.role = 'admin' AND a.status = 'active'`,
    )) as Array<{ n: number }>;
    return row!.n;
  }
}
