import type { Tx } from '../transaction';

export interface SessionRow {
  id: string;
  accountId: string;
  membershipId: string;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  revokedReason: string | null;
  userAgent: string | null;
  address: string | null;
}

/** A presented refresh token with what deciding it needs, its session locked. */
export interface RefreshTokenLookup {
  sessionId: string;
  accountId: string;
  membershipId: string;
  usedAt: Date | null;
  sessionRevokedAt: Date | null;
  sessionExpiresAt: Date;
  accountStatus: string;
}

const SESSION_COLUMNS = `id, account_id AS "accountId", membership_id AS "membershipId", created_at AS "createdAt",
  last_used_at AS "lastUsedAt", expires_at AS "expiresAt", revoked_at AS "revokedAt",
  revoked_reason AS "revokedReason", user_agent AS "userAgent", address`;

/** Sign-in sessions and their refresh tokens (stored as hashes). */
export class SessionRepository {
  async create(
    tx: Tx,
    session: Pick<SessionRow, 'id' | 'accountId' | 'membershipId' | 'expiresAt' | 'userAgent' | 'address'>,
    now: Date,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO auth_sessions (id, account_id, membership_id, created_at, last_used_at, expires_at, user_agent, address)
       VALUES ($1, $2, $3, $4, $4, $5, $6, $7)`,
      [
        session.id,
        session.accountId,
        session.membershipId,
        now,
        session.expiresAt,
        session.userAgent,
        session.address,
      ],
    );
  }

  async addRefreshToken(tx: Tx, sessionId: string, tokenHash: string, now: Date): Promise<void> {
    await tx.query(
      `INSERT INTO auth_refresh_tokens (token_hash, session_id, issued_at) VALUES ($1, $2, $3)`,
      [tokenHash, sessionId, now],
    );
  }

  /** The token's state, its session row locked so two concurrent refreshes serialise. */
  async lockRefreshToken(tx: Tx, tokenHash: string): Promise<RefreshTokenLookup | undefined> {
    const [row] = (await tx.query(
      `SELECT s.id AS "sessionId", s.account_id AS "accountId", s.membership_id AS "membershipId",
              t.used_at AS "usedAt", s.revoked_at AS "sessionRevokedAt", s.expires_at AS "sessionExpiresAt",
              a.status AS "accountStatus"
       FROM auth_refresh_tokens t
       JOIN auth_sessions s ON s.id = t.session_id
       JOIN accounts a ON a.id = s.account_id
       WHERE t.token_hash = $1
       FOR UPDATE OF s, t`,
      [tokenHash],
    )) as RefreshTokenLookup[];
    return row;
  }

  async markUsed(tx: Tx, tokenHash: string, now: Date): Promise<void> {
    await tx.query(`UPDATE auth_refresh_tokens SET used_at = $2 WHERE token_hash = $1`, [tokenHash, now]);
  }

  async touch(tx: Tx, sessionId: string, now: Date, membershipId?: string): Promise<void> {
    await tx.query(
      `UPDATE auth_sessions SET last_used_at = $2, membership_id = COALESCE($3, membership_id) WHERE id = $1`,
      [sessionId, now, membershipId ?? null],
    );
  }

  async revoke(tx: Tx, sessionId: string, reason: string, now: Date): Promise<void> {
    await tx.query(
      `UPDATE auth_sessions SET revoked_at = $3, revoked_reason = $2 WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId, reason, now],
    );
  }

  /** Ends every open session of an account, but `keep` if given; returns how many. */
  async revokeAll(tx: Tx, accountId: string, reason: string, now: Date, keep?: string): Promise<number> {
    const [row] = (await tx.query(
      `WITH revoked AS (
         UPDATE auth_sessions SET revoked_at = $3, revoked_reason = $2
         WHERE account_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $4 RETURNING id)
       SELECT count(*)::int AS n FROM revoked`,
      [accountId, reason, now, keep ?? null],
    )) as Array<{ n: number }>;
    return row!.n;
  }

  async byId(tx: Tx, sessionId: string): Promise<SessionRow | undefined> {
    const [row] = (await tx.query(`SELECT ${SESSION_COLUMNS} FROM auth_sessions WHERE id = $1`, [
      sessionId,
    ])) as SessionRow[];
    return row;
  }

  /** An account's sessions still open at `now`, newest first. */
  async openOf(tx: Tx, accountId: string, now: Date): Promise<SessionRow[]> {
    return (await tx.query(
      `SELECT ${SESSION_COLUMNS} FROM auth_sessions
       WHERE account_id = $1 AND revoked_at IS NULL AND expires_at > $2 ORDER BY last_used_at DESC, id`,
      [accountId, now],
    )) as SessionRow[];
  }
}
