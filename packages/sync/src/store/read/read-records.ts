/**
 * Reads a tenant's stored records back as NDJSON lines, one page at a time by keyset (never a
 * whole table in memory).
 */
import type { Tx } from '@pulse/db';
import { recordQueries, type StoredRecordType } from './queries.ts';

/** Lines (JSON text of one normalised record each) of `type`, in pages of `pageSize`. */
export async function* readRecordLines(
  tx: Tx,
  tenantId: string,
  type: StoredRecordType,
  pageSize = 1000,
): AsyncGenerator<string[]> {
  const q = recordQueries[type];
  const cursor = q.cursor.map((c) => `t.${c}`).join(', ');
  const after = q.cursor.map((_, i) => `$${i + 3}`).join(', ');
  const sql = (first: boolean) => `
    SELECT ${q.cursor.map((c) => `t.${c} AS c_${c}`).join(', ')}, json_strip_nulls(${q.json})::text AS line
    FROM ${q.from}
    WHERE t.tenant_id = $1 ${first ? '' : `AND (${cursor}) > (${after})`}
    ORDER BY ${cursor} LIMIT $2`;
  let last: unknown[] | undefined;
  for (;;) {
    const result = await tx.query<Record<string, unknown> & { line: string }>(sql(last === undefined), [
      tenantId,
      pageSize,
      ...(last ?? []),
    ]);
    if (result.rows.length === 0) return;
    yield result.rows.map((row) => row.line);
    const end = result.rows[result.rows.length - 1]!;
    last = q.cursor.map((c) => end[`c_${c}`]);
    if (result.rows.length < pageSize) return;
  }
}
