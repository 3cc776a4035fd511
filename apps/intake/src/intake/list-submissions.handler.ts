import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { ConsumedBatch } from '@redcrowd/kafka';
import { KAFKA_BATCH_PATTERN } from '@redcrowd/nest-kafka';
import { ListIntakeService } from './list-intake.service';

/** Receives batches of submitted lists from Kafka; the service answers every message. */
@Controller()
export class ListSubmissionsHandler {
  constructor(private readonly intake: ListIntakeService) {}

  @EventPattern(KAFKA_BATCH_PATTERN)
  handle(@Payload() { messages, control }: ConsumedBatch): Promise<void> {
    return this.intake.handleKafkaBatch(messages, control);
  }
}
