/**
 * Link-header pagination (RFC 8288), as GitHub REST uses it:
 * `Link: <https://api.github.com/repositories/1/issues?page=2>; rel="next", <…?page=5>; rel="last"`.
 * https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api
 */
import type { HttpClient, HttpRequest, HttpResponse } from './http/client.ts';

/** Parses a Link header into rel → URL ({ next, last, prev, first }); {} when absent. */
export function parseLinkHeader(header: string | null | undefined): Record<string, string> {
  const links: Record<string, string> = {};
  if (!header) return links;
  // Split on commas between entries only: URLs may themselves contain commas inside <…>.
  for (const entry of header.match(/<[^>]*>[^,]*/g) ?? []) {
    const url = /^<([^>]*)>/.exec(entry)?.[1];
    const rels = /;\s*rel\s*=\s*"?([^";]+)"?/i.exec(entry)?.[1];
    if (url === undefined || rels === undefined) continue;
    for (const rel of rels.trim().split(/\s+/)) links[rel] ??= url;
  }
  return links;
}

export interface PaginateOptions {
  readonly signal?: AbortSignal;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent with the first page only; a 304 is yielded (notModified) and ends the walk. */
  readonly etag?: string;
  /** Stop after this many pages (e.g. a sample or a safety bound). Default: no limit. */
  readonly maxPages?: number;
}

/**
 * Yields every page of a Link-paginated listing, following rel="next" until there is none.
 * Each response is yielded as is, so the caller keeps headers (ETag, rate limits) and the URL,
 * which it can save as a cursor to resume from.
 */
export async function* paginateLink<T = unknown>(
  http: HttpClient,
  firstUrl: string,
  options: PaginateOptions = {},
): AsyncGenerator<HttpResponse<T>, void, undefined> {
  const { signal, headers, etag, maxPages = Infinity } = options;
  const seen = new Set<string>();
  let url: string | undefined = firstUrl;
  for (let pages = 0; url !== undefined && pages < maxPages; pages++) {
    // A source returning a link to a page already read would otherwise loop forever.
    if (seen.has(url))
      throw new Error(`pagination loop: ${new URL(url, 'http://x').pathname} was already read`);
    seen.add(url);
    const request: HttpRequest = {
      url,
      ...(signal && { signal }),
      ...(headers && { headers }),
      ...(pages === 0 && etag !== undefined && { etag }),
    };
    const response: HttpResponse<T> = await http.request<T>(request);
    yield response;
    if (response.notModified) return;
    url = parseLinkHeader(response.headers.get('link')).next;
  }
}
