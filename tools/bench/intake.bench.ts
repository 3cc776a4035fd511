// The libraries' TypeORM entities and contract classes use decorator metadata.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Partitioners, type Kafka } from 'kafkajs';
import { topicNames, type TopicId } from '@redcrowd/contracts';
import { createKafkaClient, ensureTopics } from '@redcrowd/kafka';
import { runMigrations } from '@redcrowd/persistence';
import { ensureKafka, localKafkaIsRunning, stopLocalKafka } from '../infra/kafka';
import { ensureDatabase, ensurePostgres } from '../infra/postgres';
import { runMain } from '../infra/processes';
import { startIntake } from './intake-process';
import { enrollMembers } from '../infra/roster';
import { measureItemWrites } from './item-writes';
import {
  BENCH_ALLIANCE_ID,
  BENCH_UNITS,
  percentile,
  seededResourceLists,
  type SeededList,
} from './seeded-lists';

// `npm run bench:intake`: publishes N seeded resource lists to a real intake and reports
// accepted items/s and list latency, beside raw kafkajs produce->consume throughput of the
// same messages on the same broker in the same run (the ceiling intake could reach).
const LISTS = Number(process.env.BENCH_LISTS ?? 2000);
const SEED = Number(process.env.BENCH_SEED ?? 2022);
// The paced series never sends more lists than the main one (a smoke run sends a few).
const PACED_LISTS = Math.min(200, LISTS);
const PACE_MS = 25;
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_NAME: process.env.DATABASE_NAME ?? 'redcrowd_bench',
};
const startedKafka = !env.KAFKA_BROKERS && !localKafkaIsRunning();

async function main(): Promise<number> {
  const kafkaEndpoint = await ensureKafka(env);
  const postgres = await ensurePostgres(env);
  await ensureDatabase(postgres.url);
  await runMigrations(postgres.url);
  // Intake takes lists from the alliance's members only.
  await enrollMembers(
    postgres.url,
    BENCH_ALLIANCE_ID,
    BENCH_UNITS.map((unit) => ({ kind: 'unit', memberId: unit.id, name: unit.name })),
    'bench',
  );
  const prefix = `bench-${randomUUID().slice(0, 8)}.`;
  await ensureTopics(kafkaEndpoint.brokers, prefix);
  const topics = topicNames(prefix);
  const kafka = createKafkaClient({
    brokers: kafkaEndpoint.brokers,
    clientId: 'redcrowd-bench',
    log: (level, message, extra) => {
      if (level === 'error') console.error(message, JSON.stringify(extra));
    },
  });
  const lists = seededResourceLists(LISTS, SEED, prefix);
  const items = lists.reduce((sum, list) => sum + list.itemCount, 0);
  const megabytes = lists.reduce((sum, list) => sum + list.value.length, 0) / 1e6;
  console.log(`Seed ${SEED}: ${LISTS} resource lists, ${items} items, ${megabytes.toFixed(1)} MB of JSON.\n`);

  try {
    const baseline = await rawKafkaThroughput(kafka, prefix, lists);
    const intakeProcess = await startIntake(env, kafkaEndpoint.brokers, postgres.url, prefix);
    let intake: IntakeRun;
    let paced: IntakeRun;
    try {
      intake = await measureIntake(kafka, topics, lists, `${prefix}observer`, 0);
      const pacedLists = seededResourceLists(PACED_LISTS, SEED + 1, `${prefix}paced`);
      paced = await measureIntake(kafka, topics, pacedLists, `${prefix}observer-paced`, PACE_MS);
    } finally {
      intakeProcess.kill('SIGTERM');
    }
    const writes = await measureItemWrites(postgres.url);

    const rows: Array<[string, string]> = [
      [
        'raw kafkajs produce->consume',
        `${fmt(baseline.itemsPerSecond)} items/s (${fmt(baseline.listsPerSecond)} lists/s)`,
      ],
      ['intake accepted', `${fmt(intake.itemsPerSecond)} items/s (${fmt(intake.listsPerSecond)} lists/s)`],
      ['intake / raw kafkajs', `${(intake.itemsPerSecond / baseline.itemsPerSecond).toFixed(2)}x`],
      ['latency p50 / p99, all lists at once', `${intake.p50.toFixed(0)} / ${intake.p99.toFixed(0)} ms`],
      [
        `latency p50 / p99, one list every ${PACE_MS} ms`,
        `${paced.p50.toFixed(0)} / ${paced.p99.toFixed(0)} ms`,
      ],
      [`${writes.items} items, TypeORM save()`, `${writes.typeormMs.toFixed(0)} ms`],
      [`${writes.items} items, jsonb_to_recordset (intake)`, `${writes.batchMs.toFixed(0)} ms`],
      ['save() / jsonb_to_recordset', `${(writes.typeormMs / writes.batchMs).toFixed(1)}x slower`],
    ];
    const width = Math.max(...rows.map(([name]) => name.length));
    for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
    return 0;
  } finally {
    if (startedKafka && env.REDCROWD_KEEP_INFRA !== '1') await stopLocalKafka();
  }
}

interface Throughput {
  itemsPerSecond: number;
  listsPerSecond: number;
}

/** The same messages produced and consumed by kafkajs alone, with no processing. */
async function rawKafkaThroughput(kafka: Kafka, prefix: string, lists: SeededList[]): Promise<Throughput> {
  const topic = `${prefix}raw-baseline`;
  const admin = kafka.admin();
  await admin.connect();
  // Not kafkajs's `waitForLeaders` (on by default): it asks for the new topic's metadata at
  // once, Kafka 4 may answer UNKNOWN_TOPIC_OR_PARTITION, and kafkajs does not retry that.
  await admin.createTopics({
    waitForLeaders: false,
    topics: [{ topic, numPartitions: 6, configEntries: [{ name: 'max.message.bytes', value: '2097152' }] }],
  });
  await waitForLeaders(admin, topic);
  await admin.disconnect();
  const consumer = kafka.consumer({ groupId: `${prefix}raw`, maxBytesPerPartition: 4 * 1024 * 1024 });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let received = 0;
  let items = 0;
  const itemsByKey = new Map(lists.map((list) => [list.listId, list.itemCount]));
  const done = new Promise<void>((resolve) => {
    void consumer.run({
      eachBatch: async ({ batch }) => {
        for (const message of batch.messages) {
          items += itemsByKey.get(message.headers?.listId?.toString() ?? '') ?? 0;
          received++;
        }
        if (received >= lists.length) resolve();
      },
    });
  });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const started = performance.now();
  await publishAll(producer, topic, lists);
  await done;
  const seconds = (performance.now() - started) / 1000;
  await producer.disconnect();
  await consumer.disconnect();
  return { itemsPerSecond: items / seconds, listsPerSecond: lists.length / seconds };
}

interface IntakeRun extends Throughput {
  p50: number;
  p99: number;
}

/**
 * Times lists from publish to their accepted event. With `paceMs` 0 everything is sent at
 * once (throughput; latency then mostly measures queueing); with a pace, lists arrive one
 * by one well below capacity (latency a single submitter sees).
 */
async function measureIntake(
  kafka: Kafka,
  topics: Record<TopicId, string>,
  lists: SeededList[],
  groupId: string,
  paceMs: number,
): Promise<IntakeRun> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const itemsByList = new Map(lists.map((list) => [list.listId, list.itemCount]));
  let acceptedItems = 0;
  let rejected = 0;
  const consumer = kafka.consumer({ groupId });
  await consumer.connect();
  await consumer.subscribe({ topics: [topics.listAccepted, topics.listRejected], fromBeginning: false });
  const done = new Promise<void>((resolve) => {
    void consumer.run({
      eachMessage: async ({ topic, message }) => {
        const answer = JSON.parse(message.value?.toString() ?? '{}') as { listId?: string };
        const sent = sentAt.get(answer.listId ?? '');
        if (sent === undefined) return;
        if (topic === topics.listRejected) rejected++;
        latencies.push(performance.now() - sent);
        acceptedItems += itemsByList.get(answer.listId!) ?? 0;
        if (latencies.length >= lists.length) resolve();
      },
    });
  });
  await waitForAssignment(consumer);
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
  await producer.connect();
  const started = performance.now();
  if (paceMs === 0) {
    await publishAll(producer, topics.resourceListSubmitted, lists, (list) =>
      sentAt.set(list.listId, performance.now()),
    );
  } else {
    for (const list of lists) {
      sentAt.set(list.listId, performance.now());
      await producer.send({
        topic: topics.resourceListSubmitted,
        messages: [{ key: list.key, value: list.value }],
      });
      await new Promise((resolve) => setTimeout(resolve, paceMs));
    }
  }
  await done;
  const seconds = (performance.now() - started) / 1000;
  await producer.disconnect();
  await consumer.disconnect();
  if (rejected > 0) throw new Error(`${rejected} seeded lists were rejected; the bench data is wrong`);
  latencies.sort((a, b) => a - b);
  return {
    itemsPerSecond: acceptedItems / seconds,
    listsPerSecond: lists.length / seconds,
    p50: percentile(latencies, 0.5),
    p99: percentile(latencies, 0.99),
  };
}

async function waitForLeaders(admin: ReturnType<Kafka['admin']>, topic: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const metadata = await admin.fetchTopicMetadata({ topics: [topic] }).catch(() => undefined);
    const partitions = metadata?.topics[0]?.partitions ?? [];
    if (partitions.length > 0 && partitions.every((partition) => partition.leader >= 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`topic ${topic} has no leader for every partition after 10 s`);
}

/** A consumer subscribed from the latest offset must own its partitions before we publish. */
async function waitForAssignment(consumer: ReturnType<Kafka['consumer']>): Promise<void> {
  await new Promise<void>((resolve) => {
    const remove = consumer.on(consumer.events.GROUP_JOIN, () => {
      remove();
      resolve();
    });
  });
}

async function publishAll(
  producer: ReturnType<Kafka['producer']>,
  topic: string,
  lists: SeededList[],
  onSend: (list: SeededList) => void = () => undefined,
): Promise<void> {
  for (let start = 0; start < lists.length; start += 100) {
    const chunk = lists.slice(start, start + 100);
    chunk.forEach(onSend);
    await producer.send({
      topic,
      messages: chunk.map((list) => ({ key: list.key, value: list.value, headers: { listId: list.listId } })),
    });
  }
}

function fmt(value: number): string {
  return Math.round(value).toLocaleString('en-US');
}

runMain(main);
