/**
 * Links between work items and pull requests found by issue key (found_in title, branch, body,
 * commit_message), recomputed for the pull requests and work items a page touched. A mention
 * links to every stored work item with that key, so only keys of existing projects count
 * (`UTF-8` links nowhere unless a project UTF has an issue 8); a mention inside a link counts
 * only when the link is on the work item's own host. Where a key appears in several places, the
 * link records the first of title, branch, body, commit message. Links given by the source itself
 * (found_in 'source') are never touched here.
 */
import type { Page } from '../page.ts';

const places = `ARRAY['title', 'branch', 'body', 'commit_message']`;
const hostOf = (url: string) => `lower(substring(${url} from '^[A-Za-z][A-Za-z0-9+.-]*://([^/?#]+)'))`;

const relinkSql = `
  WITH prs AS (SELECT value::bigint AS id FROM json_array_elements_text($2::json)),
  items AS (
    SELECT w.id, w.key, w.url FROM work_items w
    WHERE w.tenant_id = $1 AND (w.source, w.external_id) IN (SELECT k->>0, k->>1 FROM json_array_elements($3::json) k)),
  candidates AS (
    SELECT w.id AS work_item_id, m.pull_request_id, m.found_in, m.url_host, w.url
    FROM pull_request_issue_keys m JOIN work_items w ON w.tenant_id = $1 AND upper(w.key) = m.key
    WHERE m.tenant_id = $1 AND m.pull_request_id IN (SELECT id FROM prs)
    UNION ALL
    SELECT i.id, m.pull_request_id, m.found_in, m.url_host, i.url
    FROM items i JOIN pull_request_issue_keys m ON m.tenant_id = $1 AND m.key = upper(i.key)),
  wanted AS (
    SELECT DISTINCT ON (work_item_id, pull_request_id) work_item_id, pull_request_id, found_in
    FROM candidates WHERE url_host = '' OR url_host = ${hostOf('url')}
    ORDER BY work_item_id, pull_request_id, array_position(${places}, found_in)),
  stale AS (
    DELETE FROM work_item_pull_requests l
    WHERE l.tenant_id = $1 AND l.found_in <> 'source'
      AND (l.pull_request_id IN (SELECT id FROM prs) OR l.work_item_id IN (SELECT id FROM items))
      AND NOT EXISTS (SELECT 1 FROM wanted x
                      WHERE x.work_item_id = l.work_item_id AND x.pull_request_id = l.pull_request_id)
    RETURNING 1)
  INSERT INTO work_item_pull_requests (tenant_id, work_item_id, pull_request_id, found_in)
  SELECT $1, work_item_id, pull_request_id, found_in FROM wanted ORDER BY work_item_id, pull_request_id
  ON CONFLICT (tenant_id, work_item_id, pull_request_id) DO UPDATE SET found_in = excluded.found_in
  WHERE work_item_pull_requests.found_in <> 'source' AND work_item_pull_requests.found_in <> excluded.found_in`;

/** Recomputes the key links of `pullRequestIds` and of the page's work items. */
export async function relinkByKeys(page: Page, pullRequestIds: readonly number[]): Promise<void> {
  const items = page.touched.workItems;
  if (pullRequestIds.length + items.length === 0) return;
  const pairs = items.map((key) => [key.slice(0, key.indexOf('/')), key.slice(key.indexOf('/') + 1)]);
  await page.tx.query(relinkSql, [page.ctx.tenantId, JSON.stringify(pullRequestIds), JSON.stringify(pairs)]);
}
