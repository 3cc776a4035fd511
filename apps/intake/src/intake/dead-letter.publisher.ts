import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import type { IntakeDeadLetter } from '@redcrowd/contracts';
import { CORRELATION_ID_HEADER } from '@redcrowd/kafka';
import type { IntakeAnswer } from './intake-answers';
import { isKafkaSource, type ListSubmission } from './list-submission';

/**
 * Publishes, for each message intake gave up on, a dead-letter record with its origin,
 * bytes and headers, and a rejection so the submitter is answered too; both carry the
 * submission's correlation id. Goes straight to Kafka: the database these messages could
 * not reach cannot hold an outbox for them either.
 */
export class DeadLetterPublisher {
  constructor(
    private readonly producer: Producer,
    private readonly deadLetterTopic: string,
    private readonly rejectedTopic: string,
  ) {}

  async publish(
    entries: Array<{ submission: ListSubmission; answer: IntakeAnswer }>,
    attempts: number,
    error: string,
  ): Promise<void> {
    const failedAt = new Date().toISOString();
    const deadLetters = entries.flatMap(({ submission, answer }) => {
      if (!isKafkaSource(submission.source)) return [];
      const record: IntakeDeadLetter = {
        eventId: randomUUID(),
        rejectionEventId: answer.event.eventId,
        originTopic: submission.source.topic,
        originPartition: submission.source.partition ?? 0,
        originOffset: submission.source.offset,
        attempts,
        error,
        failedAt,
        originHeaders: submission.headers,
        correlationId: submission.correlationId,
      };
      if (submission.messageKey !== null) record.originKey = submission.messageKey;
      if (submission.raw) record.valueBase64 = submission.raw.toString('base64');
      // The original headers on the record too, so a reader of the topic sees them as sent.
      const headers = { ...submission.headers, [CORRELATION_ID_HEADER]: submission.correlationId };
      return [{ key: submission.messageKey, value: JSON.stringify(record), headers }];
    });
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [
        { topic: this.deadLetterTopic, messages: deadLetters },
        {
          topic: this.rejectedTopic,
          messages: entries.map(({ submission, answer }) => ({
            key: answer.key,
            value: JSON.stringify(answer.event),
            headers: { [CORRELATION_ID_HEADER]: submission.correlationId },
          })),
        },
      ].filter((group) => group.messages.length > 0),
    });
  }
}
