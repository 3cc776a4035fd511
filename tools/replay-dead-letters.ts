import { DEFAULT_TOPIC_PREFIX } from '@redcrowd/contracts';
import { replayDeadLetters } from './dead-letters/dead-letter-replay';
import {
  REPLAY_USAGE,
  ReplayUsageError,
  parseReplayArguments,
  type ReplayRequest,
} from './dead-letters/replay-arguments';
import { replayReportLines } from './dead-letters/replay-report';
import { InfraError } from './infra/errors';
import { ensureKafka } from './infra/kafka';
import { runMain } from './infra/processes';

/*
 * `npm run replay-dead-letters -- (--all | --from ISO --to ISO | --id EVENT_ID ...) [--dry-run]`:
 * once the cause of intake's dead letters is fixed, publishes their original messages again
 * to their original topics with their original keys and headers, and intake answers each as usual.
 * Exits 1 when an --id names no dead letter.
 */
async function main(args: string[]): Promise<number> {
  let request: ReplayRequest;
  try {
    request = parseReplayArguments(args);
  } catch (error) {
    if (!(error instanceof ReplayUsageError)) throw error;
    throw new InfraError(`${error.message}\n${REPLAY_USAGE}`);
  }
  const { brokers } = await ensureKafka(process.env);
  const report = await replayDeadLetters({
    brokers,
    topicPrefix: process.env.KAFKA_TOPIC_PREFIX ?? DEFAULT_TOPIC_PREFIX,
    request,
  });
  for (const line of replayReportLines(report)) console.log(line);
  return report.missingIds.length > 0 ? 1 : 0;
}

runMain(() => main(process.argv.slice(2)));
