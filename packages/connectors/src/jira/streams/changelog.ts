/**
 * Complete changelogs. A search returns an issue's changelog inline, but only its first page when
 * the issue has more history entries than that (`histories` shorter than `total`); the rest is
 * read from the issue itself:
 * - Cloud: GET /rest/api/3/issue/{id}/changelog, startAt / maxResults / isLast;
 * - Data Center: GET /rest/api/2/issue/{key}?expand=changelog, which returns all of it.
 * An issue deleted between the search and this read (404) comes back as null.
 */
import { deploymentOf } from '../config.ts';
import { jiraRequest, type JiraContext } from '../client.ts';
import type { AgilePage, JiraHistory, JiraIssue } from '../payloads.ts';

/** True when the inline changelog holds fewer entries than the issue has. */
export function isTruncated(issue: JiraIssue): boolean {
  const log = issue.changelog;
  return log !== undefined && (log.histories?.length ?? 0) < (log.total ?? 0);
}

/** The issue with every changelog entry, oldest first; null when it no longer exists. */
export async function withFullChangelog(ctx: JiraContext, issue: JiraIssue): Promise<JiraIssue | null> {
  if (!isTruncated(issue)) return issue;
  const histories =
    deploymentOf(ctx.config) === 'cloud'
      ? await cloudChangelog(ctx, issue.id)
      : await dcChangelog(ctx, issue.key);
  if (histories === null) return null;
  return {
    ...issue,
    changelog: { startAt: 0, maxResults: histories.length, total: histories.length, histories },
  };
}

async function cloudChangelog(ctx: JiraContext, id: string): Promise<JiraHistory[] | null> {
  const histories: JiraHistory[] = [];
  for (let startAt = 0; ;) {
    const response = await jiraRequest<AgilePage<JiraHistory>>(
      ctx,
      `/rest/api/3/issue/${encodeURIComponent(id)}/changelog?startAt=${startAt}&maxResults=100`,
      { allowNotFound: true },
    );
    if (response.body === null) return null;
    const values = response.body.values ?? [];
    histories.push(...values);
    startAt += values.length;
    if (response.body.isLast !== false || values.length === 0) return histories;
  }
}

async function dcChangelog(ctx: JiraContext, key: string): Promise<JiraHistory[] | null> {
  const response = await jiraRequest<JiraIssue>(
    ctx,
    `/rest/api/2/issue/${encodeURIComponent(key)}?expand=changelog&fields=created`,
    { allowNotFound: true },
  );
  if (response.body === null) return null;
  return [...(response.body.changelog?.histories ?? [])];
}
