/**
 * Bulk insert into any table, row-level security included: rows are COPYed into a temporary
 * staging table shaped like the target's columns, then moved with one INSERT … SELECT that runs
 * under the transaction's role and tenant, so every row still passes the RLS check.
 */
import { randomBytes } from 'node:crypto';
import { quoteIdent } from './copy-text.ts';
import type { Tx } from './db.ts';

export interface InsertRowsOptions {
  /** SQL appended to the INSERT, e.g. `ON CONFLICT (tenant_id, source, external_id) DO NOTHING`. */
  readonly onConflict?: string;
}

/** Returns the number of rows inserted (or changed, with an ON CONFLICT … DO UPDATE clause). */
export async function insertRows(
  tx: Tx,
  table: string,
  columns: readonly string[],
  rows: Iterable<readonly unknown[]>,
  options: InsertRowsOptions = {},
): Promise<number> {
  const stage = `pulse_stage_${randomBytes(6).toString('hex')}`;
  const list = columns.map(quoteIdent).join(', ');
  await tx.query(
    `CREATE TEMP TABLE ${stage} ON COMMIT DROP AS SELECT ${list} FROM ${quoteIdent(table)} WITH NO DATA`,
  );
  await tx.copyFrom(stage, columns, rows);
  const result = await tx.query(
    `INSERT INTO ${quoteIdent(table)} (${list}) SELECT ${list} FROM ${stage} ${options.onConflict ?? ''}`,
  );
  await tx.query(`DROP TABLE ${stage}`);
  return result.rowCount;
}
