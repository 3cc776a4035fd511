import { Client } from 'pg';
import { databaseUrl } from './topics';

/** A plain pg connection for asserting on rows the services wrote. */
export async function connectDatabase(): Promise<Client> {
  const client = new Client({ connectionString: databaseUrl() });
  // A server that ends the connection while it is idle (the fault suite restarts Postgres)
  // makes the client emit 'error'; unheard, that would crash the test runner. The next query
  // on the dead connection fails, and the test sees that instead.
  client.on('error', () => undefined);
  await client.connect();
  return client;
}
