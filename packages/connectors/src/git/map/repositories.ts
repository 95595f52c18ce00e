import type { RecordOf } from '@pulse/core';
import type { RepositoryPayload } from '../payloads.ts';

/**
 * The repository record: keyed by full name, so the writer can match it with a GitHub
 * repository of the same full name.
 */
export function mapRepository(payload: RepositoryPayload): RecordOf<'repository'> {
  const branch = payload.head?.startsWith('refs/heads/')
    ? payload.head.slice('refs/heads/'.length)
    : undefined;
  return {
    type: 'repository',
    source: 'git',
    externalId: payload.fullName,
    name: payload.fullName.split('/').at(-1) ?? payload.fullName,
    fullName: payload.fullName,
    ...(branch === undefined ? {} : { defaultBranch: branch }),
  };
}
