import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { ConsumedMessage } from '@redcrowd/kafka';
import { KAFKA_BATCH_PATTERN, LOGGER } from '@redcrowd/nest-kafka';
import {
  describeError,
  isTransientInfrastructureError,
  withRetries,
  type JsonLogger,
} from '@redcrowd/runtime';
import { MATCHER_CONFIG } from '../core/tokens';
import type { MatcherConfig } from '../config/matcher.config';
import { MatchingRoundService } from './matching-round.service';

/**
 * Accepted lists change an alliance's pool. A batch (one partition, so a share of the
 * alliances) is coalesced into one round per alliance, run after a short debounce; the
 * batch's offsets are committed only after those rounds committed, so a crash re-runs
 * them, and an unchanged round writes nothing.
 */
const RETRY = { maxAttempts: 4, baseDelayMs: 200 };

@Controller()
export class ListsAcceptedHandler {
  constructor(
    private readonly rounds: MatchingRoundService,
    @Inject(MATCHER_CONFIG) private readonly config: MatcherConfig,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  @EventPattern(KAFKA_BATCH_PATTERN)
  async handle(@Payload() messages: ConsumedMessage[]): Promise<void> {
    const alliances = new Set<string>();
    for (const message of messages) if (message.key) alliances.add(message.key);
    if (alliances.size === 0) return;
    if (this.config.MATCHER_DEBOUNCE_MS > 0) {
      await new Promise((resolve) => setTimeout(resolve, this.config.MATCHER_DEBOUNCE_MS));
    }
    for (const allianceId of [...alliances].sort()) {
      try {
        await withRetries(
          () => this.rounds.run(allianceId, 'lists-accepted'),
          RETRY,
          isTransientInfrastructureError,
        );
      } catch (error) {
        // The lists are stored; only this round is lost. The alliance's next change or a
        // coordinator's round re-runs it, so the partition is not held up forever.
        this.logger.event('error', 'matching round failed; it will run again on the next change', {
          allianceId,
          error: describeError(error),
        });
      }
    }
  }
}
