import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { MutantResult, PartialStrykerOptions } from '@stryker-mutator/api/core';
import { InfraError } from '../infra/errors';
import { repoRoot, runMain } from '../infra/processes';
import { selectTargets, type MutationTarget } from './targets';

/*
 * `npm run test:mutation -- [target|all] [--files GLOB] [--incremental]`: runs Stryker
 * (stryker.config.mjs) on each target in turn and fails unless every one reaches its minimum
 * score. Reports go to reports/mutation/<target>/ (HTML to read the survivors, JSON for tools).
 * `--files` mutates only the target's files that match GLOB (reports in <target>-files/).
 * `--incremental` reuses the previous run's results for unchanged code and tests: quick while
 * writing tests, but the scores in README come from full runs.
 */

interface MutationRunOptions {
  files?: string;
  incremental: boolean;
}

interface TargetScore {
  target: MutationTarget;
  detected: number;
  valid: number;
  score: number;
}

/** Stryker's mutation score: detected over valid mutants (ignored and non-compiling ones left out). */
export function scoreOf(results: readonly Pick<MutantResult, 'status'>[]): {
  detected: number;
  valid: number;
} {
  let detected = 0;
  let undetected = 0;
  for (const { status } of results) {
    if (status === 'Killed' || status === 'Timeout') detected++;
    else if (status === 'Survived' || status === 'NoCoverage') undetected++;
  }
  return { detected, valid: detected + undetected };
}

/** stryker.config.mjs, whose nested `jest` options a run extends rather than replaces. */
async function sharedStrykerOptions(): Promise<PartialStrykerOptions> {
  const configUrl = pathToFileURL(path.join(repoRoot, 'stryker.config.mjs')).href;
  const config = (await import(configUrl)) as { default: PartialStrykerOptions };
  return config.default;
}

async function mutateTarget(
  target: MutationTarget,
  { files, incremental }: MutationRunOptions,
): Promise<TargetScore> {
  const { Stryker } = await import('@stryker-mutator/core');
  const shared = await sharedStrykerOptions();
  const reportDir = path.join(
    'reports',
    'mutation',
    files === undefined ? target.name : `${target.name}-files`,
  );
  const stryker = new Stryker({
    configFile: path.join(repoRoot, 'stryker.config.mjs'),
    // Stryker mutates what matches every pattern's sum, so a narrowing glob replaces the
    // target's positive patterns and keeps its exclusions.
    mutate:
      files === undefined ? target.mutate : [files, ...target.mutate.filter((glob) => glob.startsWith('!'))],
    // A narrowed run's dry run executes only the specs that import the narrowed files: a
    // quick loop while writing tests, and the npm test smoke run no longer depends on every
    // unit spec of the repository passing inside Stryker's sandbox on a loaded machine.
    jest: { ...(shared.jest as object), enableFindRelatedTests: files !== undefined },
    htmlReporter: { fileName: path.join(reportDir, 'index.html') },
    jsonReporter: { fileName: path.join(reportDir, 'report.json') },
    // A whole target's run leaves its results for the next --incremental one (a full run still
    // tests every mutant). A narrowed run keeps none unless asked: Stryker would merge in the
    // results of files an earlier narrowed run covered.
    incremental: files === undefined || incremental,
    force: files === undefined && !incremental,
    incrementalFile: path.join(reportDir, 'incremental.json'),
    // One sandbox folder per target, so two targets can run at once.
    tempDirName: path.join('.cache', 'stryker-tmp', target.name),
  });
  const { detected, valid } = scoreOf(await stryker.runMutationTest());
  return { target, detected, valid, score: valid === 0 ? 0 : (100 * detected) / valid };
}

async function main(args: string[]): Promise<number> {
  process.chdir(repoRoot);
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { files: { type: 'string' }, incremental: { type: 'boolean', default: false } },
  });
  if (positionals.length > 1) throw new InfraError(`name one target, not ${positionals.join(' and ')}`);
  const targets = selectTargets(positionals[0]);
  const scores: TargetScore[] = [];
  for (const target of targets) scores.push(await mutateTarget(target, values));

  console.log('\n| target | killed + timeout / valid mutants | score | minimum |');
  console.log('|---|---|---|---|');
  for (const { target, detected, valid, score } of scores)
    console.log(
      `| ${target.name} | ${detected} / ${valid} | ${score.toFixed(1)}% | ${target.minimumScore}% |`,
    );
  const short = scores.filter(({ target, score }) => score < target.minimumScore);
  for (const { target } of short)
    console.error(`${target.name} is below its minimum: see reports/mutation/${target.name}/index.html`);
  return short.length === 0 ? 0 : 1;
}

if (require.main === module) runMain(() => main(process.argv.slice(2)));
