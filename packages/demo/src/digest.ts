/** A fingerprint of the demo's rows: equal digests mean identical data, row for row. */
import { createHash } from 'node:crypto';
import type { DemoData } from './model.ts';
import { demoTables, sequentialIds } from './tables.ts';

const digestTenant = '00000000-0000-4000-8000-000000000000';

export function demoDigest(data: DemoData): string {
  const hash = createHash('sha256');
  for (const { table, columns, rows } of demoTables(data, digestTenant, sequentialIds(data))) {
    hash.update(`${table}(${columns.join(',')})\n`);
    for (const row of rows) hash.update(JSON.stringify(row) + '\n');
  }
  return hash.digest('hex');
}
