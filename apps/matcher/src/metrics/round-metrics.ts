import type { ServiceMetrics } from '@redcrowd/nest-kafka';
// ServiceMetrics offers counters and scraped gauges only; histograms are made here, in its registry.
import { Histogram } from 'prom-client';
import type { MatchingRoundService } from '../rounds/matching-round.service';
import { roundOutcome } from './round-outcome';

/** From a few milliseconds (a small alliance) to a minute (a city's pool waiting on the lock). */
const ROUND_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
/** The network simplex solves a small pool in well under a millisecond. */
const SOLVER_BUCKETS = [0.0001, 0.0005, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 10];

/**
 * redcrowd_round_duration_seconds by outcome (the whole round: lock, load, solve, write,
 * commit) and redcrowd_solver_duration_seconds (the exact solver inside each committed round).
 */
export function recordRounds(metrics: ServiceMetrics, rounds: MatchingRoundService): void {
  const registers = [metrics.registry];
  const roundDuration = new Histogram({
    name: 'redcrowd_round_duration_seconds',
    help: 'Matching rounds, by outcome (changed, unchanged, nothing-to-match, failed): time from start to commit or rollback.',
    labelNames: ['outcome'],
    buckets: ROUND_BUCKETS,
    registers,
  });
  const solverDuration = new Histogram({
    name: 'redcrowd_solver_duration_seconds',
    help: 'Time the exact allocation solver (network simplex) took inside each committed matching round.',
    buckets: SOLVER_BUCKETS,
    registers,
  });
  rounds.onRound((report) => {
    const ms = report.type === 'finished' ? report.summary.ms : report.ms;
    roundDuration.observe({ outcome: roundOutcome(report) }, ms / 1000);
    if (report.type === 'finished') solverDuration.observe(report.solverMs / 1000);
  });
}
