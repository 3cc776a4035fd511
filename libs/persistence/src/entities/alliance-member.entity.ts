import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/**
 * The alliance roster (成员名册): its member units (高校, 科研院所, 医院, 企业, 学校, 机关 ...) and
 * communities, by the id their lists use as submitter id.
 */
@Entity({ name: 'alliance_members' })
export class AllianceMemberEntity {
  @PrimaryColumn({ name: 'alliance_id', type: 'text' })
  allianceId!: string;

  /** unit | community */
  @PrimaryColumn({ name: 'member_kind', type: 'text' })
  memberKind!: string;

  @PrimaryColumn({ name: 'member_id', type: 'text' })
  memberId!: string;

  @Column({ type: 'text' })
  name!: string;

  /** For units: university | research-institute | hospital | company | school | government | other. */
  @Column({ name: 'unit_kind', type: 'text', nullable: true })
  unitKind!: string | null;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'double precision', nullable: true })
  lat!: number | null;

  @Column({ type: 'double precision', nullable: true })
  lng!: number | null;

  @Column({ name: 'contact_name', type: 'text', nullable: true })
  contactName!: string | null;

  @Column({ name: 'contact_phone', type: 'text', nullable: true })
  contactPhone!: string | null;

  /** active | pending (asked to join, not yet admitted) | refused | withdrawn */
  @Column({ type: 'text', default: 'active' })
  status!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
