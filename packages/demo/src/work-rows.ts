/** Rows of the work tables: work items, their transitions and PR links, sprints and their scope. */
import type { DemoData } from './model.ts';
import type { RowRefs } from './pull-request-rows.ts';
import { date, idOf, type Ids, type TableRows } from './row-ids.ts';
import { currentStatus, resolvedAt } from './workflow.ts';

export function workRows(data: DemoData, t: string, ids: Ids, refs: RowRefs): TableRows[] {
  const { identity } = refs;
  const workItem = idOf(data.workItems, ids.work_items);
  const pullRequest = idOf(data.pullRequests, ids.pull_requests);
  const sprint = idOf(data.sprints, ids.sprints);
  const externalId = idOf(
    data.workItems,
    data.workItems.map((_, i) => 10_001 + i),
  );
  return [
    {
      table: 'work_items',
      columns: [
        'id',
        'tenant_id',
        'source',
        'external_id',
        'key',
        'title',
        'url',
        'kind',
        'type_name',
        'status',
        'status_category',
        'priority',
        'story_points',
        'project_key',
        'assignee_identity_id',
        'reporter_identity_id',
        'created_at',
        'resolved_at',
        'updated_at',
      ],
      rows: data.workItems.map((w) => {
        const status = currentStatus(w);
        const last = w.transitions[w.transitions.length - 1];
        return [
          workItem(w),
          t,
          'jira',
          String(externalId(w)),
          w.key,
          w.title,
          `https://acme.atlassian.net/browse/${w.key}`,
          w.kind,
          w.typeName,
          status.name,
          status.category,
          w.priority,
          w.storyPoints,
          w.team.projectKey,
          w.assignee === null ? null : identity(w.assignee),
          identity(w.reporter),
          date(w.createdAt),
          date(resolvedAt(w)),
          date(last?.at ?? w.createdAt),
        ];
      }),
    },
    {
      table: 'work_item_transitions',
      columns: [
        'tenant_id',
        'work_item_id',
        'source',
        'external_id',
        'from_status',
        'to_status',
        'from_category',
        'to_category',
        'at',
        'by_identity_id',
      ],
      rows: data.workItems.flatMap((w) =>
        w.transitions.map((x, i) => [
          t,
          workItem(w),
          'jira',
          `${externalId(w)}/changelog/${i + 1}`,
          x.from?.name ?? null,
          x.to.name,
          x.from?.category ?? null,
          x.to.category,
          date(x.at),
          x.by === null ? null : identity(x.by),
        ]),
      ),
    },
    {
      table: 'work_item_pull_requests',
      columns: ['tenant_id', 'work_item_id', 'pull_request_id', 'found_in'],
      rows: data.workItems.flatMap((w) =>
        w.pullRequests.flatMap((pr) =>
          pr.linkedIn === null ? [] : [[t, workItem(w), pullRequest(pr), pr.linkedIn]],
        ),
      ),
    },
    {
      table: 'sprints',
      columns: [
        'id',
        'tenant_id',
        'source',
        'external_id',
        'board_external_id',
        'name',
        'state',
        'goal',
        'starts_at',
        'ends_at',
        'completed_at',
      ],
      rows: data.sprints.map((s, i) => [
        sprint(s),
        t,
        'jira',
        String(500 + i),
        `board-${s.team.projectKey.toLowerCase()}`,
        s.name,
        s.state,
        s.goal,
        date(s.startsAt),
        date(s.endsAt),
        date(s.completedAt),
      ]),
    },
    {
      table: 'sprint_work_items',
      columns: [
        'tenant_id',
        'sprint_id',
        'work_item_id',
        'added_at',
        'removed_at',
        'in_scope_at_start',
        'in_scope_at_end',
        'completed_in_sprint',
        'story_points_at_start',
      ],
      rows: data.sprints.flatMap((s) =>
        s.items.map((x) => [
          t,
          sprint(s),
          workItem(x.workItem),
          date(x.addedAt),
          date(x.removedAt),
          x.inScopeAtStart,
          x.inScopeAtEnd,
          x.completed,
          x.inScopeAtStart ? x.workItem.storyPoints : null,
        ]),
      ),
    },
  ];
}
