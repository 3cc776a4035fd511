import { randomUUID } from 'node:crypto';
import { topicNames, type TopicId } from '@redcrowd/contracts';
import { ensureTopics } from '@redcrowd/kafka';

export function brokers(): string[] {
  return (process.env.KAFKA_BROKERS ?? '').split(',').filter(Boolean);
}

export function databaseUrl(): string {
  return process.env.DATABASE_URL ?? '';
}

/**
 * Each suite gets topics of its own (a unique prefix) so suites cannot see each other's
 * messages, and so consumer groups start from a clean slate.
 */
export async function isolatedTopics(): Promise<{ prefix: string; topics: Record<TopicId, string> }> {
  const prefix = `test-${randomUUID().slice(0, 8)}.`;
  await ensureTopics(brokers(), prefix);
  return { prefix, topics: topicNames(prefix) };
}
