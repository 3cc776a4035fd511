import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Every refused submission, kept so that nothing sent to the alliance is lost. */
@Entity({ name: 'intake_rejections' })
@Index('intake_rejections_submitter', ['submitterId', 'listId'])
export class IntakeRejectionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'list_kind', type: 'text' })
  listKind!: string;

  /** kafka | http */
  @Column({ type: 'text' })
  channel!: string;

  @Column({ name: 'message_key', type: 'text', nullable: true })
  messageKey!: string | null;

  @Column({ name: 'list_id', type: 'text', nullable: true })
  listId!: string | null;

  @Column({ name: 'submitter_id', type: 'text', nullable: true })
  submitterId!: string | null;

  @Column({ type: 'jsonb' })
  problems!: unknown;

  /** The first 64 KiB of the message as received. */
  @Column({ name: 'raw_excerpt', type: 'text', nullable: true })
  rawExcerpt!: string | null;

  @CreateDateColumn({ name: 'received_at', type: 'timestamptz' })
  receivedAt!: Date;
}
