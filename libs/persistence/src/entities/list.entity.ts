import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';

/** One submitted list (资源清单 or 需求清单), at its latest accepted revision. */
@Entity({ name: 'lists' })
@Check(`"kind" IN ('resource', 'demand') AND "submitter_kind" IN ('unit', 'community') AND "revision" >= 1`)
@Index('lists_identity', ['kind', 'submitterKind', 'submitterId', 'listId'], { unique: true })
export class ListEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  /** resource | demand */
  @Column({ type: 'text' })
  kind!: string;

  @Column({ name: 'submitter_kind', type: 'text' })
  submitterKind!: string;

  @Column({ name: 'submitter_id', type: 'text' })
  submitterId!: string;

  @Column({ name: 'submitter_name', type: 'text' })
  submitterName!: string;

  @Column({ name: 'list_id', type: 'text' })
  listId!: string;

  @Index('lists_alliance')
  @Column({ name: 'alliance_id', type: 'text' })
  allianceId!: string;

  @Column({ type: 'integer' })
  revision!: number;

  /** sha-256 of the list without `submittedAt`: tells a resend from a conflicting edit. */
  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ name: 'submitted_at', type: 'timestamptz' })
  submittedAt!: Date;

  /** The accepted revision exactly as submitted, for audit and replay. */
  @Column({ type: 'jsonb' })
  document!: unknown;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
