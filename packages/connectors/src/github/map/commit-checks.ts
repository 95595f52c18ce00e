/** Maps a commit's status-check rollup to commit_check records (check runs and commit statuses). */
import type { NormalisedRecord, RecordOf } from '@pulse/core';
import type { Json, MapContext } from '../../kit/contract.ts';
import type { GithubConfig } from '../config.ts';
import { repositoryOf } from '../streams/shared.ts';
import type { Connection } from './pull-requests.ts';

type CheckNode =
  | {
      readonly __typename: 'CheckRun';
      readonly id: string;
      readonly name: string;
      readonly status: string;
      readonly conclusion: string | null;
      readonly startedAt: string | null;
      readonly completedAt: string | null;
      readonly detailsUrl: string | null;
    }
  | {
      readonly __typename: 'StatusContext';
      readonly id: string;
      readonly context: string;
      readonly state: string;
      readonly createdAt: string;
      readonly targetUrl: string | null;
    };

export interface CommitChecksNode {
  readonly id: string;
  readonly oid: string;
  readonly statusCheckRollup: { readonly contexts: Connection<CheckNode> } | null;
}

type State = RecordOf<'commit_check'>['state'];

const conclusions: Record<string, State> = {
  SUCCESS: 'success',
  FAILURE: 'failure',
  TIMED_OUT: 'failure',
  STARTUP_FAILURE: 'error',
  ACTION_REQUIRED: 'failure',
  CANCELLED: 'cancelled',
  NEUTRAL: 'neutral',
  SKIPPED: 'skipped',
  STALE: 'neutral',
};

const statusStates: Record<string, State> = {
  SUCCESS: 'success',
  FAILURE: 'failure',
  ERROR: 'error',
  PENDING: 'pending',
  EXPECTED: 'pending',
};

export function mapCommitChecks(payload: Json, ctx: MapContext<GithubConfig>): NormalisedRecord[] {
  const commit = payload as unknown as CommitChecksNode;
  const repository = { fullName: repositoryOf(ctx.partition).fullName };
  return (commit.statusCheckRollup?.contexts.nodes ?? []).map((check): RecordOf<'commit_check'> => {
    if (check.__typename === 'CheckRun') {
      const state =
        check.status === 'COMPLETED' ? (conclusions[check.conclusion ?? ''] ?? 'neutral') : 'pending';
      return {
        type: 'commit_check',
        source: 'github',
        externalId: check.id,
        repository,
        sha: commit.oid,
        name: check.name,
        state,
        ...(check.detailsUrl ? { url: check.detailsUrl } : {}),
        ...(check.startedAt ? { startedAt: check.startedAt } : {}),
        ...(check.completedAt ? { completedAt: check.completedAt } : {}),
      };
    }
    return {
      type: 'commit_check',
      source: 'github',
      externalId: check.id,
      repository,
      sha: commit.oid,
      name: check.context,
      state: statusStates[check.state] ?? 'pending',
      ...(check.targetUrl ? { url: check.targetUrl } : {}),
      startedAt: check.createdAt,
    };
  });
}
