import { requirePostgres } from './require-infrastructure';

/** globalSetup of the services tier: fails loudly, once, when Postgres is missing. */
export default requirePostgres;
