/**
 * Planner statistics during bulk loads. A table that was never analyzed gives the planner no
 * way to tell commits' primary key from commits_committed_idx (same estimated cost), and the
 * foreign-key check of every commit_parents row then scans all commits of the repository: a
 * first import of a large history becomes quadratic. PostgreSQL's autovacuum fixes this within
 * a minute; PGlite has no autovacuum. Bulk writers therefore ANALYZE the tables they fill after
 * 1, 2, 4, 8, … pages (a logarithmic number of times), as the connection's own role: ANALYZE
 * needs the table owner, which is who ran the migrations (a non-owner only gets a warning).
 */
import type { RecordType } from '@pulse/core';
import type { Db } from '@pulse/db';

/** The tables each record type writes into. */
export const tablesOf: { readonly [T in RecordType]: readonly string[] } = {
  person: ['people', 'identities'],
  team: ['teams', 'team_members', 'team_repositories'],
  repository: ['repositories'],
  commit: ['commits', 'commit_parents', 'identities'],
  ref: ['git_refs'],
  pull_request: ['pull_requests', 'pull_request_commits', 'pull_request_issue_keys', 'identities'],
  review: ['pull_request_reviews'],
  review_comment: ['pull_request_comments'],
  deployment: ['deployments'],
  incident: ['incidents'],
  sprint: ['sprints', 'sprint_work_items'],
  work_item: ['work_items', 'work_item_pull_requests', 'sprint_work_items'],
  transition: ['work_item_transitions'],
  pipeline_run: ['pipeline_runs'],
  commit_check: ['commit_checks'],
  deletion: [],
};

/** Counts written pages and analyzes the touched tables after pages 1, 2, 4, 8, … */
export class StatisticsSchedule {
  private pages = 0;
  private next = 1;
  private readonly touched = new Set<RecordType>();

  constructor(private readonly db: Db) {}

  /** Call after each committed page with the types it wrote. */
  async pageWritten(types: Iterable<RecordType>): Promise<void> {
    for (const type of types) this.touched.add(type);
    this.pages += 1;
    if (this.pages < this.next) return;
    this.next *= 2;
    const tables = [...new Set([...this.touched].flatMap((type) => tablesOf[type]))];
    this.touched.clear();
    if (tables.length > 0) await this.db.query(`ANALYZE ${tables.join(', ')}`);
  }
}
