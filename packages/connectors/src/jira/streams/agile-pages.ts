/** Agile API listings (boards, sprints): startAt / maxResults / isLast, page by page. */
import { jiraRequest, type JiraContext } from '../client.ts';
import type { AgilePage } from '../payloads.ts';

export async function* agilePages<T>(ctx: JiraContext, url: string, object: string): AsyncGenerator<T[]> {
  const separator = url.includes('?') ? '&' : '?';
  for (let startAt = 0; ;) {
    const response = await jiraRequest<AgilePage<T>>(
      ctx,
      `${url}${separator}startAt=${startAt}&maxResults=50`,
      {
        object,
      },
    );
    const values = [...(response.body?.values ?? [])];
    yield values;
    startAt += values.length;
    if (response.body?.isLast !== false || values.length === 0) return;
  }
}
