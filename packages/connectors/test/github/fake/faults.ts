/** Failures the fake GitHub can inject, as GitHub sends them. */
import type { ServerResponse } from 'node:http';

export type FaultKind =
  'primary-limit' | 'secondary-limit' | 'secondary-limit-429' | 'server-error' | 'truncated-json';

export interface Fault {
  readonly kind: FaultKind;
  /** Only requests whose path (with query) matches; default: any. */
  readonly path?: RegExp;
  /** How many requests it hits; default 1. */
  times?: number;
}

export const faultStatus: Record<FaultKind, number> = {
  'primary-limit': 403,
  'secondary-limit': 403,
  'secondary-limit-429': 429,
  'server-error': 502,
  'truncated-json': 200,
};

/** Writes the fault's response; truncated JSON is a 200 whose body stops halfway. */
export function writeFault(res: ServerResponse, kind: FaultKind, nowSeconds: number): void {
  const json = (status: number, headers: Record<string, string>, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
    res.end(JSON.stringify(body));
  };
  const docs = 'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api';
  switch (kind) {
    case 'primary-limit':
      return json(
        403,
        {
          'x-ratelimit-limit': '5000',
          'x-ratelimit-remaining': '0',
          'x-ratelimit-used': '5000',
          'x-ratelimit-reset': String(nowSeconds + 30),
        },
        {
          message: 'API rate limit exceeded for user ID 1.',
          documentation_url: docs,
        },
      );
    case 'secondary-limit':
    case 'secondary-limit-429':
      return json(
        kind === 'secondary-limit' ? 403 : 429,
        { 'retry-after': '60', 'x-ratelimit-remaining': '4000' },
        {
          message:
            'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
          documentation_url: docs,
        },
      );
    case 'server-error':
      return json(502, {}, { message: 'Server Error' });
    case 'truncated-json':
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      return void res.end('{"data": {"repository": {"pullRequests": {"nodes": [{"id": "PR_');
  }
}
