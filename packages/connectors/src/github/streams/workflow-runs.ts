/**
 * workflow_runs: GitHub Actions runs over REST (`created>=` the cursor minus the overlap), newest
 * first → pipeline_run records, and deployments when `deployments.source` is 'workflow_runs'.
 * Runs not yet completed keep the window open (`pendingSince`) until they finish: their completion
 * does not reach the events feed the probe watches.
 */
import type { Json, Page, RawItem, Stream } from '../../kit/contract.ts';
import { restPages, type GithubContext } from '../client.ts';
import type { GithubConfig, GithubSecrets } from '../config.ts';
import { mapWorkflowRun, type WorkflowRun } from '../map/workflow-runs.ts';
import { hasChanged, probeRepository } from '../probe.ts';
import { repositoryPartitions } from '../repository-list.ts';
import { latest, readFrom, repositoryOf } from './shared.ts';

/**
 * GitHub serves at most 1,000 runs of a listing filtered by `created` (its `total_count` is still
 * the true number): https://docs.github.com/en/rest/actions/workflow-runs#list-workflow-runs-for-a-repository
 * A window that holds more is read as two halves, newer first, down to windows of one second.
 * The unfiltered listing (a first full read) has no such cap.
 */
const filteredListCap = 1000;

async function* runPages(
  ctx: GithubContext,
  fullName: string,
  from: number | undefined,
  to?: number,
): AsyncGenerator<readonly WorkflowRun[]> {
  const created =
    from === undefined
      ? ''
      : to === undefined
        ? `>=${isoSecond(from)}`
        : `${isoSecond(from)}..${isoSecond(to)}`;
  const filter = created === '' ? '' : `&created=${encodeURIComponent(created)}`;
  let first = true;
  for await (const page of restPages<{ total_count: number; workflow_runs: WorkflowRun[] }>(
    ctx,
    `/repos/${fullName}/actions/runs?per_page=100${filter}`,
    { repository: fullName },
  )) {
    if (first && from !== undefined && page.body.total_count > filteredListCap) {
      const upper = to ?? wholeSecond(ctx.now().toISOString());
      if (upper - from >= 2000) {
        const middle = from + Math.floor((upper - from) / 2000) * 1000;
        yield* runPages(ctx, fullName, middle, to);
        yield* runPages(ctx, fullName, from, middle - 1000);
        return;
      }
    }
    first = false;
    yield page.body.workflow_runs;
  }
}

const wholeSecond = (iso: string) => Math.floor(Date.parse(iso) / 1000) * 1000;
const isoSecond = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

export type WorkflowRunCursor = { createdAt?: string; etag?: string; pendingSince?: string };

export const workflowRunsStream: Stream<GithubConfig, GithubSecrets, WorkflowRunCursor> = {
  name: 'workflow_runs',
  dependsOn: ['repositories'],
  partitions: repositoryPartitions,
  map: mapWorkflowRun,
  async *read(ctx, { partition, cursor, mode }): AsyncGenerator<Page<WorkflowRunCursor>> {
    const repo = repositoryOf(partition);
    const previous = mode === 'incremental' ? (cursor ?? {}) : {};
    const probe = await probeRepository(ctx, repo.fullName, cursor?.etag);
    if (mode === 'incremental' && previous.pendingSince === undefined && !hasChanged(probe, previous.etag))
      return;

    const fromCursor = readFrom(ctx.config, previous.createdAt);
    const from =
      previous.pendingSince !== undefined && (fromCursor === undefined || previous.pendingSince < fromCursor)
        ? previous.pendingSince
        : fromCursor;
    let newest = previous.createdAt;
    let pendingSince: string | undefined;
    // Newest first, so only the last page may carry the new cursor (an interrupted read starts
    // over from the old one); a page is held back until the next one shows it was not the last,
    // so memory stays at two pages whatever the history.
    const unchanged = cursor ?? {};
    let held: RawItem[] | undefined;
    for await (const runs of runPages(
      ctx,
      repo.fullName,
      from === undefined ? undefined : wholeSecond(from),
    )) {
      if (held !== undefined) yield { items: held, cursor: unchanged };
      held = [];
      for (const run of runs) {
        newest = latest(newest, run.created_at);
        if (run.status !== 'completed' && (pendingSince === undefined || run.created_at < pendingSince))
          pendingSince = run.created_at;
        held.push({ externalId: run.node_id, payload: run as unknown as Json });
      }
    }
    yield {
      items: held ?? [],
      cursor: {
        ...(newest === undefined ? {} : { createdAt: newest }),
        ...(probe.etag === undefined ? {} : { etag: probe.etag }),
        ...(pendingSince === undefined ? {} : { pendingSince }),
      },
    };
  },
};
