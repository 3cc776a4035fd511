import { Client } from 'pg';
import { databaseUrl } from './topics';

/** A plain pg connection for asserting on rows the services wrote. */
export async function connectDatabase(): Promise<Client> {
  const client = new Client({ connectionString: databaseUrl() });
  await client.connect();
  return client;
}
