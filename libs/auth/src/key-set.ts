import { createLocalJWKSet, type JWK } from 'jose';
import type { VerificationKeys } from './tokens';

export interface KeySetOptions {
  /** Keys are read again at least this often, so a retired key stops verifying. */
  maxAgeMs: number;
  /** A token naming an unknown kid reloads the keys at most this often (no reload storms). */
  cooldownMs: number;
  now?: () => number;
}

/**
 * Public keys read from wherever they are published (the database's key table, or a JWKS
 * document), reloaded when they age or when a token names a key not seen yet (a rotation
 * on the signing service). jose's createRemoteJWKSet does this for an HTTP URL only; this
 * does it for any loader and hands the matching to jose's createLocalJWKSet.
 */
export class RefreshingKeySet {
  private keys: VerificationKeys = createLocalJWKSet({ keys: [] });
  private loadedAt = Number.NEGATIVE_INFINITY;
  private loading: Promise<void> | null = null;
  private readonly now: () => number;

  constructor(
    private readonly load: () => Promise<JWK[]>,
    private readonly options: KeySetOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The jose key resolver: `verifyToken(token, keySet.resolver, settings)`. */
  readonly resolver: VerificationKeys = async (header, token) => {
    if (this.now() - this.loadedAt >= this.options.maxAgeMs) await this.reload();
    try {
      return await this.keys(header, token);
    } catch (error) {
      if (this.now() - this.loadedAt < this.options.cooldownMs) throw error;
      await this.reload();
      return this.keys(header, token);
    }
  };

  private reload(): Promise<void> {
    // Concurrent requests share one load.
    this.loading ??= this.load()
      .then((keys) => {
        this.keys = createLocalJWKSet({ keys });
        this.loadedAt = this.now();
      })
      .finally(() => (this.loading = null));
    return this.loading;
  }
}
