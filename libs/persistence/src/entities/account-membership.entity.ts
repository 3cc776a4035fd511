import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryColumn,
} from 'typeorm';
import { AccountEntity } from './account.entity';

/** One role a person holds: admin, or coordinator / unit / community of one alliance. */
@Entity({ name: 'account_memberships' })
@Check(
  `("role" = 'admin' AND "alliance_id" IS NULL AND "unit_id" IS NULL AND "community_id" IS NULL)` +
    ` OR ("role" = 'coordinator' AND "alliance_id" IS NOT NULL AND "unit_id" IS NULL AND "community_id" IS NULL)` +
    ` OR ("role" = 'unit' AND "alliance_id" IS NOT NULL AND "unit_id" IS NOT NULL AND "community_id" IS NULL)` +
    ` OR ("role" = 'community' AND "alliance_id" IS NOT NULL AND "unit_id" IS NULL AND "community_id" IS NOT NULL)`,
)
@Index('account_memberships_account', ['accountId'])
export class AccountMembershipEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id' })
  account?: AccountEntity;

  @Column({ type: 'text' })
  role!: string;

  @Column({ name: 'alliance_id', type: 'text', nullable: true })
  allianceId!: string | null;

  @Column({ name: 'unit_id', type: 'text', nullable: true })
  unitId!: string | null;

  @Column({ name: 'community_id', type: 'text', nullable: true })
  communityId!: string | null;

  /** Who granted it: an admin's or coordinator's subject, or "setup" for the first admin. */
  @Column({ name: 'granted_by', type: 'text' })
  grantedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
