import { Check, Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** A person who signs in. Nothing ships with a password: it is set through a one-time link. */
@Entity({ name: 'accounts' })
@Check(`"status" IN ('active', 'disabled')`)
@Index('accounts_login', ['login'], { unique: true })
export class AccountEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  /** Normalised sign-in name: usually a mobile number (13800138000), else lower-case text. */
  @Column({ type: 'text' })
  login!: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName!: string;

  /** argon2id (PHC string); null until the person sets one through a setup or invite link. */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash!: string | null;

  @Column({ type: 'text', default: 'active' })
  status!: string;

  @Column({ name: 'password_changed_at', type: 'timestamptz', nullable: true })
  passwordChangedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
