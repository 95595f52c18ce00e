/** Small builders of valid normalised records for the writer and NDJSON tests. */
import type { Actor, NormalisedRecord, RecordOf } from '@pulse/core';

export const sha = (n: number | string): string =>
  (typeof n === 'number' ? n.toString(16) : Buffer.from(n).toString('hex')).padStart(40, '0').slice(-40);

export const ada: Actor = { source: 'github', externalId: 'U_ada', login: 'ada', name: 'Ada Lovelace' };
export const adaGit: Actor = {
  source: 'git',
  externalId: 'ada@example.com',
  name: 'Ada L',
  email: 'ada@example.com',
};
export const bob: Actor = { source: 'github', externalId: 'U_bob', login: 'bob' };

export function repository(overrides: Partial<RecordOf<'repository'>> = {}): RecordOf<'repository'> {
  return {
    type: 'repository',
    source: 'github',
    externalId: 'R_api',
    name: 'api',
    fullName: 'acme/api',
    ...overrides,
  };
}

export function commit(n: number, overrides: Partial<RecordOf<'commit'>> = {}): RecordOf<'commit'> {
  return {
    type: 'commit',
    repository: { source: 'github', externalId: 'R_api' },
    sha: sha(n),
    parents: n > 1 ? [sha(n - 1)] : [],
    author: adaGit,
    authoredAt: '2026-03-02T10:00:00Z',
    committedAt: '2026-03-02T10:05:00+01:00',
    message: `change ${n}\n\nbody\twith tab`,
    additions: n,
    deletions: 1,
    filesChanged: 1,
    ...overrides,
  };
}

export function pullRequest(
  n: number,
  overrides: Partial<RecordOf<'pull_request'>> = {},
): RecordOf<'pull_request'> {
  return {
    type: 'pull_request',
    source: 'github',
    externalId: `PR_${n}`,
    repository: { externalId: 'R_api' },
    number: n,
    title: `PR ${n}`,
    state: 'merged',
    author: ada,
    mergedBy: bob,
    labels: ['feature', 'a "quoted" label'],
    createdAt: '2026-03-01T09:00:00Z',
    mergedAt: '2026-03-02T09:00:00Z',
    updatedAt: '2026-03-02T09:00:00Z',
    commits: [{ sha: sha(n), authoredAt: '2026-03-01T08:00:00Z' }],
    ...overrides,
  } as RecordOf<'pull_request'>;
}

export function review(
  n: number,
  pr: number,
  overrides: Partial<RecordOf<'review'>> = {},
): RecordOf<'review'> {
  return {
    type: 'review',
    source: 'github',
    externalId: `RV_${n}`,
    pullRequest: { externalId: `PR_${pr}` },
    reviewer: bob,
    state: 'approved',
    submittedAt: '2026-03-01T12:00:00Z',
    ...overrides,
  };
}

/** One record of every type, referencing each other, in an order the writer must sort. */
export function everyType(): NormalisedRecord[] {
  return [
    {
      type: 'commit_check',
      source: 'github',
      externalId: 'CC_1',
      repository: { fullName: 'acme/api' },
      sha: sha(1),
      name: 'ci/test',
      state: 'success',
      completedAt: '2026-03-02T09:30:00Z',
    },
    {
      type: 'pipeline_run',
      source: 'github',
      externalId: 'RUN_1',
      repository: { externalId: 'R_api' },
      name: 'deploy',
      headSha: sha(1),
      status: 'completed',
      conclusion: 'success',
      createdAt: '2026-03-02T09:00:00Z',
      updatedAt: '2026-03-02T09:20:00Z',
    },
    {
      type: 'transition',
      source: 'jira',
      externalId: 'T_1',
      workItem: { externalId: '10001' },
      fromStatus: 'To Do',
      toStatus: 'In Progress',
      fromCategory: 'todo',
      toCategory: 'in_progress',
      at: '2026-03-01T10:00:00Z',
      by: { source: 'jira', externalId: 'acc-1', name: 'Ada', email: 'ada@example.com', emailVerified: true },
    },
    {
      type: 'work_item',
      source: 'jira',
      externalId: '10001',
      key: 'API-1',
      title: 'Make it fast',
      kind: 'feature',
      status: 'In Progress',
      statusCategory: 'in_progress',
      storyPoints: 2.5,
      createdAt: '2026-02-28T10:00:00Z',
      updatedAt: '2026-03-01T10:00:00Z',
      pullRequests: [{ source: 'github', externalId: 'PR_1' }],
    },
    {
      type: 'incident',
      source: 'pagerduty',
      externalId: 'INC_1',
      title: 'API down',
      status: 'resolved',
      repository: { fullName: 'acme/api' },
      deployment: { source: 'github', externalId: 'D_1' },
      startedAt: '2026-03-02T11:00:00Z',
      resolvedAt: '2026-03-02T12:00:00Z',
    },
    {
      type: 'deployment',
      source: 'github',
      externalId: 'D_1',
      repository: { externalId: 'R_api' },
      environment: 'production',
      isProduction: true,
      commitSha: sha(1),
      status: 'success',
      finishedAt: '2026-03-02T10:00:00Z',
    },
    {
      type: 'review_comment',
      source: 'github',
      externalId: 'C_1',
      pullRequest: { externalId: 'PR_1' },
      review: { externalId: 'RV_1' },
      author: bob,
      body: 'nit',
      path: 'src/a.ts',
      createdAt: '2026-03-01T12:00:00Z',
    },
    review(1, 1),
    pullRequest(1),
    {
      type: 'ref',
      repository: { source: 'github', externalId: 'R_api' },
      kind: 'tag',
      name: 'v1.0.0',
      sha: sha(1),
    },
    commit(1),
    {
      type: 'team',
      source: 'hr',
      externalId: 'core',
      name: 'Core',
      members: [{ person: { externalId: 'p-ada' }, role: 'lead', validFrom: '2026-01-01T00:00:00Z' }],
      repositories: [{ source: 'github', externalId: 'R_api' }],
    },
    repository(),
    {
      type: 'person',
      source: 'hr',
      externalId: 'p-ada',
      displayName: 'Ada Lovelace',
      email: 'ada@example.com',
      identities: [ada],
    },
  ];
}
