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
import { PLACE_KINDS } from '@redcrowd/contracts';
import { sqlList } from '@redcrowd/projects';

/**
 * A place of an alliance's gazetteer (地名库): a community (社区), compound (小区) or building
 * (楼栋) with its coordinates, kept by the coordinators. Lists name it instead of giving
 * coordinates. Names are unique per alliance by their key (placeKey in @redcrowd/spreadsheets:
 * width, case and spaces ignored), computed by the application and stored, so the one rule
 * that finds a place also keeps two places from sharing a name.
 */
@Entity({ name: 'alliance_places' })
// The kinds come from the contracts' list, so the database refuses exactly what the API does.
@Check(`"kind" IN ${sqlList(PLACE_KINDS)} AND "lat" BETWEEN -90 AND 90 AND "lng" BETWEEN -180 AND 180`)
@Index('alliance_places_name', ['allianceId', 'nameKey'], { unique: true })
export class AlliancePlaceEntity {
  @PrimaryGeneratedColumn('uuid', { name: 'place_id' })
  placeId!: string;

  @Column({ name: 'alliance_id', type: 'text' })
  allianceId!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ name: 'name_key', type: 'text' })
  nameKey!: string;

  /** community 社区 | compound 小区 | building 楼栋 | other 其他 */
  @Column({ type: 'text' })
  kind!: string;

  /** The place it lies in (a building's compound or community); removing that one leaves this without. */
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @ManyToOne(() => AlliancePlaceEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'parent_id' })
  parent?: AlliancePlaceEntity;

  @Column({ type: 'double precision' })
  lat!: number;

  @Column({ type: 'double precision' })
  lng!: number;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  /** Other names people write for it (中心社区 for 邙岭路街道中心社区). */
  @Column({ type: 'text', array: true, default: '{}' })
  aliases!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
