import {
  generateSigningKey,
  importSigningKey,
  signToken,
  type SigningKey,
  type TokenSettings,
  type TokenSubject,
} from '@redcrowd/auth';
import { SigningKeyRepository, type Tx } from '@redcrowd/persistence';

/** How TokenKeys reaches the database: one transaction, or one statement. */
export interface KeyStore {
  run<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
}

export interface TokenKeysOptions {
  settings: TokenSettings;
  /** The longest an access token lives: a retired key stays published this long, plus a margin. */
  accessTokenTtlSeconds: number;
  /** How long a signer is used from memory before the store is asked again (a rotation elsewhere). */
  signerMaxAgeMs?: number;
  now?: () => Date;
}

/** Margin on a retired key's publication, for clocks that differ between services. */
const PUBLICATION_MARGIN_MS = 2 * 60_000;

/**
 * The signing side of access tokens: creates the first key, signs with the current one, and
 * rotates. Every instance reads the current signer from the database, so a rotation done by
 * the command line reaches running matchers within `signerMaxAgeMs`.
 */
export class TokenKeys {
  private readonly repository = new SigningKeyRepository();
  private cached: { key: SigningKey; at: number } | null = null;
  private readonly now: () => Date;

  constructor(
    private readonly store: KeyStore,
    private readonly options: TokenKeysOptions,
  ) {
    this.now = options.now ?? (() => new Date());
  }

  /** The current signer, created when the store has none yet (a fresh deployment). */
  async signer(): Promise<SigningKey> {
    const now = this.now();
    if (this.cached && now.getTime() - this.cached.at < (this.options.signerMaxAgeMs ?? 60_000)) {
      return this.cached.key;
    }
    const stored = await this.store.run(async (tx) => {
      const current = await this.repository.currentSigner(tx);
      if (current) return current;
      await this.repository.lockKeys(tx);
      // Another instance may have created it while this one waited for the lock.
      const created = (await this.repository.currentSigner(tx)) ?? (await this.createKey(tx, now));
      return created;
    });
    const key = await importSigningKey(stored.kid, stored.privateKey);
    this.cached = { key, at: now.getTime() };
    return key;
  }

  /**
   * Signs an access token for `who` with the current key, for the access-token lifetime
   * unless told otherwise (a longer one outlives a rotation's publication: demo links only).
   */
  async sign(who: TokenSubject, options: { sessionId?: string; ttlSeconds?: number } = {}): Promise<string> {
    return signToken(who, await this.signer(), this.options.settings, {
      ttlSeconds: options.ttlSeconds ?? this.options.accessTokenTtlSeconds,
      sessionId: options.sessionId,
      now: this.now(),
    });
  }

  /**
   * A new key signs from now on; the old ones sign no more but stay published until every
   * token they signed has expired, so nobody is signed out by a rotation.
   */
  async rotate(): Promise<{ kid: string; retired: string[]; publishedUntil: Date }> {
    const now = this.now();
    const publishedUntil = new Date(
      now.getTime() + this.options.accessTokenTtlSeconds * 1000 + PUBLICATION_MARGIN_MS,
    );
    const result = await this.store.run(async (tx) => {
      await this.repository.lockKeys(tx);
      const { kid } = await this.createKey(tx, now);
      const retired = await this.repository.retireAllBut(tx, kid, now, publishedUntil);
      return { kid, retired, publishedUntil };
    });
    this.cached = null;
    return result;
  }

  private async createKey(tx: Tx, now: Date): Promise<{ kid: string; privateKey: string }> {
    const generated = await generateSigningKey();
    await this.repository.insert(
      tx,
      { kid: generated.kid, publicJwk: generated.publicJwk, privateKey: generated.privatePkcs8 },
      now,
    );
    return { kid: generated.kid, privateKey: generated.privatePkcs8 };
  }
}
