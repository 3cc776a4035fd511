import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ProjectEntity } from './project.entity';
import { ResourceItemEntity } from './resource-item.entity';

/** A resource item's share of a project, with the score and its explanation. */
@Entity({ name: 'project_allocations' })
@Check(`"quantity" > 0`)
@Index('project_allocations_identity', ['projectId', 'resourceItemPk'], { unique: true })
@Index('project_allocations_resource', ['resourceItemPk'])
export class ProjectAllocationEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'project_id', type: 'uuid' })
  projectId!: string;

  @ManyToOne(() => ProjectEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'project_id' })
  project?: ProjectEntity;

  // A proposed allocation disappears with its resource item when a new list revision
  // replaces it; approved work marks its items as held, so intake keeps them.
  @Column({ name: 'resource_item_pk', type: 'bigint' })
  resourceItemPk!: string;

  @ManyToOne(() => ResourceItemEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'resource_item_pk' })
  resourceItem?: ResourceItemEntity;

  @Column({ name: 'unit_id', type: 'text' })
  unitId!: string;

  @Column({ type: 'integer' })
  quantity!: number;

  @Column({ type: 'double precision' })
  score!: number;

  @Column({ type: 'double precision' })
  priority!: number;

  @Column({ name: 'distance_km', type: 'double precision' })
  distanceKm!: number;

  /** Score components: [{name, value, weight, detail}]. */
  @Column({ type: 'jsonb' })
  explanation!: unknown;

  /** Approved or claimed: later rounds keep it as it is. */
  @Column({ type: 'boolean', default: false })
  pinned!: boolean;
}
