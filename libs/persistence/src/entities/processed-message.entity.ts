import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/**
 * Kafka messages already answered, written in the same transaction as their effects:
 * a redelivered message (crash, rebalance, replay) finds its row and changes nothing.
 */
@Entity({ name: 'processed_messages' })
export class ProcessedMessageEntity {
  @PrimaryColumn({ name: 'consumer_group', type: 'text' })
  consumerGroup!: string;

  @PrimaryColumn({ type: 'text' })
  topic!: string;

  @PrimaryColumn({ type: 'integer' })
  partition!: number;

  @PrimaryColumn({ name: 'message_offset', type: 'bigint' })
  messageOffset!: string;

  /** accepted | rejected */
  @Column({ type: 'text' })
  outcome!: string;

  @CreateDateColumn({ name: 'processed_at', type: 'timestamptz' })
  processedAt!: Date;
}
