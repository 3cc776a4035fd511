import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * One single sign-on attempt: what the callback must check (state, nonce, PKCE verifier),
 * the invite it may accept, and then the one-time hand-off the dashboard exchanges for a
 * session. Secrets are stored as hashes; the verifier is useless without the provider's code.
 */
@Entity({ name: 'sso_logins' })
export class SsoLoginEntity {
  /** SHA-256 of the `state` sent to the provider. */
  @PrimaryColumn({ name: 'state_hash', type: 'text' })
  stateHash!: string;

  @Column({ name: 'code_verifier', type: 'text' })
  codeVerifier!: string;

  @Column({ type: 'text' })
  nonce!: string;

  /** SHA-256 of the invite link's secret, when the sign-on accepts an invite. */
  @Column({ name: 'invite_hash', type: 'text', nullable: true })
  inviteHash!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  /** Set when the provider's answer came back (an attempt is answered once). */
  @Column({ name: 'answered_at', type: 'timestamptz', nullable: true })
  answeredAt!: Date | null;

  /** SHA-256 of the hand-off secret, and what it signs in as, once the provider vouched. */
  @Column({ name: 'handoff_hash', type: 'text', nullable: true, unique: true })
  handoffHash!: string | null;

  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId!: string | null;

  @Column({ name: 'membership_id', type: 'uuid', nullable: true })
  membershipId!: string | null;

  @Column({ name: 'handed_off_at', type: 'timestamptz', nullable: true })
  handedOffAt!: Date | null;
}
