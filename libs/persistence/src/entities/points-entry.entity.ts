import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** 积分: points a unit earned for completed work, like the seeds' volunteer points banks. */
@Entity({ name: 'points_ledger' })
@Index('points_once_per_project_and_unit', ['projectId', 'unitId'], { unique: true })
@Index('points_by_unit', ['allianceId', 'unitId'])
export class PointsEntryEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'alliance_id', type: 'text' })
  allianceId!: string;

  @Column({ name: 'unit_id', type: 'text' })
  unitId!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @Column({ type: 'integer' })
  points!: number;

  @Column({ type: 'text' })
  reason!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;
}
