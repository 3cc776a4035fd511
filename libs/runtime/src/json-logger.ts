import { AsyncLocalStorage } from 'node:async_hooks';
import { pino, stdTimeFunctions, type DestinationStream, type Logger } from 'pino';

export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

/**
 * Keys whose values never reach a log line, at any depth up to REDACTION_DEPTH: credentials
 * in HTTP headers, sign-in bodies, tokens, client secrets, and connection URLs (whose
 * password alone is masked, so the host still shows). One list for every logger of a service,
 * the HTTP request lines included.
 */
export const REDACTED_KEYS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'password',
  'currentPassword',
  'newPassword',
  'passwordHash',
  'token',
  'accessToken',
  'refreshToken',
  'idToken',
  'access_token',
  'refresh_token',
  'id_token',
  'secret',
  'clientSecret',
  'client_secret',
  'privateKey',
  'apiKey',
  'DATABASE_URL',
  'databaseUrl',
  'MATCHER_OIDC_CLIENT_SECRET',
];

export const REDACTED = '[redacted]';

/** pino's redaction has no recursive wildcard; fields are rarely nested deeper than this. */
const REDACTION_DEPTH = 4;

/** The pino `redact` paths for REDACTED_KEYS: `key`, `*.key`, `*.*.key`, ... */
export function redactionPaths(): string[] {
  return REDACTED_KEYS.flatMap((key) => {
    const plain = /^[A-Za-z_$][\w$]*$/.test(key);
    return Array.from({ length: REDACTION_DEPTH }, (_, depth) => {
      const parents = Array.from({ length: depth }, () => '*').join('.');
      if (plain) return parents === '' ? key : `${parents}.${key}`;
      return `${parents}["${key}"]`;
    });
  });
}

/** A URL with credentials keeps everything but its password; any other value is replaced. */
function censor(value: unknown): string {
  if (typeof value === 'string' && /^[a-z][a-z0-9+.-]*:\/\/[^/@\s]*:[^/@\s]*@/i.test(value)) {
    return value.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/:@\s]*):[^/@\s]*@/i, `$1:${REDACTED}@`);
  }
  return REDACTED;
}

/**
 * Ids that may be written into logs and echoed in headers as they came (request and correlation
 * ids): up to 128 characters of letters, digits and `._:-`, so a caller cannot forge log lines
 * or flood them.
 */
export function traceableId(value: unknown): string | undefined {
  return typeof value === 'string' && /^[A-Za-z0-9._:-]{1,128}$/.test(value) ? value : undefined;
}

// Fields every line written inside `withLogContext` carries (an HTTP request's requestId).
const logContext = new AsyncLocalStorage<Readonly<Record<string, unknown>>>();

/** Runs `work` so that every log line it writes, however deep and async, carries `fields`. */
export function withLogContext<T>(fields: Record<string, unknown>, work: () => T): T {
  return logContext.run({ ...logContext.getStore(), ...fields }, work);
}

/** The fields of the enclosing `withLogContext`, if any. */
export function currentLogContext(): Readonly<Record<string, unknown>> {
  return logContext.getStore() ?? {};
}

/**
 * Structured logs: one JSON object per line on stdout (`time`, `level` as a word, `service`,
 * `msg`, then the event's fields), so a log shipper can index them without parsing prose.
 * Written by pino, whose redaction hides REDACTED_KEYS; `pino` is the same logger for the
 * HTTP request lines (libs/nest-http request-logging). Implements Nest's LoggerService.
 */
export class JsonLogger {
  readonly pino: Logger;

  constructor(
    private readonly service: string,
    level: LogLevel = 'info',
    destination: DestinationStream = process.stdout,
  ) {
    this.pino = pino(
      {
        level,
        base: { service },
        timestamp: stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        redact: { paths: redactionPaths(), censor },
        mixin: () => ({ ...currentLogContext() }),
      },
      destination,
    );
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }

  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }

  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }

  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }

  /** Logs an event with structured fields, e.g. info('list accepted', { listId }). */
  event(level: LogLevel, message: string, fields: object = {}): void {
    this.write(level, message, [fields]);
  }

  private write(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (!this.pino.isLevelEnabled(level)) return;
    const entry: Record<string, unknown> = {};
    if (message instanceof Error && message.stack) entry.stack = message.stack;
    for (const extra of rest) {
      // Nest passes (message, stack, context) for errors: a multi-line string is a stack.
      if (typeof extra === 'string') entry[extra.includes('\n') ? 'stack' : 'context'] = extra;
      else if (extra instanceof Error) entry.error = extra.stack ?? extra.message;
      else if (extra && typeof extra === 'object') Object.assign(entry, extra);
    }
    this.pino[level](entry, message instanceof Error ? message.message : String(message));
  }
}
