import type { NormalisedRecord } from '@pulse/core';
import type { Json } from '../../kit/contract.ts';
import type { RepositoryInfo } from '../repository-list.ts';

/** A repository record, keyed by GitHub node id. */
export function mapRepository(payload: Json): NormalisedRecord[] {
  const repo = payload as RepositoryInfo;
  return [
    {
      type: 'repository',
      source: 'github',
      externalId: repo.nodeId,
      name: repo.fullName.slice(repo.fullName.indexOf('/') + 1),
      fullName: repo.fullName,
      url: repo.url,
      ...(repo.defaultBranch === null ? {} : { defaultBranch: repo.defaultBranch }),
      isArchived: repo.isArchived,
    },
  ];
}
