import type { RoundReport } from '../rounds/matching-round.service';

/** What a round came to, as the round metrics label it. */
export type RoundOutcome = 'changed' | 'unchanged' | 'nothing-to-match' | 'failed';

/**
 * `changed`: the round proposed, revised or cancelled projects; `nothing-to-match`: it changed
 * nothing because the pool held no resource or no demand; `unchanged`: it matched the pool and
 * found the proposals as they were; `failed`: its transaction rolled back.
 */
export function roundOutcome(report: RoundReport): RoundOutcome {
  if (report.type === 'failed') return 'failed';
  const { summary, pool } = report;
  if (summary.proposed + summary.revised + summary.cancelled > 0) return 'changed';
  if (pool.resources === 0 || pool.demands === 0) return 'nothing-to-match';
  return 'unchanged';
}
