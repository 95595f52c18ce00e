/**
 * Runs a database test suite on every backend: embedded PGlite (in memory) and a real PostgreSQL
 * server, each with a fresh, migrated database that is dropped afterwards.
 *
 * PostgreSQL comes from PULSE_TEST_DATABASE_URL (default: the local server, user postgres). When it
 * cannot be reached the PostgreSQL half is skipped with a warning, except under CI=true, where an
 * unreachable server fails the run: a green CI must mean both databases were tested.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe } from 'vitest';
import pg from 'pg';
import { migrate, openPglite, openPostgres, type Db } from '@pulse/db';

export const adminUrl = process.env.PULSE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export type Backend = 'pglite' | 'postgres';

export interface TestDatabase {
  readonly backend: Backend;
  /** The open, migrated database (available from beforeAll on). */
  readonly db: Db;
  /** Connection URL of the database (postgres only): for child processes such as the CLI. */
  readonly url: string | undefined;
}

const postgresReachable = await canConnect(adminUrl);
if (!postgresReachable && process.env.CI === 'true') {
  throw new Error(`PostgreSQL at ${adminUrl} is unreachable; under CI=true the PostgreSQL tests must run.`);
}
if (!postgresReachable)
  console.warn(`PostgreSQL at ${adminUrl} is unreachable: PostgreSQL tests are skipped.`);

/** Declares `suite` once per backend; `suite` reads the database from the handle in its tests. */
export function describeEachDb(
  title: string,
  suite: (handle: TestDatabase) => void,
  options: { migrate?: boolean } = {},
): void {
  for (const backend of ['pglite', 'postgres'] as const) {
    const skip = backend === 'postgres' && !postgresReachable;
    describe.skipIf(skip)(`${title} [${backend}]`, () => {
      const handle = { backend, db: undefined as unknown as Db, url: undefined as string | undefined };
      let dropDatabase = async () => {};
      beforeAll(async () => {
        if (backend === 'pglite') {
          handle.db = await openPglite();
        } else {
          const fresh = await createPostgresDatabase();
          handle.url = fresh.url;
          dropDatabase = fresh.drop;
          handle.db = await openPostgres({ url: fresh.url, poolMax: 4 });
        }
        if (options.migrate !== false) await migrate(handle.db);
      });
      afterAll(async () => {
        await handle.db?.close();
        await dropDatabase();
      });
      suite(handle);
    });
  }
}

/** Creates an empty database on the test server; `drop` removes it (and its connections). */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `pulse_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => adminQuery(`drop database if exists ${name} with (force)`) };
}

export { postgresReachable };

/** Runs one statement on the test server's maintenance database (create/drop databases, roles). */
export async function adminQuery(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}
