/**
 * The issue keys each pull request of a page mentions (title, branch, body, and the messages of
 * its commits that are stored), kept in pull_request_issue_keys whether or not such a work item
 * exists yet. A page of commits (the local git connector) updates the pull requests containing
 * them: their messages may name keys the pull request itself does not.
 */
import { issueKeyMentions } from '@pulse/core';
import { replaceChildrenSql, type Page } from '../page.ts';

/** More mentions than this in one place of one pull request are noise (a pasted log), not links. */
const maxPerPlace = 100;

const replaceKeys = replaceChildrenSql({
  table: 'pull_request_issue_keys',
  parent: [['pull_request_id', 'bigint']],
  key: [
    ['key', 'text'],
    ['found_in', 'text'],
    ['url_host', 'text'],
  ],
  parentKey: '$.pull_request_id::text',
});

// Two index lookups joined by UNION: an OR of the two conditions would scan every pull request.
const textsSql = `
  WITH ids AS (
    SELECT p.id FROM json_array_elements($2::json) k
    JOIN pull_requests p ON p.tenant_id = $1 AND p.source = k->>0 AND p.external_id = k->>1
    UNION
    SELECT pc.pull_request_id FROM pull_request_commits pc
    WHERE pc.tenant_id = $1 AND pc.sha IN (SELECT value FROM json_array_elements_text($3::json)))
  SELECT p.id, p.title, p.head_branch AS branch, p.body,
    (SELECT json_agg(c.message) FROM pull_request_commits pc
     JOIN commits c ON c.tenant_id = pc.tenant_id AND c.repository_id = p.repository_id AND c.sha = pc.sha
     WHERE pc.tenant_id = $1 AND pc.pull_request_id = p.id) AS messages
  FROM ids JOIN pull_requests p ON p.tenant_id = $1 AND p.id = ids.id`;

interface Texts {
  readonly id: number;
  readonly title: string;
  readonly branch: string | null;
  readonly body: string | null;
  readonly messages: string[] | null;
}

/**
 * Re-reads the mentions of the page's pull requests (and of those containing its new commits);
 * returns the ids of those whose mentions changed (only their links can have changed).
 */
export async function refreshPullRequestKeys(page: Page): Promise<number[]> {
  const { pullRequests, commitShas } = page.touched;
  if (pullRequests.length + commitShas.length === 0) return [];
  const pairs = pullRequests.map((key) => [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)]);
  const found = await page.tx.query<Texts>(textsSql, [
    page.ctx.tenantId,
    JSON.stringify(pairs),
    JSON.stringify([...new Set(commitShas)]),
  ]);
  if (found.rows.length === 0) return [];
  const rows = found.rows.flatMap((pr) => {
    const places: [string, readonly (string | null)[]][] = [
      ['title', [pr.title]],
      ['branch', [pr.branch]],
      ['body', [pr.body]],
      ['commit_message', pr.messages ?? []],
    ];
    const unique = new Map<string, object>();
    for (const [foundIn, texts] of places) {
      const mentions = texts.flatMap((text) => (text ? issueKeyMentions(text) : [])).slice(0, maxPerPlace);
      for (const m of mentions) {
        const row = { pull_request_id: pr.id, key: m.key, found_in: foundIn, url_host: m.host ?? '' };
        unique.set(`${m.key} ${foundIn} ${row.url_host}`, row);
      }
    }
    return [...unique.values()];
  });
  const parents = found.rows.map((pr) => ({ pull_request_id: pr.id }));
  const changed = await page.replaceChildren(replaceKeys, parents, rows);
  return [...changed].map(Number);
}
