import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** An alliance's own rules; a missing value falls back to the deployment's default. */
@Entity({ name: 'alliance_policies' })
export class AlliancePolicyEntity {
  @PrimaryColumn({ name: 'alliance_id', type: 'text' })
  allianceId!: string;

  /** How long a unit has to claim an offer, ms. */
  @Column({ name: 'offer_window_ms', type: 'bigint', nullable: true })
  offerWindowMs!: string | null;

  /** Points (积分) a completed project earns. */
  @Column({ name: 'points_per_project', type: 'integer', nullable: true })
  pointsPerProject!: number | null;

  /** Matching policy overrides: weights, relatedCategoryFit, allowCrossAlliance, urgencyFactor. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  matching!: unknown;

  /** Whether a submitter not on the roster may register by sending a list (it joins as pending). */
  @Column({ name: 'open_registration', type: 'boolean', default: false })
  openRegistration!: boolean;

  /** The IANA zone its calendar dates are whole days of; null: the deployment's ALLIANCE_TIME_ZONE. */
  @Column({ name: 'time_zone', type: 'text', nullable: true })
  timeZone!: string | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
