import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AuthSessionEntity } from './auth-session.entity';

/** One refresh token of a session, stored only as its SHA-256; each may be used once. */
@Entity({ name: 'auth_refresh_tokens' })
@Index('auth_refresh_tokens_session', ['sessionId'])
export class AuthRefreshTokenEntity {
  @PrimaryColumn({ name: 'token_hash', type: 'text' })
  tokenHash!: string;

  @Column({ name: 'session_id', type: 'uuid' })
  sessionId!: string;

  @ManyToOne(() => AuthSessionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'session_id' })
  session?: AuthSessionEntity;

  @Column({ name: 'issued_at', type: 'timestamptz' })
  issuedAt!: Date;

  /** Set when it was exchanged; a second use is a theft signal and revokes the session. */
  @Column({ name: 'used_at', type: 'timestamptz', nullable: true })
  usedAt!: Date | null;
}
