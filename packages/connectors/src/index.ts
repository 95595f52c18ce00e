export type * from './kit/contract.ts';
export type * from './kit/http/client.ts';
export { createHttpClient } from './kit/http/create-http-client.ts';
export type { HttpClientOptions, HttpEvent } from './kit/http/options.ts';
export * from './kit/http/egress/index.ts';
export {
  parseRetryAfter,
  retryAfterRateLimitPolicy,
  type RateLimitContext,
  type RateLimitDecision,
  type RateLimitPolicy,
  type RateLimitResponse,
} from './kit/http/rate-limit.ts';
export { githubRateLimitPolicy } from './kit/http/github-rate-limit.ts';
export { jiraRateLimitPolicy } from './kit/http/jira-rate-limit.ts';
export { paginateLink, parseLinkHeader, type PaginateOptions } from './kit/pagination.ts';
export { createSemaphore, type Semaphore } from './kit/concurrency.ts';
export { githubConnector } from './github/index.ts';
export { githubConfig, githubSecrets, githubEndpoints } from './github/config.ts';
export type { GithubConfig, GithubConfigInput, GithubSecrets } from './github/config.ts';
export { createGitConnector, gitConnector } from './git/index.ts';
export type { GitConfig, GitConnectorOptions, GitGrant, GitSecrets } from './git/index.ts';
export { jiraConnector } from './jira/index.ts';
export { jiraConfig, jiraSecrets } from './jira/config.ts';
export type { JiraConfig, JiraConfigInput, JiraSecrets } from './jira/config.ts';
export { defaultCategory, defaultKind } from './jira/map/categories.ts';
