import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from 'pg';
import type { RecordedMessage, TopicRecorder } from './topic-recorder';

/**
 * What a fault scenario counts at its end: the ledger of submissions, answers, proposals,
 * claims and points. Every field is a plain count, so that a run's counts can be printed,
 * written to test-results/faults/<scenario>.json and copied into README's table.
 */
export interface FaultCounts {
  scenario: string;
  /** Messages in the two submission topics (what the broker holds, poison included). */
  sent: number;
  /** Submitted messages with an answer (lists.accepted.v1 or lists.rejected.v1). */
  answered: number;
  unanswered: number;
  /** Submitted messages answered under more than one event id: answered twice. */
  answeredTwice: number;
  accepted: number;
  rejected: number;
  deadLetters: number;
  /** Answer records that repeat an event id already seen: at-least-once delivery, de-duplicated by eventId. */
  redelivered: number;
  /** Lists (kind, submitter, list id, revision) answered `stored` under more than one event id. */
  listsStoredTwice: number;
  /** Lists answered `stored` that the database does not hold, and stored lists nobody was told of. */
  listsMissing: number;
  listsUnannounced: number;
  /** Demand items of accepted lists, and the projects of the scenario's alliances by where they are. */
  demandItems: number;
  projectsLive: number;
  projectsCompleted: number;
  projectsEnded: number;
  /** Demand items no live or completed project serves (nor, then, any round's answer). */
  proposalsLost: number;
  /** Demand items more than one live or completed project serves. */
  proposalsDuplicated: number;
  /** Projects without a projects.proposed.v1 event, and proposal events of no stored project. */
  proposalEventsMissing: number;
  proposalEventsPhantom: number;
  /** Projects announced as proposed under more than one event id. */
  proposalEventsTwice: number;
  /** Status changes (project, version) announced under more than one event id. */
  statusChangesTwice: number;
  /** Projects moved to expired, by their status-change events, and offers made under more than one event id. */
  expiries: number;
  offersTwice: number;
  /** Accepted claims, and projects whose accepted claims exceed their allocation (requested − unmet). */
  claimsAccepted: number;
  overClaimed: number;
  /** The points ledger (积分) and what completed projects with claims should have credited. */
  points: number;
  pointsExpected: number;
}

/** The rules every scenario must end with; each broken one is named with its count. */
export function brokenInvariants(counts: FaultCounts): string[] {
  const rules: Array<[boolean, string]> = [
    [counts.answered === counts.sent, `lists sent ${counts.sent} ≠ answered ${counts.answered}`],
    [counts.answeredTwice === 0, `${counts.answeredTwice} lists answered twice`],
    [
      counts.accepted + counts.rejected === counts.answered,
      `accepted ${counts.accepted} + rejected ${counts.rejected} ≠ answered ${counts.answered}`,
    ],
    [counts.listsStoredTwice === 0, `${counts.listsStoredTwice} lists stored twice`],
    [counts.listsMissing === 0, `${counts.listsMissing} accepted lists missing from the database`],
    [counts.listsUnannounced === 0, `${counts.listsUnannounced} stored lists never announced`],
    [counts.proposalsLost === 0, `${counts.proposalsLost} demand items without a project`],
    [counts.proposalsDuplicated === 0, `${counts.proposalsDuplicated} demand items with two projects`],
    [counts.proposalEventsMissing === 0, `${counts.proposalEventsMissing} projects never announced`],
    [counts.proposalEventsPhantom === 0, `${counts.proposalEventsPhantom} proposals of no stored project`],
    [counts.proposalEventsTwice === 0, `${counts.proposalEventsTwice} projects proposed twice`],
    [counts.statusChangesTwice === 0, `${counts.statusChangesTwice} status changes announced twice`],
    [counts.offersTwice === 0, `${counts.offersTwice} offers announced twice`],
    [counts.overClaimed === 0, `${counts.overClaimed} projects claimed beyond their allocation`],
    [counts.points === counts.pointsExpected, `points ${counts.points} ≠ expected ${counts.pointsExpected}`],
  ];
  return rules.filter(([holds]) => !holds).map(([, broken]) => broken);
}

export interface LedgerScope {
  scenario: string;
  /** The scenario's alliances all start with it; the database is shared with other suites. */
  alliancePrefix: string;
  /** The matcher's MATCHER_POINTS_PER_PROJECT, for alliances without a policy of their own. */
  pointsPerProject?: number;
}

/**
 * Reads the suite's topics (after catching up with the broker) and the database, and counts.
 * Kafka is at-least-once: answers and events are de-duplicated by eventId, as consumers do;
 * a message or change announced under two different event ids is a duplicate.
 */
export async function countInvariants(
  recorder: TopicRecorder,
  db: Client,
  scope: LedgerScope,
): Promise<FaultCounts> {
  await recorder.caughtUp();
  return {
    scenario: scope.scenario,
    ...countAnswers(recorder),
    ...(await countStoredLists(recorder, db, scope)),
    ...(await countProjects(recorder, db, scope)),
    ...countAnnouncements(recorder),
    ...(await countClaimsAndPoints(db, scope)),
  };
}

/** Prints the one-line summary and writes the counts to test-results/faults/<scenario>.json. */
export function reportCounts(counts: FaultCounts): void {
  const directory = join(__dirname, '..', '..', '..', 'test-results', 'faults');
  mkdirSync(directory, { recursive: true });
  writeFileSync(join(directory, `${counts.scenario}.json`), `${JSON.stringify(counts, null, 2)}\n`);
  console.log(`fault ${counts.scenario}: ${summaryLine(counts)}`);
}

export function summaryLine(counts: FaultCounts): string {
  return [
    `sent ${counts.sent}`,
    `answered ${counts.answered} (accepted ${counts.accepted}, rejected ${counts.rejected}, dead letters ${counts.deadLetters})`,
    `twice ${counts.answeredTwice}`,
    `redelivered ${counts.redelivered}`,
    `demand items ${counts.demandItems}`,
    `projects live ${counts.projectsLive}/completed ${counts.projectsCompleted}/ended ${counts.projectsEnded}`,
    `lost ${counts.proposalsLost}`,
    `duplicated ${counts.proposalsDuplicated}`,
    `expiries ${counts.expiries}`,
    `claims accepted ${counts.claimsAccepted}, over allocation ${counts.overClaimed}`,
    `points ${counts.points}/${counts.pointsExpected}`,
  ].join(', ');
}

const sourceOf = (message: { topic: string; partition: number; offset: string }) =>
  `${message.topic}:${message.partition}:${message.offset}`;

/** Distinct event ids per group; a group seen under several ids was announced more than once. */
function eventIdsBy(messages: RecordedMessage[], group: (value: any) => string): Map<string, Set<string>> {
  const ids = new Map<string, Set<string>>();
  for (const { value } of messages) {
    const key = group(value);
    ids.set(key, (ids.get(key) ?? new Set<string>()).add(String(value.eventId)));
  }
  return ids;
}

const moreThanOne = (ids: Map<string, Set<string>>) => [...ids.values()].filter((set) => set.size > 1).length;

function countAnswers(recorder: TopicRecorder) {
  const submitted = [...recorder.on('resourceListSubmitted'), ...recorder.on('demandListSubmitted')];
  const accepted = recorder.on('listAccepted');
  const rejected = recorder.on('listRejected');
  const answers = [...accepted, ...rejected];
  const bySource = eventIdsBy(answers, (value) => sourceOf(value.source));
  const sent = new Set(submitted.map(sourceOf));
  const answered = [...bySource.keys()].filter((source) => sent.has(source)).length;
  const distinctAnswers = new Set(answers.map((message) => String(message.value.eventId)));
  const distinctSources = (messages: RecordedMessage[]) =>
    new Set(messages.map((message) => sourceOf(message.value.source))).size;
  const stored = accepted.filter((message) => message.value.outcome === 'stored');
  return {
    sent: sent.size,
    answered,
    unanswered: sent.size - answered,
    answeredTwice: moreThanOne(bySource),
    accepted: distinctSources(accepted),
    rejected: distinctSources(rejected),
    deadLetters: new Set(recorder.on('intakeDeadLetter').map((message) => String(message.value.eventId)))
      .size,
    redelivered: answers.length - distinctAnswers.size,
    listsStoredTwice: moreThanOne(eventIdsBy(stored, listIdentity)),
  };
}

/** A list as the database keys it (lists_identity), with its revision. */
function listIdentity(value: any): string {
  return `${value.listKind}|${value.submitter.kind}|${value.submitter.id}|${value.listId}|${value.revision}`;
}

async function countStoredLists(recorder: TopicRecorder, db: Client, scope: LedgerScope) {
  const { rows } = await db.query<{ identity: string }>(
    `SELECT kind || '|' || submitter_kind || '|' || submitter_id || '|' || list_id || '|' || revision AS identity
     FROM lists WHERE alliance_id LIKE $1`,
    [`${scope.alliancePrefix}%`],
  );
  const inDatabase = new Set(rows.map((row) => row.identity));
  const announced = new Set(
    recorder
      .on('listAccepted')
      .filter((message) => String(message.value.allianceId).startsWith(scope.alliancePrefix))
      .map((message) => listIdentity(message.value)),
  );
  return {
    listsMissing: [...announced].filter((identity) => !inDatabase.has(identity)).length,
    listsUnannounced: [...inDatabase].filter((identity) => !announced.has(identity)).length,
  };
}

// A project that serves its demand item, or did: the statuses after which a demand is matched again are the others.
const ENDED = `('rejected', 'cancelled', 'expired')`;

async function countProjects(recorder: TopicRecorder, db: Client, scope: LedgerScope) {
  const prefix = `${scope.alliancePrefix}%`;
  const served = await db.query<{ serving: number }>(
    `SELECT count(p.id) FILTER (WHERE p.status NOT IN ${ENDED})::int AS serving
     FROM demand_items di JOIN lists l ON l.id = di.list_pk
     LEFT JOIN projects p ON p.demand_item_pk = di.id
     WHERE l.alliance_id LIKE $1 AND l.kind = 'demand'
     GROUP BY di.id`,
    [prefix],
  );
  const projects = await db.query<{ id: string; status: string }>(
    `SELECT id, status FROM projects WHERE alliance_id LIKE $1`,
    [prefix],
  );
  const stored = new Set(projects.rows.map((row) => row.id));
  const proposals = eventIdsBy(recorder.on('projectsProposed'), (value) => String(value.project.projectId));
  const statuses = projects.rows.map((row) => row.status);
  return {
    demandItems: served.rows.length,
    projectsLive: statuses.filter(
      (status) => !['completed', 'rejected', 'cancelled', 'expired'].includes(status),
    ).length,
    projectsCompleted: statuses.filter((status) => status === 'completed').length,
    projectsEnded: statuses.filter((status) => ['rejected', 'cancelled', 'expired'].includes(status)).length,
    proposalsLost: served.rows.filter((row) => row.serving === 0).length,
    proposalsDuplicated: served.rows.filter((row) => row.serving > 1).length,
    proposalEventsMissing: [...stored].filter((id) => !proposals.has(id)).length,
    proposalEventsPhantom: [...proposals.keys()].filter((id) => !stored.has(id)).length,
    proposalEventsTwice: moreThanOne(proposals),
  };
}

function countAnnouncements(recorder: TopicRecorder) {
  const changes = recorder.on('projectsStatusChanged');
  return {
    statusChangesTwice: moreThanOne(eventIdsBy(changes, (value) => `${value.projectId}|${value.version}`)),
    expiries: new Set(changes.filter((m) => m.value.to === 'expired').map((m) => String(m.value.projectId)))
      .size,
    offersTwice: moreThanOne(eventIdsBy(recorder.on('claimsOffered'), (value) => String(value.offerId))),
  };
}

async function countClaimsAndPoints(db: Client, scope: LedgerScope) {
  const prefix = `${scope.alliancePrefix}%`;
  const { rows } = await db.query<{
    claims: number;
    over: number;
    points: number;
    expected: number;
  }>(
    `WITH claimed AS (
       SELECT p.id, p.alliance_id, p.status, p.requested - p.unmet AS allocated,
              count(c.id)::int AS claims, coalesce(sum(c.accepted_quantity), 0)::int AS quantity
       FROM projects p LEFT JOIN claims c ON c.project_id = p.id AND c.decision = 'accepted'
       WHERE p.alliance_id LIKE $1 GROUP BY p.id)
     SELECT coalesce(sum(claimed.claims), 0)::int AS claims,
            count(*) FILTER (WHERE claimed.quantity > claimed.allocated)::int AS over,
            (SELECT coalesce(sum(points), 0) FROM points_ledger WHERE alliance_id LIKE $1)::int AS points,
            coalesce(sum(coalesce(ap.points_per_project, $2))
              FILTER (WHERE claimed.status = 'completed' AND claimed.quantity > 0), 0)::int AS expected
     FROM claimed LEFT JOIN alliance_policies ap ON ap.alliance_id = claimed.alliance_id`,
    [prefix, scope.pointsPerProject ?? 10],
  );
  const row = rows[0]!;
  return {
    claimsAccepted: row.claims,
    overClaimed: row.over,
    points: row.points,
    pointsExpected: row.expected,
  };
}
