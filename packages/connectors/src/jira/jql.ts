/**
 * JQL for the issue partitions. Jira reads dates in a JQL query in the time zone of the account
 * that runs it, to the minute ("2026-03-02 10:05"), so a cursor instant is written in that zone
 * and rounded down; the overlap window covers the rounding.
 */
import { createHash } from 'node:crypto';
import type { Partition } from '../kit/contract.ts';
import type { JiraConfig } from './config.ts';

export interface IssueScope {
  /** The project key, for a project partition. */
  readonly project?: string;
  /** The JQL that selects the partition's issues (without ORDER BY). */
  readonly jql: string;
}

/** One partition per project key and per JQL query; keys: 'PROJ', 'jql:<hash>'. */
export function issuePartitions(config: JiraConfig): Partition[] {
  return [
    ...(config.projects.keys ?? []).map((key) => ({
      key,
      data: { project: key, jql: `project = "${key}"` },
    })),
    ...(config.projects.jql ?? []).map((jql) => ({
      key: `jql:${createHash('sha256').update(jql).digest('hex').slice(0, 12)}`,
      data: { jql: `(${jql})` },
    })),
  ];
}

export function scopeOf(partition: Partition): IssueScope {
  return partition.data as unknown as IssueScope;
}

/** `scope AND updated >= "…"` (when `from` is set), oldest update first. */
export function updatedSince(scope: IssueScope, from: string | undefined, timeZone: string): string {
  const since = from === undefined ? '' : ` AND updated >= "${jqlDate(from, timeZone)}"`;
  return `${scope.jql}${since} ORDER BY updated ASC, key ASC`;
}

/** An instant as a JQL date in `timeZone`, rounded down to the minute: "2026-03-02 10:05". */
export function jqlDate(instant: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(instant));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** Jira's timestamps ("2026-03-02T10:05:00.000+0100") as ISO 8601 UTC. */
export function jiraTime(value: string): string {
  return new Date(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')).toISOString();
}
