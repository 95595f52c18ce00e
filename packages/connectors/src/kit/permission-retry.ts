/**
 * A 403 or 404 on a project or repository that the same run (or an earlier one) could read is
 * often transient (a permission cache rebuilt, a replica behind). Believing it would drop the
 * partition's data, so it is asked again a few times with growing pauses first; still failing,
 * the caller fails the partition with it (never reads it as "now empty").
 */
import type { ConnectorContext } from './contract.ts';
import type { HttpResponse } from './http/client.ts';
import { abortableSleep } from './http/timing.ts';

/** Pauses before asking again (3.5 s in all before the answer is believed). */
export const permissionRetryDelaysMs: readonly number[] = [500, 1000, 2000];

export async function retryPermissionAnswers<T>(
  ctx: ConnectorContext<unknown, unknown>,
  send: () => Promise<HttpResponse<T>>,
  isPermissionAnswer: (status: number) => boolean,
): Promise<HttpResponse<T>> {
  let response = await send();
  for (const delayMs of permissionRetryDelaysMs) {
    if (!isPermissionAnswer(response.status)) break;
    ctx.log.warn({ status: response.status, delayMs }, 'permission answer from the source; asking again');
    await abortableSleep(delayMs, ctx.signal);
    response = await send();
  }
  return response;
}
