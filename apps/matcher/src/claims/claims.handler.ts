import { randomUUID } from 'node:crypto';
import { Controller, Inject } from '@nestjs/common';
import { EventPattern, Payload } from '@nestjs/microservices';
import { parseClaim } from '@redcrowd/contracts';
import {
  BatchAbandonedError,
  retryThroughOutage,
  type BatchControl,
  type ConsumedBatch,
  type ConsumedMessage,
} from '@redcrowd/kafka';
import { DatabaseProbe, LOGGER } from '@redcrowd/nest-kafka';
import {
  CORRELATION_ID_HEADER,
  describeError,
  traceableId,
  withLogContext,
  type JsonLogger,
} from '@redcrowd/runtime';
import { ClaimDecisionService } from './claim-decision.service';

/** The pattern of the claims transport (the lists transport has the default one). */
export const CLAIMS_BATCH_PATTERN = 'kafka.batch.claims';

const RETRY = { maxAttempts: 4, baseDelayMs: 200 };

/**
 * Claims from claims.submitted.v1: each is decided and answered on claims.decided.v1. A
 * claim that cannot be decided after bounded retries while the database is up is answered
 * internal-error (straight to Kafka) and skipped; while the database is unreachable the
 * batch is held until it is back, so an outage answers no claim internal-error.
 */
@Controller()
export class ClaimsHandler {
  constructor(
    private readonly decisions: ClaimDecisionService,
    @Inject(LOGGER) private readonly logger: JsonLogger,
    private readonly database: DatabaseProbe,
  ) {}

  @EventPattern(CLAIMS_BATCH_PATTERN)
  async handle(@Payload() { messages, control }: ConsumedBatch): Promise<void> {
    // In order: claims of one unit share a partition, and their order is kept.
    for (const message of messages) {
      // The claim's correlation id (its Kafka header, else a new one) goes on every line
      // and event its decision causes: the answer, the offer and status changes.
      const correlationId = traceableId(message.headers[CORRELATION_ID_HEADER]) ?? randomUUID();
      await withLogContext({ correlationId }, () => this.decide(message, control));
    }
  }

  private async decide(message: ConsumedMessage, control: BatchControl): Promise<void> {
    const parsed = parseClaim(message.value, message.key);
    try {
      await retryThroughOutage(() => this.decisions.decide(parsed, message.key), RETRY, {
        control,
        databaseAnswers: () => this.database.answers(),
        onHold: (error) =>
          this.logger.event('warn', 'the database is unreachable; holding the claims until it is back', {
            offset: message.offset,
            error: describeError(error),
          }),
      });
    } catch (error) {
      if (error instanceof BatchAbandonedError) throw error;
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
