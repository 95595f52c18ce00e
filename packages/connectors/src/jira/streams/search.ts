/**
 * JQL search with each flavour's real pagination, yielding the issues page by page:
 * - Cloud: POST /rest/api/3/search/jql, continued with `nextPageToken` until Jira gives none
 *   (the old /rest/api/3/search is removed on Cloud);
 * - Data Center: GET /rest/api/2/search with startAt / maxResults / total. An issue updated during
 *   the read moves to the end of the result and shifts the rest one place back, so each page starts
 *   a few issues early and skips the ones already seen: nothing falls between two pages.
 */
import { deploymentOf } from '../config.ts';
import { jiraRequest, type JiraContext } from '../client.ts';
import type { JiraIssue } from '../payloads.ts';

export interface SearchRequest {
  readonly jql: string;
  readonly fields: readonly string[];
  readonly expandChangelog: boolean;
  /** Issues per page; Jira may return fewer. */
  readonly pageSize: number;
}

/** Issues already seen that each Data Center page re-reads. */
const dcOverlap = 5;

export function searchIssues(ctx: JiraContext, request: SearchRequest): AsyncGenerator<JiraIssue[]> {
  return deploymentOf(ctx.config) === 'cloud' ? searchCloud(ctx, request) : searchDataCenter(ctx, request);
}

interface CloudPage {
  readonly issues?: JiraIssue[];
  readonly nextPageToken?: string;
  readonly isLast?: boolean;
}

async function* searchCloud(ctx: JiraContext, request: SearchRequest): AsyncGenerator<JiraIssue[]> {
  let token: string | undefined;
  const seen = new Set<string>();
  do {
    const response = await jiraRequest<CloudPage>(ctx, '/rest/api/3/search/jql', {
      method: 'POST',
      json: {
        jql: request.jql,
        fields: request.fields,
        maxResults: request.pageSize,
        ...(request.expandChangelog ? { expand: 'changelog' } : {}),
        ...(token === undefined ? {} : { nextPageToken: token }),
      },
    });
    const page = response.body ?? {};
    // A token handed out twice would loop forever.
    if (page.nextPageToken !== undefined && seen.has(page.nextPageToken))
      throw new Error('Jira search returned a page token it had returned before');
    if (page.nextPageToken !== undefined) seen.add(page.nextPageToken);
    token = page.isLast === true ? undefined : page.nextPageToken;
    if ((page.issues ?? []).length > 0 || token === undefined) yield page.issues ?? [];
  } while (token !== undefined);
}

interface DataCenterPage {
  readonly startAt?: number;
  readonly maxResults?: number;
  readonly total?: number;
  readonly issues?: JiraIssue[];
}

async function* searchDataCenter(ctx: JiraContext, request: SearchRequest): AsyncGenerator<JiraIssue[]> {
  let startAt = 0;
  let previous: readonly string[] = [];
  for (;;) {
    const from = Math.max(0, startAt - (previous.length > 0 ? dcOverlap : 0));
    const query = new URLSearchParams({
      jql: request.jql,
      startAt: String(from),
      maxResults: String(request.pageSize),
      fields: request.fields.join(','),
      ...(request.expandChangelog ? { expand: 'changelog' } : {}),
    });
    const response = await jiraRequest<DataCenterPage>(ctx, `/rest/api/2/search?${query.toString()}`);
    const page = response.body ?? {};
    const issues = page.issues ?? [];
    const fresh = issues.filter((issue) => !previous.includes(issue.key));
    yield fresh;
    startAt = from + issues.length;
    previous = issues.slice(-dcOverlap).map((issue) => issue.key);
    if (issues.length === 0 || fresh.length === 0 || startAt >= (page.total ?? 0)) return;
  }
}
