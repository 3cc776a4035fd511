import type { DataSource, EntityManager } from 'typeorm';
import {
  Taxonomy,
  admitList,
  checkCategories,
  parseList,
  settleCalendarDates,
  parseListDocument,
  type ListKind,
  type ListMembership,
  type MemberStatus,
  type MessageSource,
  type SubmittedList,
  type TopicId,
} from '@redcrowd/contracts';
import {
  CORRELATION_ID_HEADER,
  retryThroughOutage,
  type BatchControl,
  type ConsumedMessage,
  type OutboxRelay,
} from '@redcrowd/kafka';
import {
  databaseAnswers,
  memberKey,
  positionKey,
  type AlliancePolicyRepository,
  type AllianceTaxonomyRepository,
  type IntakeRejectionRepository,
  type ListStoreRepository,
  type MemberRef,
  type OutboxRepository,
  type ProcessedMessageRepository,
  type RosterRepository,
} from '@redcrowd/persistence';
import type { JsonLogger } from '@redcrowd/runtime';
import type { DeadLetterPublisher } from './dead-letter.publisher';
import {
  acceptedAnswer,
  hintsOf,
  notAMemberProblem,
  rejectedAnswer,
  revisionProblem,
  type IntakeAnswer,
} from './intake-answers';
import { correlationIdOf, httpCorrelationId, isKafkaSource, type ListSubmission } from './list-submission';
import {
  RetriesExhaustedError,
  describeError,
  isTransientInfrastructureError,
  withRetries,
  type RetryPolicy,
} from '@redcrowd/runtime';

export interface ListIntakeDependencies {
  dataSource: DataSource;
  lists: ListStoreRepository;
  outbox: OutboxRepository;
  processed: ProcessedMessageRepository;
  rejections: IntakeRejectionRepository;
  taxonomy: AllianceTaxonomyRepository;
  roster: RosterRepository;
  policies: AlliancePolicyRepository;
  relay: OutboxRelay;
  deadLetters: DeadLetterPublisher;
  topics: Record<TopicId, string>;
  consumerGroup: string;
  /** The zone of calendar dates for alliances whose policy names none (ALLIANCE_TIME_ZONE). */
  defaultTimeZone: string;
  retry: RetryPolicy;
  logger: JsonLogger;
}

/**
 * Where a batch's submitters stand with their alliances, read in the batch's transaction:
 * roster statuses by memberKey (absent: not on the roster), the alliances whose policy
 * allows open registration, and the alliances with a time zone of their own.
 */
interface RosterView {
  standings: Map<string, MemberStatus>;
  openRegistration: Set<string>;
  timeZones: Map<string, string>;
}

/** What an HTTP submitter gets back: the same event Kafka submitters receive. */
export type HttpSubmissionResult =
  { status: 'answered'; answer: IntakeAnswer } | { status: 'unavailable'; answer: IntakeAnswer };

/**
 * Intake of 资源清单 and 需求清单: validates each submitted list, checks that its submitter
 * may send lists to the alliance (the roster, 成员名册), stores it with its items in one
 * transaction, and answers it with exactly one accepted or rejected event, written to the
 * outbox in that same transaction. Kafka and HTTP submissions take the same path.
 */
export class ListIntakeService {
  private readonly kindByTopic: Map<string, ListKind>;
  private readonly answerObservers: Array<(answers: IntakeAnswer[], deadLettered: boolean) => void> = [];

  constructor(private readonly deps: ListIntakeDependencies) {
    this.kindByTopic = new Map([
      [deps.topics.resourceListSubmitted, 'resource'],
      [deps.topics.demandListSubmitted, 'demand'],
    ]);
  }

  /** Calls `observer` with the answers of each committed transaction and of each dead-lettering (metrics). */
  onAnswered(observer: (answers: IntakeAnswer[], deadLettered: boolean) => void): void {
    this.answerObservers.push(observer);
  }

  /**
   * Answers a batch fetched from one partition. Resolves once every message is answered
   * (committed to the database, or dead-lettered); only then may offsets be committed.
   * While the database is unreachable the batch is held, not answered: Kafka keeps the
   * lists until it is back, so an outage rejects none of them.
   */
  async handleKafkaBatch(messages: ConsumedMessage[], control: BatchControl): Promise<void> {
    const submissions = messages.map((message) => this.fromKafka(message));
    try {
      await this.commitThroughOutage(submissions, control);
    } catch (error) {
      if (!(error instanceof RetriesExhaustedError)) throw error;
      if (isTransientInfrastructureError(error.lastError) || submissions.length === 1) {
        await this.deadLetter(submissions, error);
      } else {
        // Not the database's fault: some message trips an unexpected error. Answer the
        // others and dead-letter only the culprits.
        for (const submission of submissions) {
          await this.commitThroughOutage([submission], control).catch(async (single: unknown) => {
            if (!(single instanceof RetriesExhaustedError)) throw single;
            await this.deadLetter([submission], single);
          });
        }
      }
    }
    await this.flushOutbox();
  }

  /** The HTTP path: same validation, same storage, same events. */
  /**
   * `mayStore` sees a valid list before anything is written and throws to refuse it (the
   * signed-in caller may not submit for that alliance or submitter); nothing is stored then.
   */
  async submitOverHttp(
    kind: ListKind,
    body: Buffer | null,
    mayStore: (list: SubmittedList) => void,
  ): Promise<HttpSubmissionResult> {
    const parsed = parseList(kind, body, { settleDatesLater: true });
    if (parsed.ok) mayStore(parsed.list);
    return this.answerHttpSubmission({
      kind,
      raw: body,
      messageKey: null,
      source: { channel: 'http' },
      parsed,
      correlationId: httpCorrelationId(),
      headers: {},
    });
  }

  /**
   * A list read from a workbook: judged by the same rules as JSON lists (bar the message size,
   * which the workbook's own limits replace), stored and answered the same way. Without a
   * revision it gets the next one, or the stored one when its content is unchanged.
   */
  async submitDocument(
    kind: ListKind,
    document: Record<string, unknown>,
    options: { revisionAutomatic: boolean; mayStore: (list: SubmittedList) => void },
  ): Promise<HttpSubmissionResult> {
    const parsed = parseListDocument(kind, document, { settleDatesLater: true });
    if (parsed.ok) options.mayStore(parsed.list);
    return this.answerHttpSubmission({
      kind,
      raw: Buffer.from(JSON.stringify(document)),
      messageKey: null,
      source: { channel: 'http' },
      parsed,
      revisionAutomatic: options.revisionAutomatic,
      correlationId: httpCorrelationId(),
      headers: {},
    });
  }

  private async answerHttpSubmission(submission: ListSubmission): Promise<HttpSubmissionResult> {
    try {
      const [answer] = await this.commitWithRetries([submission]);
      await this.flushOutbox();
      return { status: 'answered', answer: answer! };
    } catch (error) {
      if (!(error instanceof RetriesExhaustedError)) throw error;
      const [answer] = await this.deadLetter([submission], error);
      return { status: 'unavailable', answer: answer! };
    }
  }

  private fromKafka(message: ConsumedMessage): ListSubmission {
    const kind = this.kindByTopic.get(message.topic);
    if (!kind) throw new Error(`intake does not consume topic ${message.topic}`);
    const source: MessageSource = {
      channel: 'kafka',
      topic: message.topic,
      partition: message.partition,
      offset: message.offset,
    };
    return {
      kind,
      raw: message.value,
      messageKey: message.key,
      source,
      parsed: parseList(kind, message.value, { messageKey: message.key, settleDatesLater: true }),
      correlationId: correlationIdOf(message.headers),
      headers: message.headers,
    };
  }

  private async commitWithRetries(submissions: ListSubmission[]): Promise<IntakeAnswer[]> {
    const answers = await withRetries(
      () => this.commit(submissions),
      this.deps.retry,
      isTransientInfrastructureError,
      (error, attempt) => this.logRetry(submissions, error, attempt),
    );
    for (const observer of this.answerObservers) observer(answers, false);
    return answers;
  }

  /** As commitWithRetries, but a database outage holds the batch until the database is back. */
  private async commitThroughOutage(
    submissions: ListSubmission[],
    control: BatchControl,
  ): Promise<IntakeAnswer[]> {
    const { logger } = this.deps;
    const answers = await retryThroughOutage(
      () => this.commit(submissions),
      this.deps.retry,
      {
        control,
        databaseAnswers: () => databaseAnswers(this.deps.dataSource),
        onHold: (error) =>
          logger.event('warn', 'the database is unreachable; holding the batch until it is back', {
            messages: submissions.length,
            error: describeError(error),
          }),
        onResume: (heldMs) =>
          logger.event('info', 'the database is back; storing the held batch', {
            messages: submissions.length,
            heldMs,
          }),
      },
      (error, attempt) => this.logRetry(submissions, error, attempt),
    );
    for (const observer of this.answerObservers) observer(answers, false);
    return answers;
  }

  private commit(submissions: ListSubmission[]): Promise<IntakeAnswer[]> {
    return this.deps.dataSource.transaction((manager) => this.answerAll(manager, submissions));
  }

  private logRetry(submissions: ListSubmission[], error: unknown, attempt: number): void {
    this.deps.logger.event('warn', 'storing lists failed; retrying', {
      attempt,
      messages: submissions.length,
      error: describeError(error),
    });
  }

  /** Everything one transaction does for a batch. Returns answers in submission order. */
  private async answerAll(manager: EntityManager, submissions: ListSubmission[]): Promise<IntakeAnswer[]> {
    const { deps } = this;
    const kafkaPositions = submissions.map((s) => s.source).filter(isKafkaSource);
    const alreadyDone = await deps.processed.findProcessed(manager, deps.consumerGroup, kafkaPositions);
    const pending = submissions.filter(
      (s) => !(isKafkaSource(s.source) && alreadyDone.has(positionKey(s.source))),
    );
    if (pending.length < submissions.length) {
      deps.logger.event('info', 'skipped redelivered messages', {
        redelivered: submissions.length - pending.length,
      });
    }

    const taxonomies = await this.taxonomiesFor(manager, pending);
    const roster = await this.rosterFor(manager, pending);
    const answers: IntakeAnswer[] = [];
    for (const submission of pending) {
      answers.push(await this.answerOne(manager, submission, taxonomies, roster));
    }

    await deps.outbox.add(
      manager,
      answers.map((answer, index) => ({
        topic: answer.type === 'accepted' ? deps.topics.listAccepted : deps.topics.listRejected,
        key: answer.key,
        payload: answer.event,
        headers: { [CORRELATION_ID_HEADER]: pending[index]!.correlationId },
      })),
    );
    await deps.rejections.addAll(
      manager,
      pending.flatMap((submission, index) => {
        const answer = answers[index]!;
        if (answer.type !== 'rejected') return [];
        return [
          {
            listKind: submission.kind,
            channel: submission.source.channel,
            messageKey: submission.messageKey,
            listId: answer.event.listId ?? null,
            submitterId: answer.event.submitter?.id ?? null,
            problems: answer.event.problems,
            raw: submission.raw ? submission.raw.toString('utf8') : null,
          },
        ];
      }),
    );
    await deps.processed.markProcessed(
      manager,
      deps.consumerGroup,
      pending.flatMap((submission, index) =>
        isKafkaSource(submission.source) ? [{ ...submission.source, outcome: answers[index]!.type }] : [],
      ),
    );
    return answers;
  }

  private async answerOne(
    manager: EntityManager,
    submission: ListSubmission,
    taxonomies: Map<string, Taxonomy>,
    roster: RosterView,
  ): Promise<IntakeAnswer> {
    const { parsed, kind, source, messageKey } = submission;
    if (!parsed.ok) return rejectedAnswer(kind, parsed.problems, parsed.hints, source, messageKey);
    const list = parsed.list;
    // Rules that need the alliance: its own categories, and the zone its calendar dates are days of.
    const allianceProblems = [
      ...settleCalendarDates(list, roster.timeZones.get(list.allianceId) ?? this.deps.defaultTimeZone),
      ...checkCategories(list, taxonomies.get(list.allianceId) ?? new Taxonomy()),
    ];
    if (allianceProblems.length > 0) {
      return rejectedAnswer(kind, allianceProblems, hintsOf(list), source, messageKey);
    }
    const member = memberOf(list);
    const admission = admitList(
      roster.standings.get(memberKey(member)),
      roster.openRegistration.has(list.allianceId),
    );
    if (admission.verdict === 'refuse') {
      this.deps.logger.event('info', 'list refused: its submitter is not a member', {
        listKind: list.kind,
        listId: list.listId,
        allianceId: list.allianceId,
        submitterId: list.submitter.id,
        standing: admission.standing,
        channel: source.channel,
        correlationId: submission.correlationId,
      });
      return rejectedAnswer(
        kind,
        [notAMemberProblem(list, admission.standing)],
        hintsOf(list),
        source,
        messageKey,
      );
    }
    if (submission.revisionAutomatic) {
      list.revision = await this.deps.lists.automaticRevision(manager, list);
      list.payload.revision = list.revision;
    }
    const stored = await this.deps.lists.store(manager, list);
    if (stored.outcome === 'stored' || stored.outcome === 'unchanged') {
      if (admission.verdict === 'accept-pending' && admission.register) {
        await this.register(manager, list, member);
        roster.standings.set(memberKey(member), 'pending');
      }
      this.logAccepted(list, stored.outcome, source, admission.membership, submission.correlationId);
      return acceptedAnswer(list, stored, source, admission.membership);
    }
    return rejectedAnswer(kind, [revisionProblem(list, stored)], hintsOf(list), source, messageKey);
  }

  /** Open registration: the submitter joins the roster as pending, for the coordinator to admit or refuse. */
  private async register(manager: EntityManager, list: SubmittedList, member: MemberRef): Promise<void> {
    const name = list.submitter.name;
    await this.deps.roster.addByName(
      manager,
      { ...member, name, status: 'pending' },
      {
        actor: list.submitter.id,
        action: 'registered-by-list',
        details: { name, status: 'pending', listKind: list.kind, listId: list.listId },
      },
    );
    this.deps.logger.event('info', 'submitter registered on the roster as pending', {
      allianceId: list.allianceId,
      memberKind: member.kind,
      memberId: member.memberId,
      listId: list.listId,
    });
  }

  /** The roster statuses of the batch's submitters (share-locked) and their alliances' registration policy. */
  private async rosterFor(manager: EntityManager, submissions: ListSubmission[]): Promise<RosterView> {
    const lists = submissions.flatMap(({ parsed }) => (parsed.ok ? [parsed.list] : []));
    const alliances = [...new Set(lists.map((list) => list.allianceId))];
    return {
      standings: await this.deps.roster.standingsOf(manager, lists.map(memberOf)),
      openRegistration: await this.deps.policies.openRegistrationOf(manager, alliances),
      timeZones: await this.deps.policies.timeZonesOf(manager, alliances),
    };
  }

  private async taxonomiesFor(
    manager: EntityManager,
    submissions: ListSubmission[],
  ): Promise<Map<string, Taxonomy>> {
    const allianceIds = new Set<string>();
    for (const { parsed } of submissions) if (parsed.ok) allianceIds.add(parsed.list.allianceId);
    const extensions = await this.deps.taxonomy.extensionsOf(manager, [...allianceIds]);
    return new Map([...extensions].map(([allianceId, codes]) => [allianceId, new Taxonomy(codes)]));
  }

  private async deadLetter(
    submissions: ListSubmission[],
    failure: RetriesExhaustedError,
  ): Promise<IntakeAnswer[]> {
    const reason = describeError(failure.lastError);
    this.deps.logger.event('error', 'giving up on messages; sending them to the dead-letter topic', {
      messages: submissions.length,
      attempts: failure.attempts,
      error: reason,
      correlationIds: submissions.map((submission) => submission.correlationId),
    });
    const entries = submissions.map((submission) => {
      const hints = submission.parsed.ok ? hintsOf(submission.parsed.list) : submission.parsed.hints;
      const problem = {
        path: '',
        code: 'internal-error' as const,
        message: `the list could not be stored after ${failure.attempts} attempts (${reason}); it was not applied, send it again later`,
      };
      return {
        submission,
        answer: rejectedAnswer(submission.kind, [problem], hints, submission.source, submission.messageKey),
      };
    });
    await this.deps.deadLetters.publish(entries, failure.attempts, reason);
    const answers = entries.map((entry) => entry.answer);
    for (const observer of this.answerObservers) observer(answers, true);
    return answers;
  }

  // Publishing right away keeps answers fast; if it fails, the periodic sweep retries,
  // and the answer is safe in the outbox meanwhile.
  private async flushOutbox(): Promise<void> {
    await this.deps.relay.flush().catch((error: unknown) =>
      this.deps.logger.event('warn', 'outbox flush failed; the sweep will retry', {
        error: describeError(error),
      }),
    );
  }

  private logAccepted(
    list: SubmittedList,
    outcome: string,
    source: MessageSource,
    membership: ListMembership,
    correlationId: string,
  ): void {
    this.deps.logger.event('info', 'list accepted', {
      listKind: list.kind,
      listId: list.listId,
      revision: list.revision,
      submitterId: list.submitter.id,
      items: list.payload.items.length,
      outcome,
      membership,
      channel: source.channel,
      correlationId,
    });
  }
}

/** The roster entry a list's submitter must have: resource lists name a unit, demand lists a community or unit. */
function memberOf(list: SubmittedList): MemberRef {
  return { allianceId: list.allianceId, kind: list.submitter.kind, memberId: list.submitter.id };
}
