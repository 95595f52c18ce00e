/** Maps a GitHub issue to a work_item record, plus an incident when it has the incident label. */
import type { NormalisedRecord, RecordOf } from '@pulse/core';
import type { Json, MapContext } from '../../kit/contract.ts';
import type { GithubConfig } from '../config.ts';
import { repositoryOf } from '../streams/shared.ts';
import { restActor, type RestUser } from './actor.ts';

/** The fields of GitHub's issue object the connector reads. */
export interface Issue {
  readonly node_id: string;
  readonly number: number;
  readonly title: string;
  readonly html_url: string;
  readonly state: string;
  readonly labels: readonly (string | { readonly name?: string })[];
  readonly user: RestUser | null;
  readonly assignee: RestUser | null;
  readonly created_at: string;
  readonly updated_at: string;
  readonly closed_at: string | null;
  readonly pull_request?: unknown;
}

type Kind = NonNullable<RecordOf<'work_item'>['kind']>;

/** Label conventions → work item kind; the first match wins, in this order. */
const kindByLabel: readonly [RegExp, Kind][] = [
  [/^(bug|defect|regression)$/i, 'defect'],
  [/^(feature|enhancement)$/i, 'feature'],
  [/^(tech[- ]?debt|debt|refactor(ing)?)$/i, 'debt'],
  [/^(risk|security)$/i, 'risk'],
];

export function mapIssue(payload: Json, ctx: MapContext<GithubConfig>): NormalisedRecord[] {
  const issue = payload as unknown as Issue;
  const repository = repositoryOf(ctx.partition).fullName;
  const labels = issue.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean);
  const incident = labels.some((l) => l.toLowerCase() === ctx.config.incidentLabel.toLowerCase());
  const kind: Kind = incident
    ? 'incident'
    : (kindByLabel.find(([re]) => labels.some((l) => re.test(l)))?.[1] ?? 'other');
  const closed = issue.state === 'closed';
  const assignee = restActor(issue.assignee);
  const reporter = restActor(issue.user);
  const item: RecordOf<'work_item'> = {
    type: 'work_item',
    source: 'github',
    externalId: issue.node_id,
    key: `${repository}#${issue.number}`,
    title: issue.title,
    url: issue.html_url,
    kind,
    status: issue.state,
    statusCategory: closed ? 'done' : 'todo',
    projectKey: repository,
    ...(assignee ? { assignee } : {}),
    ...(reporter ? { reporter } : {}),
    createdAt: issue.created_at,
    ...(closed && issue.closed_at ? { resolvedAt: issue.closed_at } : {}),
    updatedAt: issue.updated_at,
  };
  if (!incident) return [item];
  return [
    item,
    {
      type: 'incident',
      source: 'github',
      externalId: issue.node_id,
      title: issue.title,
      url: issue.html_url,
      status: closed ? 'resolved' : 'open',
      repository: { fullName: repository },
      startedAt: issue.created_at,
      ...(closed && issue.closed_at ? { resolvedAt: issue.closed_at } : {}),
      updatedAt: issue.updated_at,
    },
  ];
}
