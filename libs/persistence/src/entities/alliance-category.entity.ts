import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** A category an alliance adds to the default taxonomy (e.g. red-property 红色物业). */
@Entity({ name: 'alliance_categories' })
export class AllianceCategoryEntity {
  @PrimaryColumn({ name: 'alliance_id', type: 'text' })
  allianceId!: string;

  @PrimaryColumn({ type: 'text' })
  category!: string;

  /** The default category it refines, used by matching to relate the two. */
  @Column({ name: 'parent_category', type: 'text', nullable: true })
  parentCategory!: string | null;

  @Column({ type: 'text', nullable: true })
  label!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
