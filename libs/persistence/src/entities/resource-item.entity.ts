import { Column, Entity, Index } from 'typeorm';
import { ListItemColumns } from './list-item-columns';

/** One line of a 资源清单: what a member unit offers. */
@Entity({ name: 'resource_items' })
@Index('resource_items_identity', ['listPk', 'itemId'], { unique: true })
@Index('resource_items_matchable', ['category', 'quantityUnit', 'status'])
export class ResourceItemEntity extends ListItemColumns {
  @Column({ name: 'service_radius_km', type: 'double precision' })
  serviceRadiusKm!: number;

  @Column({ name: 'available_from', type: 'timestamptz' })
  availableFrom!: Date;

  @Column({ name: 'available_to', type: 'timestamptz' })
  availableTo!: Date;
}
