import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Audit trail of a project: who did what, when and why (matcher rounds included). */
@Entity({ name: 'project_events' })
@Index('project_events_project', ['projectId', 'at'])
export class ProjectEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  /** e.g. "matcher" or the coordinator's id. */
  @Column({ type: 'text' })
  actor!: string;

  /** proposed | revised | cancelled | approved | rejected | ... */
  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'jsonb', default: () => `'{}'` })
  details!: unknown;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
