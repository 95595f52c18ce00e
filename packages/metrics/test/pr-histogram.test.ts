/**
 * The whole-tenant pull request report (stage percentiles, size and counts from the
 * pull_request_stage_days histogram) must equal the report filtered to every repository
 * (percentile_cont over pull_request_facts), field by field. Random facts over two months: nulls
 * (no review, not deployed, no size), ties, zeros, negative review times, bots, unmerged pull
 * requests, merges exactly at UTC midnight and at every period bound; periods that start and end
 * mid-day, at UTC midnight and at local midnight, across the 2026 daylight-saving switches of New
 * York (8 March) and Berlin (29 March); day, week and month buckets; long ranges (read in value
 * order) and short ones; and again after a recount from a day in the middle.
 */
import { expect, it } from 'vitest';
import { createTenant, withTenant, type Tx } from '@pulse/db';
import { prSummary, type Granularity } from '@pulse/metrics';
import { describeEachDb } from '../../../test/support/databases.ts';
import { recountDays } from '../src/histogram/recount.ts';
import { pullRequestHistogram } from '../src/histogram/source.ts';
import { random } from './support/random.ts';

const DAY = 86_400_000;

const cases: [string, string, string, Granularity][] = [
  ['2026-03-01T00:00:00Z', '2026-05-01T00:00:00Z', 'UTC', 'week'],
  ['2026-02-01T00:00:00Z', '2026-06-01T00:00:00Z', 'UTC', 'month'],
  ['2026-03-03T07:30:00Z', '2026-04-20T15:45:00Z', 'UTC', 'day'],
  ['2026-02-28T23:00:00Z', '2026-04-30T22:00:00Z', 'Europe/Berlin', 'week'],
  ['2026-03-26T23:00:00Z', '2026-04-01T22:00:00Z', 'Europe/Berlin', 'day'],
  ['2026-03-01T05:00:00Z', '2026-05-01T04:00:00Z', 'America/New_York', 'month'],
  ['2026-03-06T05:00:00Z', '2026-03-11T04:00:00Z', 'America/New_York', 'day'],
  ['2026-03-10T18:30:00Z', '2026-04-11T18:30:00Z', 'Asia/Kolkata', 'week'],
  ['2026-03-15T10:00:00Z', '2026-03-15T16:00:00Z', 'UTC', 'day'],
  ['2026-06-01T00:00:00Z', '2026-07-01T00:00:00Z', 'UTC', 'week'],
];

/** Merge instants: random seconds, every UTC midnight, and every period bound (several each). */
function mergeTimes(count: number, next: () => number): (Date | null)[] {
  const start = Date.UTC(2026, 2, 1);
  const times: (Date | null)[] = [];
  for (let i = 0; i < count; i++) {
    times.push(next() < 0.05 ? null : new Date(start + Math.floor(next() * 61 * 86_400) * 1000));
  }
  for (let day = 0; day < 61; day += 3) times.push(new Date(start + day * DAY));
  for (const [from, to] of cases) times.push(new Date(from), new Date(from), new Date(to), new Date(to));
  return times;
}

/** Seconds: zeros, ties on whole hours, and spread values from seconds to months. */
function duration(next: () => number): number {
  const r = next();
  if (r < 0.08) return 0;
  if (r < 0.3) return 3600 * Math.floor(next() * 6);
  return Math.floor(Math.exp(next() * 16)) + (next() < 0.2 ? 0.5 : 0);
}

async function addPullRequests(tx: Tx, tenantId: string, from: number, count: number, seed: number) {
  const next = random(seed);
  const rows = mergeTimes(count, next).map((merged, i) => {
    const reviewed = next() < 0.8;
    const deployed = merged !== null && next() < 0.7;
    return {
      id: from + i,
      repo: 1 + Math.floor(next() * 2),
      bot: next() < 0.05,
      size: next() < 0.05 ? null : next() < 0.3 ? 10 * Math.floor(next() * 4) : Math.floor(next() * 2000),
      merged,
      first_review: reviewed ? merged : null,
      coding: duration(next),
      pickup: reviewed ? duration(next) : null,
      // A pull request marked ready after its merge has a negative review time.
      review: reviewed ? (next() < 0.03 ? -duration(next) - 1 : duration(next)) : null,
      deploy: deployed ? duration(next) : null,
    };
  });
  await tx.query(
    `insert into pull_requests (id, tenant_id, repository_id, source, external_id, number, title, state, created_at, updated_at)
     select n, $1, 1, 'test', 'pr' || n, n, 't', 'open', now(), now() from generate_series($2::bigint, $3::bigint) n`,
    [tenantId, from, from + rows.length - 1],
  );
  await tx.query(
    `insert into pull_request_facts (tenant_id, pull_request_id, repository_id, is_bot, size, first_commit_at, ready_at,
                                     first_review_at, merged_at, coding_seconds, pickup_seconds, review_seconds, deploy_seconds)
     select $1, r.id, r.repo, r.bot, r.size, now(), now(), r.first_review, r.merged, r.coding, r.pickup, r.review, r.deploy
       from jsonb_to_recordset($2::jsonb) as r(id bigint, repo bigint, bot boolean, size integer, merged timestamptz,
                                                first_review timestamptz, coding float8, pickup float8, review float8, deploy float8)`,
    [tenantId, JSON.stringify(rows)],
  );
}

describeEachDb('pull request stages from the histogram', (handle) => {
  it('equal percentile_cont over the pull requests, for any period, zone and bucket', async () => {
    const tenant = await createTenant(handle.db, { slug: 'pr-histogram' }, 'test');
    const compare = async () => {
      for (const [from, to, timeZone, granularity] of cases) {
        const query = { from: new Date(from), to: new Date(to), timeZone, granularity };
        const fast = await prSummary(handle.db, tenant.id, query);
        const exact = await prSummary(handle.db, tenant.id, { ...query, repositoryIds: [1, 2] });
        const label = `${from} → ${to} ${timeZone} ${granularity}`;
        if (!from.startsWith('2026-06')) expect(fast.merged, label).toBeGreaterThan(0);
        expect(fast, label).toEqual(exact);
      }
    };
    await withTenant(handle.db, tenant.id, async (tx) => {
      await tx.query(
        `insert into repositories (id, tenant_id, source, external_id, name, full_name)
         values (1, $1, 'test', 'r1', 'r1', 'acme/r1'), (2, $1, 'test', 'r2', 'r2', 'acme/r2')`,
        [tenant.id],
      );
      await addPullRequests(tx, tenant.id, 1, 1500, 7);
      await recountDays(tx, pullRequestHistogram, tenant.id, 'all');
    });
    await compare();
    // A recount from a day in the middle (as after pull requests synced late) keeps the totals exact.
    await withTenant(handle.db, tenant.id, async (tx) => {
      await addPullRequests(tx, tenant.id, 10_000, 300, 11);
      const first = await tx.query<{ day: string }>(
        `select to_char(min(merged_at) at time zone 'UTC', 'YYYY-MM-DD') as day
           from pull_request_facts where pull_request_id >= 10000 and merged_at >= '2026-04-01'`,
      );
      await tx.query(
        "delete from pull_request_facts where pull_request_id >= 10000 and merged_at < '2026-04-01'",
      );
      await recountDays(tx, pullRequestHistogram, tenant.id, [first.rows[0]!.day]);
    });
    await compare();
  });
});
