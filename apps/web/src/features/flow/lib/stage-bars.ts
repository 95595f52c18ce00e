import { stageNames, type PrReport, type StageName } from '../api/pr-report.ts';

/**
 * The stacked stage chart's data in hours: one bar for the medians and one for the p75s, each
 * stacked coding → pickup → review → deploy. A stage without samples is null (left out of the
 * stack, not drawn as zero). Stacked medians do not add up to the median cycle time; the chart
 * says so.
 */
export function stageBars(report: PrReport): Record<StageName, [number | null, number | null]> {
  const hours = (s: number | null) => (s === null ? null : Math.round((s / 3600) * 10) / 10);
  return Object.fromEntries(
    stageNames.map((name) => {
      const stage = report.stages[name];
      return [name, stage.sampleSize === 0 ? [null, null] : [hours(stage.median), hours(stage.p75)]];
    }),
  ) as Record<StageName, [number | null, number | null]>;
}
