/**
 * Value histograms: exact percentiles of a fact's value over any time range without sorting every
 * fact (figures.ts reads them, recount.ts keeps them, sql.ts has the statements).
 *
 * Glossary:
 * - measure: one value of a fact (a PR's coding stage, its size); a fact counts under a measure
 *   when its bucket there is not null.
 * - bucket: an integer per value that orders like the values (every value of bucket b is at most
 *   every value of bucket b + 1): the top 17 bits of the double, `pulse_value_bucket()` in
 *   0009_pr_stage_histograms.sql, `lead_bucket` in 0005_metrics_performance.sql.
 * - days table: per UTC day, measure and bucket, how many facts up to the end of the day (running
 *   totals, dense), so the facts of a bucket in [a, b) are total(b) − total(a).
 */

export interface Measure {
  /** SQL expression over the fact (alias f): its bucket, null = not counted. */
  readonly bucket: string;
  /** SQL expression over the fact: its value; null = a count without percentiles. */
  readonly value: string | null;
}

export interface HistogramSource {
  /** The fact table, aliased f in every statement. */
  readonly facts: string;
  /** When a fact happened (an expression over f): a range [from, to) holds from ≤ time < to. */
  readonly time: string;
  /** Which facts count besides tenant and time: `and …`, or ''. */
  readonly where: string;
  /** The days table: tenant_id, day, the key columns, total. */
  readonly days: string;
  /** Its column naming the measure; null when the table holds one measure (the only key of `measures`). */
  readonly measureColumn: string | null;
  /** Its bucket column. */
  readonly bucketColumn: string;
  readonly measures: Readonly<Record<string, Measure>>;
}

/** Change lead time (0005_metrics_performance.sql): one measure, changes by production deployment. */
export const leadTimeHistogram: HistogramSource = {
  facts: 'change_facts',
  time: 'f.deployed_at',
  where: '',
  days: 'change_lead_time_days',
  measureColumn: null,
  bucketColumn: 'lead_bucket',
  measures: { leadTime: { bucket: 'f.lead_bucket', value: 'f.lead_time_seconds' } },
};

const stage = (name: string) => ({ bucket: `f.${name}_bucket`, value: `f.${name}_seconds` });

/**
 * Merged pull requests, bots excluded (0009_pr_stage_histograms.sql): the four stages, size, and
 * two counts, merged and merged without a review.
 */
export const pullRequestHistogram: HistogramSource = {
  facts: 'pull_request_facts',
  time: 'f.merged_at',
  where: 'and not f.is_bot',
  days: 'pull_request_stage_days',
  measureColumn: 'measure',
  bucketColumn: 'bucket',
  measures: {
    merged: { bucket: '0', value: null },
    unreviewed: { bucket: 'case when f.first_review_at is null then 0 end', value: null },
    coding: stage('coding'),
    pickup: stage('pickup'),
    review: stage('review'),
    deploy: stage('deploy'),
    size: { bucket: 'f.size_bucket', value: 'f.size' },
  },
};

/** The days table's measure, as an expression of its rows. */
export function dayMeasure(source: HistogramSource): string {
  return source.measureColumn ?? `'${Object.keys(source.measures)[0]!}'::text`;
}

/**
 * The facts counted: a FROM clause, its conditions, and `measure` and `bucket` expressions; one row
 * per fact and measure whose bucket is not null.
 */
export function counted(source: HistogramSource): {
  from: string;
  where: string;
  measure: string;
  bucket: string;
} {
  const entries = Object.entries(source.measures);
  if (source.measureColumn === null) {
    const [name, measure] = entries[0]!;
    return {
      from: `${source.facts} f`,
      where: source.where,
      measure: `'${name}'::text`,
      bucket: measure.bucket,
    };
  }
  const values = entries.map(([name, m]) => `('${name}', ${m.bucket})`).join(', ');
  return {
    from: `${source.facts} f cross join lateral (values ${values}) m(measure, bucket)`,
    where: `${source.where} and m.bucket is not null`,
    measure: 'm.measure',
    bucket: 'm.bucket',
  };
}
