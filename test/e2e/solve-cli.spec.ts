import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = join(__dirname, '..', '..', 'dist', 'tools', 'solve.js');

/** The solve CLI as a user runs it: JSON in, JSON out, one-line errors. */
describe('solve CLI', () => {
  const directory = mkdtempSync(join(tmpdir(), 'redcrowd-solve-'));
  const run = (content: string) => {
    const file = join(directory, `${Math.random()}.json`);
    writeFileSync(file, content);
    return spawnSync(process.execPath, [CLI, file], { encoding: 'utf8' });
  };

  it('prints only the result of the example instance', () => {
    const result = run(
      '{"supplies":[{"id":"r1","capacity":40}],"demands":[{"id":"d1","quantity":10}],"edges":[{"supply":"r1","demand":"d1","weight":0.83}]}',
    );
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    const output = JSON.parse(result.stdout);
    expect(output).toMatchObject({ objective: 8.3, flows: [{ supply: 'r1', demand: 'd1', quantity: 10 }] });
    expect(output.stats.solveMs).toEqual(expect.any(Number));
  });

  it.each([
    ['{"supplies":[{"capacity":1}],"demands":[],"edges":[]}', 'supplies[0].id is missing'],
    [
      '{"supplies":[{"id":"r1","capacity":1.5}],"demands":[],"edges":[]}',
      'capacity must be a non-negative integer',
    ],
    [
      '{"supplies":[],"demands":[{"id":"d1","quantity":1}],"edges":[{"supply":"r1","demand":"d1","weight":1}]}',
      'is not a known supply',
    ],
    [
      '{"supplies":[{"id":"r1","capacity":1}],"demands":[{"id":"d1","quantity":1}],"edges":[{"supply":"r1","demand":"d1","weight":1},{"supply":"r1","demand":"d1","weight":2}]}',
      'duplicates the edge',
    ],
    ['not json', 'is not valid JSON'],
  ])('exits non-zero with a one-line message for %s', (content, message) => {
    const result = run(content);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain(message);
  });
});
