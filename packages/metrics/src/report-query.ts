/** Turns what a caller names (dates, a team, repositories) into the query of a metric report. */
import type { Db } from '@pulse/db';
import { parseInstant, type Granularity } from './period.ts';
import { resolveScope, type ScopeIds } from './scope.ts';

const DAY_MS = 86_400_000;

export interface ReportInput {
  /** A date or ISO timestamp; default 90 days before `to`. */
  readonly from?: string | undefined;
  /** Exclusive; default now. */
  readonly to?: string | undefined;
  readonly timeZone: string;
  readonly granularity: Granularity;
  readonly team?: string | undefined;
  readonly repositories?: readonly string[] | undefined;
}

export interface ReportQuery extends ScopeIds {
  readonly from: Date;
  readonly to: Date;
  readonly timeZone: string;
  readonly granularity: Granularity;
}

/** `labels` name the inputs in errors, e.g. `--from` for the CLI, `from` for the API. */
export async function reportQuery(
  db: Db,
  tenantId: string,
  input: ReportInput,
  labels: { readonly from: string; readonly to: string } = { from: 'from', to: 'to' },
): Promise<ReportQuery> {
  const to = input.to === undefined ? new Date() : parseInstant(input.to, input.timeZone, labels.to);
  const from =
    input.from === undefined
      ? new Date(to.getTime() - 90 * DAY_MS)
      : parseInstant(input.from, input.timeZone, labels.from);
  const scope = await resolveScope(db, tenantId, { team: input.team, repositories: input.repositories });
  return { from, to, timeZone: input.timeZone, granularity: input.granularity, ...scope };
}
