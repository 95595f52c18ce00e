/** The fake GitHub's REST routes: each returns the full, unpaginated body for a path. */
import { eventBody, issueBody, minimalRepository, simpleUser, workflowRunBody } from './rest-bodies.ts';
import { findRepository, type FakeGithub } from './model.ts';

export type RouteAnswer =
  | { status: 200; body: unknown; list?: { items: unknown[]; wrap?: (items: unknown[]) => unknown } }
  | { status: 404; body: unknown };

const notFound = {
  status: 404 as const,
  body: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' },
};

/** Routes one GET (path without the base prefix). Lists come back whole; the server pages them. */
export function routeRest(
  model: FakeGithub,
  base: string,
  path: string,
  query: URLSearchParams,
): RouteAnswer {
  if (path === '/user') {
    const me = model.users[0]!;
    return {
      status: 200,
      body: {
        ...simpleUser(base, { ...me, type: 'User' }),
        name: me.name,
        company: null,
        blog: '',
        location: null,
        email: null,
        hireable: null,
        bio: null,
        public_repos: 0,
        public_gists: 0,
        followers: 0,
        following: 0,
        created_at: '2020-01-01T00:00:00Z',
        updated_at: '2020-01-01T00:00:00Z',
      },
    };
  }
  let match = /^\/(orgs|users)\/([^/]+)\/repos$/.exec(path);
  if (match) {
    if (match[2]!.toLowerCase() !== model.org.toLowerCase()) return notFound;
    const repos = model.repositories.filter((r) => !r.deleted).map((r) => minimalRepository(base, model, r));
    return { status: 200, body: repos, list: { items: repos } };
  }
  match = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(path);
  if (!match) return notFound;
  const repo = findRepository(model, match[1]!, match[2]!);
  if (repo === undefined || repo.deleted) return notFound;
  const rest = match[3] ?? '';
  if (rest === '') return { status: 200, body: minimalRepository(base, model, repo) };
  if (rest === '/events') {
    const events = repo.events.map((e) => eventBody(base, repo, e));
    return { status: 200, body: events, list: { items: events } };
  }
  if (rest === '/actions/runs') {
    const created = /^>=(.+)$/.exec(query.get('created') ?? '')?.[1];
    const runs = repo.workflowRuns
      .filter((r) => created === undefined || Date.parse(r.createdAt) >= Date.parse(created))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((r) => workflowRunBody(base, model, repo, r));
    return {
      status: 200,
      body: null,
      list: { items: runs, wrap: (items) => ({ total_count: runs.length, workflow_runs: items }) },
    };
  }
  if (rest === '/issues') {
    const since = query.get('since');
    const state = query.get('state') ?? 'open';
    const direction = query.get('direction') ?? 'desc';
    const issues = repo.issues
      .filter((i) => state === 'all' || i.state === state)
      .filter((i) => since === null || Date.parse(i.updatedAt) >= Date.parse(since))
      .sort((a, b) => (direction === 'asc' ? 1 : -1) * (Date.parse(a.updatedAt) - Date.parse(b.updatedAt)))
      .map((i) => issueBody(base, repo, i));
    return { status: 200, body: issues, list: { items: issues } };
  }
  return notFound;
}
