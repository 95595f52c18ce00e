/**
 * The Jira integration's settings and secrets (docs/connectors/jira.md has the reference and
 * examples). Jira Cloud authenticates with the account's e-mail and an API token (basic auth),
 * Data Center / Server with a personal access token (bearer).
 */
import { statusCategory, workItemKind } from '@pulse/core';
import { z } from 'zod';
import { apiBaseUrl } from '../kit/base-url-setting.ts';

const isoDate = z.iso.date().or(z.iso.datetime({ offset: true }));
const projectKey = z.string().regex(/^[A-Z][A-Z0-9_]{1,254}$/, 'a Jira project key in capitals, e.g. "PROJ"');
const jql = z.string().trim().min(1).max(10_000);

export const jiraConfig = z
  .strictObject({
    /** The site: https://acme.atlassian.net, or the Data Center base URL (with its context path). */
    baseUrl: apiBaseUrl,
    /** Default: cloud for *.atlassian.net and *.jira.com, else datacenter. */
    deployment: z.enum(['cloud', 'datacenter']).optional(),
    /** Jira Cloud: the e-mail of the account whose API token is the secret. */
    email: z.email().optional(),
    projects: z
      .strictObject({
        /** Every issue of these projects… */
        keys: z.array(projectKey).max(1000).optional(),
        /** …and of these JQL queries (each one partition); ORDER BY is not allowed. */
        jql: z
          .array(jql.refine((q) => !/\border\s+by\b/i.test(q), 'no ORDER BY: Pulse orders by update time'))
          .max(100)
          .optional(),
      })
      .refine((p) => (p.keys?.length ?? 0) + (p.jql?.length ?? 0) > 0, {
        message: 'name project keys or JQL queries',
      }),
    /** Scrum boards whose sprints are read besides those of the projects' boards. */
    boards: z.array(z.number().int().positive()).max(1000).optional(),
    /** Don't read issues last updated before this date. */
    since: isoDate.optional(),
    /** Incremental reads re-read this many minutes before the cursor. */
    overlapMinutes: z.number().int().min(0).max(10_080).default(10),
    /** Issues per search page (Jira may answer with fewer). */
    pageSize: z.number().int().min(10).max(1000).default(100),
    fields: z
      .strictObject({
        /** Field id or name holding story points; default: found by name ("Story Points", "Story point estimate", …). */
        storyPoints: z.string().min(1).max(200).optional(),
        /** Field id or name of the Sprint field; default: the field named "Sprint". */
        sprint: z.string().min(1).max(200).optional(),
      })
      .default({}),
    mappings: z
      .strictObject({
        /** Status name → category, overriding the default from Jira's status category. */
        statuses: z.record(z.string().min(1).max(200), statusCategory).default({}),
        /** Issue type name → work-item kind, overriding the default from the type's name. */
        types: z.record(z.string().min(1).max(200), workItemKind).default({}),
      })
      .default({ statuses: {}, types: {} }),
    incidents: z
      .strictObject({
        /** Issues of the integration matching this JQL are incidents too (besides kind incident). */
        jql: jql.optional(),
        /** Field id or name naming the affected service, or "components" for the first component. */
        serviceField: z.string().min(1).max(200).optional(),
      })
      .default({}),
    /** Hours between two checks for deleted issues (0: every run). */
    reconcileHours: z.number().int().min(0).max(8760).default(24),
    /** Link accounts to people by their Jira e-mail (default: yes on Cloud, no on Data Center). */
    trustEmails: z.boolean().optional(),
  })
  .refine((c) => deploymentOf(c) === 'datacenter' || c.email !== undefined, {
    message: 'Jira Cloud needs the e-mail of the account the API token belongs to',
    path: ['email'],
  });
export type JiraConfig = z.infer<typeof jiraConfig>;
export type JiraConfigInput = z.input<typeof jiraConfig>;

/** The API token (Cloud) or personal access token (Data Center). */
export const jiraSecrets = z.strictObject({ token: z.string().min(1) });
export type JiraSecrets = z.infer<typeof jiraSecrets>;

export type Deployment = 'cloud' | 'datacenter';

export function deploymentOf(config: { baseUrl: string; deployment?: Deployment | undefined }): Deployment {
  if (config.deployment !== undefined) return config.deployment;
  return /\.(atlassian\.net|jira\.com)$/i.test(new URL(config.baseUrl).hostname) ? 'cloud' : 'datacenter';
}

/** REST platform API root: /rest/api/3 on Cloud, /rest/api/2 on Data Center. */
export function apiRoot(config: JiraConfig): string {
  return deploymentOf(config) === 'cloud' ? '/rest/api/3' : '/rest/api/2';
}

/**
 * The site's part of every external id ('acme.atlassian.net', 'jira.acme.com/jira'): issue and
 * sprint ids are numbers unique only within a site, and a tenant may connect two sites.
 */
export function siteKey(config: { baseUrl: string }): string {
  const url = new URL(config.baseUrl);
  return `${url.host}${url.pathname.replace(/\/+$/, '')}`.toLowerCase();
}

/** The browse URL of an issue. */
export function issueUrl(config: { baseUrl: string }, key: string): string {
  return `${config.baseUrl.replace(/\/+$/, '')}/browse/${key}`;
}
