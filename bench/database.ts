/**
 * The benchmark's own PostgreSQL database: created empty on the server, dropped afterwards (with
 * its connections) whatever happened in between.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export const adminUrl =
  process.env.PULSE_BENCH_DATABASE_URL ??
  process.env.PULSE_TEST_DATABASE_URL ??
  'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchDatabase {
  readonly name: string;
  readonly url: string;
  readonly drop: () => Promise<void>;
}

export async function createDatabase(): Promise<BenchDatabase> {
  const name = `pulse_bench_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await adminQuery(`drop database if exists ${name} with (force)`);
    },
  };
}

/** Runs one statement on the server's maintenance database. */
export async function adminQuery<R extends pg.QueryResultRow = pg.QueryResultRow>(
  sql: string,
  params: unknown[] = [],
): Promise<R[]> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
