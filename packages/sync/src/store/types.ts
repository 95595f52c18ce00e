/** The writer's public types (the sync runner and the NDJSON importer use them). */
import type { RecordType } from '@pulse/core';

export interface WriteContext {
  readonly tenantId: string;
  /** Set on rows whose table has integration_id (repositories, work_items); null for imports. */
  readonly integrationId: number | null;
}

export interface WriteResult {
  /** Records whose rows were inserted or changed (children included: a PR whose commits changed). */
  readonly written: number;
  /** Records already stored exactly so (and earlier duplicates of a key in the same page). */
  readonly unchanged: number;
  /** `written` per record type. */
  readonly byType: Partial<Record<RecordType, number>>;
  /** Records left out because a reference was unknown (only with `unknownReferences: 'report'`). */
  readonly unresolved: readonly UnresolvedRecord[];
}

export interface UnresolvedRecord {
  /** Position of the record in the array given to writeRecords. */
  readonly index: number;
  readonly type: RecordType;
  /** e.g. `review github/R_1`. */
  readonly record: string;
  /** The field holding the reference, e.g. `pullRequest`, `members`. */
  readonly path: string;
  /** What is missing, e.g. `pull request github/PR_9`. */
  readonly reference: string;
}

export interface WriteOptions {
  /**
   * 'throw' (default): a record naming something not stored raises RECORD_REFERENCE_UNKNOWN and
   * the caller's transaction is rolled back. 'report': such records are skipped and returned in
   * `unresolved`, everything else is written (the importer retries them later).
   */
  readonly unknownReferences?: 'throw' | 'report';
}
