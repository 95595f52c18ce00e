/**
 * Creates Pulse's cluster-wide roles on the test server once, before test files run in parallel:
 * roles are shared by all databases of a server, and concurrent CREATE ROLE from many fresh test
 * databases would race (the migration tolerates that, but the race adds noise to the logs).
 */
import pg from 'pg';

export default async function setup(): Promise<void> {
  const url = process.env.PULSE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch {
    return; // the test support module reports an unreachable server (and fails under CI=true)
  }
  try {
    for (const role of ['pulse_app', 'pulse_operator']) {
      const exists = await client.query('select 1 from pg_roles where rolname = $1', [role]);
      if (exists.rowCount === 0)
        await client.query(`create role ${role} nologin nosuperuser nobypassrls noinherit`);
    }
  } finally {
    await client.end();
  }
}
