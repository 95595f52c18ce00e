/** REST bodies the fake GitHub serves, complete enough to pass GitHub's OpenAPI schemas. */
import {
  fullName,
  type FakeEvent,
  type FakeGithub,
  type FakeIssue,
  type FakeRepository,
  type FakeUser,
  type FakeWorkflowRun,
} from './model.ts';
import { repositoryLinks } from '../schemas/repository-links.ts';

export function simpleUser(
  base: string,
  user: { login: string; databaseId: number; id: string; type: string },
) {
  const url = `${base}/users/${user.login}`;
  return {
    login: user.login,
    id: user.databaseId,
    node_id: user.id,
    avatar_url: `https://avatars.example/u/${user.databaseId}`,
    gravatar_id: '',
    url,
    html_url: `https://github.com/${user.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: user.type,
    site_admin: false,
  };
}

function orgOwner(base: string, model: FakeGithub) {
  return simpleUser(base, { login: model.org, databaseId: 1, id: 'O_1', type: 'Organization' });
}

export function minimalRepository(base: string, model: FakeGithub, repo: FakeRepository) {
  const url = `${base}/repos/${fullName(repo)}`;
  return {
    id: repo.databaseId,
    node_id: repo.id,
    name: repo.name,
    full_name: fullName(repo),
    owner: orgOwner(base, model),
    private: false,
    html_url: `https://github.com/${fullName(repo)}`,
    description: `The ${repo.name} repository`,
    fork: false,
    url,
    ...repositoryLinks(url),
    default_branch: repo.defaultBranch,
    archived: repo.isArchived,
    created_at: repo.createdAt,
  };
}

export function eventBody(base: string, repo: FakeRepository, event: FakeEvent) {
  return {
    id: event.id,
    type: event.type,
    actor: {
      id: event.actor.databaseId,
      login: event.actor.login,
      gravatar_id: '',
      url: `${base}/users/${event.actor.login}`,
      avatar_url: `https://avatars.example/u/${event.actor.databaseId}`,
    },
    repo: { id: repo.databaseId, name: fullName(repo), url: `${base}/repos/${fullName(repo)}` },
    payload: {},
    public: true,
    created_at: event.createdAt,
  };
}

export function workflowRunBody(base: string, model: FakeGithub, repo: FakeRepository, run: FakeWorkflowRun) {
  const url = `${base}/repos/${fullName(repo)}/actions/runs/${run.id}`;
  const repository = minimalRepository(base, model, repo);
  return {
    id: run.id,
    node_id: run.nodeId,
    name: run.name,
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: run.path,
    display_title: `${run.name} on ${run.headBranch}`,
    run_number: run.id % 1000,
    run_attempt: 1,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.name.length,
    url,
    html_url: `https://github.com/${fullName(repo)}/actions/runs/${run.id}`,
    pull_requests: [],
    created_at: run.createdAt,
    updated_at: run.updatedAt,
    run_started_at: run.runStartedAt,
    jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`,
    check_suite_url: `${base}/repos/${fullName(repo)}/check-suites/${run.id}`,
    artifacts_url: `${url}/artifacts`,
    cancel_url: `${url}/cancel`,
    rerun_url: `${url}/rerun`,
    workflow_url: `${base}/repos/${fullName(repo)}/actions/workflows/${run.name.length}`,
    head_commit: {
      id: run.headSha,
      tree_id: run.headSha,
      message: `${run.name} commit`,
      timestamp: run.createdAt,
      author: { name: 'Alice', email: 'alice@example.com' },
      committer: { name: 'Alice', email: 'alice@example.com' },
    },
    repository,
    head_repository: repository,
  };
}

export function issueBody(base: string, repo: FakeRepository, issue: FakeIssue) {
  const url = `${base}/repos/${fullName(repo)}/issues/${issue.number}`;
  const user = (u: FakeUser) => simpleUser(base, u);
  return {
    id: issue.id,
    node_id: issue.nodeId,
    url,
    repository_url: `${base}/repos/${fullName(repo)}`,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `https://github.com/${fullName(repo)}/${issue.isPullRequest ? 'pull' : 'issues'}/${issue.number}`,
    number: issue.number,
    state: issue.state,
    title: issue.title,
    user: user(issue.user),
    labels: issue.labels.map((name, i) => ({
      id: i + 1,
      node_id: `LA_${name}`,
      url: `${base}/repos/${fullName(repo)}/labels/${name}`,
      name,
      color: 'ededed',
      default: false,
      description: null,
    })),
    assignee: issue.assignee ? user(issue.assignee) : null,
    assignees: issue.assignee ? [user(issue.assignee)] : [],
    milestone: null,
    locked: false,
    comments: 0,
    closed_at: issue.closedAt,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    author_association: 'MEMBER',
    ...(issue.isPullRequest
      ? {
          pull_request: {
            url: `${base}/repos/${fullName(repo)}/pulls/${issue.number}`,
            html_url: `https://github.com/${fullName(repo)}/pull/${issue.number}`,
            diff_url: `https://github.com/${fullName(repo)}/pull/${issue.number}.diff`,
            patch_url: `https://github.com/${fullName(repo)}/pull/${issue.number}.patch`,
          },
        }
      : {}),
  };
}
