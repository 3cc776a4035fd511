import { readFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { parse } from 'yaml';
import { generateDashboardTypes, OUTPUT, staleness } from './dashboard-types';

const ROOT = path.resolve(__dirname, '..');

/** The names in `components['schemas']` of generated declarations. */
function schemaNames(declarations: string): string[] {
  const file = ts.createSourceFile(OUTPUT, declarations, ts.ScriptTarget.Latest);
  const components = file.statements.find(
    (statement): statement is ts.InterfaceDeclaration =>
      ts.isInterfaceDeclaration(statement) && statement.name.text === 'components',
  );
  const schemas = components?.members.find(
    (member): member is ts.PropertySignature =>
      ts.isPropertySignature(member) && member.name.getText(file) === 'schemas',
  );
  if (!schemas?.type || !ts.isTypeLiteralNode(schemas.type)) return [];
  return schemas.type.members.map((member) => member.name!.getText(file));
}

describe('apps/matcher/dashboard/types/api.d.ts', () => {
  let generated: string;
  beforeAll(() => {
    generated = generateDashboardTypes(ROOT);
  });

  it('is what docs/openapi.yaml generates, so the dashboard is checked against the current API', () => {
    expect(staleness(readFileSync(path.join(ROOT, OUTPUT), 'utf8'), generated)).toBeUndefined();
  });

  it('declares every docs/asyncapi.yaml schema the document references among its own schemas', () => {
    const document = readFileSync(path.join(ROOT, 'docs', 'openapi.yaml'), 'utf8');
    const referenced = [...document.matchAll(/'\.\/asyncapi\.yaml#\/components\/schemas\/(\w+)'/g)].map(
      ([, name]) => name!,
    );
    expect(referenced).toContain('ProjectStatus');
    const declared = new Set(schemaNames(generated));
    const ownSchemas = Object.keys(
      (parse(document) as { components: { schemas: Record<string, unknown> } }).components.schemas,
    );
    expect([...new Set([...ownSchemas, ...referenced])].filter((name) => !declared.has(name))).toEqual([]);
  });
});

describe('staleness', () => {
  it('passes the generated text and names the command that fixes a missing or stale file', () => {
    expect(staleness('a\nb\n', 'a\nb\n')).toBeUndefined();
    expect(staleness(undefined, 'a\n')).toBe(
      `${OUTPUT} is missing: run \`npm run types:dashboard\` and commit the result.`,
    );
    expect(staleness('a\nb\nc\n', 'a\nB\nc\n')).toBe(
      `${OUTPUT} is out of date with docs/openapi.yaml (first difference at line 2): run \`npm run types:dashboard\` and commit the result.`,
    );
    expect(staleness('a\n', 'a\nb\n')).toMatch(/first difference at line 2/);
  });
});
