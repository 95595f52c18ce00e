import {
  createHttpClient,
  githubRateLimitPolicy,
  jiraRateLimitPolicy,
  retryAfterRateLimitPolicy,
  type ConnectorHttpSettings,
  type EgressPolicy,
  type HttpClient,
  type Logger,
} from '@pulse/connectors';
import type { RunnerDeps } from './deps.ts';

/** For connectors that declare no HTTP settings (local git): any request is a bug. */
const noHttp: HttpClient = {
  request: () => Promise.reject(new Error('this connector declared no HTTP settings')),
  stats: { requests: 0, retries: 0, notModified: 0, rateLimitWaits: 0, rateLimitWaitMs: 0 },
};

const policies = {
  generic: retryAfterRateLimitPolicy,
  github: githubRateLimitPolicy,
  jira: jiraRateLimitPolicy,
} as const;

/**
 * The runner's HTTP client factory: the shared client, configured by the connector's settings,
 * sending through `egress` (where requests may go, and the size and time limits). A connection
 * check gets the check limits and one retry, so a hanging or huge source answers "test
 * connection" quickly instead of holding the request.
 */
export function httpFactory(
  log: Logger,
  egress: EgressPolicy,
  defaults: { concurrency?: number } = {},
): RunnerDeps['createHttp'] {
  return (settings: ConnectorHttpSettings | undefined, onEvent, purpose = 'sync') =>
    settings === undefined
      ? noHttp
      : createHttpClient({
          baseUrl: settings.baseUrl,
          ...(settings.headers === undefined ? {} : { headers: settings.headers }),
          rateLimit: policies[settings.rateLimit ?? 'generic'],
          concurrency: defaults.concurrency ?? 4,
          egress,
          ...(purpose === 'check'
            ? {
                maxResponseBytes: egress.limits.checkMaxResponseBytes,
                timeoutMs: egress.limits.checkTimeoutMs,
                maxRetries: 1,
                retryBaseMs: 200,
              }
            : {}),
          log,
          onEvent,
        });
}
