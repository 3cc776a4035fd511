import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import { ProjectEntity } from './project.entity';

/**
 * 完成报告: a claiming unit's report that its part of a project is done — what it did, the
 * volunteer hours, and optionally a photo — which the community confirms against. One per
 * project and unit; a second report replaces the first.
 *
 * The photo is kept in the row (at most 5 MB, checked by its bytes before it gets here): an
 * alliance's few photos a week do not justify an object store in every deployment.
 */
@Entity({ name: 'project_work_reports' })
@Index('project_work_reports_once_per_unit', ['projectId', 'unitId'], { unique: true })
@Check(`"hours" > 0 AND ("photo" IS NULL) = ("photo_type" IS NULL)`)
export class ProjectWorkReportEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: ProjectEntity;

  @Column({ name: 'unit_id', type: 'text' })
  unitId!: string;

  @Column({ type: 'text' })
  note!: string;

  @Column({ type: 'numeric', precision: 6, scale: 1 })
  hours!: string;

  @Column({ type: 'bytea', nullable: true })
  photo!: Buffer | null;

  /** The photo's media type as read from its bytes (image/jpeg, image/png, ...). */
  @Column({ name: 'photo_type', type: 'text', nullable: true })
  photoType!: string | null;

  @UpdateDateColumn({ name: 'reported_at', type: 'timestamptz' })
  reportedAt!: Date;
}
