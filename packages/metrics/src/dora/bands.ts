/**
 * DORA benchmark bands as versioned data, from the Accelerate State of DevOps reports 2021, 2023
 * and 2024, and the rule Pulse uses to classify a value (docs/metrics.md explains each choice).
 *
 * The reports describe clusters, not exhaustive ranges: some leave gaps (2021 lead time: 1 hour to
 * 1 day), some overlap (2023 lead time: medium and low are both "one week to one month"), and 2024's
 * change failure rates are not ordered (medium 10 %, high 20 %). Pulse therefore turns each band
 * into an upper bound checked from elite down: the first band whose bound the value meets wins,
 * gaps fall to the next band, overlapping bands go to the better one, and the 2024 change failure
 * bounds are 5 / 20 / 40 %.
 *
 * Deployment frequency is classified by cadence, from the median number of deployment days per
 * week (Monday-based weeks): ≥ 3 is daily ("on demand"), ≥ 1 weekly; otherwise the median
 * deployment days per month: ≥ 1 is monthly; otherwise at least one deployment per six months on
 * average is six-monthly, and less is rarely.
 */
export type Band = 'elite' | 'high' | 'medium' | 'low';
export type Cadence = 'daily' | 'weekly' | 'monthly' | 'six_monthly' | 'rarely';
export type BenchmarkYear = 2021 | 2023 | 2024;

const HOUR = 3600;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
const MONTH = 30 * DAY;

interface YearBands {
  /** Band of each deployment cadence. */
  readonly cadence: Readonly<Record<Cadence, Band>>;
  /** Upper bounds (seconds, inclusive) of elite, high and medium median lead time; above = low. */
  readonly leadTime: readonly [number, number, number];
  /** Upper bounds (ratio, inclusive) of elite, high and medium change failure rate. */
  readonly changeFailRate: readonly [number, number, number];
  /** Upper bounds (seconds) of elite, high and medium median recovery time. */
  readonly recovery: readonly [number, number, number];
  /** How the report words each band, shown next to the classification. */
  readonly wording: Readonly<
    Record<'deploymentFrequency' | 'leadTime' | 'changeFailRate' | 'recovery', Readonly<Record<Band, string>>>
  >;
}

export const benchmarkYears: readonly BenchmarkYear[] = [2021, 2023, 2024];

export const bands: Readonly<Record<BenchmarkYear, YearBands>> = {
  2021: {
    cadence: { daily: 'elite', weekly: 'high', monthly: 'high', six_monthly: 'medium', rarely: 'low' },
    // < 1 hour; 1 day – 1 week (the 1 h – 1 day gap falls to high); 1 – 6 months (1 week – 1 month
    // falls to medium); > 6 months.
    leadTime: [HOUR, WEEK, 6 * MONTH],
    // 0–15 %; 16–30 % for high, medium and low alike (Pulse: high), above 30 % low.
    changeFailRate: [0.15, 0.3, 0.3],
    // < 1 hour; < 1 day; 1 day – 1 week; more (the report's low is "more than six months").
    recovery: [HOUR, DAY, WEEK],
    wording: {
      deploymentFrequency: {
        elite: 'on demand (multiple deploys per day)',
        high: 'between once per week and once per month',
        medium: 'between once per month and once every six months',
        low: 'fewer than once per six months',
      },
      leadTime: {
        elite: 'less than one hour',
        high: 'one day to one week',
        medium: 'one to six months',
        low: 'more than six months',
      },
      changeFailRate: { elite: '0–15 %', high: '16–30 %', medium: '16–30 %', low: '16–30 %' },
      recovery: {
        elite: 'less than one hour',
        high: 'less than one day',
        medium: 'one day to one week',
        low: 'more than six months',
      },
    },
  },
  2023: {
    cadence: { daily: 'elite', weekly: 'high', monthly: 'medium', six_monthly: 'low', rarely: 'low' },
    // < 1 day; 1 day – 1 week; 1 week – 1 month (low is the same range in the report: Pulse low = longer).
    leadTime: [DAY, WEEK, MONTH],
    // cluster values 5 %, 10 %, 15 %, 64 %.
    changeFailRate: [0.05, 0.1, 0.15],
    // < 1 hour; < 1 day; 1 day – 1 week; 1 – 6 months (the 1 week – 1 month gap falls to low).
    recovery: [HOUR, DAY, WEEK],
    wording: {
      deploymentFrequency: {
        elite: 'on demand',
        high: 'between once per day and once per week',
        medium: 'between once per week and once per month',
        low: 'between once per week and once per month',
      },
      leadTime: {
        elite: 'less than one day',
        high: 'one day to one week',
        medium: 'one week to one month',
        low: 'one week to one month',
      },
      changeFailRate: { elite: '5 %', high: '10 %', medium: '15 %', low: '64 %' },
      recovery: {
        elite: 'less than one hour',
        high: 'less than one day',
        medium: 'one day to one week',
        low: 'one month to six months',
      },
    },
  },
  2024: {
    cadence: { daily: 'elite', weekly: 'high', monthly: 'medium', six_monthly: 'low', rarely: 'low' },
    leadTime: [DAY, WEEK, MONTH],
    // cluster values 5 %, 20 %, 10 %, 40 %: not ordered; Pulse bounds 5 / 20 / 40 %.
    changeFailRate: [0.05, 0.2, 0.4],
    // < 1 hour; < 1 day (medium is also "less than one day"); low one week – one month.
    recovery: [HOUR, DAY, WEEK],
    wording: {
      deploymentFrequency: {
        elite: 'on demand (multiple deploys per day)',
        high: 'between once per day and once per week',
        medium: 'between once per week and once per month',
        low: 'between once per month and once every six months',
      },
      leadTime: {
        elite: 'less than one day',
        high: 'one day to one week',
        medium: 'one week to one month',
        low: 'one month to six months',
      },
      changeFailRate: { elite: '5 %', high: '20 %', medium: '10 %', low: '40 %' },
      recovery: {
        elite: 'less than one hour',
        high: 'less than one day',
        medium: 'less than one day',
        low: 'one week to one month',
      },
    },
  },
};

export function isBenchmarkYear(value: number): value is BenchmarkYear {
  return (benchmarkYears as readonly number[]).includes(value);
}

const order: readonly Band[] = ['elite', 'high', 'medium', 'low'];

/** The first band whose upper bound `value` meets (value ≤ bound), else low. */
export function bandByBounds(value: number, bounds: readonly [number, number, number]): Band {
  const index = bounds.findIndex((bound) => value <= bound);
  return order[index === -1 ? 3 : index]!;
}

export interface CadenceInput {
  readonly medianWeeklyDeploymentDays: number;
  readonly medianMonthlyDeploymentDays: number;
  readonly deployments: number;
  readonly periodDays: number;
}

export function cadenceOf(input: CadenceInput): Cadence {
  if (input.medianWeeklyDeploymentDays >= 3) return 'daily';
  if (input.medianWeeklyDeploymentDays >= 1) return 'weekly';
  if (input.medianMonthlyDeploymentDays >= 1) return 'monthly';
  if (input.deployments > 0 && input.deployments / (input.periodDays / 182.5) >= 1) return 'six_monthly';
  return 'rarely';
}
