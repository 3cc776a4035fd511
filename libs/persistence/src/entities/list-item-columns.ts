import { Check, Column, CreateDateColumn, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ListEntity } from './list.entity';

/** Columns resource items and demand items share; each kind has its own table. */
@Check(`"quantity" > 0`)
export abstract class ListItemColumns {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ name: 'list_pk', type: 'bigint' })
  listPk!: string;

  @ManyToOne(() => ListEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'list_pk' })
  list?: ListEntity;

  @Column({ name: 'item_id', type: 'text' })
  itemId!: string;

  /** The list revision that wrote this item. */
  @Column({ type: 'integer' })
  revision!: number;

  /** open until matching or claiming takes it; a new revision replaces only open items. */
  @Column({ type: 'text', default: 'open' })
  status!: string;

  @Column({ type: 'text' })
  category!: string;

  @Column({ type: 'text' })
  title!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'integer' })
  quantity!: number;

  @Column({ name: 'quantity_unit', type: 'text' })
  quantityUnit!: string;

  @Column({ type: 'double precision' })
  lat!: number;

  @Column({ type: 'double precision' })
  lng!: number;

  @Column({ type: 'text', nullable: true })
  address!: string | null;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
