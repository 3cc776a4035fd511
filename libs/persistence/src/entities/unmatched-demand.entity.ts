import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A demand the last matching round found no candidate for, and why (no supply in the
 * category, none in radius, no window overlap, no capacity left): the joint meeting's
 * "unmet demands" list. Each round replaces its alliance's rows.
 */
@Entity({ name: 'unmatched_demands' })
@Index(['allianceId'])
export class UnmatchedDemandEntity {
  @PrimaryColumn({ name: 'demand_item_pk', type: 'bigint' })
  demandItemPk!: string;

  @Column({ name: 'alliance_id', type: 'text' })
  allianceId!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'found_at', type: 'timestamptz', default: () => 'now()' })
  foundAt!: Date;
}
