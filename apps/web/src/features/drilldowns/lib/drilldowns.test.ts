import { describe, expect, it } from 'vitest';
import type { PullRequest } from '../api/pull-request.ts';
import { describeFailureReason } from './describe-failure-reason.ts';
import { rankPullRequests } from './rank-pull-requests.ts';
import { recoverySeconds } from './recovery-seconds.ts';

function pr(number: number, overrides: Partial<PullRequest>): PullRequest {
  return {
    id: number,
    source: 'github',
    externalId: `PR_${number}`,
    repository: 'acme/api',
    number,
    title: `PR ${number}`,
    url: `https://github.com/acme/api/pull/${number}`,
    state: 'merged',
    isDraft: false,
    author: { login: 'ada', name: null, isBot: false },
    headBranch: `feature-${number}`,
    baseBranch: 'main',
    additions: 10,
    deletions: 0,
    labels: [],
    createdAt: '2026-01-01T00:00:00Z',
    mergedAt: '2026-01-02T00:00:00Z',
    closedAt: '2026-01-02T00:00:00Z',
    updatedAt: '2026-01-02T00:00:00Z',
    ...overrides,
  };
}

describe('rankPullRequests', () => {
  const pulls = [
    pr(1, { mergedAt: '2026-01-05T00:00:00Z', additions: 5 }),
    pr(2, { mergedAt: '2026-01-01T06:00:00Z', additions: 900, deletions: 100 }),
    pr(3, { state: 'open', mergedAt: null, createdAt: '2026-01-03T00:00:00Z' }),
    pr(4, { state: 'open', mergedAt: null, createdAt: '2025-12-20T00:00:00Z' }),
    pr(5, { state: 'open', mergedAt: null, isDraft: true, createdAt: '2025-11-01T00:00:00Z' }),
    pr(6, {
      author: { login: 'dependabot[bot]', name: null, isBot: true },
      additions: 5000,
      mergedAt: '2026-03-01T00:00:00Z',
    }),
    pr(7, { additions: null, deletions: null }),
  ];
  const numbers = (list: PullRequest[]) => list.map((p) => p.number);

  it('lists open, ready pull requests oldest first as waiting for review (no drafts)', () => {
    expect(numbers(rankPullRequests(pulls, 'waiting'))).toEqual([4, 3]);
  });

  it('ranks merged pull requests by time to merge, and by lines changed, without bots', () => {
    expect(numbers(rankPullRequests(pulls, 'slowest'))).toEqual([1, 7, 2]);
    expect(numbers(rankPullRequests(pulls, 'largest'))).toEqual([2, 3, 4, 5, 1]);
    expect(numbers(rankPullRequests(pulls, 'largest', 2))).toEqual([2, 3]);
  });
});

describe('failure reasons and recovery', () => {
  it('says why a deployment failed', () => {
    expect(describeFailureReason({ kind: 'incident', incidentId: 4, linked: 'explicit' })).toBe(
      'Incident 4 names this deployment',
    );
    expect(describeFailureReason({ kind: 'incident', incidentId: 5, linked: 'same_repository' })).toBe(
      'Incident 5 started after it in the same repository',
    );
    expect(describeFailureReason({ kind: 'rollback', deploymentId: 9 })).toBe('Rolled back by deployment 9');
    expect(describeFailureReason({ kind: 'hotfix', deploymentId: 10 })).toBe(
      'Hotfix shipped by deployment 10',
    );
  });

  it('measures recovery only once resolved', () => {
    expect(recoverySeconds('2026-01-01T00:00:00Z', '2026-01-01T03:30:00Z')).toBe(12_600);
    expect(recoverySeconds('2026-01-01T00:00:00Z', null)).toBeNull();
  });
});
