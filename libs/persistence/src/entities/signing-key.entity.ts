import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Keys of access tokens. The newest key with a private part and no retirement signs; every
 * key whose publication has not ended verifies (and is served at /.well-known/jwks.json).
 * A key without a private part is trusted for verifying only (another issuer's, or tests').
 */
@Entity({ name: 'auth_signing_keys' })
export class SigningKeyEntity {
  @PrimaryColumn({ type: 'text' })
  kid!: string;

  @Column({ name: 'public_jwk', type: 'jsonb' })
  publicJwk!: unknown;

  /** PKCS#8 PEM; null for a verify-only key. */
  @Column({ name: 'private_key', type: 'text', nullable: true })
  privateKey!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  /** When a newer key took over signing. */
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true })
  retiredAt!: Date | null;

  /** After this, tokens it signed have all expired and it is no longer published. */
  @Column({ name: 'published_until', type: 'timestamptz', nullable: true })
  publishedUntil!: Date | null;
}
