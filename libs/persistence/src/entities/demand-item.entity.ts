import { Column, Entity, Index } from 'typeorm';
import { ListItemColumns } from './list-item-columns';

/** One line of a 需求清单: what residents need. */
@Entity({ name: 'demand_items' })
@Index('demand_items_identity', ['listPk', 'itemId'], { unique: true })
@Index('demand_items_matchable', ['category', 'quantityUnit', 'status'])
export class DemandItemEntity extends ListItemColumns {
  @Column({ name: 'window_from', type: 'timestamptz' })
  windowFrom!: Date;

  @Column({ name: 'window_to', type: 'timestamptz' })
  windowTo!: Date;

  /** routine | urgent | critical */
  @Column({ type: 'text' })
  urgency!: string;

  @Column({ type: 'integer', nullable: true })
  beneficiaries!: number | null;
}
