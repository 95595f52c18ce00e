import {
  createHttpClient,
  githubRateLimitPolicy,
  jiraRateLimitPolicy,
  retryAfterRateLimitPolicy,
  type ConnectorHttpSettings,
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

/** The runner's HTTP client factory: the shared client, configured by the connector's settings. */
export function httpFactory(log: Logger, defaults: { concurrency?: number } = {}): RunnerDeps['createHttp'] {
  return (settings: ConnectorHttpSettings | undefined, onEvent) =>
    settings === undefined
      ? noHttp
      : createHttpClient({
          baseUrl: settings.baseUrl,
          ...(settings.headers === undefined ? {} : { headers: settings.headers }),
          rateLimit: policies[settings.rateLimit ?? 'generic'],
          concurrency: defaults.concurrency ?? 4,
          log,
          onEvent,
        });
}
