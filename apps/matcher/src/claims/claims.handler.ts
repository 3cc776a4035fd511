import { Controller } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { parseClaim } from '@redcrowd/contracts';
import type { ConsumedMessage } from '@redcrowd/kafka';
import { ClaimDecisionService } from './claim-decision.service';

/** The pattern of the claims transport (the lists transport has the default one). */
export const CLAIMS_BATCH_PATTERN = 'kafka.batch.claims';

/** Claims from claims.submitted.v1: each is decided and answered on claims.decided.v1. */
@Controller()
export class ClaimsHandler {
  constructor(private readonly decisions: ClaimDecisionService) {}

  @EventPattern(CLAIMS_BATCH_PATTERN)
  async handle(@Payload() messages: ConsumedMessage[]): Promise<void> {
    // In order: claims of one unit share a partition, and their order is kept.
    for (const message of messages) {
      await this.decisions.decide(parseClaim(message.value, message.key), message.key);
    }
  }
}
