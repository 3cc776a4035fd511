import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { getMetadataStorage } from 'class-validator';
import { parse } from 'yaml';
import { loadConfig, ServiceConfig } from '@redcrowd/runtime';
import { IntakeConfig } from '../../apps/intake/src/config/intake.config';
import { MatcherConfig } from '../../apps/matcher/src/config/matcher.config';
import {
  environmentOf,
  interpolate,
  InterpolationError,
  isMapping,
  mergeCompose,
  readComposeFile,
  type ComposeModel,
} from './compose-model';

/*
 * docker/compose*.yaml checked without Docker (this machine has the client but no engine or
 * compose plugin): against the Compose Specification's JSON schema, as `docker compose config`
 * validates, then for what a schema cannot know: pinned images, the apps' own settings, ports
 * and health checks that agree with each other, with the Dockerfile and with Prometheus.
 *
 * docker/compose-spec.schema.json is compose-go's schema/compose-spec.json at tag v2.13.0
 * (commit 0670a1c375c19defea19147bd82eb126a7c33b29, the schema `docker compose` validates
 * with; compose-spec/compose-spec keeps an older copy of it), reformatted by Prettier. To update
 * it, take that file from a newer tag, format it and change the tag, commit and digest here.
 */
const SCHEMA_SOURCE = {
  tag: 'v2.13.0',
  /** sha256 of JSON.stringify(JSON.parse(file)): the content, whatever its formatting. */
  contentSha256: '7aa341e4ee63c0058e7ff424581b56aacc7a0a6e5791060b74c70cc6ecc5046b',
};

const ROOT = path.resolve(__dirname, '..', '..');
const DOCKER = path.join(ROOT, 'docker');
const BASE_FILE = 'compose.yaml';
/** Override files (compose.secured.yaml, ...), each used as `-f compose.yaml -f <file>`. */
const OVERRIDE_FILES = readdirSync(DOCKER)
  .filter((file) => /^compose\..+\.ya?ml$/.test(file))
  .sort();
const DEPLOYMENTS = [[BASE_FILE], ...OVERRIDE_FILES.map((file) => [BASE_FILE, file])];

/** What an operator must set (compose.yaml requires it with `:?`); everything else takes its default. */
const OPERATOR_ENV = { POSTGRES_PASSWORD: 'compose-spec-password' };

const PACKAGE = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  engines: { node: string };
};

type AppName = 'intake' | 'matcher';
type Env = Record<string, string>;

/**
 * The long-running apps: the config class each validates its environment with at boot, and
 * where that configuration makes it listen for HTTP.
 */
const APPS: Record<
  AppName,
  { config: new () => ServiceConfig; http: (env: Env) => { host: string; port: number } }
> = {
  intake: {
    config: IntakeConfig,
    http: (env) => {
      const config = loadConfig(IntakeConfig, env);
      return { host: config.INTAKE_HTTP_HOST, port: config.INTAKE_HTTP_PORT };
    },
  },
  matcher: {
    config: MatcherConfig,
    http: (env) => {
      const config = loadConfig(MatcherConfig, env);
      return { host: config.MATCHER_HTTP_HOST, port: config.MATCHER_HTTP_PORT };
    },
  },
};

const schema = JSON.parse(readFileSync(path.join(DOCKER, 'compose-spec.schema.json'), 'utf8')) as object;
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validateCompose = ajv.compile(schema);

/** The schema's complaints about a model, one line each; none when it is valid. */
function schemaProblems(model: ComposeModel): string[] {
  if (validateCompose(model)) return [];
  return (validateCompose.errors ?? []).map(
    (error) => `${error.instancePath || '/'}: ${error.message ?? 'invalid'} ${JSON.stringify(error.params)}`,
  );
}

/** The files of one deployment, interpolated one by one and merged, as Compose loads them. */
function load(files: string[], env: Env = OPERATOR_ENV): ComposeModel {
  return files
    .map((file) => interpolate(readComposeFile(path.join(DOCKER, file)), env))
    .reduce((merged, next) => mergeCompose(merged, next));
}

function servicesOf(model: ComposeModel): Record<string, Record<string, unknown>> {
  const services = model['services'];
  if (!isMapping(services)) throw new Error('no services');
  return services as Record<string, Record<string, unknown>>;
}

/** The properties a config class validates: the environment names the app reads. */
function settingsOf(configClass: new () => object): Set<string> {
  return new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(configClass, '', true, false)
      .map((metadata) => metadata.propertyName),
  );
}

/** A service's environment as its process sees it (a name without a value is left unset). */
function processEnv(service: Record<string, unknown>): Env {
  return Object.fromEntries(
    Object.entries(environmentOf(service['environment'])).flatMap(([name, value]) =>
      value === null ? [] : [[name, value]],
    ),
  );
}

/** The container ports a service publishes, from short ("host:published:target") or long syntax. */
function containerPorts(service: Record<string, unknown>): number[] {
  const ports = (service['ports'] as unknown[] | undefined) ?? [];
  return ports.map((port) => {
    if (isMapping(port)) return Number(port['target']);
    const target = String(port).split('/')[0]!.split(':').at(-1)!;
    return Number(target);
  });
}

/** The tag of an image reference; undefined when it has none (Docker would take `latest`). */
function tagOf(image: string): string | undefined {
  const withoutDigest = image.split('@')[0]!;
  const name = withoutDigest.split('/').at(-1)!;
  return name.includes(':') ? name.split(':')[1] : undefined;
}

/** The Dockerfile's stages, by name, with their instructions (continuation lines joined). */
function dockerfileStages(): Map<string, string[]> {
  const lines = readFileSync(path.join(DOCKER, 'Dockerfile'), 'utf8')
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages = new Map<string, string[]>();
  let current: string[] = [];
  stages.set('', current);
  for (const line of lines) {
    const stage = /^FROM\s+\S+\s+AS\s+(\S+)$/i.exec(line);
    if (stage) stages.set(stage[1]!, (current = []));
    current.push(line);
  }
  return stages;
}

describe('docker/compose*.yaml', () => {
  it('vendors the Compose Specification schema unchanged', () => {
    const content = JSON.stringify(schema);
    expect(createHash('sha256').update(content).digest('hex')).toBe(SCHEMA_SOURCE.contentSha256);
    expect(SCHEMA_SOURCE.tag).toMatch(/^v\d+\.\d+\.\d+$/);
  });

  it('has a schema that refuses what Compose refuses', () => {
    const model = load([BASE_FILE]);
    const intake = servicesOf(model)['intake']!;
    const misspelt = {
      ...model,
      services: { ...servicesOf(model), intake: { ...intake, healthcheck: { tset: ['CMD', 'true'] } } },
    };
    expect(schemaProblems(misspelt).join('\n')).toContain('/services/intake/healthcheck');
    const badPort = { ...model, services: { ...servicesOf(model), intake: { ...intake, ports: [true] } } };
    expect(schemaProblems(badPort).join('\n')).toContain('/services/intake/ports/0');
  });

  it.each([BASE_FILE, ...OVERRIDE_FILES])('%s alone passes the Compose Specification schema', (file) => {
    expect(schemaProblems(load([file]))).toEqual([]);
  });

  it('refuses to start without the variables an operator must set', () => {
    expect(() => load([BASE_FILE], {})).toThrow(InterpolationError);
    expect(() => load([BASE_FILE], {})).toThrow(/POSTGRES_PASSWORD/);
  });

  it('says in its header what it starts: every service and profile', () => {
    const header = readFileSync(path.join(DOCKER, BASE_FILE), 'utf8').split(/\n(?!#)/)[0]!;
    const services = servicesOf(load([BASE_FILE]));
    for (const [name, service] of Object.entries(services)) {
      expect(header).toMatch(new RegExp(`^#\\s+${name}\\s`, 'm'));
      for (const profile of (service['profiles'] as string[] | undefined) ?? [])
        expect(header).toContain(`Profile \`${profile}\``);
    }
  });

  describe.each(DEPLOYMENTS.map((files) => [files.join(' + '), files] as const))('%s', (_, files) => {
    const model = load(files);
    const services = servicesOf(model);
    const redcrowd = Object.entries(services).filter(
      ([, service]) => isMapping(service['build']) && service['build']['dockerfile'] === 'docker/Dockerfile',
    );

    it('passes the Compose Specification schema', () => {
      expect(schemaProblems(model)).toEqual([]);
    });

    it('pins every image to a tag other than latest; ours to the package version', () => {
      for (const [name, service] of Object.entries(services)) {
        const image = String(service['image']);
        expect({ service: name, tag: tagOf(image) }).toEqual({ service: name, tag: expect.any(String) });
        expect({ service: name, tag: tagOf(image) }).not.toEqual({ service: name, tag: 'latest' });
      }
      for (const [name, service] of redcrowd)
        expect({ service: name, tag: tagOf(String(service['image'])) }).toEqual({
          service: name,
          tag: PACKAGE.version,
        });
    });

    it('runs each app from its own image, built from its own Dockerfile target', () => {
      const stages = dockerfileStages();
      for (const app of Object.keys(APPS) as AppName[]) {
        const service = services[app]!;
        expect(service['image']).toBe(`redcrowd/${app}:${PACKAGE.version}`);
        expect(service['build']).toMatchObject({ context: '..', target: app });
        const stage = stages.get(app);
        expect(stage).toBeDefined();
        expect(stage).toContain(`CMD ["node", "dist/apps/${app}/src/main.js"]`);
        expect(existsSync(path.join(ROOT, 'apps', app, 'src', 'main.ts'))).toBe(true);
      }
      for (const [name, service] of redcrowd) {
        if (name in APPS) continue;
        // Anything else built here is a one-off tool (migrate, topics) that runs and exits.
        expect({ service: name, command: service['command'] }).toEqual({
          service: name,
          command: ['node', expect.stringMatching(/^dist\/tools\/.+\.js$/), expect.any(String)],
        });
        expect(service['restart']).toBe('no');
      }
    });

    it("sets only environment names the apps' config classes read, and values they accept", () => {
      for (const [name, service] of redcrowd) {
        const configClass = name in APPS ? APPS[name as AppName].config : ServiceConfig;
        const known = settingsOf(configClass);
        const unknown = Object.keys(processEnv(service)).filter((variable) => !known.has(variable));
        expect({ service: name, unknown }).toEqual({ service: name, unknown: [] });
      }
      for (const app of Object.keys(APPS) as AppName[])
        expect(() => loadConfig(APPS[app].config, processEnv(services[app]!))).not.toThrow();
    });

    it('health-checks every service that keeps running (one-off jobs exit and are not checked)', () => {
      const unchecked = Object.entries(services)
        .filter(([, service]) => service['restart'] !== 'no' && service['restart'] !== undefined)
        .filter(([, service]) => !(service['healthcheck'] as { test?: unknown } | undefined)?.test)
        .map(([name]) => name);
      expect(unchecked).toEqual([]);
    });

    it('publishes, health-checks and scrapes each app on the port it listens on', () => {
      const stages = dockerfileStages();
      const prometheus = parse(readFileSync(path.join(DOCKER, 'prometheus.yml'), 'utf8')) as {
        scrape_configs: Array<{ static_configs: Array<{ targets: string[]; labels: { app: string } }> }>;
      };
      const scraped = prometheus.scrape_configs.flatMap((job) =>
        job.static_configs.flatMap((targets) =>
          targets.targets.map((target) => ({ app: targets.labels.app, target })),
        ),
      );
      for (const app of Object.keys(APPS) as AppName[]) {
        const service = services[app]!;
        const { host, port } = APPS[app].http(processEnv(service));
        expect({ app, host }).toEqual({ app, host: '0.0.0.0' });
        expect({ app, ports: containerPorts(service) }).toEqual({ app, ports: [port] });
        const healthcheck = service['healthcheck'] as { test: string[] };
        expect(healthcheck.test.join(' ')).toContain(`http://127.0.0.1:${port}/health/ready`);
        expect(stages.get(app)).toContain(`EXPOSE ${port}`);
        expect(scraped).toContainEqual({ app, target: `${app}:${port}` });
      }
    });
  });
});

describe('docker/Dockerfile', () => {
  it('builds on a pinned, even-numbered (LTS) Node line that package.json engines allow', () => {
    const stages = dockerfileStages();
    const declared = stages.get('')!.find((line) => line.startsWith('ARG NODE_IMAGE='));
    const image = /^ARG NODE_IMAGE=node:(\d+)-[a-z]+-slim$/.exec(declared ?? '');
    expect(image).not.toBeNull();
    const major = Number(image![1]);
    const minimum = Number(/^>=(\d+)\./.exec(PACKAGE.engines.node)![1]);
    expect(major % 2).toBe(0);
    expect(major).toBeGreaterThanOrEqual(minimum);
    for (const [name, lines] of stages) {
      if (name === '') continue;
      expect(lines[0]).toMatch(/^FROM (\$\{NODE_IMAGE\}|build|runtime|production-dependencies) AS /);
    }
  });
});

describe('docker/grafana/redcrowd.json', () => {
  it('charts only metrics the apps declare', () => {
    const dashboard = readFileSync(path.join(DOCKER, 'grafana', 'redcrowd.json'), 'utf8');
    const charted = new Set(
      [...dashboard.matchAll(/\bredcrowd_[a-z_]+/g)].map(([name]) =>
        name.replace(/_(bucket|sum|count)$/, ''),
      ),
    );
    const sources = [
      ...['apps/intake/src', 'apps/matcher/src', 'libs/nest-kafka/src'].flatMap((folder) =>
        readdirSync(path.join(ROOT, folder), { recursive: true, encoding: 'utf8' })
          .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
          .map((file) => readFileSync(path.join(ROOT, folder, file), 'utf8')),
      ),
    ].join('\n');
    const declared = new Set([...sources.matchAll(/'(redcrowd_[a-z_]+)'/g)].map(([, name]) => name));
    expect([...charted].filter((name) => !declared.has(name))).toEqual([]);
    for (const name of [
      'redcrowd_round_duration_seconds',
      'redcrowd_solver_duration_seconds',
      'redcrowd_claims_decided_total',
    ])
      expect(charted).toContain(name);
  });
});
