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
    const created = createdRange(query.get('created'));
    const runs = repo.workflowRuns
      .filter((r) => created(Date.parse(r.createdAt)))
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((r) => workflowRunBody(base, model, repo, r));
    // GitHub answers a filtered listing with its true total_count but serves at most the first
    // 1,000 runs: "This endpoint will return up to 1,000 results for each search when using the
    // following parameters: actor, branch, check_suite_id, created, event, head_sha, status."
    // https://docs.github.com/en/rest/actions/workflow-runs#list-workflow-runs-for-a-repository
    const filtered = searchParameters.some((name) => query.has(name));
    const served = filtered ? runs.slice(0, searchResultCap) : runs;
    return {
      status: 200,
      body: null,
      list: { items: served, wrap: (items) => ({ total_count: runs.length, workflow_runs: items }) },
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

const searchResultCap = 1000;
const searchParameters = ['actor', 'branch', 'check_suite_id', 'created', 'event', 'head_sha', 'status'];

/**
 * GitHub's search syntax for `created`: `>=T`, `>T`, `<=T`, `<T` or `A..B` (both ends inclusive),
 * each a date or a date-time.
 */
function createdRange(value: string | null): (time: number) => boolean {
  if (value === null || value === '') return () => true;
  const range = /^(.+)\.\.(.+)$/.exec(value);
  if (range) {
    const from = Date.parse(range[1]!);
    const to = Date.parse(range[2]!);
    return (t) => t >= from && t <= to;
  }
  const bound = /^(>=|>|<=|<)(.+)$/.exec(value);
  if (!bound) throw new Error(`fake GitHub: unsupported created filter ${value}`);
  const at = Date.parse(bound[2]!);
  const compare = {
    '>=': (t: number) => t >= at,
    '>': (t: number) => t > at,
    '<=': (t: number) => t <= at,
    '<': (t: number) => t < at,
  };
  return compare[bound[1] as keyof typeof compare];
}
