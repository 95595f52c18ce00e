/**
 * A tenant's domain rows with ids replaced by the natural keys they point at and Pulse's own
 * bookkeeping (ids, tenant, created/updated stamps, integration) left out: two tenants holding
 * the same data have equal snapshots.
 */
import type { Db } from '@pulse/db';
import { rows } from './tenant.ts';

const tables = [
  'people',
  'identities',
  'teams',
  'team_members',
  'repositories',
  'team_repositories',
  'commits',
  'commit_parents',
  'git_refs',
  'pull_requests',
  'pull_request_commits',
  'pull_request_reviews',
  'pull_request_comments',
  'deployments',
  'incidents',
  'work_items',
  'work_item_transitions',
  'work_item_pull_requests',
  'pipeline_runs',
  'commit_checks',
];

/** Columns that are Pulse's bookkeeping, per table ('*' = every table). */
const ignored: Record<string, string[]> = {
  '*': ['id', 'tenant_id', 'integration_id'],
  people: ['created_at', 'updated_at'],
  identities: ['created_at', 'updated_at'],
  teams: ['created_at', 'updated_at'],
  repositories: ['created_at', 'updated_at'],
  git_refs: ['updated_at'],
  deployments: ['created_at'],
};

const target: Record<string, string> = {
  person_id: 'people',
  team_id: 'teams',
  repository_id: 'repositories',
  pull_request_id: 'pull_requests',
  review_id: 'pull_request_reviews',
  work_item_id: 'work_items',
  deployment_id: 'deployments',
};
const referenced = (table: string, column: string) =>
  column.endsWith('identity_id')
    ? 'identities'
    : table === 'teams' && column === 'parent_id'
      ? 'teams'
      : target[column];

export async function snapshot(db: Db, tenantId: string): Promise<Record<string, string[]>> {
  const data: Record<string, Record<string, unknown>[]> = {};
  for (const table of tables)
    data[table] = (
      await rows<{ row: Record<string, unknown> }>(db, tenantId, `select to_jsonb(t) as row from ${table} t`)
    ).map((r) => r.row);
  const keys = new Map<string, string>();
  for (const table of Object.values(target).concat('identities'))
    for (const row of data[table] ?? []) keys.set(`${table}:${row.id}`, `${row.source}/${row.external_id}`);
  const out: Record<string, string[]> = {};
  for (const table of tables) {
    out[table] = data[table]!.map((row) => {
      const clean: Record<string, unknown> = {};
      for (const [column, value] of Object.entries(row)) {
        if ([...ignored['*']!, ...(ignored[table] ?? [])].includes(column)) continue;
        const to = referenced(table, column);
        clean[column] = to !== undefined && value !== null ? keys.get(`${to}:${value}`) : value;
      }
      return JSON.stringify(clean, Object.keys(clean).sort());
    }).sort();
  }
  return out;
}
