/**
 * A Jira account as a Pulse actor. Cloud accounts are keyed by their Atlassian account id (the
 * same on every site); Data Center users by the site and their user key. E-mails are shown only
 * when the user's profile allows it. Whether they are trusted to link people (emailVerified)
 * follows `trustEmails`: on Cloud the address is the verified Atlassian login; on Data Center an
 * internal-directory user may type any address, so it is off unless the directory is trusted.
 */
import type { Actor } from '@pulse/core';
import { deploymentOf, siteKey, type JiraConfig } from '../config.ts';
import type { JiraUser } from '../payloads.ts';

export function jiraActor(user: JiraUser | null | undefined, config: JiraConfig): Actor | undefined {
  if (user == null) return undefined;
  const cloud = deploymentOf(config) === 'cloud';
  const id = cloud ? user.accountId : (user.key ?? user.name);
  if (id === undefined) return undefined;
  const trusted = config.trustEmails ?? cloud;
  return {
    source: 'jira',
    externalId: cloud ? id : `${siteKey(config)}:${id}`,
    ...(cloud || user.name === undefined ? {} : { login: user.name }),
    ...(user.displayName ? { name: user.displayName } : {}),
    ...(user.emailAddress ? { email: user.emailAddress, emailVerified: trusted } : {}),
    isBot: user.accountType === 'app',
  };
}
