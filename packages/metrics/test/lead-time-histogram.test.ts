/**
 * The histogram path of the lead-time percentiles (dora/lead-time-sql.ts) must give exactly what
 * percentile_cont over change_facts gives (scopedLeadTimeSql without filters is that query). Random
 * changes (ties, zeros, seconds to months) over two months; periods that start and end mid-day,
 * at UTC midnight and at local midnight; UTC and zones with whole- and half-hour offsets; day, week
 * and month buckets; and again after a recount from a day in the middle.
 */
import { expect, it } from 'vitest';
import { createTenant, withTenant, type Tx } from '@pulse/db';
import { describeEachDb } from '../../../test/support/databases.ts';
import { leadTimeFigures } from '../src/dora/lead-time.ts';
import { recountLeadTimeDays } from '../src/facts/lead-time-days.ts';
import { random } from './support/random.ts';

async function addChanges(
  tx: Tx,
  tenantId: string,
  deploymentId: number,
  from: number,
  count: number,
  seed: number,
) {
  const next = random(seed);
  const values: unknown[] = [];
  const rows: string[] = [];
  for (let i = 0; i < count; i++) {
    const deployed = new Date(Date.UTC(2026, 2, 1) + Math.floor(next() * 61 * 86_400) * 1000);
    const lead =
      next() < 0.1 ? 0 : next() < 0.3 ? 3600 * Math.floor(next() * 5) : Math.floor(Math.exp(next() * 16));
    values.push(`c${from + i}`, deployed, new Date(deployed.getTime() - lead * 1000), lead);
    const n = values.length + 2;
    rows.push(`($1, $2, 1, 'commit', $${n - 3}, $${n - 1}, $${n - 2}, $${n})`);
  }
  await tx.query(
    `insert into change_facts (tenant_id, deployment_id, repository_id, change_kind, change_ref, first_commit_at, deployed_at, lead_time_seconds)
     values ${rows.join(', ')}`,
    [tenantId, deploymentId, ...values],
  );
}

describeEachDb('lead-time percentiles from the histogram', (handle) => {
  it('equal percentile_cont over the changes, for any period, zone and bucket', async () => {
    const tenant = await createTenant(handle.db, { slug: 'histogram' }, 'test');
    const compare = async () => {
      const cases: [string, string, string, string][] = [
        ['2026-03-01T00:00:00Z', '2026-05-01T00:00:00Z', 'UTC', 'week'],
        ['2026-03-03T07:30:00Z', '2026-04-20T15:45:00Z', 'UTC', 'day'],
        ['2026-02-28T23:00:00Z', '2026-04-30T22:00:00Z', 'Europe/Berlin', 'week'],
        ['2026-03-01T05:00:00Z', '2026-05-01T04:00:00Z', 'America/New_York', 'month'],
        ['2026-03-10T18:30:00Z', '2026-04-11T18:30:00Z', 'Asia/Kolkata', 'week'],
        ['2026-03-15T10:00:00Z', '2026-03-15T16:00:00Z', 'UTC', 'day'],
        ['2026-06-01T00:00:00Z', '2026-07-01T00:00:00Z', 'UTC', 'week'],
      ];
      for (const [from, to, zone, unit] of cases) {
        const params = [tenant.id, new Date(from), new Date(to), zone, unit, null, null, null];
        const [fast, exact] = await withTenant(handle.db, tenant.id, async (tx) => [
          await leadTimeFigures(tx, params, false),
          await leadTimeFigures(tx, params, true),
        ]);
        if (!from.startsWith('2026-06')) expect(fast.size, `${from} → ${to}`).toBeGreaterThan(0);
        expect(fast, `${from} → ${to} ${zone} ${unit}`).toEqual(exact);
      }
    };
    await withTenant(handle.db, tenant.id, async (tx) => {
      const repo = await tx.query<{ id: number }>(
        "insert into repositories (id, tenant_id, source, external_id, name, full_name) values (1, $1, 'test', 'r', 'r', 'acme/r') returning id",
        [tenant.id],
      );
      const deployment = await tx.query<{ id: number }>(
        `insert into deployments (tenant_id, repository_id, source, external_id, environment, is_production, commit_sha, status, finished_at)
         values ($1, $2, 'test', 'd', 'production', true, 'x', 'success', now()) returning id`,
        [tenant.id, repo.rows[0]!.id],
      );
      await addChanges(tx, tenant.id, deployment.rows[0]!.id, 0, 1500, 7);
      await recountLeadTimeDays(tx, tenant.id, 'all');
    });
    await compare();
    // A recount from a day in the middle (as after a late deployment) keeps the totals exact.
    await withTenant(handle.db, tenant.id, async (tx) => {
      const deployment = await tx.query<{ id: number }>('select id from deployments');
      await addChanges(tx, tenant.id, deployment.rows[0]!.id, 1500, 300, 11);
      const days = await tx.query<{ day: string }>(
        "select distinct to_char(deployed_at at time zone 'UTC', 'YYYY-MM-DD') as day from change_facts where change_ref >= 'c1500'",
      );
      await recountLeadTimeDays(
        tx,
        tenant.id,
        days.rows.map((r) => r.day),
      );
    });
    await compare();
  });
});
