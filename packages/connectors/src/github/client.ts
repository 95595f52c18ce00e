/**
 * GitHub calls over the shared HttpClient: one GraphQL call, REST GETs and REST pages that follow
 * the `Link: rel="next"` header. Retries, rate limits, ETags and the token live in `ctx.http`
 * (built from `httpSettings`); this file only knows GitHub's shapes and turns "not found" into a
 * partition failure that names the repository.
 */
import { PulseError } from '@pulse/core';
import type { ConnectorContext } from '../kit/contract.ts';
import type { HttpResponse } from '../kit/http/client.ts';
import { parseLinkHeader } from '../kit/pagination.ts';
import { retryPermissionAnswers } from '../kit/permission-retry.ts';
import { githubEndpoints, type GithubConfig, type GithubSecrets } from './config.ts';

export type GithubContext = ConnectorContext<GithubConfig, GithubSecrets>;

interface GraphqlError {
  readonly type?: string;
  readonly message?: string;
  readonly path?: readonly (string | number)[];
}

interface GraphqlBody<T> {
  readonly data?: T | null;
  readonly errors?: readonly GraphqlError[];
}

/** A repository the integration names but GitHub does not show (deleted, renamed, no access). */
export function repositoryNotFound(fullName: string): PulseError {
  return new PulseError('SOURCE_NOT_FOUND', {
    message: `GitHub repository ${fullName} does not exist or is not visible to the token.`,
  });
}

export interface GraphqlOptions {
  /** The repository the query is about: a NOT_FOUND error fails with SOURCE_NOT_FOUND naming it. */
  readonly repository?: string;
  /** NOT_FOUND errors are expected (lookups by name): their fields come back null. */
  readonly allowNotFound?: boolean;
}

/**
 * Runs a GraphQL query. Any GraphQL error fails the call (partial data would silently lose
 * records), except NOT_FOUND when `allowNotFound` is set.
 */
export async function graphql<T>(
  ctx: GithubContext,
  query: string,
  variables: Record<string, unknown>,
  options: GraphqlOptions = {},
): Promise<T> {
  const { repository, allowNotFound = false } = options;
  const response = await ctx.http.request<GraphqlBody<T>>({
    method: 'POST',
    url: githubEndpoints(ctx.config.baseUrl).graphql,
    json: { query, variables },
    signal: ctx.signal,
  });
  const errors = (response.body?.errors ?? []).filter((e) => !(allowNotFound && e.type === 'NOT_FOUND'));
  if (errors.length > 0) {
    if (repository !== undefined && errors.some((e) => e.type === 'NOT_FOUND')) {
      throw repositoryNotFound(repository);
    }
    const code = errors.some((e) => e.type === 'RATE_LIMITED' || e.type === 'RATE_LIMIT')
      ? 'SOURCE_RATE_LIMITED'
      : 'SOURCE_HTTP_ERROR';
    throw new PulseError(code, {
      // The error types only: GitHub's messages are the source's text, not Pulse's.
      message: `GitHub GraphQL answered with errors: ${[...new Set(errors.map(errorType))].join(', ')}.`,
    });
  }
  if (response.body?.data == null) {
    throw new PulseError('SOURCE_RESPONSE_INVALID', { message: 'GitHub GraphQL answered without data.' });
  }
  return response.body.data;
}

/** GitHub's error type ('NOT_FOUND', 'FORBIDDEN'), or 'error' for anything that is not one. */
function errorType(error: GraphqlError): string {
  return typeof error.type === 'string' && /^[A-Z_]{1,40}$/.test(error.type) ? error.type : 'error';
}

export interface RestGetOptions {
  /** Sends If-None-Match; a 304 comes back with notModified true. */
  readonly etag?: string | undefined;
  /** The repository the path belongs to: a 404 then fails with SOURCE_NOT_FOUND naming it. */
  readonly repository?: string;
}

/** One REST GET (relative to the base URL, or absolute as given by a Link header). */
export async function restGet<T>(
  ctx: GithubContext,
  url: string,
  options: RestGetOptions = {},
): Promise<HttpResponse<T>> {
  const send = () =>
    ctx.http.request<T>({
      url,
      signal: ctx.signal,
      ...(options.etag === undefined ? {} : { etag: options.etag }),
      ...(options.repository === undefined ? {} : { acceptStatus: [404] }),
    });
  // A repository's 404 is asked again before the partition fails with it.
  const response =
    options.repository === undefined
      ? await send()
      : await retryPermissionAnswers(ctx, send, (status) => status === 404);
  if (response.status === 404) throw repositoryNotFound(options.repository ?? url);
  return response;
}

/** REST pages from `url` on, following `Link: <…>; rel="next"` until there is none. */
export async function* restPages<T>(
  ctx: GithubContext,
  url: string,
  options: RestGetOptions = {},
): AsyncGenerator<HttpResponse<T>> {
  let next: string | undefined = url;
  let first = true;
  while (next !== undefined) {
    const response: HttpResponse<T> = await restGet<T>(
      ctx,
      next,
      first ? options : { ...options, etag: undefined },
    );
    first = false;
    yield response;
    if (response.notModified) return;
    next = parseLinkHeader(response.headers.get('link')).next;
  }
}
