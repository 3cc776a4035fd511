// The libraries' TypeORM entities and contract classes use decorator metadata.
import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { DEFAULT_CATEGORIES, dayEnd, dayStart } from '@redcrowd/contracts';
import { ensureTopics } from '@redcrowd/kafka';
import { runMigrations } from '@redcrowd/persistence';
import { guardUpload, readListFile, writeListWorkbook } from '@redcrowd/spreadsheets';
import { authSettingsFor, openTokenKeys } from '../infra/dev-auth';
import { ensureKafka, localKafkaIsRunning, stopLocalKafka } from '../infra/kafka';
import { ensureDatabase, ensurePostgres } from '../infra/postgres';
import { runMain } from '../infra/processes';
import { enrollMembers } from '../infra/roster';
import { startIntake } from './intake-process';
import { BENCH_ALLIANCE_ID, BENCH_UNITS, seededRandom } from './seeded-lists';

// `npm run bench:import`: a 5,000-row 资源清单 workbook uploaded to a real intake, beside the
// same rows sent as JSON lists (1,000 rows each, under the 1 MiB message limit) to the same
// intake in the same run; and the workbook read alone, in process, to show what parsing costs.
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 5000);
const ROUNDS = Number(process.env.BENCH_IMPORT_ROUNDS ?? 3);
const JSON_LIST_ROWS = 1000;
const TIME_ZONE = 'Asia/Shanghai';
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
  const unit = BENCH_UNITS[0]!;
  await enrollMembers(
    postgres.url,
    BENCH_ALLIANCE_ID,
    [{ kind: 'unit', memberId: unit.id, name: unit.name }],
    'bench',
  );
  const prefix = `bench-import-${randomUUID().slice(0, 8)}.`;
  await ensureTopics(kafkaEndpoint.brokers, prefix);
  const tokens = await openTokenKeys(postgres.url, authSettingsFor(env));
  const token = await tokens.keys
    .sign({ subject: 'bench-import', role: 'admin', name: 'bench', allianceId: null })
    .finally(() => tokens.close());

  const items = benchItems(ROWS);
  const info = { allianceId: BENCH_ALLIANCE_ID, submitterId: unit.id, submitterName: unit.name };
  const workbook = await writeListWorkbook('resource', items, {
    categories: DEFAULT_CATEGORIES,
    timeZone: TIME_ZONE,
    info,
  });
  console.log(
    `${ROWS} rows: a ${(workbook.length / 1e6).toFixed(2)} MB workbook; best of ${ROUNDS} rounds.\n`,
  );

  try {
    const parseMs = await best(ROUNDS, async () => {
      const guard = await guardUpload(workbook, 'bench.xlsx');
      if (!guard.ok) throw new Error(`the bench workbook was refused: ${guard.code}`);
      const read = await readListFile(workbook, guard.format, {
        kind: 'resource',
        categories: DEFAULT_CATEGORIES,
      });
      if (!read.ok || read.reading.itemCount !== ROWS)
        throw new Error('the bench workbook did not read back whole');
    });
    const intake = await startIntake(env, kafkaEndpoint.brokers, postgres.url, prefix);
    const url = await intake.url;
    let uploadMs: number;
    let jsonMs: number;
    try {
      const post = async (path: string, body: FormData | string, expectItems: number): Promise<void> => {
        const response = await fetch(`${url}${path}`, {
          method: 'POST',
          body,
          headers: { authorization: `Bearer ${token}` },
        });
        const answer = (await response.json()) as { itemCount?: number; error?: { message: string } };
        if (response.status !== 201 || answer.itemCount !== expectItems) {
          throw new Error(
            `intake answered ${response.status}: ${answer.error?.message ?? JSON.stringify(answer)}`,
          );
        }
      };
      uploadMs = await best(ROUNDS, async (round) => {
        const form = new FormData();
        const file = await writeListWorkbook('resource', items, {
          categories: DEFAULT_CATEGORIES,
          timeZone: TIME_ZONE,
          info: { ...info, listId: `${prefix}wb-${round}` },
        });
        form.append('file', new Blob([new Uint8Array(file)]), 'bench.xlsx');
        return () => post('/resource-lists/workbook', form, ROWS);
      });
      jsonMs = await best(ROUNDS, async (round) => {
        const bodies = chunks(items, JSON_LIST_ROWS).map((chunk, index) =>
          JSON.stringify({
            listId: `${prefix}json-${round}-${index}`,
            allianceId: BENCH_ALLIANCE_ID,
            unit: { id: unit.id, name: unit.name },
            submittedAt: new Date().toISOString(),
            items: chunk,
          }),
        );
        return async () => {
          for (const body of bodies) await post('/resource-lists', body, JSON.parse(body).items.length);
        };
      });
    } finally {
      intake.kill('SIGTERM');
    }

    const rate = (ms: number) => `${Math.round((ROWS / ms) * 1000).toLocaleString('en-US')} rows/s`;
    const rows: Array<[string, string]> = [
      ['workbook read in process', `${rate(parseMs)} (${parseMs.toFixed(0)} ms)`],
      ['workbook upload to intake', `${rate(uploadMs)} (${uploadMs.toFixed(0)} ms)`],
      [`JSON lists of ${JSON_LIST_ROWS} rows to intake`, `${rate(jsonMs)} (${jsonMs.toFixed(0)} ms)`],
      ['workbook upload / JSON', `${(uploadMs / jsonMs).toFixed(2)}x the time`],
    ];
    const width = Math.max(...rows.map(([name]) => name.length));
    for (const [name, value] of rows) console.log(`${name.padEnd(width)}  ${value}`);
    return 0;
  } finally {
    if (startedKafka && env.REDCROWD_KEEP_INFRA !== '1') await stopLocalKafka();
  }
}

/**
 * The fastest of `rounds` timed runs. A round may prepare untimed work first: when `prepare`
 * returns a function, only that function is timed.
 */
async function best(rounds: number, prepare: (round: number) => Promise<unknown>): Promise<number> {
  let fastest = Infinity;
  for (let round = 0; round < rounds; round++) {
    let started = performance.now();
    const prepared = await prepare(round);
    if (typeof prepared === 'function') {
      started = performance.now();
      await (prepared as () => Promise<void>)();
    }
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}

function chunks<T>(values: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(values.length / size) }, (_, index) =>
    values.slice(index * size, (index + 1) * size),
  );
}

/** Rows like a university's volunteer list: whole-day windows, places near 邙岭路. */
function benchItems(count: number): Array<Record<string, unknown>> {
  const random = seededRandom(2022);
  // Windows from tomorrow on: the JSON lists are sent now, and an ended window is refused.
  const today = DateTime.now().setZone(TIME_ZONE).startOf('day');
  const days = Array.from({ length: 32 }, (_, offset) => today.plus({ days: offset }).toISODate()!);
  const categories = ['education', 'venue', 'health', 'volunteering', 'elderly-care'];
  const units = ['person-hours', 'sqm-days', 'visits', 'person-hours', 'meals'];
  return Array.from({ length: count }, (_, index) => {
    const kind = index % categories.length;
    const first = 1 + Math.floor(random() * 20);
    return {
      itemId: `R${String(index + 1).padStart(5, '0')}`,
      category: categories[kind],
      title: `志愿服务 第${index + 1}项`,
      quantity: 1 + Math.floor(random() * 200),
      unit: units[kind],
      location: {
        lat: Math.round((34.65 + random() * 0.08) * 1e4) / 1e4,
        lng: Math.round((112.4 + random() * 0.08) * 1e4) / 1e4,
        address: '西工区邙岭路街道',
      },
      serviceRadiusKm: 3,
      available: { from: dayStart(days[first]!, TIME_ZONE), to: dayEnd(days[first + 10]!, TIME_ZONE) },
    };
  });
}

runMain(main);
