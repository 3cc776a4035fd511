export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

const RANK: Record<LogLevel, number> = { error: 0, warn: 1, info: 2, debug: 3 };

/**
 * Structured logs: one JSON object per line on stdout, so a log shipper can index them
 * without parsing prose. Implements the shape Nest's LoggerService expects.
 */
export class JsonLogger {
  constructor(
    private readonly service: string,
    private readonly level: LogLevel = 'info',
  ) {}

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
    if (RANK[level] > RANK[this.level]) return;
    const entry: Record<string, unknown> = {
      time: new Date().toISOString(),
      level,
      service: this.service,
      msg: message instanceof Error ? message.message : String(message),
    };
    if (message instanceof Error && message.stack) entry.stack = message.stack;
    for (const extra of rest) {
      if (typeof extra === 'string') entry.context = extra;
      else if (extra instanceof Error) entry.error = extra.stack ?? extra.message;
      else if (extra && typeof extra === 'object') Object.assign(entry, extra);
    }
    process.stdout.write(`${JSON.stringify(entry)}\n`);
  }
}
