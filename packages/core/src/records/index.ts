/**
 * Pulse's normalised records, version 1: what connectors' mappers emit, what the writer stores,
 * and, one per line, the NDJSON import/export format (docs/import-format.md).
 */
import { z } from 'zod';
import { commitCheckRecord, commitRecord, pipelineRunRecord, refRecord, repositoryRecord } from './code.ts';
import { deploymentRecord, incidentRecord } from './delivery.ts';
import { personRecord, teamRecord } from './people.ts';
import { pullRequestRecord, reviewCommentRecord, reviewRecord } from './pull-requests.ts';
import { deletionRecord } from './deletion.ts';
import { sprintRecord, transitionRecord, workItemRecord } from './work.ts';

export * from './shared.ts';
export * from './code.ts';
export * from './delivery.ts';
export * from './people.ts';
export * from './pull-requests.ts';
export * from './work.ts';
export * from './deletion.ts';
export * from './clean-text.ts';

export const RECORD_FORMAT_VERSION = 1;

/** Every record type, in the order the writer stores them (referenced types first). */
export const recordSchemas = {
  person: personRecord,
  team: teamRecord,
  repository: repositoryRecord,
  commit: commitRecord,
  ref: refRecord,
  pull_request: pullRequestRecord,
  review: reviewRecord,
  review_comment: reviewCommentRecord,
  deployment: deploymentRecord,
  incident: incidentRecord,
  sprint: sprintRecord,
  work_item: workItemRecord,
  transition: transitionRecord,
  pipeline_run: pipelineRunRecord,
  commit_check: commitCheckRecord,
  deletion: deletionRecord,
} as const;

export type RecordType = keyof typeof recordSchemas;
export const recordTypes = Object.keys(recordSchemas) as RecordType[];

export const normalisedRecord = z.discriminatedUnion('type', [
  personRecord,
  teamRecord,
  repositoryRecord,
  commitRecord,
  refRecord,
  pullRequestRecord,
  reviewRecord,
  reviewCommentRecord,
  deploymentRecord,
  incidentRecord,
  sprintRecord,
  workItemRecord,
  transitionRecord,
  pipelineRunRecord,
  commitCheckRecord,
  deletionRecord,
]);
export type NormalisedRecord = z.infer<typeof normalisedRecord>;
export type RecordOf<T extends RecordType> = Extract<NormalisedRecord, { type: T }>;
