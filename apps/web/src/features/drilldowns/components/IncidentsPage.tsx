import { Link } from 'react-router';
import { ErrorBox } from '../../../app/ErrorBox.tsx';
import { formatDate } from '../../../lib/format/format-date.ts';
import { formatDuration } from '../../../lib/format/format-duration.ts';
import { FilterBar } from '../../filters/components/FilterBar.tsx';
import { useFilters } from '../../filters/hooks/use-filters.ts';
import { resolvePeriod } from '../../filters/lib/resolve-period.ts';
import type { Incident } from '../api/deployment.ts';
import { useList } from '../hooks/use-list.ts';
import { recoverySeconds } from '../lib/recovery-seconds.ts';
import { ExternalLink } from './ExternalLink.tsx';
import { LoadMore } from './LoadMore.tsx';

/** Incidents of the period with their recovery time and the deployment they point at. */
export function IncidentsPage() {
  const [filters] = useFilters();
  const period = resolvePeriod(filters);
  const list = useList<Incident>('/incidents', { ...period, repository: filters.repository, limit: '100' });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <div className="page-head">
        <h1>Incidents</h1>
        <p className="muted">
          Incidents started from {period.from} to {period.to} (exclusive), newest first.
        </p>
      </div>
      <FilterBar show={['repository']} />
      {list.error !== null && <ErrorBox error={list.error} />}
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">Incidents</caption>
          <thead>
            <tr>
              <th scope="col">Incident</th>
              <th scope="col">Severity</th>
              <th scope="col">Repository</th>
              <th scope="col">Started</th>
              <th scope="col">Recovery time</th>
              <th scope="col">Deployment</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((i) => (
              <tr key={i.id}>
                <td>
                  <ExternalLink href={i.url}>{i.title}</ExternalLink>
                </td>
                <td>{i.severity ?? '—'}</td>
                <td>{i.repository ?? '—'}</td>
                <td>{formatDate(i.startedAt)}</td>
                <td>
                  {i.status === 'open' ? 'open' : formatDuration(recoverySeconds(i.startedAt, i.resolvedAt))}
                </td>
                <td>
                  {i.deploymentId === null ? (
                    '—'
                  ) : (
                    <Link to={`/deployments/${i.deploymentId}`}>#{i.deploymentId}</Link>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {list.isSuccess && rows.length === 0 && <p className="muted">No incidents in this period.</p>}
      <LoadMore
        count={rows.length}
        hasNext={list.hasNextPage}
        loading={list.isFetchingNextPage}
        onLoad={() => void list.fetchNextPage()}
      />
    </>
  );
}
