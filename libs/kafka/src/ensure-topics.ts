import { TOPICS, topicName, type TopicId } from '@redcrowd/contracts';
import { createKafkaClient } from './kafka-client';

// Submission topics accept messages up to 2 MiB so that a list over intake's 1 MiB limit
// reaches intake and is answered with a clear rejection instead of failing in the producer.
const SUBMISSION_TOPIC_CONFIG = [{ name: 'max.message.bytes', value: String(2 * 1024 * 1024) }];
const SUBMISSION_TOPICS: ReadonlySet<TopicId> = new Set(['resourceListSubmitted', 'demandListSubmitted']);

/**
 * Creates every redcrowd topic that is missing, with its explicit partition count.
 * Existing topics are left as they are (partition counts are never shrunk).
 */
export async function ensureTopics(
  brokers: string[],
  prefix: string,
  replicationFactor = Number(process.env.KAFKA_REPLICATION_FACTOR ?? 1),
): Promise<string[]> {
  const admin = createKafkaClient({ brokers, clientId: 'redcrowd-setup' }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = (Object.keys(TOPICS) as TopicId[]).filter((id) => !existing.has(topicName(id, prefix)));
    if (missing.length === 0) return [];
    await admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((id) => ({
        topic: topicName(id, prefix),
        numPartitions: TOPICS[id].partitions,
        replicationFactor,
        configEntries: SUBMISSION_TOPICS.has(id) ? SUBMISSION_TOPIC_CONFIG : [],
      })),
    });
    return missing.map((id) => topicName(id, prefix));
  } finally {
    await admin.disconnect();
  }
}
