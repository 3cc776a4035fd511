import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Audit trail of accounts: created, password set or changed, signed in, disabled, invited. */
@Entity({ name: 'account_events' })
@Index('account_events_account', ['accountId', 'at'])
export class AccountEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'account_id', type: 'uuid', nullable: true })
  accountId!: string | null;

  /** The acting subject (the account itself, an admin, a coordinator) or "setup". */
  @Column({ type: 'text' })
  actor!: string;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  details!: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
