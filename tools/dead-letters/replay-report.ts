import { originLabel, type ReplayPlan } from './replay-plan';

/** What `replay-dead-letters` prints: one line per dead letter replayed or skipped, then the totals. */
export function replayReportLines(report: ReplayPlan & { dryRun: boolean }): string[] {
  const verb = report.dryRun ? 'would replay' : 'replayed';
  const lines = [
    ...report.replay.map(
      (letter) =>
        `${verb}  ${letter.id}  ${originLabel(letter.origin)}  key ${letter.key ?? '(none)'}  failed at ${letter.failedAt}`,
    ),
    ...report.skipped.map((skip) => `skipped  ${skip.id}  ${skip.reason}: ${skip.detail}`),
    ...report.missingIds.map((id) => `not found  ${id}`),
  ];
  const plural = (count: number): string => `${count} dead letter${count === 1 ? '' : 's'}`;
  lines.push(
    `${report.dryRun ? 'Dry run: would replay' : 'Replayed'} ${plural(report.replay.length)}, skipped ${report.skipped.length}` +
      (report.missingIds.length > 0 ? `, ${report.missingIds.length} not found` : '') +
      ` (${plural(report.notSelected)} not selected).`,
  );
  return lines;
}
