import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { ProjectEntity } from './project.entity';

/** An approved project offered to a unit to claim (认领): its paired unit first, then the open hall. */
@Entity({ name: 'offers' })
@Check(
  `"stage" IN ('paired', 'open-hall') AND "status" IN ('open', 'claimed', 'declined', 'expired', 'withdrawn') AND "quantity" > 0`,
)
@Index('offers_one_per_unit_and_stage', ['projectId', 'unitId', 'stage'], { unique: true })
@Index('offers_open_by_expiry', ['expiresAt'], { where: `status = 'open'` })
export class OfferEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: ProjectEntity;

  @Column({ name: 'unit_id', type: 'text' })
  unitId!: string;

  /** How much the unit is asked to take on. */
  @Column({ type: 'integer' })
  quantity!: number;

  @Column({ type: 'text' })
  stage!: string;

  @Column({ type: 'text', default: 'open' })
  status!: string;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt!: Date;

  /** Why the unit declined it, when it said. */
  @Column({ name: 'decline_reason', type: 'text', nullable: true })
  declineReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
