/**
 * The record writer: stores a page of normalised records in the domain tables, inside the
 * caller's tenant transaction. Per record type it runs a few set-based statements (the page
 * travels as one JSON parameter; see sql.ts), never one statement per record:
 *
 *   identities of every actor → person records → automatic person links → the other types in
 *   `writeOrder` (a type after the types it references), each an upsert by natural key that
 *   skips rows already equal, plus the replacement of its child lists → derived rows the page
 *   affects (sprint scope, issue-key links of pull requests, incidents' services).
 *
 * Writing the same records again changes no row and reports them all as unchanged.
 */
import { PulseError, type NormalisedRecord, type RecordType } from '@pulse/core';
import type { Tx } from '@pulse/db';
import { autoLinkIdentities } from './auto-link.ts';
import { writeIdentities } from './identities.ts';
import { Page, type Item } from './page.ts';
import { writeCommitChecks, writePipelineRuns } from './records/ci.ts';
import { writeCommits } from './records/commit.ts';
import { writeDeployments, writeIncidents } from './records/delivery.ts';
import { writePeople } from './records/person.ts';
import { writePullRequests } from './records/pull-request.ts';
import { writeRefs } from './records/ref.ts';
import { writeRepositories } from './records/repository.ts';
import { writeReviewComments, writeReviews } from './records/review.ts';
import { writeTeams } from './records/team.ts';
import { writeTransitions, writeWorkItems } from './records/work.ts';
import { writeSprints } from './records/sprint.ts';
import { writeDeletions } from './records/deletion.ts';
import { refreshDerived } from './derived/refresh-derived.ts';
import type { UnresolvedRecord, WriteContext, WriteOptions, WriteResult } from './types.ts';

type Writer<T extends RecordType> = (page: Page, items: readonly Item<T>[]) => Promise<Set<string>>;

/**
 * recordSchemas' order, except that repositories come before teams: a team lists the
 * repositories it owns. Deletions come last, after whatever the same page wrote.
 */
const writers: { readonly [T in RecordType]: Writer<T> } = {
  person: writePeople,
  repository: writeRepositories,
  team: writeTeams,
  commit: writeCommits,
  ref: writeRefs,
  pull_request: writePullRequests,
  review: writeReviews,
  review_comment: writeReviewComments,
  deployment: writeDeployments,
  incident: writeIncidents,
  sprint: writeSprints,
  work_item: writeWorkItems,
  transition: writeTransitions,
  pipeline_run: writePipelineRuns,
  commit_check: writeCommitChecks,
  deletion: writeDeletions,
};
export const writeOrder = Object.keys(writers) as RecordType[];

/** Stores `records` (already validated) for `ctx.tenantId`; `tx` must be that tenant's. */
export async function writeRecords(
  tx: Tx,
  ctx: WriteContext,
  records: readonly NormalisedRecord[],
  options: WriteOptions = {},
): Promise<WriteResult> {
  const page = new Page(tx, ctx);
  const groups = new Map<RecordType, Item<RecordType>[]>();
  records.forEach((record, index) => {
    const group = groups.get(record.type) ?? [];
    group.push({ record, index });
    groups.set(record.type, group);
  });
  const unlinked = await writeIdentities(page, records);
  const byType: Partial<Record<RecordType, number>> = {};
  let written = 0;
  for (const type of writeOrder) {
    const items = groups.get(type);
    if (items !== undefined) {
      const changed = await (writers[type] as Writer<RecordType>)(page, items);
      if (changed.size > 0) byType[type] = changed.size;
      written += changed.size;
    }
    // Explicit links of person records first, so they are not pre-empted by automatic ones.
    if (type === 'person') await autoLinkIdentities(page, unlinked);
  }
  if (page.unresolved.length > 0 && options.unknownReferences !== 'report')
    throw unknownReference(page.unresolved);
  await refreshDerived(page);
  return {
    written,
    unchanged: records.length - written - page.unresolved.length,
    byType,
    unresolved: page.unresolved,
  };
}

function unknownReference(unresolved: readonly UnresolvedRecord[]): PulseError {
  const first = unresolved[0]!;
  const more =
    unresolved.length > 1 ? ` (and ${unresolved.length - 1} more record(s) with unknown references)` : '';
  return new PulseError('RECORD_REFERENCE_UNKNOWN', {
    message: `Record ${first.record} refers to ${first.reference}, which is not stored${more}.`,
  });
}
