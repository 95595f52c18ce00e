/**
 * The HTTP client port every connector uses (one instance per integration). The implementation
 * (`create-http-client.ts`) owns timeouts, abort, retries with backoff and jitter, waiting out rate
 * limits exactly as the source asks, conditional requests and the per-integration concurrency limit.
 */
export interface HttpRequest {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Absolute, or relative to the client's baseUrl ('/repos/acme/api/pulls?per_page=100'). */
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as JSON. */
  readonly json?: unknown;
  /** Sends If-None-Match; a 304 answer comes back as `notModified: true` with body null. */
  readonly etag?: string;
  readonly signal?: AbortSignal;
  /** Statuses returned as values instead of thrown (e.g. [404] to detect a deleted repository). */
  readonly acceptStatus?: readonly number[];
}

export interface HttpResponse<T = unknown> {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON (null for 204/304 or an accepted error status without a JSON body). */
  readonly body: T;
  readonly notModified: boolean;
  readonly etag: string | undefined;
  readonly url: string;
}

/** Counters for progress, metrics and benchmarks. */
export interface HttpStats {
  /** Every HTTP request sent, including retries and re-sends after a rate-limit wait. */
  requests: number;
  /** Requests sent again after a failure (network error, timeout, 5xx, broken JSON); not after rate limits. */
  retries: number;
  /** 304 answers to conditional requests. */
  notModified: number;
  /** Times the client paused for a rate limit (once per pause, however many requests waited). */
  rateLimitWaits: number;
  /** Total length of those pauses. */
  rateLimitWaitMs: number;
}

export interface HttpClient {
  request<T = unknown>(request: HttpRequest): Promise<HttpResponse<T>>;
  readonly stats: Readonly<HttpStats>;
}
