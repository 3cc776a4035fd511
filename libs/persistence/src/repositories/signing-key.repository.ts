import type { Tx } from '../transaction';

/** A public key as published in a JWKS document (RFC 7517), kept as stored. */
export type PublicJwk = { kid: string; kty: string } & Record<string, unknown>;

export interface StoredSigningKey {
  kid: string;
  /** PKCS#8 PEM of the current signer. */
  privateKey: string;
}

export interface NewSigningKey {
  kid: string;
  publicJwk: object;
  /** Null for a key trusted to verify only (another issuer's, or the tests'). */
  privateKey: string | null;
}

/**
 * The keys of access tokens. One key signs at a time (the newest unretired one with a
 * private part); every key still published verifies, so tokens signed before a rotation
 * stay valid until they expire.
 */
export class SigningKeyRepository {
  /** The public keys to verify with at `now`, newest first. */
  async published(tx: Tx, now: Date): Promise<PublicJwk[]> {
    const rows = (await tx.query(
      `SELECT public_jwk AS "publicJwk" FROM auth_signing_keys
       WHERE published_until IS NULL OR published_until > $1 ORDER BY created_at DESC, kid`,
      [now],
    )) as Array<{ publicJwk: PublicJwk }>;
    return rows.map((row) => row.publicJwk);
  }

  async currentSigner(tx: Tx): Promise<StoredSigningKey | undefined> {
    const [row] = (await tx.query(
      `SELECT kid, private_key AS "privateKey" FROM auth_signing_keys
       WHERE private_key IS NOT NULL AND retired_at IS NULL ORDER BY created_at DESC, kid LIMIT 1`,
    )) as StoredSigningKey[];
    return row;
  }

  /** Serialises key changes between instances: two matchers starting at once create one key. */
  async lockKeys(tx: Tx): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('auth_signing_keys'))`);
  }

  async insert(tx: Tx, key: NewSigningKey, now: Date): Promise<void> {
    await tx.query(
      `INSERT INTO auth_signing_keys (kid, public_jwk, private_key, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (kid) DO NOTHING`,
      [key.kid, key.publicJwk, key.privateKey, now],
    );
  }

  /**
   * Retires every signer but `keep`: they sign no more and stay published until `publishedUntil`
   * (the longest lifetime of a token they signed), then drop out of the key set.
   */
  async retireAllBut(tx: Tx, keep: string, now: Date, publishedUntil: Date): Promise<string[]> {
    const rows = (await tx.query(
      // A SELECT over the UPDATE, so the rows come back as rows (a bare UPDATE's do not).
      `WITH retired AS (
         UPDATE auth_signing_keys SET retired_at = $2, published_until = $3
         WHERE kid <> $1 AND private_key IS NOT NULL AND retired_at IS NULL RETURNING kid)
       SELECT kid FROM retired ORDER BY kid`,
      [keep, now, publishedUntil],
    )) as Array<{ kid: string }>;
    return rows.map((row) => row.kid);
  }
}
