/** Deciding what a complete answer means for the caller: a response, a retry, or an error. */
import { PulseError } from '@pulse/core';
import type { HttpRequest, HttpResponse } from './client.ts';
import { httpFailure, redact } from './failures.ts';
import type { Answer } from './send-once.ts';

const retryableStatuses = new Set([429, 500, 502, 503, 504]);

/** The response to return, undefined to retry; throws for a 4xx nobody accepted. */
export function settle<T>(
  answer: Answer,
  req: HttpRequest,
  where: string,
  secrets: readonly string[],
): HttpResponse<T> | undefined {
  const { status, headers, url } = answer;
  const etag = headers.get('etag') ?? undefined;
  if (status === 304)
    return { status, headers, url, body: null as T, notModified: true, etag: etag ?? req.etag };
  const ok = status >= 200 && status < 300;
  if (ok && !answer.invalidJson)
    return { status, headers, url, body: answer.body as T, notModified: false, etag };
  if (!ok && req.acceptStatus?.includes(status)) {
    const body = typeof answer.body === 'string' ? null : answer.body;
    return { status, headers, url, body: body as T, notModified: false, etag };
  }
  if (answer.invalidJson || retryableStatuses.has(status)) return undefined;
  const error = httpFailure(status, where);
  throw new PulseError(error.code, { message: redact(error.message, secrets), hint: error.hint });
}
