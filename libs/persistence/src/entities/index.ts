import { AllianceCategoryEntity } from './alliance-category.entity';
import { DemandItemEntity } from './demand-item.entity';
import { IntakeRejectionEntity } from './intake-rejection.entity';
import { ListEntity } from './list.entity';
import { OutboxEventEntity } from './outbox-event.entity';
import { ProcessedMessageEntity } from './processed-message.entity';
import { ResourceItemEntity } from './resource-item.entity';

export {
  AllianceCategoryEntity,
  DemandItemEntity,
  IntakeRejectionEntity,
  ListEntity,
  OutboxEventEntity,
  ProcessedMessageEntity,
  ResourceItemEntity,
};

export const ENTITIES = [
  AllianceCategoryEntity,
  DemandItemEntity,
  IntakeRejectionEntity,
  ListEntity,
  OutboxEventEntity,
  ProcessedMessageEntity,
  ResourceItemEntity,
];
