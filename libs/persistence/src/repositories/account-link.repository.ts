import type { Tx } from '../transaction';
import type { NewMembership } from './account.repository';

export interface AccountLinkRow {
  id: string;
  purpose: 'setup' | 'invite';
  accountId: string | null;
  role: NewMembership['role'];
  allianceId: string | null;
  unitId: string | null;
  communityId: string | null;
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  usedAt: Date | null;
}

/** The columns of a link, from the table aliased `t`. */
const linkColumns = (t: string) => `${t}.id, ${t}.purpose, ${t}.account_id AS "accountId", ${t}.role,
  ${t}.alliance_id AS "allianceId", ${t}.unit_id AS "unitId", ${t}.community_id AS "communityId",
  ${t}.created_by AS "createdBy", ${t}.created_at AS "createdAt", ${t}.expires_at AS "expiresAt",
  ${t}.used_at AS "usedAt"`;

/** One-time links (first-admin setup, invites), stored as the hash of their secret. */
export class AccountLinkRepository {
  async create(
    tx: Tx,
    link: Omit<AccountLinkRow, 'createdAt' | 'usedAt'> & { tokenHash: string },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO account_links (id, token_hash, purpose, account_id, role, alliance_id, unit_id, community_id,
         created_by, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        link.id,
        link.tokenHash,
        link.purpose,
        link.accountId,
        link.role,
        link.allianceId,
        link.unitId,
        link.communityId,
        link.createdBy,
        link.expiresAt,
      ],
    );
  }

  async byHash(
    tx: Tx,
    tokenHash: string,
    options: { lock?: boolean } = {},
  ): Promise<AccountLinkRow | undefined> {
    const [row] = (await tx.query(
      `SELECT ${linkColumns('l')} FROM account_links l WHERE token_hash = $1${options.lock ? ' FOR UPDATE' : ''}`,
      [tokenHash],
    )) as AccountLinkRow[];
    return row;
  }

  /** An alliance's invites, newest first, with the member's roster name. */
  async invitesOf(
    tx: Tx,
    allianceId: string,
  ): Promise<Array<AccountLinkRow & { memberName: string | null }>> {
    return (await tx.query(
      `SELECT ${linkColumns('l')}, r.name AS "memberName"
       FROM account_links l
       LEFT JOIN alliance_members r ON r.alliance_id = l.alliance_id
         AND ((l.role = 'unit' AND r.member_kind = 'unit' AND r.member_id = l.unit_id)
           OR (l.role = 'community' AND r.member_kind = 'community' AND r.member_id = l.community_id))
       WHERE l.purpose = 'invite' AND l.alliance_id = $1 ORDER BY l.created_at DESC, l.id`,
      [allianceId],
    )) as Array<AccountLinkRow & { memberName: string | null }>;
  }

  /** Ends the account's setup links not used yet (a newer one replaces them). */
  async expireSetupLinksOf(tx: Tx, accountId: string, now: Date): Promise<void> {
    await tx.query(
      `UPDATE account_links SET expires_at = $2
       WHERE account_id = $1 AND purpose = 'setup' AND used_at IS NULL AND expires_at > $2`,
      [accountId, now],
    );
  }

  async markUsed(tx: Tx, id: string, accountId: string, now: Date): Promise<void> {
    await tx.query(`UPDATE account_links SET used_at = $3, used_by = $2 WHERE id = $1`, [id, accountId, now]);
  }
}
