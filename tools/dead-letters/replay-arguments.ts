import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';

/** Which dead letters an operator asks to replay. */
export type ReplaySelection =
  | { by: 'all' }
  /** failedAt within [from, to]; either end may be open. */
  | { by: 'time'; from?: Date; to?: Date }
  | { by: 'id'; ids: string[] };

export interface ReplayRequest {
  selection: ReplaySelection;
  /** Print what would be replayed and publish nothing. */
  dryRun: boolean;
}

export const REPLAY_USAGE = `Usage: npm run replay-dead-letters -- (--all | --from ISO --to ISO | --id EVENT_ID ...) [--dry-run]
  --all              every dead letter in the intake dead-letter topic
  --from ISO         dead letters that failed at or after this time (with an offset: 2026-12-06T08:00:00+08:00)
  --to ISO           dead letters that failed at or before this time; --from and --to may be used alone
  --id EVENT_ID ...  the dead letters with these ids (their eventId, as the command prints them)
  --dry-run          print what would be replayed, publish nothing
Each dead letter's original message is published again to its original topic with its original key;
a dead letter whose message was replayed before is skipped.`;

/** A command line that cannot be run; its message says why, for the person who typed it. */
export class ReplayUsageError extends Error {
  override readonly name = 'ReplayUsageError';
}

// An ISO 8601 date-time that says its offset: a bare time would be read in the machine's zone.
const OFFSET_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

function instant(option: string, text: string): Date {
  const parsed = DateTime.fromISO(text, { setZone: true });
  if (!OFFSET_DATE_TIME.test(text) || !parsed.isValid) {
    throw new ReplayUsageError(
      `--${option} ${text} is not an ISO date-time with an offset (e.g. 2026-12-06T08:00:00+08:00 or 2026-12-06T00:00:00Z)`,
    );
  }
  return parsed.toJSDate();
}

/** Reads `replay-dead-letters`' command line; throws ReplayUsageError when it does not say one thing to do. */
export function parseReplayArguments(args: string[]): ReplayRequest {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        all: { type: 'boolean', default: false },
        from: { type: 'string' },
        to: { type: 'string' },
        id: { type: 'string', multiple: true },
        'dry-run': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new ReplayUsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const ids = [...(values.id ?? []), ...(values.id ? positionals : [])];
  if (positionals.length > 0 && !values.id) {
    throw new ReplayUsageError(`unexpected argument ${positionals[0]}; ids follow --id`);
  }
  const timed = values.from !== undefined || values.to !== undefined;
  const chosen = [values.all, timed, ids.length > 0].filter(Boolean).length;
  if (chosen !== 1) {
    throw new ReplayUsageError(
      chosen === 0
        ? 'say which dead letters to replay: --all, --from/--to, or --id'
        : 'choose one of --all, --from/--to and --id',
    );
  }
  const dryRun = values['dry-run'];
  if (values.all) return { selection: { by: 'all' }, dryRun };
  if (ids.length > 0) {
    const blank = ids.find((id) => id.trim() === '');
    if (blank !== undefined) throw new ReplayUsageError('--id needs a dead letter id');
    return { selection: { by: 'id', ids: [...new Set(ids)] }, dryRun };
  }
  const selection: ReplaySelection = { by: 'time' };
  if (values.from !== undefined) selection.from = instant('from', values.from);
  if (values.to !== undefined) selection.to = instant('to', values.to);
  if (selection.from && selection.to && selection.from > selection.to) {
    throw new ReplayUsageError(`--from ${values.from} is after --to ${values.to}`);
  }
  return { selection, dryRun };
}
