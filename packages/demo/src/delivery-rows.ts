/** Rows of the delivery tables: deployments and incidents. */
import type { DemoData } from './model.ts';
import type { RowRefs } from './pull-request-rows.ts';
import { date, idOf, type Ids, type TableRows } from './row-ids.ts';

export function deliveryRows(data: DemoData, t: string, ids: Ids, refs: RowRefs): TableRows[] {
  const { repository } = refs;
  const deployment = idOf(data.deployments, ids.deployments);
  return [
    {
      table: 'deployments',
      columns: [
        'id',
        'tenant_id',
        'repository_id',
        'source',
        'external_id',
        'environment',
        'is_production',
        'commit_sha',
        'ref',
        'status',
        'url',
        'started_at',
        'finished_at',
        'created_at',
      ],
      rows: data.deployments.map((d, i) => {
        const runId = 9_100_000_000 + i * 13;
        return [
          deployment(d),
          t,
          repository(d.repository),
          'github',
          String(runId),
          d.environment,
          d.environment === 'production',
          d.commitSha,
          d.ref,
          d.status,
          `https://github.com/${d.repository.fullName}/actions/runs/${runId}`,
          date(d.startedAt),
          date(d.finishedAt),
          date(d.startedAt),
        ];
      }),
    },
    {
      table: 'incidents',
      columns: [
        'tenant_id',
        'source',
        'external_id',
        'title',
        'url',
        'severity',
        'status',
        'repository_id',
        'deployment_id',
        'started_at',
        'resolved_at',
        'updated_at',
      ],
      rows: data.incidents.map((x, i) => [
        t,
        'github',
        `acme/incidents#${i + 1}`,
        x.title,
        `https://github.com/acme/incidents/issues/${i + 1}`,
        x.severity,
        x.resolvedAt === null ? 'open' : 'resolved',
        x.repository === null ? null : repository(x.repository),
        x.deployment === null ? null : deployment(x.deployment),
        date(x.startedAt),
        date(x.resolvedAt),
        date(x.resolvedAt ?? x.startedAt),
      ]),
    },
  ];
}
