/** Every actor (inline account of a person) a record names. */
import type { Actor, NormalisedRecord } from '@pulse/core';

export function actorsOf(record: NormalisedRecord): (Actor | undefined)[] {
  switch (record.type) {
    case 'commit':
      return [record.author, record.committer];
    case 'pull_request':
      return [record.author, record.mergedBy];
    case 'review':
      return [record.reviewer];
    case 'review_comment':
      return [record.author];
    case 'work_item':
      return [record.assignee, record.reporter];
    case 'transition':
      return [record.by];
    case 'person':
      return record.identities ?? [];
    default:
      return [];
  }
}
