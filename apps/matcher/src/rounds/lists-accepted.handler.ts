import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { BatchAbandonedError, retryThroughOutage, type ConsumedBatch } from '@redcrowd/kafka';
import { DatabaseProbe, KAFKA_BATCH_PATTERN, LOGGER } from '@redcrowd/nest-kafka';
import { describeError, type JsonLogger } from '@redcrowd/runtime';
import { MATCHER_CONFIG } from '../core/tokens';
import type { MatcherConfig } from '../config/matcher.config';
import { MatchingRoundService } from './matching-round.service';
import { roundCorrelations } from './round-correlation';

/**
 * Accepted lists change an alliance's pool. A batch (one partition, so a share of the
 * alliances) is coalesced into one round per alliance, run after a short debounce; the
 * batch's offsets are committed only after those rounds committed, so a crash re-runs
 * them, and an unchanged round writes nothing. While the database is unreachable the
 * batch is held (see retryThroughOutage), so an outage loses no round.
 */
const RETRY = { maxAttempts: 4, baseDelayMs: 200 };

@Controller()
export class ListsAcceptedHandler {
  constructor(
    private readonly rounds: MatchingRoundService,
    @Inject(MATCHER_CONFIG) private readonly config: MatcherConfig,
    @Inject(LOGGER) private readonly logger: JsonLogger,
    private readonly database: DatabaseProbe,
  ) {}

  @EventPattern(KAFKA_BATCH_PATTERN)
  async handle(@Payload() { messages, control }: ConsumedBatch): Promise<void> {
    const alliances = new Set<string>();
    for (const message of messages) if (message.key) alliances.add(message.key);
    if (alliances.size === 0) return;
    const correlations = roundCorrelations(messages);
    if (this.config.MATCHER_DEBOUNCE_MS > 0) {
      await new Promise((resolve) => setTimeout(resolve, this.config.MATCHER_DEBOUNCE_MS));
    }
    for (const allianceId of [...alliances].sort()) {
      try {
        await retryThroughOutage(
          () => this.rounds.run(allianceId, 'lists-accepted', correlations.get(allianceId)),
          RETRY,
          {
            control,
            databaseAnswers: () => this.database.answers(),
            onHold: (error) =>
              this.logger.event('warn', 'the database is unreachable; holding the round until it is back', {
                allianceId,
                error: describeError(error),
              }),
          },
        );
      } catch (error) {
        if (error instanceof BatchAbandonedError) throw error;
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
