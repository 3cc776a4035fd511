import type { Tx } from '../transaction';

/** A sign-on attempt as the callback and the hand-off need it. */
export interface SsoLoginRow {
  stateHash: string;
  codeVerifier: string;
  nonce: string;
  inviteHash: string | null;
  expiresAt: Date;
  answeredAt: Date | null;
  accountId: string | null;
  membershipId: string | null;
  handedOffAt: Date | null;
}

const COLUMNS = `state_hash AS "stateHash", code_verifier AS "codeVerifier", nonce, invite_hash AS "inviteHash",
  expires_at AS "expiresAt", answered_at AS "answeredAt", account_id AS "accountId",
  membership_id AS "membershipId", handed_off_at AS "handedOffAt"`;

/** Single sign-on: linked identities and sign-on attempts. */
export class SsoRepository {
  async accountOf(tx: Tx, issuer: string, subject: string): Promise<string | undefined> {
    const [row] = (await tx.query(
      `SELECT account_id AS "accountId" FROM account_identities WHERE issuer = $1 AND subject = $2`,
      [issuer, subject],
    )) as Array<{ accountId: string }>;
    return row?.accountId;
  }

  async link(tx: Tx, issuer: string, subject: string, accountId: string): Promise<void> {
    await tx.query(`INSERT INTO account_identities (issuer, subject, account_id) VALUES ($1, $2, $3)`, [
      issuer,
      subject,
      accountId,
    ]);
  }

  async begin(
    tx: Tx,
    attempt: Pick<SsoLoginRow, 'stateHash' | 'codeVerifier' | 'nonce' | 'inviteHash' | 'expiresAt'>,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO sso_logins (state_hash, code_verifier, nonce, invite_hash, expires_at) VALUES ($1, $2, $3, $4, $5)`,
      [attempt.stateHash, attempt.codeVerifier, attempt.nonce, attempt.inviteHash, attempt.expiresAt],
    );
  }

  async lockByState(tx: Tx, stateHash: string): Promise<SsoLoginRow | undefined> {
    const [row] = (await tx.query(`SELECT ${COLUMNS} FROM sso_logins WHERE state_hash = $1 FOR UPDATE`, [
      stateHash,
    ])) as SsoLoginRow[];
    return row;
  }

  async lockByHandoff(tx: Tx, handoffHash: string): Promise<SsoLoginRow | undefined> {
    const [row] = (await tx.query(`SELECT ${COLUMNS} FROM sso_logins WHERE handoff_hash = $1 FOR UPDATE`, [
      handoffHash,
    ])) as SsoLoginRow[];
    return row;
  }

  /** The provider answered: the attempt is spent, and signs in as the account, if any. */
  async answer(
    tx: Tx,
    stateHash: string,
    outcome: { handoffHash: string; accountId: string; membershipId: string | null } | null,
    now: Date,
  ): Promise<void> {
    await tx.query(
      `UPDATE sso_logins SET answered_at = $2, handoff_hash = $3, account_id = $4, membership_id = $5
       WHERE state_hash = $1`,
      [
        stateHash,
        now,
        outcome?.handoffHash ?? null,
        outcome?.accountId ?? null,
        outcome?.membershipId ?? null,
      ],
    );
  }

  async handOff(tx: Tx, stateHash: string, now: Date): Promise<void> {
    await tx.query(`UPDATE sso_logins SET handed_off_at = $2 WHERE state_hash = $1`, [stateHash, now]);
  }
}
