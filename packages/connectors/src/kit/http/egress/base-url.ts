/**
 * Base URLs as connectors may use them: http or https, a host, no user name or password, and no
 * query or fragment. A base URL ending in '?' or '#' would turn the path Pulse appends
 * ('/user', '/rest/api/2/myself') into a query string, so the request would go to whatever path
 * the URL names instead: those are refused, not repaired.
 */
import { PulseError } from '@pulse/core';

const hint =
  'Give the API root as scheme, host and path only, e.g. https://api.github.com, https://HOST/api/v3 or https://acme.atlassian.net (no user:password@, no ?query, no #fragment).';

/** Why `raw` is not a usable base URL, or undefined when it is. */
export function baseUrlProblem(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'is not an absolute URL';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'must use http or https';
  if (url.username !== '' || url.password !== '') return 'must not carry a user name or password';
  // `new URL('https://h/?').search` is '' although the URL has a query: look at the text too.
  if (url.search !== '' || raw.includes('?')) return 'must not have a query (?)';
  if (url.hash !== '' || raw.includes('#')) return 'must not have a fragment (#)';
  if (url.hostname === '') return 'must name a host';
  return undefined;
}

/** The base URL normalised (parsed, no trailing slash); EGRESS_URL_INVALID when it is not usable. */
export function normaliseBaseUrl(raw: string): string {
  const problem = baseUrlProblem(raw);
  if (problem !== undefined)
    throw new PulseError('EGRESS_URL_INVALID', { message: `The base URL ${problem}.`, hint });
  return new URL(raw).href.replace(/\/+$/, '');
}

/**
 * `path` appended to the base URL's path ('https://ghe/api/v3' + '/user' → 'https://ghe/api/v3/user').
 * Joined as strings because new URL('/user', base) would drop the /api/v3 prefix; the result is
 * parsed again and must keep the base URL's origin and path prefix.
 */
export function joinBaseUrl(base: string, path: string): string {
  const root = normaliseBaseUrl(base);
  const joined = new URL(`${root}/${path.replace(/^\/+/, '')}`);
  const prefix = new URL(root);
  if (joined.origin !== prefix.origin || !joined.pathname.startsWith(prefix.pathname.replace(/\/+$/, '')))
    throw new PulseError('EGRESS_URL_INVALID', {
      message: 'A request path leaves the base URL.',
      hint,
    });
  return joined.href;
}
