import { postgresServerControl, type PostgresServerControl } from '../../../tools/infra/postgres-control';
import { connectDatabase } from '@test/support/database';
import { databaseUrl } from '@test/support/topics';

/**
 * The real PostgreSQL server the suites use, stopped and started for an outage. Every
 * scenario that stops it brings it back in its afterAll (`ensureRunning`), whatever failed,
 * and waits until it answers: the suites after it share the server.
 */
export class DatabaseServer {
  private stopped = false;

  private constructor(private readonly control: PostgresServerControl) {}

  static async ofTheSuites(): Promise<DatabaseServer> {
    return new DatabaseServer(await postgresServerControl(databaseUrl()));
  }

  get name(): string {
    return this.control.name;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.control.stop();
  }

  async start(): Promise<void> {
    await this.control.start();
    this.stopped = false;
    await this.answering();
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  async ensureRunning(): Promise<void> {
    if (this.stopped) await this.start();
  }

  /** Waits until a new connection gets an answer (a started server may still be recovering). */
  private async answering(timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const client = await connectDatabase();
        await client.query('SELECT 1');
        await client.end();
        return;
      } catch (error) {
        if (Date.now() > deadline)
          throw new Error(`PostgreSQL (${this.name}) did not come back: ${String(error)}`, { cause: error });
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  }
}
