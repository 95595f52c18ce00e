/**
 * change_lead_time_days: for each UTC day and lead-time bucket, the changes of that bucket that
 * reached production up to the end of the day (cumulative, dense; 0005_metrics_performance.sql).
 * The DORA lead-time percentiles read it instead of sorting every change (dora/lead-time-sql.ts).
 * A refresh recounts it from the earliest day whose changes it touched (all days on a full one).
 */
import type { Tx } from '@pulse/db';
import { recountDays } from '../histogram/recount.ts';
import { leadTimeHistogram } from '../histogram/source.ts';

export async function recountLeadTimeDays(tx: Tx, tenantId: string, days: readonly string[] | 'all') {
  await recountDays(tx, leadTimeHistogram, tenantId, days);
}
