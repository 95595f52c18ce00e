/** Building the outgoing request: the URL against the base URL, headers, and the secrets to scrub. */
import { PulseError } from '@pulse/core';
import type { HttpRequest } from './client.ts';
import { joinBaseUrl } from './egress/base-url.ts';
import type { HttpClientOptions } from './options.ts';

/**
 * Relative URLs are appended to baseUrl; absolute ones (a Link header's next page) must stay on
 * the base URL's origin, since the client's credentials go with every request.
 */
export function resolveUrl(baseUrl: string, url: string): string {
  if (!/^[a-z][a-z\d+.-]*:/i.test(url)) return joinBaseUrl(baseUrl, url);
  if (new URL(url).origin !== new URL(baseUrl).origin)
    throw new PulseError('EGRESS_URL_INVALID', {
      message: 'A request URL names another origin than the integration base URL; it was not sent.',
    });
  return url;
}

/** Client defaults, then request headers, then the JSON and conditional-request headers. */
export function buildHeaders(options: HttpClientOptions, req: HttpRequest): Headers {
  const headers = new Headers({ accept: 'application/json', 'user-agent': options.userAgent ?? 'pulse' });
  for (const [name, value] of Object.entries(options.headers ?? {})) headers.set(name, value);
  for (const [name, value] of Object.entries(req.headers ?? {})) headers.set(name, value);
  if (req.json !== undefined) headers.set('content-type', 'application/json');
  if (req.etag !== undefined) headers.set('if-none-match', req.etag);
  return headers;
}

/** Credential values (and the token part of 'Bearer x' / 'Basic x') to scrub from error text. */
export function secretValues(headers: Readonly<Record<string, string>>): string[] {
  return Object.entries(headers)
    .filter(([name]) => /auth|token|key|cookie|secret|password/i.test(name))
    .flatMap(([, value]) => [value, value.trim().split(/\s+/).at(-1) ?? value]);
}
