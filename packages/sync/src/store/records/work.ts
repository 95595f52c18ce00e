/**
 * work_item and transition records. A work item's `pullRequests` list replaces its links of kind
 * 'source' (links found by key in titles or branches are kept); its `sprints` and
 * `storyPointsHistory`, when given, replace the stored histories (sprint scope is derived from
 * them afterwards, derived/sprint-scope.ts).
 */
import { buildRows, naturalKey } from '../build-rows.ts';
import { entityKey, refKey, replaceChildrenSql, upsertSql, type Item, type Page } from '../page.ts';

const upsertItems = upsertSql({
  table: 'work_items',
  key: ['source', 'external_id'],
  columns: [
    ['integration_id', 'bigint'],
    ['source', 'text'],
    ['external_id', 'text'],
    ['key', 'text'],
    ['title', 'text'],
    ['url', 'text'],
    ['kind', 'text'],
    ['type_name', 'text'],
    ['status', 'text'],
    ['status_category', 'text'],
    ['priority', 'text'],
    ['story_points', 'numeric'],
    ['project_key', 'text'],
    ['parent_key', 'text'],
    ['assignee_identity_id', 'bigint'],
    ['reporter_identity_id', 'bigint'],
    ['created_at', 'timestamptz'],
    ['resolved_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
    ['sprint_history', 'jsonb'],
    ['story_points_history', 'jsonb'],
  ],
  keepWhenNull: ['integration_id', 'sprint_history', 'story_points_history'],
  returning: 'id::text',
});

const replaceLinks = replaceChildrenSql({
  table: 'work_item_pull_requests',
  parent: [['work_item_id', 'bigint']],
  key: [['pull_request_id', 'bigint']],
  values: [['found_in', 'text']],
  replaces: "found_in = 'source'",
  keepExisting: true,
  parentKey: '$.work_item_id::text',
});

const upsertTransitions = upsertSql({
  table: 'work_item_transitions',
  key: ['source', 'external_id'],
  columns: [
    ['work_item_id', 'bigint'],
    ['source', 'text'],
    ['external_id', 'text'],
    ['from_status', 'text'],
    ['to_status', 'text'],
    ['from_category', 'text'],
    ['to_category', 'text'],
    ['at', 'timestamptz'],
    ['by_identity_id', 'bigint'],
  ],
  // The natural key, so a changed transition's work item can be found (its sprint scope depends on it).
  returning: "source || '/' || external_id",
});

export async function writeWorkItems(page: Page, items: readonly Item<'work_item'>[]): Promise<Set<string>> {
  const prs = await page.lookup(
    'pull_requests',
    items.flatMap(({ record: r }) => (r.pullRequests ?? []).map((ref) => refKey(ref, r.source))),
  );
  const { rows, items: kept } = buildRows(
    items,
    (item) => {
      const r = item.record;
      const missing = (r.pullRequests ?? []).map((ref) => refKey(ref, r.source)).find((k) => !prs.has(k));
      if (missing !== undefined)
        return page.unknown('work_item', item, 'pullRequests', `pull request ${missing}`);
      return {
        integration_id: page.ctx.integrationId,
        source: r.source,
        external_id: r.externalId,
        key: r.key,
        title: r.title,
        url: r.url ?? null,
        kind: r.kind ?? 'other',
        type_name: r.typeName ?? null,
        status: r.status,
        status_category: r.statusCategory,
        priority: r.priority ?? null,
        story_points: r.storyPoints ?? null,
        project_key: r.projectKey ?? null,
        parent_key: r.parentKey ?? null,
        assignee_identity_id: page.identity(r.assignee),
        reporter_identity_id: page.identity(r.reporter),
        created_at: r.createdAt,
        resolved_at: r.resolvedAt ?? null,
        updated_at: r.updatedAt,
        sprint_history:
          r.sprints?.map((m) => ({
            source: m.sprint.source ?? r.source,
            externalId: m.sprint.externalId,
            periods: m.periods,
          })) ?? null,
        story_points_history: r.storyPointsHistory ?? null,
      };
    },
    naturalKey,
  );
  const changed = await page.upsert(upsertItems, rows);
  page.touched.workItems.push(...kept.map(({ record }) => entityKey(record.source, record.externalId)));
  const linked = kept.filter((item) => item.record.pullRequests !== undefined);
  if (linked.length === 0) return changed;
  const ids = await page.lookup(
    'work_items',
    linked.map(({ record }) => entityKey(record.source, record.externalId)),
  );
  const parents = linked.map(({ record }) => ({
    work_item_id: ids.get(entityKey(record.source, record.externalId))!,
  }));
  const links = linked.flatMap(({ record }) =>
    [...new Set((record.pullRequests ?? []).map((ref) => prs.get(refKey(ref, record.source))!))].map(
      (prId) => ({
        work_item_id: ids.get(entityKey(record.source, record.externalId))!,
        pull_request_id: prId,
        found_in: 'source',
      }),
    ),
  );
  for (const key of await page.replaceChildren(replaceLinks, parents, links)) changed.add(key);
  return changed;
}

export async function writeTransitions(
  page: Page,
  items: readonly Item<'transition'>[],
): Promise<Set<string>> {
  const workItems = await page.lookup(
    'work_items',
    items.map(({ record: r }) => refKey(r.workItem, r.source)),
  );
  const { rows } = buildRows(
    items,
    (item) => {
      const r = item.record;
      const itemKey = refKey(r.workItem, r.source);
      const workItemId = workItems.get(itemKey);
      if (workItemId === undefined)
        return page.unknown('transition', item, 'workItem', `work item ${itemKey}`);
      return {
        work_item_id: workItemId,
        source: r.source,
        external_id: r.externalId,
        from_status: r.fromStatus ?? null,
        to_status: r.toStatus,
        from_category: r.fromCategory ?? null,
        to_category: r.toCategory,
        at: r.at,
        by_identity_id: page.identity(r.by),
      };
    },
    naturalKey,
  );
  const changed = await page.upsert(upsertTransitions, rows);
  for (const row of rows) if (changed.has(naturalKey(row))) page.touched.workItemIds.push(row.work_item_id);
  return changed;
}
