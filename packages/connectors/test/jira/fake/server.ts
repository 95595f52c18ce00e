/**
 * The fake Jira: Cloud (REST v3, token-paged /search/jql, paged issue changelogs; the removed
 * /search answers 410) or Data Center (REST v2, startAt-paged /search, complete changelogs from the
 * issue), plus the Agile API (boards, sprints), on 127.0.0.1 through the shared fake server
 * (test/support/fake-server.ts: routes, injected faults such as 429 with Retry-After, the request
 * log). Basic auth (e-mail + API token) on Cloud, a bearer personal access token on Data Center;
 * 401 for anything else. A project the account may not browse answers 403, a missing one 404, and
 * a search naming a missing project 400, as Jira does.
 */
import {
  startFakeServer,
  type FakeReply,
  type FakeRequest,
  type FakeServer,
} from '../../support/fake-server.ts';
import { JqlError, parseJql } from './jql.ts';
import type { FakeJira, Flavour } from './model.ts';
import {
  renderFields,
  renderHistories,
  renderIssue,
  renderSprint,
  renderStatus,
  renderUser,
} from './render.ts';

export interface FakeJiraOptions {
  readonly flavour: Flavour;
  readonly email?: string;
  readonly token?: string;
  /** Most issues a search page returns (Jira: 100 on Cloud, 50–1000 on Data Center). */
  readonly pageCap?: number;
  /** Changelog histories shown inline in a search (the rest: total says so). */
  readonly inlineHistories?: number;
  /** Histories per page of Cloud's GET /issue/{id}/changelog. */
  readonly changelogPageSize?: number;
  /** Every answer waits this long (crash tests need a sync that takes a while). */
  readonly latencyMs?: number;
}

export interface FakeJiraServer {
  readonly baseUrl: string;
  readonly model: FakeJira;
  readonly flavour: Flavour;
  readonly email: string;
  readonly token: string;
  /** The shared fake: `requests` (method, url, body) and `fault()`. */
  readonly http: FakeServer;
  /** "METHOD path?query" of every request, in order. */
  requestLines(): string[];
  close(): Promise<void>;
}

const error = (status: number, ...messages: string[]): FakeReply => ({
  status,
  json: { errorMessages: messages, errors: {} },
});

export async function startFakeJira(model: FakeJira, options: FakeJiraOptions): Promise<FakeJiraServer> {
  const { flavour } = options;
  const email = options.email ?? 'bot@acme.example';
  const token = options.token ?? 'jira-token-0123456789';
  const api = flavour === 'cloud' ? '/rest/api/3' : '/rest/api/2';
  const pageCap = options.pageCap ?? (flavour === 'cloud' ? 100 : 50);
  const inline = options.inlineHistories ?? (flavour === 'cloud' ? 20 : Infinity);
  const changelogPage = options.changelogPageSize ?? 100;
  const http = await startFakeServer();
  const expected =
    flavour === 'cloud' ? `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}` : `Bearer ${token}`;
  const rateHeaders = (): Record<string, string> =>
    flavour === 'datacenter'
      ? {
          'x-ratelimit-limit': '100',
          'x-ratelimit-remaining': '99',
          'x-ratelimit-fillrate': '10',
          'x-ratelimit-interval-seconds': '1',
        }
      : {};

  const route = (method: string, pattern: string, handler: (req: FakeRequest) => FakeReply) =>
    http.route(method, pattern, (req) => {
      if (req.headers.authorization !== expected)
        return error(401, 'You are not authenticated. Authentication required to perform this operation.');
      const reply = handler(req);
      return {
        ...reply,
        headers: { ...rateHeaders(), ...reply.headers },
        ...(options.latencyMs ? { delayMs: options.latencyMs } : {}),
      };
    });

  const visible = () => model.issues.filter((i) => !i.deleted && !model.forbidden.has(i.project));
  const search = (jql: string) => {
    const query = parseJql(model, jql);
    return visible().filter(query.matches).sort(query.compare);
  };
  const render = (fields: readonly string[], expand: boolean) => (issue: (typeof model.issues)[number]) =>
    renderIssue(model, issue, flavour, { fields, changelog: expand, inlineHistories: inline });
  const cap = (fields: readonly string[], asked: number) =>
    Math.min(asked, fields.every((f) => f === 'id' || f === 'key') ? 5000 : pageCap);

  route('GET', `${api}/myself`, () => ({
    json: { ...renderUser(model, model.users[0]!.accountId, flavour), timeZone: model.timeZone },
  }));
  route('GET', `${api}/field`, () => ({ json: renderFields(model) }));
  route('GET', `${api}/status`, () => ({ json: model.statuses.map((s) => renderStatus(model, s.id)) }));
  route('GET', `${api}/project/:key`, (req) => {
    const project = model.projects.find((p) => p.key === req.params.key);
    if (project === undefined) return error(404, `No project could be found with key '${req.params.key}'.`);
    if (model.forbidden.has(project.key))
      return error(403, 'You do not have permission to view this project.');
    return { json: { ...project, self: `${api}/project/${project.id}`, projectTypeKey: 'software' } };
  });

  if (flavour === 'cloud') {
    const removed = error(
      410,
      'The requested API has been removed. Please migrate to the /rest/api/3/search/jql API.',
    );
    route('GET', '/rest/api/3/search', () => removed);
    route('POST', '/rest/api/3/search', () => removed);
    route('POST', '/rest/api/3/search/jql', (req) => {
      const body = JSON.parse(req.body || '{}') as {
        jql?: string;
        fields?: string[];
        maxResults?: number;
        nextPageToken?: string;
        expand?: string;
      };
      const fields = body.fields ?? ['id'];
      let found;
      try {
        found = search(body.jql ?? '');
      } catch (e) {
        if (e instanceof JqlError) return error(400, e.message);
        throw e;
      }
      const offset =
        body.nextPageToken === undefined
          ? 0
          : Number(Buffer.from(body.nextPageToken, 'base64url').toString().split(':')[1]);
      const size = cap(fields, body.maxResults ?? 50);
      const page = found.slice(offset, offset + size);
      const next =
        offset + size < found.length
          ? Buffer.from(`page:${offset + size}:${found.length}`).toString('base64url')
          : undefined;
      return {
        json: {
          issues: page.map(render(fields, (body.expand ?? '').includes('changelog'))),
          ...(next ? { nextPageToken: next } : {}),
        },
      };
    });
    route('GET', '/rest/api/3/issue/:id/changelog', (req) => {
      const issue = visible().find((i) => String(i.id) === req.params.id || i.key === req.params.id);
      if (issue === undefined)
        return error(404, 'Issue does not exist or you do not have permission to see it.');
      const all = renderHistories(model, issue, flavour);
      const startAt = Number(req.query.get('startAt') ?? 0);
      const size = Math.min(Number(req.query.get('maxResults') ?? 100), changelogPage);
      const values = all.slice(startAt, startAt + size);
      const isLast = startAt + size >= all.length;
      return {
        json: {
          self: `/rest/api/3/issue/${issue.id}/changelog?startAt=${startAt}&maxResults=${size}`,
          ...(isLast
            ? {}
            : {
                nextPage: `/rest/api/3/issue/${issue.id}/changelog?startAt=${startAt + size}&maxResults=${size}`,
              }),
          maxResults: size,
          startAt,
          total: all.length,
          isLast,
          values,
        },
      };
    });
  } else {
    route('GET', '/rest/api/2/search', (req) => {
      const fields = (req.query.get('fields') ?? '*navigable').split(',');
      let found;
      try {
        found = search(req.query.get('jql') ?? '');
      } catch (e) {
        if (e instanceof JqlError) return error(400, e.message);
        throw e;
      }
      const startAt = Number(req.query.get('startAt') ?? 0);
      const size = cap(fields, Number(req.query.get('maxResults') ?? 50));
      return {
        json: {
          expand: 'schema,names',
          startAt,
          maxResults: size,
          total: found.length,
          issues: found
            .slice(startAt, startAt + size)
            .map(render(fields, (req.query.get('expand') ?? '').includes('changelog'))),
        },
      };
    });
    route('GET', '/rest/api/2/issue/:key', (req) => {
      const issue = visible().find((i) => i.key === req.params.key || String(i.id) === req.params.key);
      if (issue === undefined) return error(404, 'Issue Does Not Exist');
      const fields = (req.query.get('fields') ?? '*all').split(',');
      return {
        json: renderIssue(model, issue, flavour, {
          fields,
          changelog: (req.query.get('expand') ?? '').includes('changelog'),
          inlineHistories: Infinity,
        }),
      };
    });
  }

  const agilePage = <T>(req: FakeRequest, all: readonly T[]) => {
    const startAt = Number(req.query.get('startAt') ?? 0);
    const size = Math.min(Number(req.query.get('maxResults') ?? 50), 50);
    const values = all.slice(startAt, startAt + size);
    return {
      json: { maxResults: size, startAt, total: all.length, isLast: startAt + size >= all.length, values },
    };
  };
  route('GET', '/rest/agile/1.0/board', (req) => {
    const project = req.query.get('projectKeyOrId');
    const type = req.query.get('type');
    if (project !== null && !model.projects.some((p) => p.key === project))
      return error(400, `No project could be found with key or id '${project}'`);
    const boards = model.boards.filter(
      (b) => (project === null || b.projectKey === project) && (type === null || b.type === type),
    );
    return agilePage(
      req,
      boards.map((b) => ({
        id: b.id,
        self: `/rest/agile/1.0/board/${b.id}`,
        name: b.name,
        type: b.type,
        location: { projectKey: b.projectKey },
      })),
    );
  });
  route('GET', '/rest/agile/1.0/board/:id/sprint', (req) => {
    const board = model.boards.find((b) => String(b.id) === req.params.id);
    if (board === undefined)
      return error(404, `Board does not exist or you do not have permission to see it.`);
    if (board.type !== 'scrum') return error(400, 'The board does not support sprints');
    if (model.forbidden.has(board.projectKey))
      return error(403, 'You do not have permission to view this board.');
    const sprints = model.sprints.filter((s) => s.boardId === board.id || s.alsoOnBoards?.includes(board.id));
    return agilePage(req, sprints.map(renderSprint));
  });
  http.route('*', '/*', () => error(404, 'null for uri: the fake Jira has no such resource'));

  return {
    baseUrl: http.url,
    model,
    flavour,
    email,
    token,
    http,
    requestLines: () => http.requests.map((r) => `${r.method} ${r.url}`),
    close: () => http.close(),
  };
}
