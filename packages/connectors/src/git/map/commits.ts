import type { RecordOf } from '@pulse/core';
import type { CommitPayload } from '../payloads.ts';
import { gitActor } from './actor.ts';

// The record schema's limits; an octopus merge with more parents (Linux has a 66-parent one)
// keeps its first 64, and a longer message is cut, rather than failing the whole page.
const maxParents = 64;
const maxMessage = 100_000;

/** A commit record of `fullName` from a parsed `git log` entry. */
export function mapCommit(payload: CommitPayload, fullName: string): RecordOf<'commit'> {
  const author = gitActor(payload.author.name, payload.author.email);
  const committer = gitActor(payload.committer.name, payload.committer.email);
  // GitHub reports messages without git's trailing newline; the two sources meet in one row.
  const message = payload.message.replace(/\n+$/, '').slice(0, maxMessage);
  return {
    type: 'commit',
    repository: { fullName },
    sha: payload.sha,
    parents: payload.parents.slice(0, maxParents),
    ...(author === undefined ? {} : { author }),
    ...(committer === undefined ? {} : { committer }),
    authoredAt: payload.author.date,
    committedAt: payload.committer.date,
    message,
    ...(payload.stats === null
      ? {}
      : {
          additions: payload.stats.additions,
          deletions: payload.stats.deletions,
          filesChanged: payload.stats.files,
        }),
  };
}
