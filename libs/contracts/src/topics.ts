/**
 * Every Kafka topic redcrowd uses, in one place. Names carry a version so a breaking
 * payload change becomes a new topic; the deployment prefix (default `redcrowd.`) keeps
 * several installations apart on one cluster.
 */
export const DEFAULT_TOPIC_PREFIX = 'redcrowd.';

export interface TopicSpec {
  /** Name without the deployment prefix. */
  readonly suffix: string;
  readonly partitions: number;
  /** What the message key holds; consumers rely on it for ordering. */
  readonly key: string;
  readonly description: string;
}

export const TOPICS = {
  resourceListSubmitted: {
    suffix: 'resource-lists.submitted.v1',
    partitions: 6,
    key: 'unit id (the submitting member unit)',
    description: '资源清单 resource lists submitted by alliance member units.',
  },
  demandListSubmitted: {
    suffix: 'demand-lists.submitted.v1',
    partitions: 6,
    key: 'submitter id (community or unit)',
    description: '需求清单 resident demand lists submitted by communities (or units).',
  },
  listAccepted: {
    suffix: 'lists.accepted.v1',
    partitions: 6,
    key: 'alliance id (the matcher partitions its work by alliance)',
    description: 'A submitted list (either kind) was validated and stored.',
  },
  listRejected: {
    suffix: 'lists.rejected.v1',
    partitions: 6,
    key: 'submitter id when readable, else the original message key, else the listId; none if nothing was readable',
    description: 'A submitted list was refused; carries every problem found.',
  },
  intakeDeadLetter: {
    suffix: 'intake.dead-letter.v1',
    partitions: 1,
    key: 'the original message key',
    description:
      'Messages intake could not process for infrastructure reasons after bounded retries, with their origin.',
  },
  projectsProposed: {
    suffix: 'projects.proposed.v1',
    partitions: 6,
    key: 'alliance id',
    description:
      '项目清单 a project proposed by a matching round: one demand item with the resources allocated to it.',
  },
  projectsRevised: {
    suffix: 'projects.revised.v1',
    partitions: 6,
    key: 'alliance id',
    description: 'A proposed (not yet approved) project whose allocations a later round changed.',
  },
  projectsStatusChanged: {
    suffix: 'projects.status-changed.v1',
    partitions: 6,
    key: 'alliance id',
    description: 'A project moved in its lifecycle (approved, rejected, cancelled, ...), with who and why.',
  },
  claimsOffered: {
    suffix: 'claims.offered.v1',
    partitions: 6,
    key: 'unit id',
    description:
      "认领 offer: an approved project's allocation offered to a unit (paired unit first, then the open hall).",
  },
  claimsSubmitted: {
    suffix: 'claims.submitted.v1',
    partitions: 6,
    key: 'unit id',
    description: 'A unit claims (认领) all or part of an offered allocation.',
  },
  claimsDecided: {
    suffix: 'claims.decided.v1',
    partitions: 6,
    key: 'unit id',
    description: 'The decision on a claim: accepted (with the quantity) or rejected, with the reason.',
  },
} as const satisfies Record<string, TopicSpec>;

export type TopicId = keyof typeof TOPICS;

export function topicName(id: TopicId, prefix: string = DEFAULT_TOPIC_PREFIX): string {
  return `${prefix}${TOPICS[id].suffix}`;
}

/** Resolves every topic name for one deployment prefix. */
export function topicNames(prefix: string = DEFAULT_TOPIC_PREFIX): Record<TopicId, string> {
  const names = {} as Record<TopicId, string>;
  for (const id of Object.keys(TOPICS) as TopicId[]) names[id] = topicName(id, prefix);
  return names;
}
