/** The GitHub connector (github.com and GitHub Enterprise Server); docs/connectors/github.md. */
import type { Connector } from '../kit/contract.ts';
import { checkGithub } from './check.ts';
import { githubConfig, githubSecrets, type GithubConfig, type GithubSecrets } from './config.ts';
import { commitChecksStream } from './streams/commit-checks.ts';
import { deploymentsStream } from './streams/deployments.ts';
import { issuesStream } from './streams/issues.ts';
import { pullRequestsStream } from './streams/pull-requests.ts';
import { releasesStream } from './streams/releases.ts';
import { repositoriesStream } from './streams/repositories.ts';
import { tagsStream } from './streams/tags.ts';
import { workflowRunsStream } from './streams/workflow-runs.ts';
import { normaliseBaseUrl } from '../kit/http/egress/base-url.ts';

export const githubConnector: Connector<GithubConfig, GithubSecrets> = {
  kind: 'github',
  title: 'GitHub',
  configSchema: githubConfig,
  secretsSchema: githubSecrets,
  secretTarget: (config) => normaliseBaseUrl(config.baseUrl).toLowerCase(),
  httpSettings: (config, secrets) => ({
    baseUrl: config.baseUrl,
    headers: {
      authorization: `Bearer ${secrets.token}`,
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
    },
    rateLimit: 'github',
  }),
  check: checkGithub,
  streams: [
    repositoriesStream,
    pullRequestsStream,
    deploymentsStream,
    releasesStream,
    tagsStream,
    workflowRunsStream,
    commitChecksStream,
    issuesStream,
  ],
};
