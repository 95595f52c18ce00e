/**
 * Keeps a value histogram's days table (source.ts) in step with its facts: a refresh recounts it
 * from the earliest UTC day whose facts it touched, everything on a full one.
 */
import type { Tx } from '@pulse/db';
import { histogramSql } from './sql.ts';
import type { HistogramSource } from './source.ts';

/** `days`: the UTC days (YYYY-MM-DD) whose facts changed, or 'all' to rebuild the table. */
export async function recountDays(
  tx: Tx,
  source: HistogramSource,
  tenantId: string,
  days: readonly (string | null)[] | 'all',
): Promise<void> {
  let from: string | undefined;
  if (days === 'all') {
    const first = await tx.query<{ day: string | null }>(histogramSql(source).firstDay, [tenantId]);
    from = first.rows[0]?.day ?? undefined;
    await tx.query(`delete from ${source.days} where tenant_id = $1`, [tenantId]);
  } else {
    from = days.filter((day) => day !== null).sort()[0];
    if (from !== undefined) {
      await tx.query(`delete from ${source.days} where tenant_id = $1 and day >= $2::date`, [tenantId, from]);
    }
  }
  if (from !== undefined) await tx.query(histogramSql(source).recount, [tenantId, from]);
}
