import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import type { ConsumedMessage } from '@redcrowd/kafka';
import { KAFKA_BATCH_PATTERN } from '@redcrowd/nest-kafka';
import { MATCHER_CONFIG } from './tokens';
import type { MatcherConfig } from '../config/matcher.config';
import { MatchingRoundService } from './matching-round.service';

/**
 * Accepted lists change an alliance's pool. A batch (one partition, so a share of the
 * alliances) is coalesced into one round per alliance, run after a short debounce; the
 * batch's offsets are committed only after those rounds committed, so a crash re-runs
 * them, and an unchanged round writes nothing.
 */
@Controller()
export class ListsAcceptedHandler {
  constructor(
    private readonly rounds: MatchingRoundService,
    @Inject(MATCHER_CONFIG) private readonly config: MatcherConfig,
  ) {}

  @EventPattern(KAFKA_BATCH_PATTERN)
  async handle(@Payload() messages: ConsumedMessage[]): Promise<void> {
    const alliances = new Set<string>();
    for (const message of messages) if (message.key) alliances.add(message.key);
    if (alliances.size === 0) return;
    if (this.config.MATCHER_DEBOUNCE_MS > 0) {
      await new Promise((resolve) => setTimeout(resolve, this.config.MATCHER_DEBOUNCE_MS));
    }
    for (const allianceId of [...alliances].sort()) await this.rounds.run(allianceId, 'lists-accepted');
  }
}
