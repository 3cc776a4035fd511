import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Audit trail of the roster: who added or changed which member, and what changed. */
@Entity({ name: 'alliance_member_events' })
@Index('alliance_member_events_member', ['allianceId', 'memberKind', 'memberId', 'at'])
export class AllianceMemberEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'alliance_id', type: 'text' })
  allianceId!: string;

  @Column({ name: 'member_kind', type: 'text' })
  memberKind!: string;

  @Column({ name: 'member_id', type: 'text' })
  memberId!: string;

  /**
   * The coordinator's id; "migration" for members taken over from stored lists; the
   * submitter's id for one that registered by sending a list.
   */
  @Column({ type: 'text' })
  actor!: string;

  /** added | updated | enrolled-from-lists | registered-by-list (open registration, as pending) */
  @Column({ type: 'text' })
  action!: string;

  /** The changed fields, before and after. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  details!: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
