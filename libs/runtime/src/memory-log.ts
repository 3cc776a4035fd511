import { Writable } from 'node:stream';

/** A log destination in memory, for specs that read what a JsonLogger wrote. */
export interface MemoryLog {
  stream: Writable;
  /** Everything written, as written. */
  text(): string;
  /** Each line parsed as the JSON object it is. */
  lines(): Array<Record<string, unknown>>;
}

export function memoryLog(): MemoryLog {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk.toString('utf8'));
      done();
    },
  });
  const text = () => chunks.join('');
  return {
    stream,
    text,
    lines: () =>
      text()
        .split('\n')
        .filter((line) => line !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}
