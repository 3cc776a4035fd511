import { randomUUID } from 'node:crypto';
import { Partitioners, type Kafka } from 'kafkajs';
import { topicNames } from '@redcrowd/contracts';
import { createKafkaClient, decodeHeaders, ensureTopics } from '@redcrowd/kafka';
import type { ReplayRequest } from './replay-arguments';
import {
  REPLAY_OF_HEADER,
  REPLAY_ORIGIN_HEADER,
  originLabel,
  planReplay,
  readDeadLetter,
  type DeadLetterRecord,
  type ReplayPlan,
} from './replay-plan';

export interface DeadLetterReplayOptions {
  brokers: string[];
  /** The deployment's topic prefix (KAFKA_TOPIC_PREFIX). */
  topicPrefix: string;
  request: ReplayRequest;
  /** Longest wait for reading a topic to its end. */
  readTimeoutMs?: number;
}

export interface DeadLetterReplayReport extends ReplayPlan {
  dryRun: boolean;
}

interface ReadRecord extends DeadLetterRecord {
  topic: string;
  headers: Record<string, string>;
}

/**
 * Replays intake's dead letters: reads the dead-letter topic to its end, finds which
 * original messages were replayed before (their replays carry REPLAY_ORIGIN_HEADER on the
 * origin topics), and publishes each selected one again to its original topic with its
 * original key and headers (correlation id included). Intake then answers it as any new message. Topics are read by a throwaway
 * consumer group that commits nothing and is deleted afterwards.
 */
export async function replayDeadLetters(options: DeadLetterReplayOptions): Promise<DeadLetterReplayReport> {
  const { brokers, topicPrefix, request } = options;
  const timeoutMs = options.readTimeoutMs ?? 60_000;
  await ensureTopics(brokers, topicPrefix);
  const kafka = createKafkaClient({ brokers, clientId: 'redcrowd-replay-dead-letters' });
  const deadLetterTopic = topicNames(topicPrefix).intakeDeadLetter;

  const letters = (await readToEnd(kafka, [deadLetterTopic], timeoutMs)).map(readDeadLetter);
  const selected = planReplay(letters, request.selection, new Map());
  const originTopics = [...new Set(selected.replay.map((letter) => letter.origin.topic))];
  const replayedOrigins = new Map<string, string>();
  for (const record of await readToEnd(kafka, originTopics, timeoutMs)) {
    const origin = record.headers[REPLAY_ORIGIN_HEADER];
    if (origin !== undefined) replayedOrigins.set(origin, record.headers[REPLAY_OF_HEADER] ?? 'unknown');
  }
  const plan = planReplay(letters, request.selection, replayedOrigins);

  if (!request.dryRun && plan.replay.length > 0) {
    // The partitioner intake's submitters use: the original key lands on the original partition.
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    try {
      const byTopic = new Map<string, typeof plan.replay>();
      for (const letter of plan.replay) {
        byTopic.set(letter.origin.topic, [...(byTopic.get(letter.origin.topic) ?? []), letter]);
      }
      await producer.sendBatch({
        acks: -1,
        topicMessages: [...byTopic].map(([topic, replays]) => ({
          topic,
          messages: replays.map((letter) => ({
            key: letter.key,
            value: letter.value,
            headers: {
              ...letter.headers,
              [REPLAY_OF_HEADER]: letter.id,
              [REPLAY_ORIGIN_HEADER]: originLabel(letter.origin),
            },
          })),
        })),
      });
    } finally {
      await producer.disconnect();
    }
  }
  return { ...plan, dryRun: request.dryRun };
}

/**
 * Every record of `topics` up to their end as of now (the high watermarks read first), in
 * partition order. kafkajs consumes only through a group: this one is fresh, commits
 * nothing, and is deleted once done.
 */
async function readToEnd(kafka: Kafka, topics: string[], timeoutMs: number): Promise<ReadRecord[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const lastOffsets = new Map<string, bigint>();
    for (const topic of topics) {
      for (const { partition, high, low } of await admin.fetchTopicOffsets(topic)) {
        if (BigInt(high) > BigInt(low)) lastOffsets.set(`${topic}/${partition}`, BigInt(high) - 1n);
      }
    }
    if (lastOffsets.size === 0) return [];
    const groupId = `redcrowd-replay-dead-letters-${randomUUID()}`;
    const records = await consumeUntil(kafka, groupId, topics, lastOffsets, timeoutMs);
    await admin.deleteGroups([groupId]).catch(() => undefined);
    return records.sort(
      (a, b) =>
        a.topic.localeCompare(b.topic) ||
        a.partition - b.partition ||
        Number(BigInt(a.offset) - BigInt(b.offset)),
    );
  } finally {
    await admin.disconnect();
  }
}

async function consumeUntil(
  kafka: Kafka,
  groupId: string,
  topics: string[],
  lastOffsets: Map<string, bigint>,
  timeoutMs: number,
): Promise<ReadRecord[]> {
  const consumer = kafka.consumer({ groupId });
  const records: ReadRecord[] = [];
  const pending = new Set(lastOffsets.keys());
  try {
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(new Error(`reading ${topics.join(', ')} did not reach their end within ${timeoutMs} ms`)),
        timeoutMs,
      );
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ topic, partition, message }) => {
            const position = `${topic}/${partition}`;
            const last = lastOffsets.get(position);
            if (last === undefined || BigInt(message.offset) > last) return;
            records.push({
              topic,
              partition,
              offset: message.offset,
              value: message.value,
              headers: decodeHeaders(message.headers),
            });
            if (BigInt(message.offset) === last) pending.delete(position);
            if (pending.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch((error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
  } finally {
    await consumer.disconnect();
  }
  return records;
}
