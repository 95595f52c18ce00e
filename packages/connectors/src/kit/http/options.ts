/** Options and progress events of `createHttpClient`. */
import type { Logger } from '../contract.ts';
import type { EgressPolicy } from './egress/policy.ts';
import type { RateLimitPolicy } from './rate-limit.ts';

/** Progress the client reports while it waits; the sync runner forwards these to the UI. */
export type HttpEvent =
  | {
      readonly type: 'rate_limit_wait';
      readonly ms: number;
      /** ISO timestamp the wait ends. */
      readonly until: string;
      readonly reason: string;
    }
  | {
      readonly type: 'retry';
      /** 1 for the first retry. */
      readonly attempt: number;
      /** The failed answer's status, or the network error (never a header value). */
      readonly status?: number;
      readonly error?: string;
      readonly delayMs: number;
    };

export interface HttpClientOptions {
  /** Requests with a relative url are sent to baseUrl + url ('https://ghe.acme.com/api/v3'). */
  readonly baseUrl: string;
  /** Sent with every request (e.g. Authorization). Values are never logged nor put in errors. */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Where requests may go, and the default size and time limits: every client is given one by the
   * code that composes it (the server's runtime from PULSE_EGRESS_*, a test with its allow list).
   */
  readonly egress: EgressPolicy;
  /** Per attempt, from sending to the last body byte. Default: the policy's timeoutMs (30 000). */
  readonly timeoutMs?: number;
  /** Largest response body read; EGRESS_RESPONSE_TOO_LARGE past it. Default: the policy's maxResponseBytes. */
  readonly maxResponseBytes?: number;
  /** Retries after network errors, timeouts, 5xx and unreadable JSON. Default 5. */
  readonly maxRetries?: number;
  /** Requests in flight at once for this client. Default 4. */
  readonly concurrency?: number;
  /** Default: `retryAfterRateLimitPolicy` (Retry-After only). */
  readonly rateLimit?: RateLimitPolicy;
  /** A source asking for a longer wait fails with SOURCE_RATE_LIMITED instead. Default 1 h. */
  readonly maxRateLimitWaitMs?: number;
  /** Rate-limited answers in a row for one request before giving up (SOURCE_RATE_LIMITED). Default 20. */
  readonly maxRateLimitWaits?: number;
  /** First backoff ceiling; doubles per retry. Default 1 000. */
  readonly retryBaseMs?: number;
  /** Largest backoff ceiling. Default 30 000. */
  readonly retryMaxDelayMs?: number;
  /** Default 'pulse'. GitHub rejects requests without a User-Agent. */
  readonly userAgent?: string;
  readonly log?: Logger;
  readonly onEvent?: (event: HttpEvent) => void;
  /** Injectable for tests; must reject when `signal` aborts. Default: a real timer. */
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Injectable for tests; uniform in [0, 1). Default Math.random. */
  readonly random?: () => number;
  /** Injectable for tests; epoch milliseconds. Default Date.now. */
  readonly now?: () => number;
}
