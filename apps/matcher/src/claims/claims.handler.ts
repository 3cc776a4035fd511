import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { parseClaim } from '@redcrowd/contracts';
import type { ConsumedMessage } from '@redcrowd/kafka';
import { LOGGER } from '@redcrowd/nest-kafka';
import {
  describeError,
  isTransientInfrastructureError,
  withRetries,
  type JsonLogger,
} from '@redcrowd/runtime';
import { ClaimDecisionService } from './claim-decision.service';

/** The pattern of the claims transport (the lists transport has the default one). */
export const CLAIMS_BATCH_PATTERN = 'kafka.batch.claims';

const RETRY = { maxAttempts: 4, baseDelayMs: 200 };

/**
 * Claims from claims.submitted.v1: each is decided and answered on claims.decided.v1. A
 * claim that cannot be decided after bounded retries is answered internal-error (straight
 * to Kafka: the database it could not reach cannot hold an outbox for it) and skipped.
 */
@Controller()
export class ClaimsHandler {
  constructor(
    private readonly decisions: ClaimDecisionService,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  @EventPattern(CLAIMS_BATCH_PATTERN)
  async handle(@Payload() messages: ConsumedMessage[]): Promise<void> {
    // In order: claims of one unit share a partition, and their order is kept.
    for (const message of messages) {
      const parsed = parseClaim(message.value, message.key);
      try {
        await withRetries(
          () => this.decisions.decide(parsed, message.key),
          RETRY,
          isTransientInfrastructureError,
        );
      } catch (error) {
        this.logger.event('error', 'claim could not be decided; answering internal-error', {
          topic: message.topic,
          partition: message.partition,
          offset: message.offset,
          error: describeError(error),
        });
        await this.decisions.answerUndecidable(parsed, message.key, error);
      }
    }
  }
}
