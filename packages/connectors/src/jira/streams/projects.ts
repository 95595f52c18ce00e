/**
 * Project partitions start by asking for the project, once per run: Jira answers a search for a
 * project that does not exist (or is hidden) with a 400 about the JQL, which would read as a
 * broken query; GET /project/{key} says 404 (or 403), and the partition fails with that.
 */
import { apiRoot } from '../config.ts';
import { jiraRequest, type JiraContext } from '../client.ts';

export function checkProject(ctx: JiraContext, key: string): Promise<void> {
  const memoKey = `jira:project:${key}`;
  let pending = ctx.memo.get(memoKey) as Promise<void> | undefined;
  if (pending === undefined) {
    pending = jiraRequest(ctx, `${apiRoot(ctx.config)}/project/${encodeURIComponent(key)}`, {
      object: `project ${key}`,
    }).then(() => undefined);
    ctx.memo.set(memoKey, pending);
  }
  return pending;
}
