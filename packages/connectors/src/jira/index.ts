/** The Jira connector (Jira Cloud and Jira Data Center / Server); docs/connectors/jira.md. */
import type { Connector } from '../kit/contract.ts';
import { checkJira } from './check.ts';
import { deploymentOf, jiraConfig, jiraSecrets, type JiraConfig, type JiraSecrets } from './config.ts';
import { deletionsStream } from './streams/deletions.ts';
import { issuesStream } from './streams/issues.ts';
import { sprintsStream } from './streams/sprints.ts';
import { normaliseBaseUrl } from '../kit/http/egress/base-url.ts';

export const jiraConnector: Connector<JiraConfig, JiraSecrets> = {
  kind: 'jira',
  title: 'Jira',
  configSchema: jiraConfig,
  secretsSchema: jiraSecrets,
  mappings: true,
  secretTarget: (config) => normaliseBaseUrl(config.baseUrl).toLowerCase(),
  httpSettings: (config, secrets) => ({
    baseUrl: config.baseUrl,
    headers: {
      authorization:
        deploymentOf(config) === 'cloud'
          ? `Basic ${Buffer.from(`${config.email}:${secrets.token}`).toString('base64')}`
          : `Bearer ${secrets.token}`,
    },
    rateLimit: 'jira',
  }),
  check: checkJira,
  streams: [sprintsStream, issuesStream, deletionsStream],
};
