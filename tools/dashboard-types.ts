import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { repoRoot, runMain } from './infra/processes';

/*
 * `npm run types:dashboard` writes apps/matcher/dashboard/types/api.d.ts, the HTTP payloads the
 * dashboard's JSDoc names (`components['schemas']['ProjectListing']`), from docs/openapi.yaml:
 * openapi-typescript bundles the docs/asyncapi.yaml schemas the document references, and
 * Prettier formats the result so the committed file passes `prettier --check`. With --check
 * (run by `npm run lint`) it writes nothing and fails while the committed file is stale.
 *
 * Both libraries run through their command lines because they are ES modules, which jest
 * cannot load: this way dashboard-types.spec.ts regenerates the file exactly as the tool does.
 */

/** Where the declarations go, relative to the repository root. */
export const OUTPUT = 'apps/matcher/dashboard/types/api.d.ts';
const DOCUMENT = 'docs/openapi.yaml';

const HEADER = `// Generated from ${DOCUMENT} (with the docs/asyncapi.yaml schemas it references) by
// tools/dashboard-types.ts: do not edit. Regenerate with \`npm run types:dashboard\`;
// \`npm run lint\` fails while this file is out of date.
`;

/** The declarations for the document under `root`, exactly as they should be committed. */
export function generateDashboardTypes(root: string): string {
  // A schema that allows any object (`type: object` alone) reads as Record<string, unknown>
  // rather than the library's default, an object that may hold nothing.
  const declarations = runPackageBin(root, 'openapi-typescript', [DOCUMENT, '--empty-objects-unknown']);
  return runPackageBin(root, 'prettier', ['--stdin-filepath', OUTPUT], HEADER + declarations);
}

/**
 * Why the committed file is not the generated one, or undefined when it is. The first
 * differing line helps when the change is unexpected (another library version, say).
 */
export function staleness(committed: string | undefined, generated: string): string | undefined {
  const fix = 'run `npm run types:dashboard` and commit the result';
  if (committed === undefined) return `${OUTPUT} is missing: ${fix}.`;
  if (committed === generated) return undefined;
  const committedLines = committed.split('\n');
  const generatedLines = generated.split('\n');
  const line = committedLines.findIndex((text, index) => text !== generatedLines[index]);
  const at = line === -1 ? generatedLines.length : line + 1;
  return `${OUTPUT} is out of date with ${DOCUMENT} (first difference at line ${at}): ${fix}.`;
}

/** Runs an installed package's command-line entry point with this Node and returns its stdout. */
function runPackageBin(root: string, name: string, args: string[], input?: string): string {
  const packageDir = path.join(root, 'node_modules', name);
  const manifest = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as {
    bin: string | Record<string, string>;
  };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[name];
  if (!bin) throw new Error(`${name} has no command named ${name}`);
  const run = spawnSync(process.execPath, [path.join(packageDir, bin), ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  if (run.status !== 0) {
    throw new Error(`${name} ${args.join(' ')} failed (exit ${run.status}):\n${run.stderr}`);
  }
  return run.stdout;
}

async function main(args: string[]): Promise<number> {
  const check = args[0] === '--check';
  if (args.length > (check ? 1 : 0)) {
    console.error('usage: npm run types:dashboard [-- --check]');
    return 2;
  }
  const generated = generateDashboardTypes(repoRoot);
  const target = path.join(repoRoot, OUTPUT);
  if (!check) {
    writeFileSync(target, generated);
    console.log(`Wrote ${OUTPUT}.`);
    return 0;
  }
  const problem = staleness(existsSync(target) ? readFileSync(target, 'utf8') : undefined, generated);
  if (problem) console.error(problem);
  return problem ? 1 : 0;
}

// Imported by its spec, run as a command by npm.
if (require.main === module) runMain(() => main(process.argv.slice(2)));
