/**
 * `pulse doctor`: checks an installation without changing it (no migrations, no key generation).
 * Each line is OK or FAIL with a hint; any FAIL makes the exit code 1.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { isPulseError, type Config } from '@pulse/core';
import { migrationStatus, openDatabase, readAsOperator, rlsReport, type Db } from '@pulse/db';
import { loadConfig } from '../../config/load-config.ts';
import { loadKeyring, type LoadedKeyring } from '../../config/load-keyring.ts';
import { describeStorage } from '../../runtime.ts';
import { action } from '../program.ts';
import type { Io } from '../output.ts';

export interface CheckResult {
  readonly name: string;
  readonly ok: boolean;
  readonly detail: string;
  readonly hint?: string;
}

export function doctorCommand(io: Io): Command {
  return new Command('doctor')
    .description(
      'Check the installation: database, migrations, row-level security, secret key. Changes nothing.',
    )
    .option('--json', 'print the checks as JSON')
    .action(
      action(io, async (options: { json?: boolean }) => {
        const results = await runChecks(loadConfig(io.env));
        if (options.json) io.stdout.write(JSON.stringify(results, null, 2) + '\n');
        else {
          for (const r of results) {
            io.stdout.write(`${r.ok ? 'OK  ' : 'FAIL'}  ${r.name.padEnd(18)} ${r.detail}\n`);
            if (!r.ok && r.hint !== undefined) io.stdout.write(`      ${''.padEnd(18)} hint: ${r.hint}\n`);
          }
        }
        return results.every((r) => r.ok) ? 0 : 1;
      }),
    );
}

export async function runChecks(config: Config): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  const keys = checkKey(config, results);
  const dataDir = resolve(config.PULSE_DATA_DIR);
  if (config.DATABASE_URL === undefined && !existsSync(dataDir)) {
    results.unshift({
      name: 'database',
      ok: false,
      detail: `no embedded database in ${dataDir} yet`,
      hint: 'start Pulse once (pulse serve or pulse migrate) to create it, or set DATABASE_URL',
    });
    return results;
  }
  let db: Db;
  try {
    db = await openDatabase(
      config.DATABASE_URL === undefined ? { dataDir } : { url: config.DATABASE_URL, poolMax: 2 },
    );
  } catch (error) {
    results.unshift(failure('database', error));
    return results;
  }
  try {
    const version = await db.query<{ v: string }>("select current_setting('server_version') as v");
    results.unshift({
      name: 'database',
      ok: true,
      detail: `${describeStorage(config)} answers (PostgreSQL ${version.rows[0]?.v})`,
    });
    const migrationsOk = await checkMigrations(db, results);
    if (migrationsOk) {
      await checkRls(db, results);
      await checkRoles(db, results);
      if (keys !== undefined) await checkStoredSecrets(db, keys, results);
    }
  } finally {
    await db.close();
  }
  return results;
}

function checkKey(config: Config, results: CheckResult[]): LoadedKeyring | undefined {
  try {
    const keys = loadKeyring(config, { create: false });
    const warning = keys.warnings[0];
    results.push({
      name: 'secret key',
      ok: warning === undefined,
      detail: `key ${keys.keyring.current.id} from ${keys.source}${keys.keyring.keys.size > 1 ? ` (+${keys.keyring.keys.size - 1} older)` : ''}`,
      ...(warning === undefined ? {} : { hint: warning }),
    });
    return keys;
  } catch (error) {
    results.push(failure('secret key', error));
    return undefined;
  }
}

async function checkMigrations(db: Db, results: CheckResult[]): Promise<boolean> {
  try {
    const status = await migrationStatus(db);
    const ok = status.pending.length === 0;
    results.push({
      name: 'migrations',
      ok,
      detail: ok
        ? `${status.applied.length} applied, none pending`
        : `${status.pending.length} pending: ${status.pending.map((m) => m.name).join(', ')}`,
      ...(ok ? {} : { hint: 'run: pulse migrate' }),
    });
    return status.applied.length > 0;
  } catch (error) {
    results.push(failure('migrations', error));
    return false;
  }
}

async function checkRls(db: Db, results: CheckResult[]): Promise<void> {
  const report = await rlsReport(db);
  const bad = report.filter((t) => !t.enabled || !t.forced || !t.appPolicy);
  if (bad.length === 0) {
    results.push({
      name: 'row-level security',
      ok: true,
      detail: `active and forced on all ${report.length} tenant tables`,
    });
    return;
  }
  for (const t of bad) {
    const missing = [
      !t.enabled && 'not enabled',
      !t.forced && 'not forced',
      !t.appPolicy && 'no pulse_app policy',
    ].filter(Boolean);
    results.push({
      name: 'row-level security',
      ok: false,
      detail: `table ${t.table}: ${missing.join(', ')}`,
      hint: `tenant data in ${t.table} is not isolated; protect it in a migration with: SELECT pulse_enable_tenant_rls('${t.table}');`,
    });
  }
}

async function checkRoles(db: Db, results: CheckResult[]): Promise<void> {
  const roles = await db.query<{ rolname: string; rolsuper: boolean; rolbypassrls: boolean }>(
    "select rolname, rolsuper, rolbypassrls from pg_roles where rolname in ('pulse_app', 'pulse_operator') order by rolname",
  );
  const unsafe = roles.rows.filter((r) => r.rolsuper || r.rolbypassrls).map((r) => r.rolname);
  const ok = roles.rows.length === 2 && unsafe.length === 0;
  results.push({
    name: 'database roles',
    ok,
    detail: ok
      ? 'pulse_app and pulse_operator exist and cannot bypass row-level security'
      : `unsafe or missing: ${unsafe.join(', ') || 'roles missing'}`,
    ...(ok
      ? {}
      : {
          hint: 'run: ALTER ROLE pulse_app NOSUPERUSER NOBYPASSRLS; (and pulse_operator), or pulse migrate',
        }),
  });
}

async function checkStoredSecrets(db: Db, keys: LoadedKeyring, results: CheckResult[]): Promise<void> {
  const used = await readAsOperator(db, (tx) =>
    tx.query<{ keyId: string; n: number }>(
      'select secrets_key_id as "keyId", count(*) as n from integrations where secrets_key_id is not null group by 1',
    ),
  );
  const unknown = used.rows.filter((row) => !keys.keyring.keys.has(row.keyId));
  const stale = used.rows
    .filter((row) => row.keyId !== keys.keyring.current.id)
    .reduce((n, row) => n + row.n, 0);
  results.push({
    name: 'stored secrets',
    ok: unknown.length === 0,
    detail:
      unknown.length === 0
        ? `${used.rows.reduce((n, row) => n + row.n, 0)} credential set(s) readable${stale > 0 ? `, ${stale} under an older key` : ''}`
        : `credentials under unknown key(s) ${unknown.map((row) => row.keyId).join(', ')}`,
    ...(unknown.length === 0
      ? {}
      : { hint: 'add the old key to PULSE_SECRET_KEY_PREVIOUS, then run: pulse secrets rotate' }),
  });
}

function failure(name: string, error: unknown): CheckResult {
  if (isPulseError(error)) return { name, ok: false, detail: error.message, hint: error.hint };
  return { name, ok: false, detail: error instanceof Error ? error.message : String(error) };
}
