import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

/**
 * Compose files read as `docker compose config` reads them, far enough to check them without
 * Docker: YAML with merge keys (`<<: *anchor`), variables interpolated, override files merged.
 * Written here because no npm library implements Compose's interpolation and merge rules; the
 * subset follows compose-go (interpolation/, override/merge.go) for what our files use.
 */

export type ComposeModel = Record<string, unknown>;

/** A file's YAML as Compose sees it before interpolation: anchors resolved, `<<` merged. */
export function readComposeFile(file: string): ComposeModel {
  const model: unknown = parse(readFileSync(file, 'utf8'), { merge: true });
  if (!isMapping(model)) throw new Error(`${file}: the top level must be a mapping`);
  return model;
}

export class InterpolationError extends Error {}

const VARIABLE =
  /\$(?:(\$)|\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^{}]*\})*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/**
 * Replaces `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:?message}`,
 * `${VAR?message}`, `${VAR:+other}` and `$$` in every string value (keys stay as written),
 * one level of nesting inside a default. An unset variable without a default is empty, as
 * Compose makes it (with a warning); a required one throws.
 */
export function interpolate<T>(value: T, env: Readonly<Record<string, string | undefined>>): T {
  if (typeof value === 'string') return interpolateString(value, env) as T;
  if (Array.isArray(value)) return value.map((entry: unknown) => interpolate(entry, env)) as T;
  if (isMapping(value))
    return Object.fromEntries(
      Object.entries(value).map(([key, entry]) => [key, interpolate(entry, env)]),
    ) as T;
  return value;
}

function interpolateString(text: string, env: Readonly<Record<string, string | undefined>>): string {
  return text.replace(
    VARIABLE,
    (
      _,
      dollar: string | undefined,
      name: string | undefined,
      operator: ':-' | '-' | ':?' | '?' | ':+' | '+' | undefined,
      argument: string | undefined,
      bare: string | undefined,
    ) => {
      if (dollar) return '$';
      const variable = (name ?? bare) as string;
      const value = env[variable];
      const set = value !== undefined;
      const nonEmpty = set && value !== '';
      const fallback = () => interpolateString(argument ?? '', env);
      switch (operator) {
        case ':-':
          return nonEmpty ? value : fallback();
        case '-':
          return set ? value : fallback();
        case ':?':
        case '?':
          if (operator === ':?' ? nonEmpty : set) return value as string;
          throw new InterpolationError(`required variable ${variable} is missing a value: ${fallback()}`);
        case ':+':
          return nonEmpty ? fallback() : '';
        case '+':
          return set ? fallback() : '';
        case undefined:
          return value ?? '';
      }
    },
  );
}

/** Where Compose replaces a value from an override file rather than merging into it. */
const REPLACED = [/^services\.[^.]+\.(command|entrypoint)$/, /^services\.[^.]+\.healthcheck\.test$/];

/**
 * Merges an override file into a model as `docker compose -f a.yaml -f b.yaml` does: mappings
 * key by key, sequences appended (command, entrypoint and healthcheck.test replaced),
 * scalars replaced; `environment` given as a list is read as a mapping first.
 */
export function mergeCompose(base: ComposeModel, override: ComposeModel, path = ''): ComposeModel {
  const merged: ComposeModel = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const at = path === '' ? key : `${path}.${key}`;
    const existing = merged[key];
    if (existing === undefined || value === null || REPLACED.some((rule) => rule.test(at))) {
      merged[key] = value;
    } else if (/^services\.[^.]+\.environment$/.test(at)) {
      merged[key] = { ...environmentOf(existing), ...environmentOf(value) };
    } else if (isMapping(existing) && isMapping(value)) {
      merged[key] = mergeCompose(existing, value, at);
    } else if (Array.isArray(existing) && Array.isArray(value)) {
      merged[key] = [...(existing as unknown[]), ...(value as unknown[])];
    } else {
      merged[key] = value;
    }
  }
  return merged;
}

/** A service's environment as a mapping, from either of Compose's two spellings. */
export function environmentOf(environment: unknown): Record<string, string | null> {
  if (environment === undefined || environment === null) return {};
  if (Array.isArray(environment)) {
    return Object.fromEntries(
      environment.map((entry) => {
        const [name, ...rest] = String(entry).split('=');
        return [name!, rest.length > 0 ? rest.join('=') : null];
      }),
    );
  }
  if (isMapping(environment)) {
    return Object.fromEntries(
      Object.entries(environment).map(([name, value]) => [name, value === null ? null : String(value)]),
    );
  }
  throw new Error(`not an environment: ${JSON.stringify(environment)}`);
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
