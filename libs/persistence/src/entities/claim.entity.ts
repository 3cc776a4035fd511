import { Check, Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A unit's claim (认领) on a project and its decision; never more than the offer is accepted. */
@Entity({ name: 'claims' })
@Check(`"decision" IN ('accepted', 'rejected') AND "requested_quantity" > 0 AND "accepted_quantity" >= 0`)
@Index('claims_idempotency', ['unitId', 'claimId'], { unique: true })
@Index('claims_one_accepted_per_unit', ['projectId', 'unitId'], {
  unique: true,
  where: `decision = 'accepted'`,
})
export class ClaimEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  /** Chosen by the unit; with the unit it identifies the claim (a resend is answered the same). */
  @Column({ name: 'claim_id', type: 'text' })
  claimId!: string;

  @Column({ name: 'unit_id', type: 'text' })
  unitId!: string;

  /** Null when the claim named no readable project. */
  @Column({ name: 'project_id', type: 'uuid', nullable: true })
  projectId!: string | null;

  @Column({ name: 'requested_quantity', type: 'integer' })
  requestedQuantity!: number;

  @Column({ name: 'accepted_quantity', type: 'integer' })
  acceptedQuantity!: number;

  @Column({ type: 'text' })
  decision!: string;

  @Column({ type: 'text', nullable: true })
  code!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** The ClaimDecided event as answered, so a resend gets the same answer. */
  @Column({ type: 'jsonb' })
  answer!: unknown;

  @CreateDateColumn({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;
}
