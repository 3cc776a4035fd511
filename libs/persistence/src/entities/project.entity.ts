import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { ProjectStatus } from '@redcrowd/contracts';
import { DemandItemEntity } from './demand-item.entity';

/** One demand item with the resources allocated to it, as the joint meeting (联席会) reviews it. */
@Entity({ name: 'projects' })
@Check(
  `"status" IN ('proposed', 'approved', 'offered', 'claimed', 'in-progress', 'completed', 'rejected', 'cancelled', 'expired')`,
)
@Index('projects_one_open_per_demand', ['demandItemPk'], {
  unique: true,
  where: `status NOT IN ('completed', 'rejected', 'cancelled', 'expired')`,
})
@Index('projects_alliance_status', ['allianceId', 'status'])
export class ProjectEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'alliance_id', type: 'text' })
  allianceId!: string;

  /** Null once a new list revision removed the demand item (the next round cancels the project). */
  @Column({ name: 'demand_item_pk', type: 'bigint', nullable: true })
  demandItemPk!: string | null;

  @ManyToOne(() => DemandItemEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'demand_item_pk' })
  demandItem?: DemandItemEntity;

  @Column({ type: 'text' })
  status!: ProjectStatus;

  /** The demand's quantity when the project was last (re)proposed. */
  @Column({ type: 'integer' })
  requested!: number;

  @Column({ type: 'integer' })
  unmet!: number;

  /** Raised on every change, so events and HTTP edits can detect stale views. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
