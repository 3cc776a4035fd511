import { readFileSync } from 'node:fs';
import { InvalidInstanceError, solve, validateInstance } from '@redcrowd/matching';

// `npm run -s solve -- FILE`: reads an allocation instance (JSON) and prints the optimal
// allocation on stdout, nothing else. A bad instance exits 1 with a one-line reason.
function main(file: string | undefined): number {
  if (!file) return fail('usage: npm run -s solve -- FILE');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return fail(`cannot read ${file}: ${(error as Error).message}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return fail(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  try {
    process.stdout.write(`${JSON.stringify(solve(validateInstance(parsed)))}\n`);
    return 0;
  } catch (error) {
    if (error instanceof InvalidInstanceError) return fail(`invalid instance: ${error.message}`);
    throw error;
  }
}

function fail(message: string): number {
  process.stderr.write(`${message}\n`);
  return 1;
}

process.exitCode = main(process.argv[2]);
