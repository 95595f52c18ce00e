import { describe, expect, it } from 'vitest';
import { githubConfig, githubEndpoints } from './config.ts';

describe('githubEndpoints', () => {
  it('derives GraphQL for github.com and for Enterprise Server', () => {
    expect(githubEndpoints('https://api.github.com')).toEqual({
      rest: 'https://api.github.com',
      graphql: 'https://api.github.com/graphql',
    });
    expect(githubEndpoints('https://ghe.acme.com/api/v3/')).toEqual({
      rest: 'https://ghe.acme.com/api/v3',
      graphql: 'https://ghe.acme.com/api/graphql',
    });
  });
});

describe('githubConfig', () => {
  it('fills the defaults', () => {
    expect(githubConfig.parse({ repositories: { org: 'acme' } })).toEqual({
      baseUrl: 'https://api.github.com',
      repositories: { org: 'acme' },
      incidentLabel: 'incident',
      deployments: { source: 'deployments', environmentPattern: '^(prod|production)$' },
      overlapMinutes: 10,
    });
  });

  it('rejects unknown keys, empty selections, bad patterns and workflow_runs without a workflow pattern', () => {
    expect(githubConfig.safeParse({ repositories: { org: 'acme' }, token: 'x' }).success).toBe(false);
    expect(githubConfig.safeParse({ repositories: {} }).success).toBe(false);
    expect(githubConfig.safeParse({ repositories: { repositories: ['not-a-full-name'] } }).success).toBe(
      false,
    );
    expect(
      githubConfig.safeParse({ repositories: { org: 'a' }, deployments: { environmentPattern: '(' } })
        .success,
    ).toBe(false);
    const workflow = githubConfig.safeParse({
      repositories: { org: 'a' },
      deployments: { source: 'workflow_runs' },
    });
    expect(workflow.error?.issues[0]?.path).toEqual(['deployments', 'workflowPattern']);
    expect(githubConfig.safeParse({ repositories: { org: 'a' }, since: '2025-01-01' }).success).toBe(true);
  });
});
