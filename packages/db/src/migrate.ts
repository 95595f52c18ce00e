/**
 * Numbered SQL migrations (`sql/NNNN_name.sql`), applied in order, each in its own transaction.
 *
 * Every transaction first takes one advisory lock, so processes starting together (several
 * `pulse serve`/`worker` on one database) apply each migration exactly once: the second waits,
 * then finds the migration recorded and skips it. Applied files are checksummed; editing one after
 * release is an error rather than a silent divergence between installations.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PulseError } from '@pulse/core';
import type { Db, Queryable } from './db.ts';

export interface Migration {
  readonly id: number;
  readonly name: string;
  readonly sql: string;
  readonly checksum: string;
}

export interface MigrationStatus {
  readonly applied: readonly Migration[];
  readonly pending: readonly Migration[];
}

export interface MigrateResult {
  /** Names of the migrations this call applied (empty when the schema was already current). */
  readonly applied: readonly string[];
  readonly current: number;
}

const LOCK_KEY = 7_370_746_572_017; // arbitrary, fixed: "pulse migrate"
export const defaultMigrationsDir = fileURLToPath(new URL('../sql/', import.meta.url));

export function loadMigrations(dir = defaultMigrationsDir): Migration[] {
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort();
  return files.map((file, index) => {
    const match = /^(\d{4})_([a-z0-9_]+)\.sql$/.exec(file);
    if (match === null) throw new Error(`migration file ${file} must be named NNNN_name.sql`);
    const id = Number(match[1]);
    if (id !== index + 1)
      throw new Error(`migration ${file} is out of sequence: expected number ${index + 1}`);
    const sql = readFileSync(`${dir}/${file}`, 'utf8');
    return { id, name: file.replace(/\.sql$/, ''), sql, checksum: sha256(sql) };
  });
}

/** Applies every pending migration. Safe to run from several processes at once. */
export async function migrate(db: Db, migrations = loadMigrations()): Promise<MigrateResult> {
  const applied: string[] = [];
  for (const migration of migrations) {
    const ran = await db.transaction(async (tx) => {
      await tx.query('select pg_advisory_xact_lock($1)', [LOCK_KEY]);
      await ensureLedger(tx);
      const done = await readLedger(tx);
      verify(done, migrations);
      if (done.has(migration.id)) return false;
      try {
        await tx.exec(migration.sql);
      } catch (cause) {
        throw new PulseError('MIGRATION_FAILED', {
          message: `Migration ${migration.name} failed and was rolled back: ${(cause as Error).message}`,
          cause,
        });
      }
      await tx.query('insert into pulse_migrations (id, name, checksum) values ($1, $2, $3)', [
        migration.id,
        migration.name,
        migration.checksum,
      ]);
      return true;
    });
    if (ran) applied.push(migration.name);
  }
  return { applied, current: migrations.length };
}

/** What is applied and what is pending, without changing anything. */
export async function migrationStatus(
  db: Queryable,
  migrations = loadMigrations(),
): Promise<MigrationStatus> {
  const exists = await db.query<{ present: boolean }>(
    "select to_regclass('public.pulse_migrations') is not null as present",
  );
  const done = exists.rows[0]?.present === true ? await readLedger(db) : new Map<number, LedgerRow>();
  verify(done, migrations);
  return {
    applied: migrations.filter((m) => done.has(m.id)),
    pending: migrations.filter((m) => !done.has(m.id)),
  };
}

interface LedgerRow {
  id: number;
  name: string;
  checksum: string;
}

async function ensureLedger(tx: Queryable): Promise<void> {
  await tx.query(`create table if not exists pulse_migrations (
    id integer primary key,
    name text not null,
    checksum text not null,
    applied_at timestamptz not null default now()
  )`);
}

async function readLedger(db: Queryable): Promise<Map<number, LedgerRow>> {
  const result = await db.query<LedgerRow>('select id, name, checksum from pulse_migrations order by id');
  return new Map(result.rows.map((row) => [row.id, row]));
}

function verify(done: Map<number, LedgerRow>, migrations: readonly Migration[]): void {
  for (const row of done.values()) {
    const known = migrations.find((m) => m.id === row.id);
    if (known === undefined) {
      throw new PulseError('MIGRATION_UNKNOWN', {
        message: `The database has migration ${row.name}, which this version of Pulse does not know.`,
      });
    }
    if (known.checksum !== row.checksum) {
      throw new PulseError('MIGRATION_CHECKSUM_MISMATCH', {
        message: `Migration ${row.name} was changed after it was applied to this database.`,
      });
    }
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
