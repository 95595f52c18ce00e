/** Maps a GitHub Actions workflow run to a pipeline_run record (and maybe a deployment). */
import type { NormalisedRecord, RecordOf } from '@pulse/core';
import type { Json, MapContext } from '../../kit/contract.ts';
import type { GithubConfig } from '../config.ts';
import { repositoryOf } from '../streams/shared.ts';
import { workflowRunDeployment } from './deployments.ts';

/** The fields of GitHub's workflow-run object the connector reads. */
export interface WorkflowRun {
  readonly node_id: string;
  readonly name?: string | null;
  readonly head_sha: string;
  readonly head_branch: string | null;
  readonly event: string;
  readonly status: string | null;
  readonly conclusion: string | null;
  readonly html_url: string;
  readonly created_at: string;
  readonly updated_at: string;
  readonly run_started_at?: string;
  readonly path: string;
}

function status(run: WorkflowRun): RecordOf<'pipeline_run'>['status'] {
  if (run.status === 'completed') return 'completed';
  return run.status === 'in_progress' ? 'in_progress' : 'queued';
}

export function mapWorkflowRun(payload: Json, ctx: MapContext<GithubConfig>): NormalisedRecord[] {
  const run = payload as unknown as WorkflowRun;
  const completed = run.status === 'completed';
  const record: RecordOf<'pipeline_run'> = {
    type: 'pipeline_run',
    source: 'github',
    externalId: run.node_id,
    repository: { fullName: repositoryOf(ctx.partition).fullName },
    name: run.name || run.path,
    headSha: run.head_sha,
    ...(run.head_branch ? { headBranch: run.head_branch } : {}),
    event: run.event,
    status: status(run),
    ...(run.conclusion ? { conclusion: run.conclusion } : {}),
    url: run.html_url,
    ...(run.run_started_at ? { startedAt: run.run_started_at } : {}),
    ...(completed ? { finishedAt: run.updated_at } : {}),
    createdAt: run.created_at,
    updatedAt: run.updated_at,
  };
  const deployment = workflowRunDeployment(run, ctx);
  return deployment ? [record, deployment] : [record];
}
