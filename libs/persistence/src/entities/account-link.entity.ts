import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A one-time link: `setup` lets a new account (the first admin) choose its password; `invite`
 * grants a membership to whoever accepts it. Stored as the SHA-256 of its secret.
 */
@Entity({ name: 'account_links' })
@Check(`"purpose" IN ('setup', 'invite')`)
@Index('account_links_token', ['tokenHash'], { unique: true })
export class AccountLinkEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ type: 'text' })
  purpose!: string;

  /** The account a setup link is for; null for an invite until it is accepted. */
  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId!: string | null;

  /** The membership an invite grants (and a setup link, for the first admin). */
  @Column({ type: 'text' })
  role!: string;

  @Column({ name: 'alliance_id', type: 'text', nullable: true })
  allianceId!: string | null;

  @Column({ name: 'unit_id', type: 'text', nullable: true })
  unitId!: string | null;

  @Column({ name: 'community_id', type: 'text', nullable: true })
  communityId!: string | null;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;

  @Column({ name: 'used_by', type: 'uuid', nullable: true })
  usedBy!: string | null;
}
