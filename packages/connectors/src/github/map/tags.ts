/** Maps a tag ref to a ref record (and a deployment when tags are the deployment source). */
import type { NormalisedRecord } from '@pulse/core';
import type { Json, MapContext } from '../../kit/contract.ts';
import type { GithubConfig } from '../config.ts';
import { repositoryOf } from '../streams/shared.ts';
import { tagDeployment } from './deployments.ts';

interface CommitTarget {
  readonly __typename: 'Commit';
  readonly oid: string;
  readonly committedDate: string;
}

export interface TagNode {
  readonly id: string;
  readonly name: string;
  readonly target:
    | CommitTarget
    | {
        readonly __typename: 'Tag';
        readonly oid: string;
        readonly tagger: { readonly date: string } | null;
        readonly target: CommitTarget | { __typename: string; oid: string };
      }
    | { readonly __typename: string; readonly oid: string };
}

/** The commit a tag points at (annotated tags peeled) and when it was tagged. */
function peel(tag: TagNode): { sha: string; taggedAt: string | undefined } {
  const t = tag.target as Partial<CommitTarget> & {
    tagger?: { date: string } | null;
    target?: Partial<CommitTarget>;
  };
  if (tag.target.__typename === 'Tag') {
    return { sha: t.target?.oid ?? t.oid!, taggedAt: t.tagger?.date ?? t.target?.committedDate };
  }
  return { sha: tag.target.oid, taggedAt: t.committedDate };
}

/** Ordering time of a tag: its commit's date (GitHub orders tags by TAG_COMMIT_DATE). */
export function tagTime(tag: TagNode): string {
  const t = tag.target as Partial<CommitTarget> & { target?: Partial<CommitTarget> };
  return t.committedDate ?? t.target?.committedDate ?? '1970-01-01T00:00:00Z';
}

export function mapTag(payload: Json, ctx: MapContext<GithubConfig>): NormalisedRecord[] {
  const tag = payload as unknown as TagNode;
  const { sha, taggedAt } = peel(tag);
  const deployment = tagDeployment({ id: tag.id, name: tag.name, sha, taggedAt }, ctx);
  return [
    {
      type: 'ref',
      repository: { fullName: repositoryOf(ctx.partition).fullName },
      kind: 'tag',
      name: tag.name,
      sha,
      ...(taggedAt ? { taggedAt } : {}),
    },
    ...(deployment ? [deployment] : []),
  ];
}
