import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { ERROR_CODES } from '@redcrowd/contracts';

/*
 * docs/openapi.yaml is what HTTP clients read; the controllers are what the apps serve.
 * Jest cannot load @nestjs packages, so routes are read from the controllers' source text:
 * these tests fail whenever a route is served but not documented, or documented but gone.
 */

const ROOT = path.resolve(__dirname, '..');
const DOCUMENT_PATH = path.join(ROOT, 'docs', 'openapi.yaml');
const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** A route as "METHOD /path/{param} (app)", e.g. "POST /projects/{projectId}/approve (matcher)". */
type Route = string;

interface OpenApiDocument {
  paths: Record<string, Record<string, unknown> & { servers?: Array<{ 'x-redcrowd-app'?: string }> }>;
  components: { schemas: Record<string, { enum?: string[] }> };
}

// @Controller / @Get / @Post / ... with no argument or one string literal. Anything else (an
// object, a constant) is refused below rather than silently read as no path.
const DECORATOR = /@(Controller|Get|Post|Put|Patch|Delete)\(([^)]*)\)/g;
// A route's access rule: @Allow('role', ...) or @Public(), among the decorators of its method.
const ACCESS_DECORATOR = /@(Allow|Public)\(([^)]*)\)/;

/** A route with its access rule as the source declares it: roles sorted, 'public', or 'none'. */
interface RouteAccess {
  route: Route;
  access: string;
}

/** The HTTP routes one controller source declares, in order. */
function routesOfSource(app: string, source: string): Route[] {
  return routeAccessOfSource(app, source).map(({ route }) => route);
}

/** Each route with the access rule found in the decorator block around its HTTP decorator. */
function routeAccessOfSource(app: string, source: string): RouteAccess[] {
  const routes: RouteAccess[] = [];
  let prefix: string | undefined;
  for (const match of source.matchAll(DECORATOR)) {
    const [whole, decorator, argument] = match;
    const literal = /^\s*(?:'([^']*)'|"([^"]*)")?\s*$/.exec(argument!);
    if (!literal) throw new Error(`cannot read ${whole}: give the path as one string literal`);
    const route = literal[1] ?? literal[2] ?? '';
    // A class decorator sets the prefix for the method decorators that follow it.
    if (decorator === 'Controller') prefix = route;
    else if (prefix === undefined) throw new Error(`${whole} appears before any @Controller`);
    else
      routes.push({
        route: `${decorator!.toUpperCase()} ${joinPath(prefix, route)} (${app})`,
        access: accessOf(decoratorBlock(source, match.index!)),
      });
  }
  return routes;
}

/** The lines of decorators (each starting with @) that contain the character at `index`. */
function decoratorBlock(source: string, index: number): string {
  const lines = source.split('\n');
  let offset = 0;
  let line = 0;
  while (offset + lines[line]!.length < index) offset += lines[line++]!.length + 1;
  const isDecorator = (text: string | undefined) => text !== undefined && text.trim().startsWith('@');
  let first = line;
  while (isDecorator(lines[first - 1])) first--;
  let last = line;
  while (isDecorator(lines[last + 1])) last++;
  return lines.slice(first, last + 1).join('\n');
}

function accessOf(block: string): string {
  const found = ACCESS_DECORATOR.exec(block);
  if (!found) return 'none';
  if (found[1] === 'Public') return 'public';
  const roles = [...found[2]!.matchAll(/'([^']+)'/g)].map((role) => role[1]!);
  return roles.sort().join(',');
}

/** Nest's path joining, in OpenAPI's spelling: 'projects' + ':projectId/approve' -> /projects/{projectId}/approve. */
function joinPath(prefix: string, route: string): string {
  const segments = [prefix, route].flatMap((part) => part.split('/')).filter((segment) => segment !== '');
  return '/' + segments.map((segment) => segment.replace(/^:(\w+)$/, '{$1}')).join('/');
}

/** Every route of every app: apps/<app>/src/**\/*.controller.ts and *.handler.ts. */
function routesOfApps(): Route[] {
  return routeAccessOfApps().map(({ route }) => route);
}

function routeAccessOfApps(): RouteAccess[] {
  return readdirSync(path.join(ROOT, 'apps')).flatMap((app) =>
    readdirSync(path.join(ROOT, 'apps', app, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(controller|handler)\.ts$/.test(file))
      .flatMap((file) =>
        routeAccessOfSource(app, readFileSync(path.join(ROOT, 'apps', app, 'src', file), 'utf8')),
      ),
  );
}

/** Routes whose access rule in the source differs from the document's (or is undocumented). */
function accessMismatches(
  served: RouteAccess[],
  document: OpenApiDocument,
): Array<{ route: Route; served: string; documented: string | undefined }> {
  const documented = new Map(documentedAccess(document).map(({ route, access }) => [route, access]));
  return served
    .filter(({ route, access }) => documented.get(route) !== access)
    .map(({ route, access }) => ({ route, served: access, documented: documented.get(route) }));
}

/** Each documented operation's x-redcrowd-access, in the same spelling as accessOf. */
function documentedAccess(document: OpenApiDocument): RouteAccess[] {
  return Object.entries(document.paths).flatMap(([route, item]) => {
    return appsOf(item).flatMap((app) =>
      HTTP_METHODS.filter((method) => method in item).map((method) => {
        const rule = (item[method] as { 'x-redcrowd-access'?: unknown })['x-redcrowd-access'];
        const access =
          rule === 'public'
            ? 'public'
            : Array.isArray(rule)
              ? [...(rule as string[])].sort().join(',')
              : 'none';
        return { route: `${method.toUpperCase()} ${route} (${app})`, access };
      }),
    );
  });
}

/** The routes a document describes; each path names its app through its server's x-redcrowd-app. */
function routesOfDocument(document: OpenApiDocument): Route[] {
  return Object.entries(document.paths).flatMap(([route, item]) => {
    return appsOf(item).flatMap((app) =>
      HTTP_METHODS.filter((method) => method in item).map(
        (method) => `${method.toUpperCase()} ${route} (${app})`,
      ),
    );
  });
}

/** The apps a path is served by: one per server it names (the health routes name both). */
function appsOf(item: OpenApiDocument['paths'][string]): string[] {
  const apps = (item.servers ?? []).map((server) => server['x-redcrowd-app'] ?? 'no server');
  return apps.length > 0 ? apps : ['no server'];
}

/** Both directions of the comparison, sorted so a failure reads as a list of fixes. */
function differences(served: Route[], documented: Route[]) {
  return {
    servedButNotDocumented: served.filter((route) => !documented.includes(route)).sort(),
    documentedButNotServed: documented.filter((route) => !served.includes(route)).sort(),
  };
}

/** Every $ref value anywhere in a parsed document. */
function refsIn(node: unknown): string[] {
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    key === '$ref' && typeof value === 'string' ? [value] : refsIn(value),
  );
}

function loadDocument(): OpenApiDocument {
  return parse(readFileSync(DOCUMENT_PATH, 'utf8')) as OpenApiDocument;
}

describe('docs/openapi.yaml', () => {
  it('documents every route the controllers serve, and no other, each under its app', () => {
    const served = routesOfApps();
    expect(served.length).toBeGreaterThan(0);
    expect(differences(served, routesOfDocument(loadDocument()))).toEqual({
      servedButNotDocumented: [],
      documentedButNotServed: [],
    });
  });

  it('notices a route missing from the document', () => {
    const document = loadDocument();
    delete document.paths['/projects/{projectId}/reject'];
    const found = differences(routesOfApps(), routesOfDocument(document));
    expect(found.servedButNotDocumented).toContain('POST /projects/{projectId}/reject (matcher)');
  });

  it('notices a documented route no controller serves', () => {
    const served = routesOfApps().filter((route) => route !== 'GET /health (intake)');
    const found = differences(served, routesOfDocument(loadDocument()));
    expect(found.documentedButNotServed).toContain('GET /health (intake)');
  });

  it('gives every route an access rule, the same as its document says (deny by default)', () => {
    const served = routeAccessOfApps();
    expect(served.filter(({ access }) => access === 'none')).toEqual([]);
    expect(accessMismatches(served, loadDocument())).toEqual([]);
  });

  it('notices a route whose documented roles differ from its decorator', () => {
    const document = loadDocument();
    (document.paths['/projects/{projectId}/approve']!['post'] as Record<string, unknown>)[
      'x-redcrowd-access'
    ] = ['unit'];
    expect(accessMismatches(routeAccessOfApps(), document)).toEqual([
      {
        route: 'POST /projects/{projectId}/approve (matcher)',
        served: 'admin,coordinator',
        documented: 'unit',
      },
    ]);
  });

  it('lists every review error code the matcher can answer', () => {
    expect(loadDocument().components.schemas['ErrorCode']?.enum).toEqual([...ERROR_CODES]);
  });

  it('resolves every $ref, in this document and in docs/asyncapi.yaml', () => {
    const documents: Record<string, unknown> = {
      '': loadDocument(),
      './asyncapi.yaml': parse(readFileSync(path.join(ROOT, 'docs', 'asyncapi.yaml'), 'utf8')),
    };
    const unresolved = refsIn(documents['']).filter((ref) => {
      const [file = '', pointer = ''] = ref.split('#');
      const target = pointer
        .split('/')
        .slice(1)
        .reduce<unknown>(
          (node, key) => (node as Record<string, unknown> | undefined)?.[key],
          documents[file],
        );
      return target === undefined;
    });
    expect(unresolved).toEqual([]);
  });

  it('sets no global prefix the route extraction would miss', () => {
    for (const app of readdirSync(path.join(ROOT, 'apps'))) {
      expect(readFileSync(path.join(ROOT, 'apps', app, 'src', 'main.ts'), 'utf8')).not.toMatch(
        /setGlobalPrefix|enableVersioning/,
      );
    }
  });
});

describe('routesOfSource', () => {
  it('joins the controller prefix and each method path, with and without arguments', () => {
    const source = `
      @Controller('alliances/:allianceId/rounds')
      export class RoundsController {
        @Post()
        run() {}
        @Get(':roundId')
        one() {}
      }
      @Controller()
      export class ListsController {
        @Post('resource-lists')
        submit() {}
        @Patch("/projects/:projectId/allocations/:resourceItemPk/")
        edit() {}
      }`;
    expect(routesOfSource('matcher', source)).toEqual([
      'POST /alliances/{allianceId}/rounds (matcher)',
      'GET /alliances/{allianceId}/rounds/{roundId} (matcher)',
      'POST /resource-lists (matcher)',
      'PATCH /projects/{projectId}/allocations/{resourceItemPk} (matcher)',
    ]);
  });

  it('reads each route’s access rule from the decorators around it, and none when it has none', () => {
    const source = `
      @Controller('me')
      export class MeController {
        @Get()
        @Allow('unit', 'coordinator')
        whoAmI() {}

        @Public()
        @Get('health')
        health() {}

        @Get('open')
        forgotten() {}
      }`;
    expect(routeAccessOfSource('matcher', source)).toEqual([
      { route: 'GET /me (matcher)', access: 'coordinator,unit' },
      { route: 'GET /me/health (matcher)', access: 'public' },
      { route: 'GET /me/open (matcher)', access: 'none' },
    ]);
  });

  it('refuses a path it cannot read instead of skipping the route', () => {
    expect(() => routesOfSource('matcher', `@Controller({ path: 'projects' })`)).toThrow(/string literal/);
  });
});
