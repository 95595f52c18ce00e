import { describe, expect, it } from 'vitest';
import { emptyIntegrationForm, type IntegrationForm } from './integration-form.ts';
import { mappingChanges } from './mapping-changes.ts';
import { runPercent } from './run-progress.ts';
import { validateIntegrationForm } from './validate-integration-form.ts';

const github = (change: Partial<IntegrationForm>) =>
  validateIntegrationForm({ ...emptyIntegrationForm, ...change });

describe('validateIntegrationForm', () => {
  it('builds the GitHub request the API expects', () => {
    const result = github({ name: 'gh', owner: 'acme', token: ' ghp_x ', syncIntervalMinutes: '30' });
    expect(result.errors).toEqual({});
    expect(result.request).toEqual({
      kind: 'github',
      name: 'gh',
      config: {
        baseUrl: 'https://api.github.com',
        repositories: { org: 'acme' },
        incidentLabel: 'incident',
        deployments: { source: 'deployments', environmentPattern: '^(prod|production)$' },
      },
      secrets: { token: 'ghp_x' },
      syncIntervalMinutes: 30,
    });
  });

  it('names every bad GitHub field with what is expected', () => {
    const result = github({
      name: '-bad name',
      baseUrl: 'api.github.com',
      selection: 'repositories',
      repositories: 'acme/api\nnot a repo',
      token: '',
      environmentPattern: '(prod',
      deploymentSource: 'workflow_runs',
      syncIntervalMinutes: '0',
    });
    expect(result.request).toBeUndefined();
    expect(Object.keys(result.errors).sort()).toEqual([
      'baseUrl',
      'environmentPattern',
      'name',
      'repositories',
      'syncIntervalMinutes',
      'token',
      'workflowPattern',
    ]);
    expect(result.errors.repositories).toBe('"not a repo" is not owner/name.');
  });

  it('reads git repositories one per line with an optional name, and rejects relative paths', () => {
    const ok = github({
      kind: 'git',
      name: 'local',
      gitRepositories: '/srv/git/api.git acme/api\n/srv/git/web',
    });
    expect(ok.request?.config).toEqual({
      repositories: [{ path: '/srv/git/api.git', name: 'acme/api' }, { path: '/srv/git/web' }],
    });
    expect(ok.request?.secrets).toBeUndefined();
    expect(
      github({ kind: 'git', name: 'local', gitRepositories: 'srv/api' }).errors.gitRepositories,
    ).toContain('absolute path');
  });

  it('checks the Jira site, account and project keys as the connector does', () => {
    const bad = github({
      kind: 'jira',
      name: 'jira',
      jiraUrl: 'acme',
      jiraEmail: 'me',
      jiraToken: '',
      jiraProjects: 'OPS, web, X',
    });
    expect(Object.keys(bad.errors).sort()).toEqual(['jiraEmail', 'jiraProjects', 'jiraToken', 'jiraUrl']);
    expect(bad.errors.jiraProjects).toContain('"web"');
    const cloudWithoutEmail = github({
      kind: 'jira',
      name: 'jira',
      jiraUrl: 'https://acme.atlassian.net',
      jiraToken: 't',
      jiraProjects: 'OPS',
    });
    expect(cloudWithoutEmail.errors.jiraEmail).toContain('Jira Cloud needs');
    const ok = github({
      kind: 'jira',
      name: 'jira',
      jiraUrl: 'https://acme.atlassian.net',
      jiraEmail: 'a@b.c',
      jiraToken: 't',
      jiraProjects: 'OPS, WEB',
    });
    expect(ok.request).toMatchObject({
      config: { baseUrl: 'https://acme.atlassian.net', email: 'a@b.c', projects: { keys: ['OPS', 'WEB'] } },
      secrets: { token: 't' },
    });
    const dataCenter = github({
      kind: 'jira',
      name: 'jira-dc',
      jiraUrl: 'https://jira.acme.example/jira',
      jiraToken: 'pat',
      jiraProjects: 'OPS',
    });
    expect(dataCenter.errors).toEqual({});
    expect(dataCenter.request?.config).toEqual({
      baseUrl: 'https://jira.acme.example/jira',
      projects: { keys: ['OPS'] },
    });
  });
});

describe('runPercent', () => {
  it('counts done and failed partitions against the total', () => {
    expect(
      runPercent({
        state: 'running',
        progress: { partitionsTotal: 8, partitionsDone: 3, partitionsFailed: 1 },
      }),
    ).toBe(50);
    expect(runPercent({ state: 'running', progress: {} })).toBeNull();
    expect(runPercent({ state: 'succeeded', progress: { partitionsTotal: 0 } })).toBe(100);
  });
});

describe('mappingChanges', () => {
  it('sends only the statuses and types that changed, without origin and counts', () => {
    const before = {
      statuses: [
        { source: 'Open', category: 'todo' as const, origin: 'default' as const, items: 4 },
        { source: 'Blocked', category: 'in_progress' as const, origin: 'default' as const, items: 1 },
      ],
      types: [{ source: 'Bug', kind: 'defect' as const, origin: 'default' as const, items: 3 }],
    };
    const after = {
      ...before,
      statuses: [before.statuses[0]!, { ...before.statuses[1]!, category: 'waiting' as const }],
    };
    expect(mappingChanges(before, after)).toEqual({ statuses: [{ source: 'Blocked', category: 'waiting' }] });
    expect(mappingChanges(before, before)).toEqual({});
  });
});
