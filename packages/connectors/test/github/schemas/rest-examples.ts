/**
 * Hand-written GitHub REST payloads shaped like real api.github.com answers (acme/api, user octocat),
 * for the validator tests. URL fields are built the way GitHub builds them from the resource URL.
 */

import { repositoryLinks } from './repository-links.ts';

const api = 'https://api.github.com';
const web = 'https://github.com';

/** A `simple-user` as embedded in most payloads (creator, owner, actor). */
export function simpleUser(login = 'octocat', id = 583231) {
  const url = `${api}/users/${login}`;
  return {
    login,
    id,
    node_id: 'MDQ6VXNlcjU4MzIzMQ==',
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url,
    html_url: `${web}/${login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: 'User',
    user_view_type: 'public',
    site_admin: false,
  };
}

/** A `minimal-repository`, as embedded in workflow runs and listed by /orgs/{org}/repos. */
export function minimalRepository(owner = 'acme', name = 'api') {
  const url = `${api}/repos/${owner}/${name}`;
  const links = repositoryLinks(url);
  return {
    id: 1296269,
    node_id: 'MDEwOlJlcG9zaXRvcnkxMjk2MjY5',
    name,
    full_name: `${owner}/${name}`,
    owner: { ...simpleUser(owner, 9919), type: 'Organization' },
    private: false,
    html_url: `${web}/${owner}/${name}`,
    description: 'The Acme API',
    fork: false,
    url,
    ...links,
    default_branch: 'main',
    archived: false,
    pushed_at: '2024-03-01T09:12:44Z',
  };
}

/** One entry of GET /repos/{owner}/{repo}/deployments. */
export function deployment() {
  const url = `${api}/repos/acme/api/deployments/1042`;
  return {
    url,
    id: 1042,
    node_id: 'DE_kwDOABCD1M4AAAQS',
    sha: 'a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d',
    ref: 'main',
    task: 'deploy',
    payload: {},
    original_environment: 'production',
    environment: 'production',
    description: 'Deploy request from hubot',
    creator: simpleUser(),
    created_at: '2024-03-01T10:00:00Z',
    updated_at: '2024-03-01T10:05:00Z',
    statuses_url: `${url}/statuses`,
    repository_url: `${api}/repos/acme/api`,
    transient_environment: false,
    production_environment: true,
  };
}

/** One entry of GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses. */
export function deploymentStatus(state = 'success') {
  return {
    url: `${api}/repos/acme/api/deployments/1042/statuses/5521`,
    id: 5521,
    node_id: 'DES_kwDOABCD1M4AABWR',
    state,
    creator: simpleUser(),
    description: 'Deployment finished successfully.',
    environment: 'production',
    target_url: 'https://acme.example/deploys/1042',
    log_url: 'https://acme.example/deploys/1042/log',
    environment_url: 'https://api.acme.example',
    created_at: '2024-03-01T10:05:00Z',
    updated_at: '2024-03-01T10:05:00Z',
    deployment_url: `${api}/repos/acme/api/deployments/1042`,
    repository_url: `${api}/repos/acme/api`,
  };
}

/** One entry of `workflow_runs` in GET /repos/{owner}/{repo}/actions/runs. */
export function workflowRun() {
  const url = `${api}/repos/acme/api/actions/runs/8123456789`;
  const headSha = 'acb5820ced9479c074f688cc328bf03f341a511d';
  return {
    id: 8123456789,
    name: 'CI',
    node_id: 'WFR_kwLOABCD1M8AAAAB5AbCdE',
    head_branch: 'main',
    head_sha: headSha,
    path: '.github/workflows/ci.yml',
    display_title: 'Add rate-limit handling',
    run_number: 562,
    event: 'push',
    status: 'completed',
    conclusion: 'success',
    workflow_id: 159038,
    run_attempt: 1,
    url,
    html_url: `${web}/acme/api/actions/runs/8123456789`,
    pull_requests: [],
    created_at: '2024-03-01T09:12:50Z',
    updated_at: '2024-03-01T09:20:31Z',
    run_started_at: '2024-03-01T09:12:50Z',
    actor: simpleUser(),
    triggering_actor: simpleUser(),
    jobs_url: `${url}/jobs`,
    logs_url: `${url}/logs`,
    check_suite_url: `${api}/repos/acme/api/check-suites/414944374`,
    artifacts_url: `${url}/artifacts`,
    cancel_url: `${url}/cancel`,
    rerun_url: `${url}/rerun`,
    workflow_url: `${api}/repos/acme/api/actions/workflows/159038`,
    head_commit: {
      id: headSha,
      tree_id: 'd23f6eedb1e1b9610bbc754ddb5197bfe7271223',
      message: 'Add rate-limit handling',
      timestamp: '2024-03-01T09:12:44Z',
      author: { name: 'Mona Octocat', email: 'mona@acme.example' },
      committer: { name: 'GitHub', email: 'noreply@github.com' },
    },
    repository: minimalRepository(),
    head_repository: minimalRepository(),
  };
}

/** GET /repos/{owner}/{repo}/commits/{ref}/status for one CI status. */
export function combinedStatus() {
  const sha = 'a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d';
  return {
    state: 'success',
    statuses: [
      {
        url: `${api}/repos/acme/api/statuses/${sha}`,
        avatar_url: 'https://avatars.githubusercontent.com/oa/4808?v=4',
        id: 1,
        node_id: 'MDY6U3RhdHVzMQ==',
        state: 'success',
        description: 'Build has completed successfully',
        target_url: 'https://ci.acme.example/build/1',
        context: 'continuous-integration/jenkins',
        created_at: '2024-03-01T10:00:00Z',
        updated_at: '2024-03-01T10:00:00Z',
      },
    ],
    sha,
    total_count: 1,
    repository: minimalRepository(),
    commit_url: `${api}/repos/acme/api/commits/${sha}`,
    url: `${api}/repos/acme/api/commits/${sha}/status`,
  };
}
