import { describe, expect, it } from 'vitest';
import { loadRestFixture } from './rest-fixture.ts';
import {
  combinedStatus,
  deployment,
  deploymentStatus,
  minimalRepository,
  workflowRun,
} from './rest-examples.ts';
import { validateRestResponse } from './validate-rest.ts';

const deployments = '/repos/{owner}/{repo}/deployments';
const rate = { limit: 5000, used: 12, remaining: 4988, reset: 1709287200 };
const tag = {
  name: 'v1.4.0',
  zipball_url: 'https://api.github.com/repos/acme/api/zipball/v1.4.0',
  tarball_url: 'https://api.github.com/repos/acme/api/tarball/v1.4.0',
  commit: {
    sha: 'c5b97d5ae6c19d5c5df71a34c7fbeeda2479ccbc',
    url: 'https://api.github.com/repos/acme/api/commits/c5b97d5ae6c19d5c5df71a34c7fbeeda2479ccbc',
  },
  node_id: 'MDM6UmVmcmVmcy90YWdzL3YxLjQuMA==',
};
const pushEvent = {
  id: '35462376501',
  type: 'PushEvent',
  actor: {
    id: 583231,
    login: 'octocat',
    display_login: 'octocat',
    gravatar_id: '',
    url: 'https://api.github.com/users/octocat',
    avatar_url: 'https://avatars.githubusercontent.com/u/583231?',
  },
  repo: { id: 1296269, name: 'acme/api', url: 'https://api.github.com/repos/acme/api' },
  payload: {
    repository_id: 1296269,
    push_id: 17512345678,
    ref: 'refs/heads/main',
    head: 'acb5820ced9479c074f688cc328bf03f341a511d',
    before: 'a84d88e7554fc1fa21bcbc4efae3c782a70d2b9d',
  },
  public: true,
  created_at: '2024-03-01T09:12:45Z',
};
const runs = '/repos/{owner}/{repo}/actions/runs';

/** A copy of `record` lacking `key`. */
function without(record: object, key: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name !== key));
}

/** The error message validateRestResponse throws, or undefined when the body is valid. */
function violations(path: string, status: number, body: unknown): string | undefined {
  try {
    validateRestResponse('GET', path, status, body);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('the committed fixture', () => {
  it('records its source and covers every endpoint the connector calls', () => {
    const fixture = loadRestFixture();
    expect(fixture.source).toMatchObject({
      package: '@octokit/openapi',
      version: '23.0.2',
      openapi: '3.0.3',
    });
    expect(Object.keys(fixture.endpoints).length).toBeGreaterThanOrEqual(14);
    expect(fixture.endpoints['GET /repos/{owner}/{repo}/commits/{ref}/check-runs']?.['200']).toBeDefined();
    expect(fixture.components.schemas['basic-error']).toBeDefined();
  });
});

describe('every response schema in the fixture', () => {
  const declared = Object.entries(loadRestFixture().endpoints).flatMap(([endpoint, responses]) =>
    Object.keys(responses).map((status) => [endpoint.replace('GET ', ''), Number(status)] as const),
  );

  it.each(declared)('GET %s %i compiles under Ajv strict mode and judges a body', (path, status) => {
    // {} is rarely a valid body; what matters is that the answer is a verdict, not a schema compile error.
    const message = violations(path, status, {});
    if (message !== undefined) expect(message).toMatch(/does not match GitHub's schema|must have no body/);
  });
});

describe('validateRestResponse accepts realistic GitHub bodies', () => {
  it.each([
    ['deployments', deployments, [deployment()]],
    [
      'deployment statuses',
      '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses',
      [deploymentStatus()],
    ],
    ['workflow runs', runs, { total_count: 1, workflow_runs: [workflowRun()] }],
    ['combined status', '/repos/{owner}/{repo}/commits/{ref}/status', combinedStatus()],
    ['org repositories', '/orgs/{org}/repos', [minimalRepository(), minimalRepository('acme', 'web')]],
    ['an empty page', deployments, []],
    ['repository events', '/repos/{owner}/{repo}/events', [pushEvent]],
    ['tags', '/repos/{owner}/{repo}/tags', [tag]],
    ['rate limit', '/rate_limit', { resources: { core: rate, search: rate, graphql: rate }, rate }],
  ])('%s', (_name, path, body) => {
    expect(violations(path, 200, body)).toBeUndefined();
  });

  it('accepts null where the spec says nullable (deployment without creator, unstarted run)', () => {
    expect(
      violations(deployments, 200, [{ ...deployment(), creator: null, description: null }]),
    ).toBeUndefined();
    const queued = { ...workflowRun(), status: 'queued', conclusion: null, head_branch: null };
    expect(violations(runs, 200, { total_count: 1, workflow_runs: [queued] })).toBeUndefined();
  });

  it('accepts a 304 without a body on any GET', () => {
    expect(violations(deployments, 304, undefined)).toBeUndefined();
    expect(violations('/rate_limit', 304, '')).toBeUndefined();
  });

  it('accepts GitHub error bodies, declared or not', () => {
    const notFound = {
      message: 'Not Found',
      documentation_url: 'https://docs.github.com/rest',
      status: '404',
    };
    expect(violations('/repos/{owner}/{repo}', 404, notFound)).toBeUndefined();
    expect(
      violations(deployments, 403, { message: 'API rate limit exceeded for user ID 1.' }),
    ).toBeUndefined();
    const invalid = {
      message: 'Validation Failed',
      errors: [{ resource: 'Issue', field: 'state', code: 'invalid', value: null }],
      documentation_url: 'https://docs.github.com/rest/issues/issues#list-repository-issues',
    };
    expect(violations('/repos/{owner}/{repo}/issues', 422, invalid)).toBeUndefined();
  });

  it('takes a concrete path or a JSON string body as well', () => {
    expect(
      violations('/repos/acme/api/deployments?per_page=100', 200, JSON.stringify([deployment()])),
    ).toBeUndefined();
  });
});

describe('validateRestResponse rejects drift from GitHub', () => {
  it('names a missing required field', () => {
    expect(violations(deployments, 200, [without(deployment(), 'sha')])).toContain(
      "/0: must have required property 'sha'",
    );
  });

  it('names wrong types, nested ones included', () => {
    const message = violations(deployments, 200, [
      { ...deployment(), id: '1042' },
      { ...deployment(), creator: { login: 5 } },
    ]);
    expect(message).toContain('GET /repos/{owner}/{repo}/deployments 200');
    expect(message).toContain('/0/id: must be integer');
    expect(message).toContain('/1/creator/login: must be string');
  });

  it('rejects null where the spec does not allow it, and values outside an enum', () => {
    expect(violations(deployments, 200, [{ ...deployment(), sha: null }])).toContain(
      '/0/sha: must be string',
    );
    const status = violations('/repos/acme/api/deployments/1042/statuses', 200, [deploymentStatus('done')]);
    expect(status).toContain('/0/state: must be equal to one of the allowed values');
  });

  it('checks formats: a date without a time is not a date-time', () => {
    expect(violations(deployments, 200, [{ ...deployment(), created_at: '2024-03-01' }])).toContain(
      '/0/created_at: must match format "date-time"',
    );
  });

  it('rejects an event without the fields every event has', () => {
    expect(violations('/repos/acme/api/events', 200, [without(pushEvent, 'actor')])).toContain(
      "/0: must have required property 'actor'",
    );
  });

  it('rejects an object where the spec wants a list page', () => {
    expect(violations(deployments, 200, { deployments: [deployment()] })).toContain('(body): must be array');
  });

  it('rejects a body on a 304 and success statuses GitHub does not declare', () => {
    expect(violations(deployments, 304, [deployment()])).toContain('must have no body');
    expect(violations(deployments, 201, [deployment()])).toContain('declares no 201 response');
  });

  it('rejects an error body that is not GitHub-shaped', () => {
    expect(violations(deployments, 404, { message: 404 })).toContain('/message: must be string');
    expect(violations(deployments, 404, 'Not Found')).toContain('body is not JSON: "Not Found"');
    expect(violations(deployments, 404, ['Not Found'])).toContain('(body): must be object');
    expect(violations('/repos/{owner}/{repo}/issues', 422, { message: 'Validation Failed' })).toContain(
      "must have required property 'documentation_url'",
    );
  });

  it('refuses endpoints the fixture does not cover', () => {
    expect(() => validateRestResponse('GET', '/repos/acme/api/pulls', 200, [])).toThrow(
      /extract-github-schemas/,
    );
    expect(() => validateRestResponse('POST', deployments, 201, {})).toThrow(/POST/);
  });
});
