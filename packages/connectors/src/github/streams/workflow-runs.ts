/**
 * workflow_runs: GitHub Actions runs over REST (`created>=` the cursor minus the overlap), newest
 * first → pipeline_run records, and deployments when `deployments.source` is 'workflow_runs'.
 * Runs not yet completed keep the window open (`pendingSince`) until they finish: their completion
 * does not reach the events feed the probe watches.
 */
import type { Json, Page, RawItem, Stream } from '../../kit/contract.ts';
import { restPages } from '../client.ts';
import type { GithubConfig, GithubSecrets } from '../config.ts';
import { mapWorkflowRun, type WorkflowRun } from '../map/workflow-runs.ts';
import { hasChanged, probeRepository } from '../probe.ts';
import { repositoryPartitions } from '../repository-list.ts';
import { latest, readFrom, repositoryOf } from './shared.ts';

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
    const filter = from === undefined ? '' : `&created=${encodeURIComponent(`>=${from}`)}`;
    let newest = previous.createdAt;
    let pendingSince: string | undefined;
    // Newest first, so only the last page may carry the new cursor (an interrupted read starts
    // over from the old one); a page is held back until the next one shows it was not the last,
    // so memory stays at two pages whatever the history.
    const unchanged = cursor ?? {};
    let held: RawItem[] | undefined;
    for await (const page of restPages<{ workflow_runs: WorkflowRun[] }>(
      ctx,
      `/repos/${repo.fullName}/actions/runs?per_page=100${filter}`,
      { repository: repo.fullName },
    )) {
      if (held !== undefined) yield { items: held, cursor: unchanged };
      held = [];
      for (const run of page.body.workflow_runs) {
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
