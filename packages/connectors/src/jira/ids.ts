/** External ids of Jira objects: the site, then Jira's id (ids are unique per site only). */
import { siteKey } from './config.ts';

export function issueExternalId(config: { baseUrl: string }, id: string): string {
  return `${siteKey(config)}:${id}`;
}

export function sprintExternalId(config: { baseUrl: string }, id: number | string): string {
  return `${siteKey(config)}:sprint:${id}`;
}
