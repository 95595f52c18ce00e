import type { RecordOf } from '@pulse/core';
import type { RefPayload } from '../payloads.ts';

/** A branch or tag record of `fullName`; undefined for refs outside refs/heads and refs/tags. */
export function mapRef(payload: RefPayload, fullName: string): RecordOf<'ref'> | undefined {
  const kind = payload.refname.startsWith('refs/heads/')
    ? 'branch'
    : payload.refname.startsWith('refs/tags/')
      ? 'tag'
      : undefined;
  if (kind === undefined) return undefined;
  return {
    type: 'ref',
    repository: { fullName },
    kind,
    name: payload.refname.slice(kind === 'branch' ? 'refs/heads/'.length : 'refs/tags/'.length),
    sha: payload.commit,
    ...(payload.taggedAt === null ? {} : { taggedAt: payload.taggedAt }),
  };
}
