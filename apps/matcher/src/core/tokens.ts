import type { TopicId } from '@redcrowd/contracts';

/** The matcher's validated environment (MatcherConfig). */
export const MATCHER_CONFIG = Symbol('MATCHER_CONFIG');
/** Topic names with the deployment's prefix (topicNames()). */
export const TOPICS = Symbol('TOPICS');

export type Topics = Record<TopicId, string>;
