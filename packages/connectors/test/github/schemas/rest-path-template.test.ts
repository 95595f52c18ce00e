import { describe, expect, it } from 'vitest';
import { restPathTemplate } from './rest-path-template.ts';

describe('restPathTemplate', () => {
  it.each([
    ['/user', '/user'],
    ['/users/octocat/repos', '/users/{username}/repos'],
    ['/repos/acme/api', '/repos/{owner}/{repo}'],
    ['/repos/acme/api/events', '/repos/{owner}/{repo}/events'],
    ['/repos/acme/api/deployments/5/statuses', '/repos/{owner}/{repo}/deployments/{deployment_id}/statuses'],
    ['/repos/acme/api/commits/a84d88e/check-runs', '/repos/{owner}/{repo}/commits/{ref}/check-runs'],
    ['/rate_limit', '/rate_limit'],
  ])('%s → %s', (path, template) => {
    expect(restPathTemplate(path)).toBe(template);
  });

  it('ignores the query string, a trailing slash, the origin and the GHES /api/v3 prefix', () => {
    const template = '/repos/{owner}/{repo}/actions/runs';
    expect(restPathTemplate('/repos/acme/api/actions/runs?per_page=100&page=2')).toBe(template);
    expect(restPathTemplate('/repos/acme/api/actions/runs/')).toBe(template);
    expect(restPathTemplate('http://127.0.0.1:4010/repos/acme/api/actions/runs')).toBe(template);
    expect(restPathTemplate('https://ghe.acme.example/api/v3/repos/acme/api/actions/runs')).toBe(template);
  });

  it('lets a ref contain slashes, encoded or not', () => {
    expect(restPathTemplate('/repos/acme/api/commits/feature/login/status')).toBe(
      '/repos/{owner}/{repo}/commits/{ref}/status',
    );
    expect(restPathTemplate('/repos/acme/api/commits/feature%2Flogin/check-runs')).toBe(
      '/repos/{owner}/{repo}/commits/{ref}/check-runs',
    );
  });

  it('does not let a parameter swallow extra segments', () => {
    expect(() => restPathTemplate('/repos/acme/api/extra/deployments')).toThrow(/no GitHub REST endpoint/);
    expect(() => restPathTemplate('/repos/acme')).toThrow(/matches \/repos\/acme;/);
  });
});
