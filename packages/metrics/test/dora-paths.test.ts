/**
 * The two ways a DORA report is computed must agree, in any time zone and across daylight-saving
 * changes. A seeded random scenario (three repositories, ~14 months, deployments clustered around
 * the DST switches of New York, Berlin and Lord Howe (a 30-minute shift) and around Kathmandu's
 * midnight (UTC+05:45), plus deployments exactly at every period bound) is reported per zone,
 * granularity and period (across a spring-forward, across a fall-back, a whole year):
 * 1. the whole-tenant report (lead time from the change_lead_time_days histogram) equals the report
 *    filtered to every repository (percentile_cont over change_facts), field by field;
 * 2. deployments, deployment days and the per-bucket series equal a plain count in JS: the local
 *    date from Intl.DateTimeFormat, buckets (days, Monday weeks, months) worked out on those dates.
 */
import { beforeAll, expect, it } from 'vitest';
import { doraSummary, parseInstant, refreshFacts, type Granularity } from '@pulse/metrics';
import { describeEachDb } from '../../../test/support/databases.ts';
import { random } from './support/random.ts';
import { Scenario } from './support/scenario.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Zone = 'America/New_York' | 'Europe/Berlin' | 'Australia/Lord_Howe' | 'Asia/Kathmandu';

/** The DST switches inside the scenario's span (tzdata); the first test checks each one is real. */
const switches: readonly string[] = [
  '2025-03-09T07:00:00Z', // New York: 02:00 EST → 03:00 EDT
  '2025-11-02T06:00:00Z', // New York: 02:00 EDT → 01:00 EST
  '2026-03-08T07:00:00Z',
  '2025-03-30T01:00:00Z', // Berlin: 02:00 CET → 03:00 CEST
  '2025-10-26T01:00:00Z', // Berlin: 03:00 CEST → 02:00 CET
  '2026-03-29T01:00:00Z',
  '2025-04-05T15:00:00Z', // Lord Howe: 02:00 (+11) → 01:30 (+10:30)
  '2025-10-04T15:30:00Z', // Lord Howe: 02:00 (+10:30) → 02:30 (+11)
  '2026-04-04T15:00:00Z',
];

/**
 * Periods as local dates [from, to): across the zone's spring-forward, across its fall-back (for
 * Kathmandu, which has none: across New York's and Lord Howe's, where deployments cluster), and a
 * year. They start and end mid-week and cross a month boundary, so edge buckets are partial.
 */
const periods: Record<Zone, readonly (readonly [string, string, string])[]> = {
  'America/New_York': [
    ['spring forward', '2026-02-18', '2026-03-19'],
    ['fall back', '2025-10-15', '2025-11-20'],
    ['year', '2025-04-01', '2026-04-01'],
  ],
  'Europe/Berlin': [
    ['spring forward', '2025-03-12', '2025-04-10'],
    ['fall back', '2025-10-08', '2025-11-06'],
    ['year', '2025-04-01', '2026-04-01'],
  ],
  'Australia/Lord_Howe': [
    ['spring forward', '2025-09-17', '2025-10-16'],
    ['fall back', '2026-03-18', '2026-04-16'],
    ['year', '2025-04-01', '2026-04-01'],
  ],
  'Asia/Kathmandu': [
    ['New York spring forward', '2026-02-18', '2026-03-19'],
    ['Lord Howe fall back', '2025-03-19', '2025-04-17'],
    ['year', '2025-04-01', '2026-04-01'],
  ],
};

const zones = Object.keys(periods) as Zone[];
const units: readonly Granularity[] = ['day', 'week', 'month'];
const repos = ['api', 'web', 'worker'] as const;

interface Deploy {
  readonly finished: Date;
  /** Counted by the report: a successful production deployment. */
  readonly counted: boolean;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** The date (YYYY-MM-DD) of `instant` on a wall calendar in `zone`. */
function localDate(instant: Date, zone: string): string {
  let format = formats.get(zone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formats.set(zone, format);
  }
  const part = (type: string) => format.formatToParts(instant).find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Date arithmetic on YYYY-MM-DD strings (as UTC dates, so no zone is involved). */
const day = (date: string) => Date.parse(`${date}T00:00:00Z`);
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function bucketOf(date: string, unit: Granularity): string {
  if (unit === 'day') return date;
  if (unit === 'month') return `${date.slice(0, 7)}-01`;
  const weekday = new Date(day(date)).getUTCDay(); // 0 = Sunday
  return iso(day(date) - ((weekday + 6) % 7) * DAY);
}

function nextBucket(bucket: string, unit: Granularity): string {
  if (unit === 'day') return iso(day(bucket) + DAY);
  if (unit === 'week') return iso(day(bucket) + 7 * DAY);
  const d = new Date(day(bucket));
  return iso(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
}

/** What the deployment figures must be, counted directly from the deployments written. */
function expectedDeployments(
  deploys: readonly Deploy[],
  from: Date,
  to: Date,
  zone: string,
  unit: Granularity,
) {
  const dates = deploys
    .filter((d) => d.counted && d.finished >= from && d.finished < to)
    .map((d) => localDate(d.finished, zone));
  const series: [string, number, number][] = [];
  const last = bucketOf(localDate(new Date(to.getTime() - 1), zone), unit);
  for (let b = bucketOf(localDate(from, zone), unit); b <= last; b = nextBucket(b, unit)) {
    const inside = dates.filter((date) => bucketOf(date, unit) === b);
    series.push([b, inside.length, new Set(inside).size]);
  }
  return { deployments: dates.length, deploymentDays: new Set(dates).size, series };
}

/**
 * Deployment instants: spread over the span, within 3 h and 36 h of each DST switch, around
 * Kathmandu's midnight (18:15 UTC), on every switch instant and exactly on every period bound.
 */
function deploymentTimes(next: () => number, bounds: readonly Date[]): number[] {
  const between = (a: number, b: number) => a + Math.floor((next() * (b - a)) / 1000) * 1000;
  const times: number[] = [];
  for (let i = 0; i < 160; i++) times.push(between(Date.UTC(2025, 1, 20), Date.UTC(2026, 3, 25)));
  for (const instant of switches.map(Date.parse)) {
    times.push(instant);
    for (let i = 0; i < 12; i++) times.push(between(instant - 3 * HOUR, instant + 3 * HOUR));
    for (let i = 0; i < 12; i++) times.push(between(instant - 36 * HOUR, instant + 36 * HOUR));
  }
  for (let i = 0; i < 20; i++) {
    const midnight = Date.UTC(2025, 2, 1 + Math.floor(next() * 400), 18, 15);
    times.push(between(midnight - 30 * MINUTE, midnight + 30 * MINUTE));
  }
  times.push(...bounds.map((b) => b.getTime()));
  return times.sort((a, b) => a - b);
}

/**
 * Each deployment ships new work on top of its repository's last deployed commit: one to three
 * direct commits, or (a third of the time) a pull request whose merge commit is deployed. Lead
 * times from zero to weeks; some staging and failed deployments (not counted), reverts, hotfixes
 * and incidents, so every metric has samples.
 *
 * Two syncs: `first` holds what happened before `cut`, `second` the rest plus one in ten earlier
 * deployments arriving late, so the second refresh recounts the histogram from a day in the middle.
 */
function buildScenario(bounds: readonly Date[]) {
  const next = random(20260308);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const stamp = (ms: number) => new Date(ms).toISOString();
  const cut = Date.UTC(2025, 10, 15);
  const first = new Scenario('dora-paths').person('ada').person('bob');
  for (const repo of repos) first.repo(repo);
  const second = new Scenario('dora-paths');
  const heads = new Map<string, string>();
  const deploys: Deploy[] = [];
  let late = 0;
  deploymentTimes(next, bounds).forEach((finished, i) => {
    const s = finished < cut ? first : second;
    const repo = pick(repos);
    const head = heads.get(repo);
    const lead = next() < 0.1 ? 0 : Math.floor(Math.exp(next() * 15)) * 1000;
    const names = Array.from({ length: 1 + Math.floor(next() * 3) }, (_, j) => `${repo}-${i}-${j}`);
    names.forEach((name, j) => {
      const message = next() < 0.03 ? `Revert ${name}` : name;
      s.commit(
        repo,
        name,
        stamp(finished - lead - j * HOUR),
        j === 0 ? (head ? [head] : []) : [names[j - 1]!],
        message,
      );
    });
    let shipped = names.at(-1)!;
    if (next() < 0.35) {
      const merged = finished - Math.floor(next() * HOUR);
      shipped = `${repo}-${i}-merge`;
      s.commit(repo, shipped, stamp(merged), head ? [head, names.at(-1)!] : [names.at(-1)!]);
      s.pr(repo, `pr-${i}`, {
        number: i + 1,
        author: pick(['ada', 'bob']),
        created: stamp(finished - lead),
        merged: stamp(merged),
        mergeCommit: shipped,
        commits: names,
        labels: next() < 0.05 ? ['hotfix'] : [],
      });
    }
    heads.set(repo, shipped);
    const environment = next() < 0.1 ? 'staging' : 'production';
    const status = next() < 0.05 ? 'failure' : 'success';
    const arrival = finished < cut && next() < 0.1 ? second : s;
    if (arrival !== s) late++;
    arrival.deploy(repo, `D${i}`, environment, shipped, stamp(finished), status);
    const counted = environment === 'production' && status === 'success';
    deploys.push({ finished: new Date(finished), counted });
    if (counted && next() < 0.05) {
      const started = finished + Math.floor(next() * 6 * HOUR);
      const resolved = next() < 0.8 ? stamp(started + Math.floor(next() * 3 * DAY)) : undefined;
      arrival.incident(`I${i}`, { repo, started: stamp(started), ...(resolved ? { resolved } : {}) });
    }
  });
  return { first, second, deploys, late };
}

const cases = zones.flatMap((zone) =>
  periods[zone].map(([label, from, to]) => ({
    zone,
    label,
    from: parseInstant(from, zone, 'from'),
    to: parseInstant(to, zone, 'to'),
    dates: [from, to] as const,
  })),
);

describeEachDb('DORA report paths across time zones', (handle) => {
  let tenantId: string;
  let repositoryIds: number[];
  let deploys: Deploy[];
  let late: number;

  beforeAll(async () => {
    const built = buildScenario(cases.flatMap((c) => [c.from, c.to]));
    deploys = built.deploys;
    late = built.late;
    const ids = await built.first.save(handle.db);
    tenantId = ids.tenantId;
    repositoryIds = [...ids.repos.values()];
    // Without statistics the incremental walk's probes are planned as nested scans and take
    // minutes. On PostgreSQL autovacuum gathers them (run here at once, as it would within a
    // minute of a bulk load); PGlite has no autovacuum, and there the refresh keeps them itself.
    const autovacuum = async () => {
      if (handle.db.kind === 'postgres') await handle.db.exec('analyze');
    };
    await autovacuum();
    await refreshFacts(handle.db, tenantId);
    await built.second.addTo(handle.db, ids);
    await autovacuum();
    await refreshFacts(handle.db, tenantId);
  });

  it('has deployments around real DST switches and periods on local midnights', () => {
    // Each switch changes some zone's offset (the local clock jumps by more than the minute).
    for (const instant of switches.map(Date.parse)) {
      const jumped = ['America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe'].some((zone) => {
        const clock = (t: number) => new Date(t).toLocaleTimeString('en-GB', { timeZone: zone });
        const minutes = (text: string) => Number(text.slice(0, 2)) * 60 + Number(text.slice(3, 5));
        return Math.abs(minutes(clock(instant)) - minutes(clock(instant - MINUTE)) - 1) >= 30;
      });
      expect(jumped, new Date(instant).toISOString()).toBe(true);
    }
    for (const c of cases) {
      expect(localDate(c.from, c.zone)).toBe(c.dates[0]);
      expect(c.from.toLocaleTimeString('en-GB', { timeZone: c.zone })).toBe('00:00:00');
      expect(localDate(new Date(c.to.getTime() - 1), c.zone)).not.toBe(c.dates[1]);
    }
    expect(deploys.filter((d) => d.counted).length).toBeGreaterThan(350);
    expect(late).toBeGreaterThan(10);
  });

  for (const zone of zones) {
    it(`agrees between paths and with a direct count in ${zone}`, async () => {
      for (const c of cases.filter((x) => x.zone === zone)) {
        for (const granularity of units) {
          const what = `${zone} ${c.label} by ${granularity}`;
          const query = { from: c.from, to: c.to, timeZone: zone, granularity };
          const whole = await doraSummary(handle.db, tenantId, query);
          const scoped = await doraSummary(handle.db, tenantId, { ...query, repositoryIds });
          // Not vacuous: every period has changes, and only the second report is filtered.
          expect(whole.changeLeadTime.sampleSize, what).toBeGreaterThan(0);
          expect(whole.filters.repositoryIds).toBeNull();
          expect(scoped.filters.repositoryIds).toEqual(repositoryIds);
          expect({ ...scoped, filters: whole.filters }, what).toEqual(whole);

          const expected = expectedDeployments(deploys, c.from, c.to, zone, granularity);
          expect(expected.deployments, what).toBeGreaterThan(0);
          expect(
            {
              deployments: whole.deploymentFrequency.deployments,
              deploymentDays: whole.deploymentFrequency.deploymentDays,
              series: whole.series.map((b) => [b.bucket, b.deployments, b.deploymentDays]),
            },
            what,
          ).toEqual(expected);
        }
      }
    });
  }
});
