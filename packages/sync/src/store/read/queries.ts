/** One query per record type, reading the stored rows back as normalised records (export). */
import type { RecordType } from '@pulse/core';
import { actorJson, identityJoin, refJson, type RecordQuery } from './json.ts';

const repositoryJoin = `JOIN repositories r ON r.tenant_id = t.tenant_id AND r.id = t.repository_id`;
const entity = (type: RecordType) => `'type', '${type}', 'source', t.source, 'externalId', t.external_id`;

/** Record types stored as rows; deletions are instructions and are never exported. */
export type StoredRecordType = Exclude<RecordType, 'deletion'>;

export const recordQueries: { readonly [T in StoredRecordType]: RecordQuery } = {
  person: {
    cursor: ['source', 'external_id'],
    from: 'people t',
    json: `json_build_object(${entity('person')}, 'displayName', t.display_name, 'email', t.primary_email,
      'isBot', t.is_bot,
      'identities', (SELECT json_agg(${actorJson('i')} ORDER BY i.source, i.external_id)
                     FROM identities i WHERE i.tenant_id = t.tenant_id AND i.person_id = t.id))`,
  },
  repository: {
    cursor: ['source', 'external_id'],
    from: 'repositories t',
    json: `json_build_object(${entity('repository')}, 'name', t.name, 'fullName', t.full_name, 'kind', t.kind,
      'url', t.url, 'defaultBranch', t.default_branch, 'isArchived', t.is_archived)`,
  },
  team: {
    cursor: ['source', 'external_id'],
    from: 'teams t LEFT JOIN teams p ON p.tenant_id = t.tenant_id AND p.id = t.parent_id',
    json: `json_build_object(${entity('team')}, 'name', t.name, 'parent', ${refJson('p')},
      'members', (SELECT coalesce(json_agg(json_build_object(
          'person', json_build_object('source', pe.source, 'externalId', pe.external_id),
          'role', m.role, 'validFrom', m.valid_from, 'validTo', m.valid_to) ORDER BY m.id), '[]')
        FROM team_members m JOIN people pe ON pe.tenant_id = m.tenant_id AND pe.id = m.person_id
        WHERE m.tenant_id = t.tenant_id AND m.team_id = t.id),
      'repositories', (SELECT coalesce(json_agg(${refJson('r')} ORDER BY r.id), '[]')
        FROM team_repositories tr JOIN repositories r ON r.tenant_id = tr.tenant_id AND r.id = tr.repository_id
        WHERE tr.tenant_id = t.tenant_id AND tr.team_id = t.id))`,
  },
  commit: {
    cursor: ['repository_id', 'sha'],
    from: `commits t ${repositoryJoin} ${identityJoin('a', 'author_identity_id')} ${identityJoin('c', 'committer_identity_id')}`,
    json: `json_build_object('type', 'commit', 'repository', ${refJson('r')}, 'sha', t.sha,
      'parents', (SELECT coalesce(json_agg(cp.parent_sha ORDER BY cp.position), '[]') FROM commit_parents cp
        WHERE cp.tenant_id = t.tenant_id AND cp.repository_id = t.repository_id AND cp.sha = t.sha),
      'author', ${actorJson('a')}, 'committer', ${actorJson('c')}, 'authoredAt', t.authored_at,
      'committedAt', t.committed_at, 'message', t.message, 'additions', t.additions,
      'deletions', t.deletions, 'filesChanged', t.files_changed)`,
  },
  ref: {
    cursor: ['repository_id', 'kind', 'name'],
    from: `git_refs t ${repositoryJoin}`,
    json: `json_build_object('type', 'ref', 'repository', ${refJson('r')}, 'kind', t.kind, 'name', t.name,
      'sha', t.sha, 'taggedAt', t.tagged_at)`,
  },
  pull_request: {
    cursor: ['source', 'external_id'],
    from: `pull_requests t ${repositoryJoin} ${identityJoin('a', 'author_identity_id')} ${identityJoin('m', 'merged_by_identity_id')}`,
    json: `json_build_object(${entity('pull_request')}, 'repository', ${refJson('r')}, 'number', t.number,
      'title', t.title, 'body', t.body, 'url', t.url, 'state', t.state, 'isDraft', t.is_draft,
      'author', ${actorJson('a')}, 'mergedBy', ${actorJson('m')}, 'headBranch', t.head_branch,
      'baseBranch', t.base_branch, 'headSha', t.head_sha, 'mergeCommitSha', t.merge_commit_sha,
      'additions', t.additions, 'deletions', t.deletions, 'changedFiles', t.changed_files,
      'labels', t.labels, 'createdAt', t.created_at, 'readyForReviewAt', t.ready_for_review_at,
      'mergedAt', t.merged_at, 'closedAt', t.closed_at, 'updatedAt', t.updated_at,
      'commits', (SELECT coalesce(json_agg(json_build_object('sha', c.sha, 'authoredAt', c.authored_at,
          'committedAt', c.committed_at) ORDER BY c.sha), '[]')
        FROM pull_request_commits c WHERE c.tenant_id = t.tenant_id AND c.pull_request_id = t.id))`,
  },
  review: {
    cursor: ['source', 'external_id'],
    from: `pull_request_reviews t JOIN pull_requests p ON p.tenant_id = t.tenant_id AND p.id = t.pull_request_id
      ${identityJoin('a', 'reviewer_identity_id')}`,
    json: `json_build_object(${entity('review')}, 'pullRequest', ${refJson('p')}, 'reviewer', ${actorJson('a')},
      'state', t.state, 'body', t.body, 'submittedAt', t.submitted_at)`,
  },
  review_comment: {
    cursor: ['source', 'external_id'],
    from: `pull_request_comments t JOIN pull_requests p ON p.tenant_id = t.tenant_id AND p.id = t.pull_request_id
      LEFT JOIN pull_request_reviews v ON v.tenant_id = t.tenant_id AND v.id = t.review_id
      ${identityJoin('a', 'author_identity_id')}`,
    json: `json_build_object(${entity('review_comment')}, 'pullRequest', ${refJson('p')}, 'review', ${refJson('v')},
      'kind', t.kind, 'author', ${actorJson('a')}, 'body', t.body, 'path', t.path,
      'createdAt', t.created_at, 'updatedAt', t.updated_at)`,
  },
  deployment: {
    cursor: ['source', 'external_id'],
    from: `deployments t ${repositoryJoin}`,
    json: `json_build_object(${entity('deployment')}, 'repository', ${refJson('r')}, 'environment', t.environment,
      'isProduction', t.is_production, 'commitSha', t.commit_sha, 'ref', t.ref, 'status', t.status,
      'url', t.url, 'startedAt', t.started_at, 'finishedAt', t.finished_at)`,
  },
  incident: {
    cursor: ['source', 'external_id'],
    from: `incidents t LEFT JOIN repositories r ON r.tenant_id = t.tenant_id AND r.id = t.repository_id
      LEFT JOIN deployments d ON d.tenant_id = t.tenant_id AND d.id = t.deployment_id`,
    json: `json_build_object(${entity('incident')}, 'title', t.title, 'url', t.url, 'severity', t.severity,
      'status', t.status, 'repository', ${refJson('r')}, 'service', t.service, 'deployment', ${refJson('d')},
      'startedAt', t.started_at, 'resolvedAt', t.resolved_at, 'updatedAt', t.updated_at)`,
  },
  work_item: {
    cursor: ['source', 'external_id'],
    from: `work_items t ${identityJoin('a', 'assignee_identity_id')} ${identityJoin('rp', 'reporter_identity_id')}`,
    json: `json_build_object(${entity('work_item')}, 'key', t.key, 'title', t.title, 'url', t.url, 'kind', t.kind,
      'typeName', t.type_name, 'status', t.status, 'statusCategory', t.status_category,
      'priority', t.priority, 'storyPoints', t.story_points, 'projectKey', t.project_key,
      'parentKey', t.parent_key, 'assignee', ${actorJson('a')}, 'reporter', ${actorJson('rp')},
      'createdAt', t.created_at, 'resolvedAt', t.resolved_at, 'updatedAt', t.updated_at,
      'pullRequests', (SELECT json_agg(${refJson('p')} ORDER BY p.id) FROM work_item_pull_requests l
        JOIN pull_requests p ON p.tenant_id = l.tenant_id AND p.id = l.pull_request_id
        WHERE l.tenant_id = t.tenant_id AND l.work_item_id = t.id AND l.found_in = 'source'),
      'sprints', (SELECT json_agg(json_build_object('sprint', json_build_object('source', e->>'source',
          'externalId', e->>'externalId'), 'periods', e->'periods')) FROM jsonb_array_elements(t.sprint_history) e),
      'storyPointsHistory', t.story_points_history)`,
  },
  sprint: {
    cursor: ['source', 'external_id'],
    from: 'sprints t',
    json: `json_build_object(${entity('sprint')}, 'name', t.name, 'state', t.state, 'board', t.board_external_id,
      'goal', t.goal, 'startsAt', t.starts_at, 'endsAt', t.ends_at, 'completedAt', t.completed_at)`,
  },
  transition: {
    cursor: ['source', 'external_id'],
    from: `work_item_transitions t JOIN work_items w ON w.tenant_id = t.tenant_id AND w.id = t.work_item_id
      ${identityJoin('a', 'by_identity_id')}`,
    json: `json_build_object(${entity('transition')}, 'workItem', ${refJson('w')}, 'fromStatus', t.from_status,
      'toStatus', t.to_status, 'fromCategory', t.from_category, 'toCategory', t.to_category,
      'at', t.at, 'by', ${actorJson('a')})`,
  },
  pipeline_run: {
    cursor: ['source', 'external_id'],
    from: `pipeline_runs t ${repositoryJoin}`,
    json: `json_build_object(${entity('pipeline_run')}, 'repository', ${refJson('r')}, 'name', t.name,
      'headSha', t.head_sha, 'headBranch', t.head_branch, 'event', t.event, 'status', t.status,
      'conclusion', t.conclusion, 'url', t.url, 'startedAt', t.started_at, 'finishedAt', t.finished_at,
      'createdAt', t.created_at, 'updatedAt', t.updated_at)`,
  },
  commit_check: {
    cursor: ['source', 'external_id'],
    from: `commit_checks t ${repositoryJoin}`,
    json: `json_build_object(${entity('commit_check')}, 'repository', ${refJson('r')}, 'sha', t.sha,
      'name', t.name, 'state', t.state, 'url', t.url, 'startedAt', t.started_at,
      'completedAt', t.completed_at)`,
  },
};
