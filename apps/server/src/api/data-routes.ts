/** Listings of the stored data: repositories, pull requests, deployments, incidents, work items. */
import { z } from 'zod';
import { PulseError } from '@pulse/core';
import { withTenant, type Db } from '@pulse/db';
import { listRoute, repositoryFilter, timeFilters, type ListSpec } from './list.ts';
import type { ApiLimits } from './limits.ts';
import { numericId, route, type ApiRoute } from './route.ts';

const repositoryJoin = 'JOIN repositories r ON r.tenant_id = t.tenant_id AND r.id = t.repository_id';
const actor = (alias: string) =>
  `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('login', ${alias}.login, 'name', ${alias}.name, 'isBot', ${alias}.is_bot) END`;
const identityJoin = (alias: string, column: string) =>
  `LEFT JOIN identities ${alias} ON ${alias}.tenant_id = t.tenant_id AND ${alias}.id = t.${column}`;
const actorSchema = z
  .object({ login: z.string().nullable(), name: z.string().nullable(), isBot: z.boolean() })
  .nullable();
const ts = z.string().describe('ISO timestamp');
const enumFilter = (values: readonly [string, ...string[]], expr: string) => ({
  schema: z.enum(values),
  where: (p: string) => `${expr} = ${p}`,
});

/** Sorting of tables with created_at and updated_at: newest created first by default. */
const newestFirst = {
  sorts: {
    createdAt: { expr: 't.created_at', type: 'timestamptz' },
    updatedAt: { expr: 't.updated_at', type: 'timestamptz' },
  },
  defaultSort: 'createdAt',
  defaultOrder: 'desc',
} as const;

const deploymentItem = `json_build_object(
  'id', t.id, 'source', t.source, 'externalId', t.external_id, 'repository', r.full_name,
  'environment', t.environment, 'isProduction', t.is_production, 'status', t.status,
  'commitSha', t.commit_sha, 'ref', t.ref, 'url', t.url, 'startedAt', t.started_at, 'finishedAt', t.finished_at,
  'changeCount', f.change_count, 'failed', f.is_failed, 'failureReasons', f.failure_reasons,
  'recoveredAt', f.recovered_at)`;
const deploymentSchema = z.object({
  id: z.number().int(),
  source: z.string(),
  externalId: z.string(),
  repository: z.string(),
  environment: z.string(),
  isProduction: z.boolean(),
  status: z.string(),
  commitSha: z.string(),
  ref: z.string().nullable(),
  url: z.string().nullable(),
  startedAt: ts.nullable(),
  finishedAt: ts,
  changeCount: z
    .number()
    .int()
    .nullable()
    .describe('Commits this deployment shipped (null until the facts are computed).'),
  failed: z.boolean().nullable().describe('Whether it counts as failed for the change fail rate.'),
  failureReasons: z
    .array(z.unknown())
    .nullable()
    .describe('Why it counts as failed (docs/metrics.md, change fail rate).'),
  recoveredAt: ts.nullable(),
});
const deploymentFrom = `deployments t ${repositoryJoin}
  LEFT JOIN deployment_facts f ON f.tenant_id = t.tenant_id AND f.deployment_id = t.id`;

export function dataRoutes(deps: { db: Db; limits?: ApiLimits | undefined }): ApiRoute[] {
  const list = (spec: ListSpec) => listRoute(deps.db, spec, deps.limits);
  return [
    list({
      path: '/repositories',
      summary: 'Repositories, by full name.',
      tag: 'data',
      from: 'repositories t',
      item: `json_build_object('id', t.id, 'source', t.source, 'externalId', t.external_id, 'name', t.name,
        'fullName', t.full_name, 'kind', t.kind, 'url', t.url, 'defaultBranch', t.default_branch, 'isArchived', t.is_archived)`,
      itemSchema: z.object({
        id: z.number().int(),
        source: z.string(),
        externalId: z.string(),
        name: z.string(),
        fullName: z.string(),
        kind: z.string(),
        url: z.string().nullable(),
        defaultBranch: z.string().nullable(),
        isArchived: z.boolean(),
      }),
      sorts: { fullName: { expr: 't.full_name', type: 'text' } },
      defaultSort: 'fullName',
      defaultOrder: 'asc',
      filters: {
        source: { schema: z.string().max(50), where: (p) => `t.source = ${p}` },
        q: {
          schema: z.string().min(1).max(200).describe('Part of the full name.'),
          where: (p) => `strpos(lower(t.full_name), lower(${p})) > 0`,
        },
      },
    }),
    list({
      path: '/pull-requests',
      summary: 'Pull requests, newest first by default.',
      tag: 'data',
      from: `pull_requests t ${repositoryJoin} ${identityJoin('a', 'author_identity_id')}`,
      item: `json_build_object('id', t.id, 'source', t.source, 'externalId', t.external_id, 'repository', r.full_name,
        'number', t.number, 'title', t.title, 'url', t.url, 'state', t.state, 'isDraft', t.is_draft,
        'author', ${actor('a')}, 'headBranch', t.head_branch, 'baseBranch', t.base_branch,
        'additions', t.additions, 'deletions', t.deletions, 'labels', t.labels,
        'createdAt', t.created_at, 'mergedAt', t.merged_at, 'closedAt', t.closed_at, 'updatedAt', t.updated_at)`,
      itemSchema: z.object({
        id: z.number().int(),
        source: z.string(),
        externalId: z.string(),
        repository: z.string(),
        number: z.number().int(),
        title: z.string(),
        url: z.string().nullable(),
        state: z.enum(['open', 'merged', 'closed']),
        isDraft: z.boolean(),
        author: actorSchema,
        headBranch: z.string().nullable(),
        baseBranch: z.string().nullable(),
        additions: z.number().int().nullable(),
        deletions: z.number().int().nullable(),
        labels: z.array(z.string()),
        createdAt: ts,
        mergedAt: ts.nullable(),
        closedAt: ts.nullable(),
        updatedAt: ts,
      }),
      ...newestFirst,
      filters: {
        repository: repositoryFilter,
        state: enumFilter(['open', 'merged', 'closed'], 't.state'),
        author: {
          schema: z.string().min(1).max(200).describe('Author login.'),
          where: (p) => `a.login = ${p}`,
        },
        ...timeFilters('t.created_at'),
      },
    }),
    list({
      path: '/deployments',
      summary: 'Deployments with the number of changes each shipped and why it counts as failed.',
      tag: 'data',
      from: deploymentFrom,
      item: deploymentItem,
      itemSchema: deploymentSchema,
      sorts: { finishedAt: { expr: 't.finished_at', type: 'timestamptz' } },
      defaultSort: 'finishedAt',
      defaultOrder: 'desc',
      filters: {
        repository: repositoryFilter,
        environment: { schema: z.string().min(1).max(500), where: (p) => `t.environment = ${p}` },
        status: enumFilter(['success', 'failure', 'error', 'in_progress', 'cancelled'], 't.status'),
        production: {
          schema: z.enum(['true', 'false']).describe('Only production (true) or other (false) deployments.'),
          where: (p) => `t.is_production = (${p} = 'true')`,
        },
        ...timeFilters('t.finished_at'),
      },
    }),
    route({
      method: 'GET',
      path: '/deployments/:id',
      summary: 'One deployment, with the commits it shipped (up to 1,000).',
      tag: 'data',
      auth: 'viewer',
      response: deploymentSchema.extend({
        commits: z.array(
          z.object({ sha: z.string(), message: z.string().nullable(), authoredAt: ts.nullable() }),
        ),
        commitsTruncated: z.boolean(),
      }),
      handler: async ({ principal, request }) => {
        const id = numericId(request, 'deployment');
        return withTenant(deps.db, principal.tenantId, async (tx) => {
          const found = await tx.query<{ item: Record<string, unknown> }>(
            `SELECT ${deploymentItem} AS item FROM ${deploymentFrom} WHERE t.id = $1`,
            [id],
          );
          const item = found.rows[0]?.item;
          if (item === undefined)
            throw new PulseError('NOT_FOUND', { message: `There is no deployment ${id} in this tenant.` });
          const commits = await tx.query<{ sha: string; message: string | null; authored_at: Date | null }>(
            `SELECT dc.sha, c.message, c.authored_at FROM deployment_commits dc
             LEFT JOIN commits c ON c.tenant_id = dc.tenant_id AND c.repository_id = dc.repository_id AND c.sha = dc.sha
             WHERE dc.deployment_id = $1 ORDER BY c.authored_at DESC NULLS LAST, dc.sha LIMIT 1001`,
            [id],
          );
          return {
            ...item,
            commits: commits.rows.slice(0, 1000).map((c) => ({
              sha: c.sha,
              message: c.message,
              authoredAt: c.authored_at?.toISOString() ?? null,
            })),
            commitsTruncated: commits.rows.length > 1000,
          };
        });
      },
    }),
    list({
      path: '/incidents',
      summary: 'Incidents, newest first by default.',
      tag: 'data',
      from: 'incidents t LEFT JOIN repositories r ON r.tenant_id = t.tenant_id AND r.id = t.repository_id',
      item: `json_build_object('id', t.id, 'source', t.source, 'externalId', t.external_id, 'title', t.title,
        'url', t.url, 'severity', t.severity, 'status', t.status, 'repository', r.full_name,
        'deploymentId', t.deployment_id, 'startedAt', t.started_at, 'resolvedAt', t.resolved_at)`,
      itemSchema: z.object({
        id: z.number().int(),
        source: z.string(),
        externalId: z.string(),
        title: z.string(),
        url: z.string().nullable(),
        severity: z.string().nullable(),
        status: z.enum(['open', 'resolved']),
        repository: z.string().nullable(),
        deploymentId: z.number().int().nullable(),
        startedAt: ts,
        resolvedAt: ts.nullable(),
      }),
      sorts: { startedAt: { expr: 't.started_at', type: 'timestamptz' } },
      defaultSort: 'startedAt',
      defaultOrder: 'desc',
      filters: {
        repository: repositoryFilter,
        status: enumFilter(['open', 'resolved'], 't.status'),
        ...timeFilters('t.started_at'),
      },
    }),
    list({
      path: '/work-items',
      summary: 'Work items (issues of Jira and other trackers), newest first by default.',
      tag: 'data',
      from: `work_items t ${identityJoin('a', 'assignee_identity_id')}`,
      item: `json_build_object('id', t.id, 'source', t.source, 'externalId', t.external_id, 'key', t.key,
        'title', t.title, 'url', t.url, 'kind', t.kind, 'status', t.status, 'statusCategory', t.status_category,
        'storyPoints', t.story_points, 'projectKey', t.project_key, 'assignee', ${actor('a')},
        'createdAt', t.created_at, 'resolvedAt', t.resolved_at, 'updatedAt', t.updated_at)`,
      itemSchema: z.object({
        id: z.number().int(),
        source: z.string(),
        externalId: z.string(),
        key: z.string(),
        title: z.string(),
        url: z.string().nullable(),
        kind: z.string(),
        status: z.string(),
        statusCategory: z.string(),
        storyPoints: z.number().nullable(),
        projectKey: z.string().nullable(),
        assignee: actorSchema,
        createdAt: ts,
        resolvedAt: ts.nullable(),
        updatedAt: ts,
      }),
      ...newestFirst,
      filters: {
        project: { schema: z.string().min(1).max(100), where: (p) => `t.project_key = ${p}` },
        kind: { schema: z.string().min(1).max(50), where: (p) => `t.kind = ${p}` },
        statusCategory: { schema: z.string().min(1).max(50), where: (p) => `t.status_category = ${p}` },
        ...timeFilters('t.created_at'),
      },
    }),
  ];
}
